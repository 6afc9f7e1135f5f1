package dev.martech.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How sample values look on the wire, written independently of sdk-core so that it is actually checked. */
final class WireFormat {
    private static final String UNRESERVED_MARKS = "-._~";
    /** Characters RFC 3986 allows unescaped in a path segment besides unreserved ones. */
    private static final String PCHAR_EXTRA = "!$&'()*+,;=:@";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WireFormat() {
    }

    /** A sample scalar as text; an array's items joined by {@code delimiter}. */
    static String text(JsonNode node, String delimiter) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(text(item, delimiter)));
            return String.join(delimiter, items);
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** Percent-encodes everything but unreserved characters (UTF-8). */
    static String encodeStrict(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte raw : value.getBytes(StandardCharsets.UTF_8)) {
            int b = raw & 0xFF;
            if (b < 0x80 && (Character.isLetterOrDigit(b) || UNRESERVED_MARKS.indexOf(b) >= 0)) {
                sb.append((char) b);
            } else {
                sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * A raw path normalised per RFC 3986 6.2.2: escapes of characters a segment may hold unescaped are
     * decoded and the other escapes upper-cased, so that {@code %3A} and {@code :} compare equal while
     * {@code %2F} (a slash inside a value) and {@code /} (a separator) do not.
     */
    static String canonicalPath(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                int v = Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
                if (v < 0x80 && (Character.isLetterOrDigit(v) || UNRESERVED_MARKS.indexOf(v) >= 0 || PCHAR_EXTRA.indexOf(v) >= 0)) {
                    sb.append((char) v);
                } else {
                    sb.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code a=1&b=x%20y} as ["a=1", "b=x y"]: percent-decoded (UTF-8), '+' kept literally (RFC 3986). */
    static List<String> queryEntries(String raw) {
        List<String> entries = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return entries;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            entries.add(decode(name) + "=" + decode(value));
        }
        return entries;
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && Character.digit(bytes[i + 1], 16) >= 0
                    && Character.digit(bytes[i + 2], 16) >= 0) {
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** "application/json; charset=utf-8" as "application/json"; null as "". */
    static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
