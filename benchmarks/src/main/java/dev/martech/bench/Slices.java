package dev.martech.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.model.RecipientsPage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * One "fork" of the per-call measurements: a fresh JVM, started by {@link RunAll}, in which the clients
 * take turns in short slices. Each round runs one slice of every variant, in an order shuffled afresh per
 * round, so that a slow spell of this shared machine, a GC or JIT event lands on the variants alike and a
 * ratio can be taken within a round. Prints one line per slice:
 * {@code SLICE round=… warm=0|1 variant=… key=value…}; warm-up rounds are printed with {@code warm=1}.
 *
 * <pre>
 * Slices single     small|large rounds warmup sliceMs seed   raw, sdk, stock: one thread; per-call latency
 *                                                            (p50, p99, from System.nanoTime around each call)
 *                                                            and bytes allocated per call (all threads)
 * Slices concurrent small|large rounds warmup sliceMs seed   raw, sdk, stock: 32 threads on one client; calls/s
 * Slices async      small|large rounds warmup sliceMs seed   sync32 (32 SDK threads) and async32 (one thread
 *                                                            keeping 32 SDK async calls in flight); calls/s
 * Slices owncost    small       rounds warmup sliceMs seed   raw, sdk: as single, small body, both on one
 *                                                            {@link InMemory} OkHttpClient (no socket)
 * </pre>
 */
public final class Slices {
    static final int THREADS = 32;
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final UUID campaign;
    private final int limit;
    private final String base;
    private final TargetingClient sdk;
    private final OkHttpClient raw;
    private final ObjectMapper mapper;
    private final StockCalls stock;

    private Slices(String base, boolean small, OkHttpClient inMemory) {
        this.base = base;
        this.campaign = small ? Fixtures.SMALL_CAMPAIGN : Fixtures.LARGE_CAMPAIGN;
        this.limit = small ? Fixtures.SMALL_SIZE : Fixtures.PAGE_SIZE;
        this.sdk = inMemory == null ? Calls.sdk(base) : Calls.sdk(base, inMemory);
        this.raw = inMemory == null ? Calls.rawClient() : inMemory;
        this.mapper = Calls.rawMapper();
        this.stock = StockCalls.create(base);
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        boolean small = args[1].equals("small");
        int rounds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        long sliceNanos = Long.parseLong(args[4]) * 1_000_000L;
        Random random = new Random(Long.parseLong(args[5]));
        List<String> variants = mode.equals("async") ? List.of("sync32", "async32", "async32chained")
                : mode.equals("owncost") ? List.of("raw", "sdk") : List.of("raw", "sdk", "stock");
        if (System.getProperty("bench.variants") != null) { // e.g. -Dbench.variants=raw,sdk (experiments)
            variants = List.of(System.getProperty("bench.variants").split(","));
        }
        try (BenchServer server = BenchServer.forCalls()) {
            Slices s = mode.equals("owncost")
                    ? new Slices(server.baseUrl(), true, InMemory.client(Fixtures.smallPage()))
                    : new Slices(server.baseUrl(), small, null);
            boolean oneThread = mode.equals("single") || mode.equals("owncost");
            Workers workers = oneThread ? null : s.new Workers();
            if (!oneThread) {
                s.prewarm(variants, random, sliceNanos, Integer.getInteger("bench.prewarm", PREWARM_ROUNDS));
            }
            for (int round = 0; round < warmup + rounds; round++) {
                List<String> order = new ArrayList<>(variants);
                Collections.shuffle(order, random);
                for (String v : order) {
                    String result;
                    if (oneThread) {
                        result = s.single(v, sliceNanos);
                    } else if (v.equals("async32")) {
                        result = s.async(sliceNanos);
                    } else if (v.equals("async32chained")) {
                        result = s.asyncChained(sliceNanos);
                    } else {
                        result = workers.slice(v.equals("sync32") ? "sdk" : v, sliceNanos);
                    }
                    System.out.println("SLICE round=" + round + " warm=" + (round < warmup ? 1 : 0) + " variant=" + v
                            + " " + result);
                }
            }
            if (workers != null) {
                workers.stop();
            }
            s.sdk.close();
            s.raw.dispatcher().executorService().shutdown();
            s.raw.connectionPool().evictAll();
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /**
     * Rounds of one thread per variant before the many-thread warm-up rounds. With 32 busy threads (and the server's)
     * on 2 CPUs the JIT's compiler threads get little time: throughput kept rising for some 20 rounds of 32-thread
     * slices, longer for the SDK's larger code than for raw, so a ratio taken then measured compilation. One thread
     * leaves them a CPU, and the code is compiled within a few slices.
     */
    static final int PREWARM_ROUNDS = 6;

    private void prewarm(List<String> variants, Random random, long sliceNanos, int prewarmRounds) {
        for (int round = 0; round < prewarmRounds; round++) {
            List<String> order = new ArrayList<>(variants);
            Collections.shuffle(order, random);
            for (String v : order) {
                long deadline = System.nanoTime() + sliceNanos;
                while (System.nanoTime() < deadline) {
                    blackhole += v.startsWith("async") ? Calls.check(Calls.sdkGetAsync(sdk, campaign, limit).join(), limit)
                            : call(v.equals("sync32") ? "sdk" : v);
                }
            }
        }
    }

    private int call(String variant) {
        switch (variant) {
            case "sdk":
                return Calls.check(Calls.sdkGet(sdk, campaign, limit), limit);
            case "raw":
                return Calls.check(Calls.rawGet(raw, mapper, base, campaign, limit, null), limit);
            case "stock":
                return stock.get(campaign, limit);
            default:
                throw new IllegalArgumentException(variant);
        }
    }

    /** Bytes allocated so far by all live threads (client, OkHttp and server threads alike). */
    private static long allocated() {
        long sum = 0;
        for (long b : MX.getThreadAllocatedBytes(MX.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    private long[] latencies = new long[1 << 16];
    private int blackhole;

    private String single(String variant, long sliceNanos) {
        long alloc0 = allocated();
        long start = System.nanoTime();
        long deadline = start + sliceNanos;
        int n = 0;
        long t1;
        do {
            long t0 = System.nanoTime();
            blackhole += call(variant);
            t1 = System.nanoTime();
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = t1 - t0;
        } while (t1 < deadline || n < 5);
        long bytes = allocated() - alloc0;
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "calls=%d p50us=%.3f p99us=%.3f perSec=%.1f allocPerCall=%.0f", n,
                sorted[(n - 1) / 2] / 1e3, sorted[(int) Math.ceil(0.99 * n) - 1] / 1e3, n / ((t1 - start) / 1e9),
                bytes / (double) n);
    }

    /** {@link #THREADS} threads that, for one slice at a time, all call one variant as fast as they can. */
    private final class Workers {
        private final CyclicBarrier begin = new CyclicBarrier(THREADS + 1);
        private final CyclicBarrier end = new CyclicBarrier(THREADS + 1);
        private final long[] calls = new long[THREADS];
        private final long[] errors = new long[THREADS];
        private final int[] sinks = new int[THREADS];
        private volatile String variant;
        private volatile boolean running;
        private volatile boolean stopped;

        Workers() {
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                Thread worker = new Thread(() -> work(id), "bench-worker-" + t);
                worker.setDaemon(true);
                worker.start();
            }
        }

        private void work(int id) {
            try {
                while (true) {
                    begin.await();
                    if (stopped) {
                        return;
                    }
                    String v = variant;
                    long c = 0;
                    long e = 0;
                    int sink = 0;
                    while (running) {
                        try {
                            sink += call(v);
                            c++;
                        } catch (RuntimeException failure) {
                            e++;
                        }
                    }
                    calls[id] = c;
                    errors[id] = e;
                    sinks[id] = sink;
                    end.await();
                }
            } catch (Exception interrupted) {
                // stop
            }
        }

        String slice(String v, long sliceNanos) throws Exception {
            variant = v;
            running = true;
            long alloc0 = allocated();
            long start = System.nanoTime();
            begin.await();
            Thread.sleep(sliceNanos / 1_000_000L);
            running = false;
            end.await();
            long elapsed = System.nanoTime() - start;
            long bytes = allocated() - alloc0;
            long c = Arrays.stream(calls).sum();
            long e = Arrays.stream(errors).sum();
            return String.format(Locale.ROOT, "calls=%d errors=%d perSec=%.1f allocPerCall=%.0f", c, e,
                    c / (elapsed / 1e9), bytes / (double) Math.max(1, c));
        }

        void stop() throws Exception {
            stopped = true;
            begin.await();
        }
    }

    /** One thread keeps {@link #THREADS} SDK async calls in flight for the slice; then waits for the last. */
    /**
     * 32 chains of async calls, each call issued from the completion of the one before (no driver thread to wake
     * between calls): the other common way to keep 32 calls in flight.
     */
    private String asyncChained(long sliceNanos) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.CountDownLatch chainsEnded = new java.util.concurrent.CountDownLatch(THREADS);
        long alloc0 = allocated();
        long start = System.nanoTime();
        long deadline = start + sliceNanos;
        for (int i = 0; i < THREADS; i++) {
            chain(deadline, done, errors, chainsEnded);
        }
        chainsEnded.await();
        return asyncResult(start, alloc0, done, errors);
    }

    private void chain(long deadline, AtomicLong done, AtomicLong errors, java.util.concurrent.CountDownLatch ended) {
        if (System.nanoTime() >= deadline) {
            ended.countDown();
            return;
        }
        Calls.sdkGetAsync(sdk, campaign, limit).whenComplete((page, failure) -> {
            count(page, failure, done, errors);
            chain(deadline, done, errors, ended);
        });
    }

    /** Counts one completed async call as done (its page checked) or as an error. */
    private void count(RecipientsPage page, Throwable failure, AtomicLong done, AtomicLong errors) {
        try {
            if (failure == null) {
                Calls.check(page, limit);
                done.incrementAndGet();
            } else {
                errors.incrementAndGet();
            }
        } catch (RuntimeException e) {
            errors.incrementAndGet();
        }
    }

    private static String asyncResult(long start, long alloc0, AtomicLong done, AtomicLong errors) {
        long elapsed = System.nanoTime() - start;
        long bytes = allocated() - alloc0;
        long c = done.get();
        return String.format(Locale.ROOT, "calls=%d errors=%d perSec=%.1f allocPerCall=%.0f", c, errors.get(),
                c / (elapsed / 1e9), bytes / (double) Math.max(1, c));
    }

    private String async(long sliceNanos) throws InterruptedException {
        Semaphore inFlight = new Semaphore(THREADS);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long alloc0 = allocated();
        long start = System.nanoTime();
        long deadline = start + sliceNanos;
        while (System.nanoTime() < deadline) {
            inFlight.acquire();
            Calls.sdkGetAsync(sdk, campaign, limit).whenComplete((page, failure) -> {
                try {
                    count(page, failure, done, errors);
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(THREADS);
        return asyncResult(start, alloc0, done, errors);
    }
}
