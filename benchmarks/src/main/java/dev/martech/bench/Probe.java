package dev.martech.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martech.contactflow.ContactflowClient;
import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.api.RecipientListParams;
import dev.martech.targeting.model.AutomationStatus;
import dev.martech.targeting.model.Recipient;
import dev.martech.targeting.model.RecipientsPage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import okhttp3.OkHttpClient;

/**
 * Items 4 and 5, each in a fresh JVM that {@link RunAll} starts with {@code -Xmx64m}; the server runs in
 * the same small heap. Prints one {@code RESULT key=value …} line.
 *
 * <pre>
 * Probe paging sdk|raw [pages]        all items of {pages} 1,000-item pages as a Stream (sdk) / a loop (raw)
 * Probe download sdk|raw [bytes]      a download of {bytes} (1 GiB) copied to a counting sink
 * </pre>
 */
public final class Probe {
    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        String what = args[0];
        String variant = args[1];
        switch (what) {
            case "paging":
                paging(variant, args.length > 2 ? Integer.parseInt(args[2]) : 1000);
                break;
            case "download":
                download(variant, args.length > 2 ? Long.parseLong(args[2]) : 1L << 30);
                break;
            default:
                throw new IllegalArgumentException(what);
        }
    }

    private static void paging(String variant, int pages) throws Exception {
        try (BenchServer server = new BenchServer(pages, 0)) {
            String base = server.baseUrl();
            long start;
            long items;
            long succeeded;
            if (variant.equals("sdk")) {
                try (TargetingClient client = Calls.sdk(base)) {
                    start = System.nanoTime(); // clients are built outside the timed region (see download)
                    long[] counts = new long[2];
                    client.recipients()
                            .list(RecipientListParams.builder().campaignId(Fixtures.PAGED_CAMPAIGN).limit(Fixtures.PAGE_SIZE).build())
                            .autoPager()
                            .stream()
                            .forEach(r -> {
                                counts[0]++;
                                if (AutomationStatus.SUCCESS.equals(r.getAutomationStatus())) {
                                    counts[1]++;
                                }
                            });
                    items = counts[0];
                    succeeded = counts[1];
                }
            } else {
                OkHttpClient http = Calls.rawClient();
                ObjectMapper mapper = Calls.rawMapper();
                start = System.nanoTime();
                items = 0;
                succeeded = 0;
                String next = null;
                do {
                    RecipientsPage page = Calls.rawGet(http, mapper, base, Fixtures.PAGED_CAMPAIGN, Fixtures.PAGE_SIZE, next);
                    for (Recipient r : page.getResults()) {
                        items++;
                        if (AutomationStatus.SUCCESS.equals(r.getAutomationStatus())) {
                            succeeded++;
                        }
                    }
                    next = page.getNext();
                } while (next != null && !next.isEmpty());
                http.dispatcher().executorService().shutdown();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            long expected = (long) pages * Fixtures.PAGE_SIZE;
            if (items != expected || succeeded != expected / 5) {
                throw new IllegalStateException("expected " + expected + " items but got " + items + " (" + succeeded + ")");
            }
            System.out.println("RESULT ms=" + ms + " items=" + items + " maxHeapMB=" + maxHeap() + " peakHeapMB=" + peakHeap());
        }
    }

    private static void download(String variant, long bytes) throws Exception {
        try (BenchServer server = new BenchServer(0, bytes)) {
            String base = server.baseUrl();
            Calls.CountingSink sink = new Calls.CountingSink();
            long copied;
            long nanos;
            // Only the transfer is timed: building a client (an ObjectMapper for the SDK, TLS defaults for
            // both) is start-up cost, measured by ColdStart.
            if (variant.equals("sdk")) {
                try (ContactflowClient client = Calls.sdkDownloads(base)) {
                    long start = System.nanoTime();
                    copied = Calls.sdkDownload(client, sink);
                    nanos = System.nanoTime() - start;
                }
            } else {
                OkHttpClient http = Calls.rawClient();
                long start = System.nanoTime();
                copied = Calls.rawDownload(http, base, sink);
                nanos = System.nanoTime() - start;
                http.dispatcher().executorService().shutdown();
            }
            if (copied != bytes || sink.count != bytes) {
                throw new IllegalStateException("expected " + bytes + " bytes but got " + copied + "/" + sink.count);
            }
            double mibPerS = bytes / (1024.0 * 1024.0) / (nanos / 1e9);
            System.out.println("RESULT ms=" + nanos / 1_000_000 + " mibPerS=" + String.format(java.util.Locale.ROOT, "%.1f", mibPerS)
                    + " maxHeapMB=" + maxHeap() + " peakHeapMB=" + peakHeap());
        }
    }

    private static long maxHeap() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
