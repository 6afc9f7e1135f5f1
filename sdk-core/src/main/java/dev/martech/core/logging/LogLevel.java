package dev.martech.core.logging;

/** How much of each HTTP exchange is logged (through {@link System.Logger} "dev.martech.sdk.http"). */
public enum LogLevel {
    /** Nothing. The default. */
    NONE,
    /** One line per attempt and per response: method, redacted URL, status, duration. */
    BASIC,
    /** BASIC plus headers; values of headers not known to be safe are shown as REDACTED. */
    HEADERS,
    /** HEADERS plus textual bodies up to 64 KiB, with known secret values masked. */
    BODY
}
