package dev.martech.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * The whole-call timeout, enforced by one watchdog thread that cancels the calls past their deadline.
 *
 * <p>Why not OkHttp's {@code Call.timeout()}: it puts every call into Okio's {@code AsyncTimeout} queue, which
 * has one global lock that the socket reads and writes of every connection also take; one more enter and exit
 * per call made that lock the bottleneck with 32 threads on 2 CPUs (a quarter of the throughput). Here arming
 * and disarming a call is a put and a remove in a concurrent map, and the watchdog sleeps until the earliest
 * deadline. A deadline fires within a few milliseconds of its time, and at most {@link #MAX_SLEEP_NANOS} late
 * when a shorter timeout is armed while the watchdog is computing its next wake-up.
 */
final class CallDeadlines {
    static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long IDLE_SLEEP_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int IDLE_AFTER_EMPTY_SCANS = 20; // one second without a call in flight
    private static final int EXIT_AFTER_IDLE_SLEEPS = 6; // a minute without a call: the thread ends

    private static final Map<Call, Armed> ARMED = new ConcurrentHashMap<>();
    private static volatile Thread watchdog;
    private static volatile boolean idle;
    private static volatile long nextWake = Long.MAX_VALUE;

    private CallDeadlines() {
    }

    /** A call's deadline, and whether it passed. */
    static final class Armed {
        final long deadline;
        volatile boolean expired;

        Armed(long deadline) {
            this.deadline = deadline;
        }
    }

    /**
     * Starts the clock of {@code call}: it is cancelled if it is still armed {@code timeoutNanos} from now.
     *
     * @return the deadline, which says afterwards whether it passed
     */
    static Armed arm(Call call, long timeoutNanos) {
        long now = System.nanoTime();
        Armed armed = new Armed(now + timeoutNanos);
        ARMED.put(call, armed);
        Thread thread = watchdog;
        if (thread == null) {
            thread = start();
        }
        if (idle || armed.deadline - nextWake < 0) {
            LockSupport.unpark(thread);
        }
        return armed;
    }

    /** Stops the clock of {@code call} (finished, failed or cancelled); a no-op when it is not armed. */
    static void disarm(Call call) {
        ARMED.remove(call);
    }

    /** How many calls are armed now (tests). */
    static int armedCount() {
        return ARMED.size();
    }

    /** Ends this watchdog when nothing is armed; a call armed meanwhile gets a new one. */
    private static boolean exitIfStillIdle() {
        synchronized (CallDeadlines.class) {
            if (!ARMED.isEmpty()) {
                return false;
            }
            watchdog = null;
        }
        if (!ARMED.isEmpty()) {
            start(); // armed while this one was leaving, by a caller that still saw it
        }
        return true;
    }

    private static synchronized Thread start() {
        if (watchdog == null) {
            Thread thread = new Thread(CallDeadlines::watch, "martech-sdk call timeouts");
            thread.setDaemon(true);
            // Not the creating thread's class loader: an application redeployed in the same JVM (a servlet
            // container, Spring Boot devtools) must not stay reachable through this thread.
            thread.setContextClassLoader(null);
            thread.start();
            watchdog = thread;
        }
        return watchdog;
    }

    private static void watch() {
        int emptyScans = 0;
        int idleSleeps = 0;
        while (true) {
            if (ARMED.isEmpty()) {
                // Idle only after a quiet spell: between two quick calls the map is empty most of the time, and
                // waking the watchdog on every call would cost each call a thread switch.
                if (++emptyScans < IDLE_AFTER_EMPTY_SCANS) {
                    LockSupport.parkNanos(MAX_SLEEP_NANOS);
                    continue;
                }
                idle = true;
                if (ARMED.isEmpty()) { // armed between the two checks: arm() saw idle and unparks
                    LockSupport.parkNanos(IDLE_SLEEP_NANOS);
                }
                idle = false;
                emptyScans = 0;
                if (++idleSleeps >= EXIT_AFTER_IDLE_SLEEPS && exitIfStillIdle()) {
                    return;
                }
                continue;
            }
            emptyScans = 0;
            idleSleeps = 0;
            long now = System.nanoTime();
            long earliest = now + MAX_SLEEP_NANOS;
            for (Map.Entry<Call, Armed> e : ARMED.entrySet()) {
                Armed armed = e.getValue();
                if (now - armed.deadline >= 0) {
                    if (ARMED.remove(e.getKey(), armed)) {
                        armed.expired = true;
                        e.getKey().cancel();
                    }
                } else if (armed.deadline - earliest < 0) {
                    earliest = armed.deadline;
                }
            }
            nextWake = earliest;
            LockSupport.parkNanos(Math.max(0, earliest - System.nanoTime()));
        }
    }
}
