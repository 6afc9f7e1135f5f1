package dev.martech.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martech.targeting.TargetingClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import okhttp3.OkHttpClient;

/**
 * Where a small call's bytes are allocated, by site: a fresh JVM (started by {@link RunAll}) that runs the
 * SDK and raw small call through {@link InMemory} (the real OkHttp adapter, no socket) under a JFR
 * recording of new-TLAB and outside-TLAB allocation events with stack traces, one recording per client.
 * {@link RunAll} starts it with small fixed TLABs ({@code -XX:TLABSize=2k -XX:-ResizeTLAB}) so that a call
 * opens several: each event charges its TLAB's size to the allocation that opened it, which over many
 * calls distributes the bytes over the sites in proportion. A site is the first frame outside the JDK
 * ({@code java.}, {@code jdk.}, {@code sun.}): the library method that asked for the memory. The weights
 * are scaled so that they add up to the exact bytes per call measured on the calling thread.
 *
 * <p>Prints {@code TOTAL variant=… calls=… bytesPerCall=…}, then {@code AREA variant=… area=… bytesPerCall=…}
 * (sdk-core, generated, OkHttp, Jackson, bench) and {@code SITE variant=… bytesPerCall=… site=…} lines.
 *
 * <pre>AllocSites seconds</pre>
 */
public final class AllocSites {
    private static final String BASE = "http://127.0.0.1:9";

    private AllocSites() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        OkHttpClient okHttp = InMemory.client(Fixtures.smallPage());
        ObjectMapper mapper = Calls.rawMapper();
        try (TargetingClient sdk = Calls.sdk(BASE, okHttp)) {
            Runnable sdkCall = () -> Calls.check(Calls.sdkGet(sdk, Fixtures.SMALL_CAMPAIGN, Fixtures.SMALL_SIZE),
                    Fixtures.SMALL_SIZE);
            Runnable rawCall = () -> Calls.check(Calls.rawGet(okHttp, mapper, BASE, Fixtures.SMALL_CAMPAIGN,
                    Fixtures.SMALL_SIZE, null), Fixtures.SMALL_SIZE);
            loop(sdkCall, seconds * 1_000_000_000L); // warm-up of both
            loop(rawCall, seconds * 1_000_000_000L);
            profile("sdk", sdkCall, seconds);
            profile("raw", rawCall, seconds);
        }
        okHttp.dispatcher().executorService().shutdown();
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static long loop(Runnable call, long nanos) {
        long end = System.nanoTime() + nanos;
        long n = 0;
        while (System.nanoTime() < end) {
            call.run();
            n++;
        }
        return n;
    }

    private static void profile(String variant, Runnable call, long seconds) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path file = Files.createTempFile("martech-alloc-" + variant + "-", ".jfr");
        long calls;
        long bytes;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            recording.setToDisk(true);
            recording.start();
            long before = mx.getCurrentThreadAllocatedBytes();
            calls = loop(call, seconds * 1_000_000_000L);
            bytes = mx.getCurrentThreadAllocatedBytes() - before;
            recording.stop();
            recording.dump(file);
        }
        Map<String, Long> bySite = new HashMap<>();
        Map<String, Long> byArea = new HashMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getThread() == null || !"main".equals(event.getThread().getJavaName())) {
                continue;
            }
            String type = event.getEventType().getName();
            long weight;
            if (type.equals("jdk.ObjectAllocationInNewTLAB")) {
                weight = event.getLong("tlabSize"); // the TLAB's bytes, charged to the allocation that opened it
            } else if (type.equals("jdk.ObjectAllocationOutsideTLAB")) {
                weight = event.getLong("allocationSize");
            } else {
                continue;
            }
            String site = "(JDK only)";
            if (event.getStackTrace() != null) {
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                for (RecordedFrame f : frames) {
                    String owner = f.getMethod().getType().getName();
                    if (!owner.startsWith("java.") && !owner.startsWith("jdk.") && !owner.startsWith("sun.")) {
                        site = owner + "." + f.getMethod().getName();
                        break;
                    }
                }
            }
            bySite.merge(site, weight, Long::sum);
            byArea.merge(area(site), weight, Long::sum);
            total += weight;
        }
        Files.deleteIfExists(file);
        double perCall = bytes / (double) calls;
        double scale = total == 0 ? 0 : perCall / total;
        System.out.printf(Locale.ROOT, "TOTAL variant=%s calls=%d bytesPerCall=%.0f samples=%d%n", variant, calls, perCall,
                total);
        for (Map.Entry<String, Long> e : sorted(byArea)) {
            System.out.printf(Locale.ROOT, "AREA variant=%s bytesPerCall=%.0f area=%s%n", variant, e.getValue() * scale,
                    e.getKey());
        }
        for (Map.Entry<String, Long> e : sorted(bySite)) {
            System.out.printf(Locale.ROOT, "SITE variant=%s bytesPerCall=%.0f site=%s%n", variant, e.getValue() * scale,
                    e.getKey());
        }
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, Long> m) {
        return m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toList());
    }

    static String area(String site) {
        if (site.startsWith("dev.martech.core.")) {
            return "sdk-core";
        }
        if (site.startsWith("dev.martech.targeting.")) {
            return "generated client";
        }
        if (site.startsWith("okhttp3.") || site.startsWith("okio.") || site.startsWith("kotlin")) {
            return "OkHttp/Okio";
        }
        if (site.startsWith("com.fasterxml.")) {
            return "Jackson";
        }
        if (site.startsWith("dev.martech.bench.")) {
            return "benchmark code";
        }
        return "other";
    }
}
