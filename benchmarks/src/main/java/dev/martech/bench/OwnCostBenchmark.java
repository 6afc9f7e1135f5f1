package dev.martech.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martech.targeting.TargetingClient;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's own cost per small call through its real OkHttp adapter, against raw OkHttp doing the same
 * request on the same {@link OkHttpClient}: both answered from memory by {@link InMemory}, so the socket
 * and the server are out and everything else is in. sdk − raw is what the SDK adds to a call. Run with
 * the gc profiler for bytes per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class OwnCostBenchmark {
    private static final String BASE = "http://127.0.0.1:9";

    private OkHttpClient okHttp;
    private TargetingClient sdk;
    private ObjectMapper mapper;

    @Setup(Level.Trial)
    public void setUp() {
        okHttp = InMemory.client(Fixtures.smallPage());
        sdk = Calls.sdk(BASE, okHttp);
        mapper = Calls.rawMapper();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdk.close();
        okHttp.dispatcher().executorService().shutdown();
    }

    @Benchmark
    public int sdk() {
        return Calls.check(Calls.sdkGet(sdk, Fixtures.SMALL_CAMPAIGN, Fixtures.SMALL_SIZE), Fixtures.SMALL_SIZE);
    }

    @Benchmark
    public int raw() {
        return Calls.check(Calls.rawGet(okHttp, mapper, BASE, Fixtures.SMALL_CAMPAIGN, Fixtures.SMALL_SIZE, null),
                Fixtures.SMALL_SIZE);
    }
}
