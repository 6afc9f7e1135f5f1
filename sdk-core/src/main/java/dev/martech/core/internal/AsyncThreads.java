package dev.martech.core.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a client's async calls run on: up to {@code maxConcurrentRequests} of them, each making one blocking
 * OkHttp call at a time; further calls wait in a queue. A thread idle for a minute ends, so an idle client holds
 * none. The threads are daemons: an application that forgets to close its client still exits.
 * <p>
 * Why not OkHttp's {@code enqueue}: its dispatcher hands every call over a {@code SynchronousQueue} to a thread
 * it renames for the call (two system calls), and re-scans its queues under one lock when each call starts and
 * ends. With 32 calls in flight that cost a third of the throughput 32 blocking threads reach; a queue that a
 * finishing thread takes its next call from costs a few percent (benchmarks section 3b).
 */
final class AsyncThreads extends ThreadPoolExecutor {
    private static final AtomicInteger POOLS = new AtomicInteger();

    /**
     * @param threads how many calls may run at once, at least 1
     */
    AsyncThreads(int threads) {
        super(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory());
        allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory factory() {
        String prefix = "martech-sdk async " + POOLS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
