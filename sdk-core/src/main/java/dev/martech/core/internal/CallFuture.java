package dev.martech.core.internal;

import java.util.concurrent.CompletableFuture;

/**
 * The future of an async call, whose cancellation reaches the HTTP call: cancelling it, or any stage derived from
 * it ({@code thenApply}, {@code thenCompose}, {@code whenComplete}, …, by the SDK or by the caller), cancels this
 * root future and runs its {@code onCancel}, which stops the call (a queued call is never sent, a running one is
 * aborted, no retry follows). Derived stages know their root through {@link #newIncompleteFuture()}, the hook
 * {@link CompletableFuture} creates every dependent stage with.
 *
 * @param <T> the value
 */
public final class CallFuture<T> extends CompletableFuture<T> {
    private final Runnable onCancel;
    private final CallFuture<?> root;

    /** @param onCancel stops the call; runs at most once, when this future is cancelled */
    public CallFuture(Runnable onCancel) {
        this.onCancel = onCancel;
        this.root = null;
    }

    private CallFuture(CallFuture<?> root) {
        this.onCancel = null;
        this.root = root;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CallFuture<>(root == null ? this : root);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            if (root != null) {
                root.cancel(mayInterruptIfRunning);
            } else {
                onCancel.run();
            }
        }
        return cancelled;
    }
}
