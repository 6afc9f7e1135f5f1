package dev.martech.core.json;

/**
 * Told once per (API, model, property or enum value) when a response holds something the SDK does not know:
 * a property the model does not list or an enum value the spec does not document. The vendor changed its
 * API; nothing failed (the data stays readable through {@code _additionalProperties()} and the enum's
 * {@code value()}), but the SDK or its spec may need an update. Called on the thread that decoded the
 * response; keep it quick and never throw.
 */
@FunctionalInterface
public interface DriftListener {
    /**
     * One new kind of drift, the first time it is seen by this client.
     *
     * @param event what was seen
     */
    void onDrift(DriftEvent event);

    /**
     * The default: one WARN line per event via {@link System.Logger} (logger {@code dev.martech.drift}).
     *
     * @return the logging listener
     */
    static DriftListener logging() {
        System.Logger logger = System.getLogger("dev.martech.drift");
        return event -> logger.log(System.Logger.Level.WARNING, event.describe());
    }

    /**
     * Ignores drift (the client's {@code driftReport()} still counts it).
     *
     * @return a listener that does nothing
     */
    static DriftListener none() {
        return event -> { };
    }
}
