package dev.martech.core;

import dev.martech.core.errors.ErrorFormat;
import java.util.Map;

/**
 * What the runtime needs to know about one API that is not per call: its name, the default server, the
 * shape of its error bodies and the models error bodies are read into when an operation declares none.
 *
 * @param name              e.g. "targeting"; appears in the User-Agent
 * @param version           the spec's version
 * @param defaultBaseUrl    the spec's first server
 * @param errorFormat       where the message and reference id sit in an error body
 * @param defaultErrorTypes error models by exact status (e.g. 400) or by class (4 for any 4xx, 5 for any
 *                          5xx), for statuses an operation does not declare
 */
public record ApiDefinition(String name, String version, String defaultBaseUrl, ErrorFormat errorFormat,
        Map<Integer, Class<?>> defaultErrorTypes) {

    public ApiDefinition {
        defaultErrorTypes = Map.copyOf(defaultErrorTypes);
    }

    /** The error model for a status the operation does not declare, or null. */
    public Class<?> defaultErrorTypeFor(int status) {
        Class<?> type = defaultErrorTypes.get(status);
        return type != null ? type : defaultErrorTypes.get(status / 100);
    }
}
