package dev.martech.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.martech.core.json.DriftListener;
import dev.martech.core.json.DriftRecorder;
import dev.martech.core.json.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Bytes allocated to decode one Targeting {@code RecipientsPage} body into the SDK's models (immutable, decoded
 * property by property, drift recorder attached, exactly as a client reads a response) versus plain Jackson
 * into plain mutable classes (the stock openapi-generator models of the same spec, a mapper with only the
 * JSR-310 module). Counts allocation with {@code ThreadMXBean.getCurrentThreadAllocatedBytes}; measures no
 * time. Run: {@code java -cp <benchmarks class path> dev.martech.bench.ModelDecodingCost [rounds]}.
 */
public final class ModelDecodingCost {
    private ModelDecodingCost() {
    }

    /**
     * Prints bytes per decode and the ratio for each fixture.
     *
     * @param args optional: the number of measured rounds (default 15)
     * @throws IOException never (in-memory bodies)
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ObjectReader sdk = new DriftRecorder("targeting", DriftListener.none(), Clock.systemUTC())
                .attachTo(Json.newMapper().readerFor(dev.martech.targeting.model.RecipientsPage.class));
        ObjectMapper plainMapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ObjectReader plain = plainMapper.readerFor(org.openapitools.stock.targeting.model.GetRecipients200Response.class);
        ObjectReader minimal = plainMapper.readerFor(MinimalPage.class);

        byte[] large = Fixtures.largePage();
        byte[] flat = new String(large, StandardCharsets.UTF_8)
                .replaceAll(",\"portal_state\":\\{\"step\":\"confirmation\",\"progress\":[0-9]+,\"accepted\":(true|false),"
                        + "\"answers\":\\[[^\\]]*\\],\"address\":\\{[^}]*\\},\"notes\":\"[^\"]*\",\"tags\":\\[[^\\]]*\\]\\}", "")
                .getBytes(StandardCharsets.UTF_8);
        if (flat.length == large.length) {
            throw new IllegalStateException("the flat fixture still has portal_state");
        }
        System.out.printf(Locale.ROOT, "%-44s %-18s %14s %14s %7s%n", "fixture (1000 recipients)", "plain classes",
                "SDK B/decode", "plain B/decode", "ratio");
        report("RecipientsPage, every field (" + large.length / 1024 + " KiB)", "stock generator", large, sdk, plain, rounds);
        report("RecipientsPage, every field (" + large.length / 1024 + " KiB)", "minimal POJO", large, sdk, minimal, rounds);
        report("RecipientsPage, no portal_state (" + flat.length / 1024 + " KiB)", "stock generator", flat, sdk, plain, rounds);
        report("RecipientsPage, no portal_state (" + flat.length / 1024 + " KiB)", "minimal POJO", flat, sdk, minimal, rounds);
    }

    private static void report(String name, String baseline, byte[] body, ObjectReader sdk, ObjectReader plain,
            int rounds) throws IOException {
        check(sdk.readValue(body), plain.readValue(body));
        for (int i = 0; i < 300; i++) { // warm up both paths (JIT, Jackson's caches)
            sdk.readValue(body);
            plain.readValue(body);
        }
        long[] s = new long[rounds];
        long[] p = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            s[r] = bytesPerDecode(sdk, body);
            p[r] = bytesPerDecode(plain, body);
        }
        long sm = median(s);
        long pm = median(p);
        System.out.printf(Locale.ROOT, "%-44s %-18s %,14d %,14d %7.3f%n", name, baseline, sm, pm, sm / (double) pm);
    }

    private static long bytesPerDecode(ObjectReader reader, byte[] body) throws IOException {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 20;
        Object keep = null;
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            keep = reader.readValue(body);
        }
        long after = mx.getCurrentThreadAllocatedBytes();
        if (keep == null) {
            throw new IllegalStateException();
        }
        return (after - before) / n;
    }

    private static void check(dev.martech.targeting.model.RecipientsPage sdk, Object plain) {
        int plainSize = plain instanceof MinimalPage m ? m.results.size()
                : ((org.openapitools.stock.targeting.model.GetRecipients200Response) plain).getResults().size();
        if (sdk.results().size() != plainSize || plainSize != Fixtures.PAGE_SIZE) {
            throw new IllegalStateException("the two decodes differ");
        }
        sdk.validate(); // every property read as its type: the fixture is well-formed
    }

    /** The least a plain class can be: public fields, enums as strings, nothing initialised. */
    public static final class MinimalPage {
        public java.util.List<MinimalRecipient> results;
        public String next;
        public Integer total;
    }

    /** A recipient as a minimal plain class. */
    @SuppressWarnings("checkstyle:MemberName")
    public static final class MinimalRecipient {
        public java.util.UUID entity_id;
        public String entity_schema;
        public String title;
        public String automation_status;
        public String automation_execution_id;
        public String portal_status;
        public java.time.OffsetDateTime portal_status_updated_at;
        public java.util.Map<String, Object> portal_state;
        public java.time.OffsetDateTime updated_at;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
