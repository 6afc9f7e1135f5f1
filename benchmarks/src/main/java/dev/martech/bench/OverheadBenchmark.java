package dev.martech.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martech.core.http.CallContext;
import dev.martech.core.http.HttpHeaders;
import dev.martech.core.http.HttpRequest;
import dev.martech.core.http.HttpResponse;
import dev.martech.core.http.Transport;
import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.api.RecipientListParams;
import dev.martech.targeting.model.RecipientsPage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's own cost per call with the network taken out: the SDK over a {@link Transport} that hands back
 * the small body from memory, against raw Jackson decoding the same bytes. No sockets and no server thread,
 * so this is far less noisy than the loopback figures, and the difference is what the SDK adds to a call
 * (request building, auth, retry layer, error-body recording, response handling), OkHttp excepted.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class OverheadBenchmark {
    private byte[] body;
    private TargetingClient sdk;
    private ObjectMapper mapper;

    @Setup(Level.Trial)
    public void setUp() {
        body = Fixtures.smallPage();
        HttpHeaders headers = HttpHeaders.of(Map.of("content-type", List.of("application/json"),
                "content-length", List.of(String.valueOf(body.length))));
        Transport memory = new Transport() {
            @Override
            public HttpResponse execute(HttpRequest request, CallContext context) {
                return new HttpResponse(200, headers, new ByteArrayInputStream(body), body.length, "application/json");
            }

            @Override
            public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, CallContext context) {
                return CompletableFuture.completedFuture(execute(request, context));
            }

            @Override
            public void close() {
            }
        };
        sdk = TargetingClient.builder().baseUrl("http://127.0.0.1:9").bearerToken(Fixtures.TOKEN).transport(memory).build();
        mapper = Calls.rawMapper();
    }

    @Benchmark
    public int sdk() {
        RecipientsPage page = sdk.recipients().list(RecipientListParams.builder()
                .campaignId(Fixtures.SMALL_CAMPAIGN).limit(Fixtures.SMALL_SIZE).build()).response();
        return Calls.check(page, Fixtures.SMALL_SIZE);
    }

    @Benchmark
    public int raw() throws IOException {
        return Calls.check(mapper.readValue(new ByteArrayInputStream(body), RecipientsPage.class), Fixtures.SMALL_SIZE);
    }
}
