package dev.martech.core.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * Argument checks that fail before any I/O with a message naming the parameter. Used by the runtime and
 * by generated code; not part of the public API.
 */
public final class Checks {
    private Checks() {
    }

    public static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required but was null");
        }
        return value;
    }

    public static String notBlank(String name, String value) {
        required(name, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * Checks a path parameter's value as it will be sent (formatted once by the caller): not empty (an empty
     * segment would silently address another resource), and not a dot segment.
     *
     * @param name      the parameter's name, for the message
     * @param formatted the value as text
     * @return {@code formatted}
     */
    public static String pathSegment(String name, String formatted) {
        if (formatted.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty: it is a path segment");
        }
        // "." and ".." (even percent-encoded) are removed by URL normalisation and would address another resource.
        if (formatted.equals(".") || formatted.equals("..")) {
            throw new IllegalArgumentException(name + " must not be '" + formatted + "': it is a path segment");
        }
        return formatted;
    }

    public static Duration positive(String name, Duration value) {
        required(name, value);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + value);
        }
        return value;
    }

    public static Duration nonNegative(String name, Duration value) {
        required(name, value);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative but was " + value);
        }
        return value;
    }

    public static String headerName(String name) {
        notBlank("header name", name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("header name '" + name + "' contains an illegal character at index " + i);
            }
        }
        return name;
    }

    /** Rejects CR, LF and other control characters, which would let a value inject headers. */
    public static String headerValue(String name, String value) {
        required("header " + name, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("header " + name + " contains a control character ("
                        + (c == '\r' ? "CR" : c == '\n' ? "LF" : String.format("0x%02x", (int) c)) + ") at index " + i);
            }
        }
        return value;
    }

    /** A value that must be one of the documented ones (compared as strings; no list means no check). */
    public static <T> T allowed(String name, T value, Collection<String> allowed) {
        if (value instanceof Collection) {
            for (Object item : (Collection<?>) value) {
                allowed(name, item, allowed);
            }
        } else if (value != null && !allowed.isEmpty() && !allowed.contains(String.valueOf(value))) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + " but was '" + value + "'");
        }
        return value;
    }

    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + " but was " + value);
        }
        return value;
    }

    public static boolean equal(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
