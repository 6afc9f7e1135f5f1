package dev.martech.core;

import dev.martech.core.errors.ErrorFormat;

/**
 * What the runtime needs to know about one API that is not per call: its name, the default server, the
 * shape of its error bodies and the model an undeclared error body is read into.
 *
 * @param name             e.g. "targeting"; appears in the User-Agent
 * @param version          the spec's version
 * @param defaultBaseUrl   the spec's first server
 * @param errorFormat      where the message and reference id sit in an error body
 * @param defaultErrorType model for error bodies of statuses the operation does not declare, or null
 */
public record ApiDefinition(String name, String version, String defaultBaseUrl, ErrorFormat errorFormat,
        Class<?> defaultErrorType) {
}
