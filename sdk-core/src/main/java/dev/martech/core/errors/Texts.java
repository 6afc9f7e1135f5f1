package dev.martech.core.errors;

/**
 * Makes untrusted text (server messages, bodies, URLs) safe to put in an exception message: bounded in
 * length, saying how much was cut, with control characters and non-printable characters escaped so a
 * message is one line and cannot forge log entries or terminal output.
 */
final class Texts {
    /** At most this many characters of a server's text (message or body) are quoted. */
    static final int MAX_TEXT = 1024;
    /** At most this many characters of a URL are quoted. */
    static final int MAX_URL = 1024;

    private Texts() {
    }

    /**
     * @param text untrusted text, or null
     * @param max  how many characters of output to keep before cutting
     * @return the text, escaped and cut, e.g. {@code abc… (1234 more characters cut)}
     */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int i = 0;
        int n = text.length();
        for (; i < n; i++) {
            char c = text.charAt(i);
            String escape = escape(text, i, c);
            if (escape == null && out == null) {
                if (i >= max) {
                    out = new StringBuilder(max + 48).append(text, 0, i);
                    break;
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(Math.min(n, max) + 48).append(text, 0, i);
            }
            if (out.length() >= max) {
                break;
            }
            if (escape == null) {
                out.append(c);
            } else {
                out.append(escape);
                if (Character.isHighSurrogate(c) && escape.isEmpty()) {
                    out.append(c).append(text.charAt(++i));
                }
            }
        }
        if (out == null) {
            return text; // short and clean: the usual case
        }
        if (i < n) {
            out.append("… (").append(n - i).append(" more characters cut)");
        }
        return out.toString();
    }

    /** null to keep the character, "" for a valid surrogate pair (kept whole), else its escape. */
    private static String escape(String text, int i, char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default: break;
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int type = Character.getType(text.codePointAt(i));
                return type == Character.UNASSIGNED || type == Character.PRIVATE_USE ? unicode(c) + unicode(text.charAt(i + 1))
                        : "";
            }
            return unicode(c);
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || c == '\uFFFD') {
            return unicode(c);
        }
        return null;
    }

    private static String unicode(char c) {
        return String.format("\\u%04x", (int) c);
    }
}
