package dev.martech.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.martech.core.errors.ResponseDecodingException;
import java.util.Objects;
import java.util.Optional;

/**
 * One property of a model as it arrived: {@linkplain #isMissing() missing} (the JSON had no such key),
 * {@linkplain #isNull() null} (the key with {@code null}), a {@linkplain #isKnown() known value}, or
 * {@linkplain #isUnreadable() unreadable} (present but not readable as the documented type, e.g. a URL with a
 * space in a {@code uri} property). Returned by a model's raw accessor {@code _name()}; the typed accessor
 * {@code name()} is the usual way to read a property.
 *
 * @param <T> the documented type of the property
 */
public final class JsonField<T> {
    private static final JsonField<?> MISSING = new JsonField<>(Kind.MISSING, null, null, null, null);
    private static final JsonField<?> NULL = new JsonField<>(Kind.NULL, null, null, null, null);

    private enum Kind { MISSING, NULL, KNOWN, UNREADABLE }

    private final Kind kind;
    private final T value;
    private final JsonNode raw;
    private final String where;
    private final String problem;

    private JsonField(Kind kind, T value, JsonNode raw, String where, String problem) {
        this.kind = kind;
        this.value = value;
        this.raw = raw;
        this.where = where;
        this.problem = problem;
    }

    /**
     * A property that is absent.
     *
     * @param <T> the documented type
     * @return the shared missing field
     */
    @SuppressWarnings("unchecked")
    public static <T> JsonField<T> missing() {
        return (JsonField<T>) MISSING;
    }

    /**
     * A property present with the JSON value {@code null}.
     *
     * @param <T> the documented type
     * @return the shared null field
     */
    @SuppressWarnings("unchecked")
    public static <T> JsonField<T> ofNull() {
        return (JsonField<T>) NULL;
    }

    /**
     * A property holding a value of its documented type.
     *
     * @param value the value, not null
     * @param <T> the documented type
     * @return the field
     */
    public static <T> JsonField<T> of(T value) {
        return new JsonField<>(Kind.KNOWN, Objects.requireNonNull(value, "value"), null, null, null);
    }

    /**
     * A property that arrived but could not be read as its documented type.
     *
     * @param raw the JSON as received, or null when it could not be kept
     * @param where {@code Model.property}, for messages
     * @param problem why it could not be read
     * @param <T> the documented type
     * @return the field
     */
    public static <T> JsonField<T> unreadable(JsonNode raw, String where, String problem) {
        return new JsonField<>(Kind.UNREADABLE, null, raw, where, problem);
    }

    /** @return whether the JSON had no such key */
    public boolean isMissing() {
        return kind == Kind.MISSING;
    }

    /** @return whether the key was present with the value {@code null} */
    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** @return whether the property holds a value of its documented type */
    public boolean isKnown() {
        return kind == Kind.KNOWN;
    }

    /** @return whether the property was present but not readable as its documented type */
    public boolean isUnreadable() {
        return kind == Kind.UNREADABLE;
    }

    /** @return the value when {@linkplain #isKnown() known}, else empty (also for an unreadable value) */
    public Optional<T> asKnown() {
        return Optional.ofNullable(value);
    }

    /**
     * The value, or null when missing or null.
     *
     * @return the value or null
     * @throws ResponseDecodingException when the value is unreadable, naming the model and property
     */
    public T valueOrNull() {
        if (kind == Kind.UNREADABLE) {
            throw unreadableException(where, problem, raw);
        }
        return value;
    }

    /**
     * The JSON of the property: as received when unreadable, the value written back as JSON when known,
     * {@code NullNode} when null, empty when missing (or when an unreadable value could not be kept).
     *
     * @return the raw JSON
     */
    public Optional<JsonNode> raw() {
        switch (kind) {
            case KNOWN:
                return Optional.of(Json.shared().valueToTree(value));
            case NULL:
                return Optional.of(NullNode.getInstance());
            case UNREADABLE:
                return Optional.ofNullable(raw);
            default:
                return Optional.empty();
        }
    }

    /** @return why an unreadable value could not be read, else empty */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    static ResponseDecodingException unreadableException(String where, String problem, JsonNode raw) {
        String rawText = raw == null ? null : raw.toString();
        return new ResponseDecodingException(where + " could not be read: " + problem
                + (rawText == null ? "" : " (raw JSON: " + abbreviate(rawText) + ")"), rawText);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonField<?> other)) {
            return false;
        }
        return kind == other.kind && Objects.equals(value, other.value) && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value, raw);
    }

    @Override
    public String toString() {
        switch (kind) {
            case MISSING:
                return "JsonField{missing}";
            case NULL:
                return "JsonField{null}";
            case KNOWN:
                return "JsonField{" + value + "}";
            default:
                return "JsonField{unreadable " + raw + ": " + problem + "}";
        }
    }
}
