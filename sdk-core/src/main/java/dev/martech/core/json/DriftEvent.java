package dev.martech.core.json;

import java.util.Objects;

/**
 * Something a response held that the SDK does not know.
 *
 * @param api the API's name (e.g. {@code socialhub})
 * @param kind an unknown property or an unknown enum value
 * @param model the model class's simple name
 * @param property the JSON property name (the unknown one, or the one holding the unknown enum value)
 * @param value the unknown enum value; null for an unknown property
 */
public record DriftEvent(String api, Kind kind, String model, String property, String value) {
    /** What kind of drift. */
    public enum Kind {
        /** A property the model does not list. */
        UNKNOWN_PROPERTY,
        /** An enum value the spec does not document. */
        UNKNOWN_ENUM_VALUE
    }

    /**
     * Checks the required parts.
     *
     * @param api the API's name
     * @param kind the kind
     * @param model the model
     * @param property the property
     * @param value the enum value or null
     */
    public DriftEvent {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(property, "property");
    }

    /** @return one line describing the event */
    public String describe() {
        return kind == Kind.UNKNOWN_PROPERTY
                ? "API drift (" + api + "): " + model + " has a property '" + property + "' this SDK does not know"
                : "API drift (" + api + "): " + model + "." + property + " has the value '" + value
                        + "' this SDK does not know";
    }
}
