package dev.martech.core.http;

import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding for path segments and query components. */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * Encodes one path segment so that no value can change the path on any server: everything but unreserved
     * characters and the sub-delimiters no server interprets in a path is escaped, including '/', '?', '#',
     * '%', ';' (path parameters to servlet containers: {@code ..;/}), '=', '&amp;' and '+'; and a segment
     * that is only dots ({@code .} or {@code ..}) has its dots escaped, so it is a name, never a step up.
     *
     * @param value the raw segment
     * @return the segment as it goes on the wire
     */
    public static String encodePathSegment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.equals(".") ? "%2E" : "%2E%2E";
        }
        return encode(value, "-._~!$'()*,:@");
    }

    private static boolean isPlain(String value, String allowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && allowed.indexOf(c) >= 0);
            if (!keep) {
                return false;
            }
        }
        return true;
    }

    /** Encodes a query name or value ({@code &}, {@code =}, {@code +}, {@code #} and {@code %} are escaped). */
    public static String encodeQueryComponent(String value) {
        return encode(value, "-._~!$'()*,;:@/?");
    }

    private static String encode(String value, String allowed) {
        if (isPlain(value, allowed)) {
            return value; // the usual case (ids, numbers, words): nothing to escape, nothing to allocate
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = null;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || (b < 0x80 && allowed.indexOf(b) >= 0);
            if (keep) {
                if (sb != null) {
                    sb.append((char) b);
                }
            } else {
                if (sb == null) {
                    sb = new StringBuilder(bytes.length + 16);
                    for (int j = 0; j < i; j++) {
                        sb.append((char) (bytes[j] & 0xFF));
                    }
                }
                sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return sb == null ? value : sb.toString();
    }
}
