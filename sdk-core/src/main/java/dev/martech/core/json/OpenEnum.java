package dev.martech.core.json;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Base of the generated forward-compatible enums: a value the spec lists is a shared constant; any other
 * value a newer server sends is kept as an instance too, so reading never fails and {@link #value()} shows
 * what arrived. Compare with {@code ==} against the constants or switch on the generated {@code known()}.
 */
public abstract class OpenEnum<V> {
    private final V value;

    protected OpenEnum(V value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The wire value. */
    @JsonValue
    public final V value() {
        return value;
    }

    /** Whether the value is one the spec documents (false for a value from a newer server). */
    public abstract boolean isKnown();

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && value.equals(((OpenEnum<?>) o).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return String.valueOf(value);
    }
}
