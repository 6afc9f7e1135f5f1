package dev.martech.core.internal;

/**
 * Whether a client has been closed, shared by its layers: calls after {@code close()} fail at once, and a
 * call in flight at close is not retried.
 */
public final class Lifecycle {
    private final String clientName;
    private volatile boolean closed;

    /** @param clientName how messages name the client, e.g. {@code "targeting client"} */
    public Lifecycle(String clientName) {
        this.clientName = clientName;
    }

    /** Marks the client closed; returns false if it already was. */
    public synchronized boolean close() {
        boolean wasOpen = !closed;
        closed = true;
        return wasOpen;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Throws unless the client is still open. */
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the " + clientName + " is closed: no further calls can be made"
                    + " (build a new client)");
        }
    }

    /** The failure of a call that was in flight when the client was closed: it was cancelled, not retried. */
    public IllegalStateException closedDuringCall(Throwable cause) {
        return new IllegalStateException("the " + clientName + " was closed while this call was in flight;"
                + " the call was cancelled and not retried", cause);
    }
}
