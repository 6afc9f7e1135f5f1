package dev.martech.core.errors;

import dev.martech.core.http.HttpHeaders;

/** Everything known about a failed response, gathered once by the runtime and handed to the exception. */
public record ErrorDetails(String method, String redactedUrl, int status, HttpHeaders headers, String rawBody,
        Object errorBody, String apiMessage, String referenceId, int attempts) {

    /** e.g. {@code 404 Not Found: Customer not found (ref 7c1f…)}. */
    String summary() {
        StringBuilder sb = new StringBuilder().append(status).append(' ').append(StatusTexts.reason(status));
        if (apiMessage != null && !apiMessage.isBlank()) {
            sb.append(": ").append(Texts.clean(apiMessage, Texts.MAX_TEXT));
        } else if (rawBody != null && !rawBody.isBlank()) {
            String body = rawBody.strip().replaceAll("\\s+", " ");
            sb.append(": ").append(Texts.clean(body, 200));
        }
        if (referenceId != null) {
            sb.append(" (ref ").append(Texts.clean(referenceId, 128)).append(')');
        }
        return sb.toString();
    }
}
