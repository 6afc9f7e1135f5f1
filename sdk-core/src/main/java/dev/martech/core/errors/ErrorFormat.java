package dev.martech.core.errors;

import java.util.List;

/**
 * How one API shapes its error bodies: which JSON fields hold the human message and the reference id, and
 * which response headers carry a request id. Each client configures one; the decoding itself is shared.
 *
 * @param messageFields   top-level fields tried in order for the message (e.g. {@code message}, {@code error})
 * @param referenceFields top-level fields tried in order for a reference id (e.g. Contactlab {@code logref})
 * @param requestIdHeaders response headers tried in order for a request id when the body has none
 */
public record ErrorFormat(List<String> messageFields, List<String> referenceFields, List<String> requestIdHeaders) {
    public ErrorFormat {
        messageFields = List.copyOf(messageFields);
        referenceFields = List.copyOf(referenceFields);
        requestIdHeaders = List.copyOf(requestIdHeaders);
    }

    public static final List<String> COMMON_REQUEST_ID_HEADERS =
            List.of("X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Amzn-RequestId", "X-Amzn-Trace-Id");
}
