package dev.martech.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martech.contactflow.ContactflowClient;
import dev.martech.contactflow.api.AutomationDownloadReportParams;
import dev.martech.core.BinaryResponse;
import dev.martech.core.json.Json;
import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.api.RecipientListParams;
import dev.martech.targeting.model.AutomationStatus;
import dev.martech.targeting.model.Recipient;
import dev.martech.targeting.model.RecipientsPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The same operations three ways: through the SDK, and "raw" with one shared OkHttpClient and one
 * ObjectMapper configured like the SDK's ({@link Json#newMapper()}), reading into the same model classes.
 * Each raw call builds its URL and request as the SDK does per call (no pre-built Request).
 */
public final class Calls {
    private Calls() {
    }

    public static TargetingClient sdk(String baseUrl) {
        return TargetingClient.builder().baseUrl(baseUrl).bearerToken(Fixtures.TOKEN).build();
    }

    /** An SDK client on a caller-supplied OkHttpClient (e.g. one that answers from memory, see {@link InMemory}). */
    public static TargetingClient sdk(String baseUrl, OkHttpClient okHttp) {
        return TargetingClient.builder().baseUrl(baseUrl).bearerToken(Fixtures.TOKEN).okHttpClient(okHttp).build();
    }

    public static ContactflowClient sdkDownloads(String baseUrl) {
        return ContactflowClient.builder().baseUrl(baseUrl).oauth2Token(Fixtures.TOKEN)
                .node(UUID.fromString("00000000-0000-4000-8000-0000000000aa")).build();
    }

    public static OkHttpClient rawClient() {
        return new OkHttpClient.Builder().build();
    }

    public static ObjectMapper rawMapper() {
        return Json.newMapper();
    }

    public static RecipientsPage sdkGet(TargetingClient client, UUID campaign, int limit) {
        return client.recipients().list(RecipientListParams.builder().campaignId(campaign).limit(limit).build())
                .response();
    }

    public static CompletableFuture<RecipientsPage> sdkGetAsync(TargetingClient client, UUID campaign, int limit) {
        return client.async().recipients().list(RecipientListParams.builder().campaignId(campaign).limit(limit).build())
                .thenApply(page -> page.response());
    }

    /** Auto-pages every recipient of {@code campaign} as a Stream, counting all and the "success" ones. */
    public static long[] sdkPageAll(TargetingClient client, UUID campaign, int limit) {
        long[] counts = new long[2];
        client.recipients()
                .list(RecipientListParams.builder().campaignId(campaign).limit(limit).build())
                .autoPager()
                .stream()
                .forEach(r -> {
                    counts[0]++;
                    if (r.automationStatus().filter(AutomationStatus.SUCCESS::equals).isPresent()) {
                        counts[1]++;
                    }
                });
        return counts;
    }

    public static RecipientsPage rawGet(OkHttpClient http, ObjectMapper mapper, String baseUrl, UUID campaign, int limit,
            String next) {
        String url = baseUrl + "/v1/campaign/" + campaign + "/recipients?limit=" + limit
                + (next == null ? "" : "&next=" + next);
        Request request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + Fixtures.TOKEN)
                .header("Accept", "application/json")
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("status " + response.code());
            }
            return mapper.readValue(response.body().byteStream(), RecipientsPage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long sdkDownload(ContactflowClient client, OutputStream sink) {
        BinaryResponse body = client.automations().downloadReport(AutomationDownloadReportParams.none());
        return body.transferTo(sink);
    }

    public static long rawDownload(OkHttpClient http, String baseUrl, OutputStream sink) {
        Request request = new Request.Builder().url(baseUrl + "/automations/reports/automations.csv")
                .header("Authorization", "Bearer " + Fixtures.TOKEN)
                .header("Node", "00000000-0000-4000-8000-0000000000aa")
                .post(okhttp3.RequestBody.create(new byte[0]))
                .build();
        try (Response response = http.newCall(request).execute(); InputStream in = response.body().byteStream()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("status " + response.code());
            }
            return in.transferTo(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Touches what was decoded so that no work can be skipped; also a cheap correctness check. */
    public static int check(RecipientsPage page, int expected) {
        int n = page.results().size();
        if (n != expected) {
            throw new IllegalStateException("expected " + expected + " recipients but got " + n);
        }
        Recipient last = page.results().get(n - 1);
        return n + last.title().orElse("").length() + last.portalState().size();
    }

    /** Discards bytes, counting them. */
    public static final class CountingSink extends OutputStream {
        public long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
