package dev.martech.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martech.targeting.TargetingClient;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * A plain loop for profilers (JFR, async-profiler): {@code Profile sdk|raw small|large seconds [threads]}.
 * Not part of the benchmark run.
 */
public final class Profile {
    private Profile() {
    }

    public static void main(String[] args) throws Exception {
        boolean sdk = args[0].equals("sdk");
        boolean small = args[1].equals("small");
        long seconds = Long.parseLong(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        UUID campaign = small ? Fixtures.SMALL_CAMPAIGN : Fixtures.LARGE_CAMPAIGN;
        int limit = small ? Fixtures.SMALL_SIZE : Fixtures.PAGE_SIZE;
        try (BenchServer server = BenchServer.forCalls(); TargetingClient client = Calls.sdk(server.baseUrl())) {
            OkHttpClient http = Calls.rawClient();
            ObjectMapper mapper = Calls.rawMapper();
            String base = server.baseUrl();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long[] counts = new long[threads];
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                workers[t] = new Thread(() -> {
                    com.sun.management.ThreadMXBean mx =
                            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
                    long warm = System.nanoTime() + Math.min(3, seconds / 2) * 1_000_000_000L;
                    long bytes0 = 0;
                    long calls0 = 0;
                    boolean measuring = false;
                    while (System.nanoTime() < end) {
                        if (!measuring && System.nanoTime() > warm) {
                            measuring = true;
                            bytes0 = mx.getCurrentThreadAllocatedBytes();
                            calls0 = counts[id];
                        }
                        if (sdk) {
                            Calls.check(Calls.sdkGet(client, campaign, limit), limit);
                        } else {
                            Calls.check(Calls.rawGet(http, mapper, base, campaign, limit, null), limit);
                        }
                        counts[id]++;
                    }
                    if (id == 0 && measuring) {
                        System.out.printf("thread 0: %.0f B/call%n",
                                (mx.getCurrentThreadAllocatedBytes() - bytes0) / (double) (counts[id] - calls0));
                    }
                });
                workers[t].start();
            }
            long total = 0;
            for (int t = 0; t < threads; t++) {
                workers[t].join();
                total += counts[t];
            }
            System.out.printf("%s %s: %d calls in %d s = %.0f/s%n", args[0], args[1], total, seconds, total / (double) seconds);
            http.dispatcher().executorService().shutdown();
        }
    }
}
