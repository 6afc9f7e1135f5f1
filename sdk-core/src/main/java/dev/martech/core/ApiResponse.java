package dev.martech.core;

import dev.martech.core.http.HttpHeaders;

/**
 * A successful response: status, headers and the decoded body, as {@link ClientRuntime#execute} returns it
 * to the generated services (the {@code withRawResponse()} view returns the lazier {@link HttpResponseFor}).
 *
 * @param status   the HTTP status (2xx)
 * @param headers  response headers
 * @param body     the decoded body; null for operations without one
 * @param attempts how many attempts the call took
 */
public record ApiResponse<T>(int status, HttpHeaders headers, T body, int attempts) {
}
