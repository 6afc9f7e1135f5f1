package dev.martech.core.paging;

import dev.martech.core.errors.ApiException;

/**
 * A paged list that makes no progress: the server returned a cursor already used in this walk (A→B→A), or
 * the same page content again (an offset or page number it ignores). Thrown instead of looping for ever;
 * the message names the operation and the position (cursor, offset or page number).
 */
public final class PagingStalledException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final transient Object position;

    PagingStalledException(String operation, Object position, String message) {
        super(operation + ": " + message + "; stopped instead of paging for ever", "PAGING", operation, 0, null);
        this.operation = operation;
        this.position = position;
    }

    /** @return the paged operation, e.g. {@code "campaignRecipients().list (GET /v1/campaign/{campaignId}/recipients)"} */
    public String operation() {
        return operation;
    }

    /** @return the cursor, offset or page number at which no progress was made */
    public Object position() {
        return position;
    }

    @Override
    public String getMessage() {
        return super.getMessage().replaceFirst(" \\[PAGING .*\\]$", "");
    }
}
