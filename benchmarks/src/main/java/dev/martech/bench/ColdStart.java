package dev.martech.bench;

import dev.martech.targeting.TargetingClient;
import okhttp3.OkHttpClient;

/**
 * Item 6: a fresh JVM that makes one small call, prints {@code DONE} and exits; {@link RunAll} times from
 * process start to that line. {@code noop} prints it at once (the bare JVM start, for reference).
 *
 * <pre>ColdStart sdk|raw|noop baseUrl</pre>
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) {
        String variant = args[0];
        String base = args[1];
        int n;
        switch (variant) {
            case "sdk": {
                TargetingClient client = Calls.sdk(base);
                n = Calls.check(Calls.sdkGet(client, Fixtures.SMALL_CAMPAIGN, Fixtures.SMALL_SIZE), Fixtures.SMALL_SIZE);
                break;
            }
            case "raw": {
                OkHttpClient http = Calls.rawClient();
                n = Calls.check(Calls.rawGet(http, Calls.rawMapper(), base, Fixtures.SMALL_CAMPAIGN, Fixtures.SMALL_SIZE, null),
                        Fixtures.SMALL_SIZE);
                break;
            }
            default:
                n = 1;
        }
        System.out.println(n > 0 ? "DONE" : "FAILED");
        System.out.flush();
        Runtime.getRuntime().halt(0); // OkHttp's pool threads would keep the JVM alive for a while
    }
}
