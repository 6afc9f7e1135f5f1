package dev.martech.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Item 3: 32 threads sharing one client; throughput, and every failure counted rather than thrown. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(32)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class ConcurrentBenchmark {

    /** Failed calls of this thread; JMH sums the threads' counters into the "errors" result. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Errors {
        public long errors;

        @Setup(Level.Iteration)
        public void reset() {
            errors = 0;
        }
    }

    @Benchmark
    public int sdk(CallState s, Errors e) {
        try {
            return Calls.check(Calls.sdkGet(s.sdk, s.campaign, s.limit), s.limit);
        } catch (RuntimeException failure) {
            e.errors++;
            return -1;
        }
    }

    @Benchmark
    public int raw(CallState s, Errors e) {
        try {
            return Calls.check(Calls.rawGet(s.raw, s.mapper, s.baseUrl, s.campaign, s.limit, null), s.limit);
        } catch (RuntimeException failure) {
            e.errors++;
            return -1;
        }
    }

    @Benchmark
    public int stock(CallState s, Errors e) {
        try {
            return s.stock.get(s.campaign, s.limit);
        } catch (RuntimeException failure) {
            e.errors++;
            return -1;
        }
    }
}
