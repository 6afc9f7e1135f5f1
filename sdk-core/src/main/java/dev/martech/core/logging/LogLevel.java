package dev.martech.core.logging;

/**
 * How much of each HTTP exchange is logged, through one {@link System.Logger} per API
 * ({@code dev.martech.<api>.http}). Without code: {@code MARTECH_LOG} or {@code <API>_LOG} = {@code info}
 * (BASIC) or {@code debug} (BODY), or a level name.
 */
public enum LogLevel {
    /** Nothing. The default. */
    NONE,
    /** One line per attempt and per response: method, redacted URL, status, duration. */
    BASIC,
    /** BASIC plus headers; values of headers not known to be safe are shown as REDACTED. */
    HEADERS,
    /** HEADERS plus textual bodies up to 64 KiB, with known secret values masked. */
    BODY;

    /**
     * Reads a level from an environment variable's value.
     *
     * @param variable the variable's name, for the message
     * @param value    {@code off}/{@code none}, {@code info}/{@code basic}, {@code headers}, {@code debug}/{@code body}
     *                 (any case)
     * @return the level
     * @throws IllegalArgumentException naming the variable when the value is none of these
     */
    public static LogLevel fromEnv(String variable, String value) {
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "off": case "none": return NONE;
            case "info": case "basic": return BASIC;
            case "headers": return HEADERS;
            case "debug": case "body": return BODY;
            default:
                throw new IllegalArgumentException(variable + " must be one of info, debug, headers, none (or basic,"
                        + " body) but was '" + value + "'");
        }
    }
}
