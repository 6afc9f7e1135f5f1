package dev.martech.bench;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The response bodies: Targeting {@code RecipientsPage} JSON ({@code {results, next, total}}), every
 * recipient with all of its documented fields (~1 KB each, most of it the free-form {@code portal_state}).
 * Built once; SDK, raw and stock clients read the very same bytes.
 */
public final class Fixtures {
    public static final UUID SMALL_CAMPAIGN = UUID.fromString("00000000-0000-4000-8000-000000000001");
    public static final UUID LARGE_CAMPAIGN = UUID.fromString("00000000-0000-4000-8000-000000000002");
    public static final UUID PAGED_CAMPAIGN = UUID.fromString("00000000-0000-4000-8000-000000000003");
    public static final String TOKEN = "bench-token-0123456789";
    public static final int SMALL_SIZE = 1;
    public static final int PAGE_SIZE = 1000;

    private static final String[] AUTOMATION = {"pending", "in_progress", "success", "failed", "cancelled"};
    private static final String[] PORTAL = {"sent", "seen", "dismissed", "clicked"};

    private Fixtures() {
    }

    public static byte[] smallPage() {
        return page(SMALL_SIZE, null, SMALL_SIZE);
    }

    public static byte[] largePage() {
        return page(PAGE_SIZE, "p1", PAGE_SIZE * 10);
    }

    static byte[] page(int items, String next, int total) {
        byte[] results = recipientsArray(items);
        String head = "{\"results\":";
        String tail = ",\"next\":" + (next == null ? "null" : "\"" + next + "\"") + ",\"total\":" + total + "}";
        byte[] out = new byte[head.length() + results.length + tail.length()];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, out, 0, head.length());
        System.arraycopy(results, 0, out, head.length(), results.length);
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, out, head.length() + results.length, tail.length());
        return out;
    }

    /** {@code [recipient, …]} */
    static byte[] recipientsArray(int n) {
        return recipientsArray(n, 0);
    }

    /** {@code [recipient first, …, recipient first + n - 1]}: other ids and titles than another range. */
    static byte[] recipientsArray(int n, int first) {
        StringBuilder sb = new StringBuilder(n * 1100).append('[');
        for (int i = first; i < first + n; i++) {
            if (i > first) {
                sb.append(',');
            }
            recipient(sb, i);
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void recipient(StringBuilder sb, int i) {
        UUID id = new UUID(0x1234_5678_9abc_4defL, 0x8000_0000_0000_0000L | i);
        sb.append("{\"entity_id\":\"").append(id).append('"')
                .append(",\"entity_schema\":\"contact\"")
                .append(",\"title\":\"Recipient number ").append(i).append(" – Müller & Söhne GmbH\"")
                .append(",\"automation_status\":\"").append(AUTOMATION[i % AUTOMATION.length]).append('"')
                .append(",\"automation_execution_id\":\"exec-").append(Integer.toHexString(i * 7919)).append('"')
                .append(",\"portal_status\":\"").append(PORTAL[i % PORTAL.length]).append('"')
                .append(",\"portal_status_updated_at\":\"2024-03-").append(10 + i % 18)
                .append("T08:15:30.123+01:00\"")
                .append(",\"portal_state\":{\"step\":\"confirmation\",\"progress\":").append(i % 100)
                .append(",\"accepted\":").append(i % 2 == 0)
                .append(",\"answers\":[{\"q\":\"newsletter\",\"a\":\"yes\"},{\"q\":\"channel\",\"a\":\"email\"},")
                .append("{\"q\":\"frequency\",\"a\":\"weekly\"}]")
                .append(",\"address\":{\"street\":\"Hauptstraße ").append(i % 200)
                .append("\",\"postal_code\":\"50667\",\"city\":\"Köln\",\"country\":\"DE\"}")
                .append(",\"notes\":\"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor ")
                .append("incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ")
                .append("ullamco laboris nisi ut aliquip ex ea commodo consequat.\"")
                .append(",\"tags\":[\"b2c\",\"energy\",\"solar\",\"campaign-2024\"]}")
                .append(",\"updated_at\":\"2024-03-").append(10 + i % 18).append("T09:00:00Z\"")
                .append('}');
    }

    public static void main(String[] args) {
        System.out.println("small page: " + smallPage().length + " bytes, large page: " + largePage().length + " bytes");
    }
}
