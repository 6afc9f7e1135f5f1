package dev.martech.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Items 1 and 2: one thread, per-call latency distribution (median) and bytes allocated per call. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class SingleThreadBenchmark {

    @Benchmark
    public int sdk(CallState s) {
        return Calls.check(Calls.sdkGet(s.sdk, s.campaign, s.limit), s.limit);
    }

    @Benchmark
    public int raw(CallState s) {
        return Calls.check(Calls.rawGet(s.raw, s.mapper, s.baseUrl, s.campaign, s.limit, null), s.limit);
    }

    @Benchmark
    public int stock(CallState s) {
        return s.stock.get(s.campaign, s.limit);
    }
}
