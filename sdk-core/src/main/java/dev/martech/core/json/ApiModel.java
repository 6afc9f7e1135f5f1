package dev.martech.core.json;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.martech.core.errors.ResponseDecodingException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Base of every generated model. A model is immutable: build one with its {@code builder()}, derive a changed
 * copy with {@code toBuilder()}.
 *
 * <h2>Reading properties (one rule for every model)</h2>
 * <ul>
 *   <li>a required property: {@code T name()}; throws {@link ResponseDecodingException} if a response lacked
 *       it;</li>
 *   <li>an optional property: {@code Optional<T> name()}, empty when absent or {@code null};</li>
 *   <li>a list, set or map property: never null, empty when absent, unmodifiable;</li>
 *   <li>every property also has a raw accessor {@code _name()} returning a {@link JsonField} that tells
 *       missing, {@code null}, a value and an unreadable value apart and gives the JSON;</li>
 *   <li>properties the SDK does not know (from a newer server): {@link #_additionalProperties()}.</li>
 * </ul>
 *
 * <p>A response decodes property by property: a value that cannot be read as its documented type (a URL with
 * a space in a {@code uri} property, a non-UUID in a {@code uuid} property, a bad date, an object where a
 * string was documented) does not fail the response; reading that one property throws
 * {@link ResponseDecodingException} naming the model and property, and its raw accessor keeps the JSON.
 * {@code validate()} reads every property (and nested models) at once, for callers who want to fail fast.
 */
public abstract class ApiModel {
    // All three are null in the usual case: no allocation for a model that arrived as documented.
    private Map<String, Object> additionalProperties;
    private Map<String, JsonField<?>> unreadable;
    private Set<String> nulls;

    /** For Jackson (decoding) and for builders. */
    protected ApiModel() {
    }

    /**
     * Copies the additional properties a builder collected.
     *
     * @param builder the builder
     */
    protected ApiModel(Builder<?> builder) {
        if (!builder.additionalProperties.isEmpty()) {
            this.additionalProperties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.additionalProperties));
        }
    }

    /**
     * Reads every property, and every nested model, so that a missing required property or an unreadable
     * value fails now rather than when it is read.
     *
     * @return this model
     * @throws ResponseDecodingException naming the first property that cannot be read
     */
    public abstract ApiModel validate();

    /**
     * Properties present in the JSON that this version of the SDK does not know, with their JSON, by name.
     *
     * @return an unmodifiable map, empty when there were none
     */
    public final Map<String, JsonNode> _additionalProperties() {
        if (additionalProperties == null) {
            return Map.of();
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        additionalProperties.forEach((k, v) -> out.put(k, v instanceof JsonNode node ? node : Json.shared().valueToTree(v)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * For serialisation: the additional properties, written after the known ones.
     *
     * @return the additional properties, possibly empty
     */
    @JsonAnyGetter
    protected final Map<String, Object> jsonAdditionalProperties() {
        return additionalProperties == null ? Map.of() : additionalProperties;
    }

    /**
     * The value of a required property.
     *
     * @param property the JSON name
     * @param value the stored value
     * @param <T> the type
     * @return the value
     * @throws ResponseDecodingException when the property is unreadable, absent or null
     */
    protected final <T> T readRequired(String property, T value) {
        checkReadable(property);
        if (value == null) {
            throw new ResponseDecodingException(where(property) + " is required but was "
                    + (nulls != null && nulls.contains(property) ? "null" : "absent"), null);
        }
        return value;
    }

    /**
     * The value of an optional property.
     *
     * @param property the JSON name
     * @param value the stored value
     * @param <T> the type
     * @return the value, empty when absent or null
     * @throws ResponseDecodingException when the property is unreadable
     */
    protected final <T> Optional<T> readOptional(String property, T value) {
        checkReadable(property);
        return Optional.ofNullable(value);
    }

    /**
     * The value of a list property.
     *
     * @param property the JSON name
     * @param value the stored value
     * @param <E> the item type
     * @return an unmodifiable list, empty when absent or null
     * @throws ResponseDecodingException when the property is unreadable
     */
    protected final <E> List<E> readList(String property, List<E> value) {
        checkReadable(property);
        return value == null ? List.of() : Collections.unmodifiableList(value);
    }

    /**
     * The value of a set property ({@code uniqueItems}).
     *
     * @param property the JSON name
     * @param value the stored value
     * @param <E> the item type
     * @return an unmodifiable set, empty when absent or null
     * @throws ResponseDecodingException when the property is unreadable
     */
    protected final <E> Set<E> readSet(String property, Set<E> value) {
        checkReadable(property);
        return value == null ? Set.of() : Collections.unmodifiableSet(value);
    }

    /**
     * The value of a map property.
     *
     * @param property the JSON name
     * @param value the stored value
     * @param <V> the value type
     * @return an unmodifiable map, empty when absent or null
     * @throws ResponseDecodingException when the property is unreadable
     */
    protected final <V> Map<String, V> readMap(String property, Map<String, V> value) {
        checkReadable(property);
        return value == null ? Map.of() : Collections.unmodifiableMap(value);
    }

    /**
     * The raw view of a property.
     *
     * @param property the JSON name
     * @param value the stored value
     * @param <T> the type
     * @return missing, null, the value, or unreadable with its JSON
     */
    @SuppressWarnings("unchecked")
    protected final <T> JsonField<T> readField(String property, T value) {
        if (unreadable != null && unreadable.containsKey(property)) {
            return (JsonField<T>) unreadable.get(property);
        }
        if (value != null) {
            return JsonField.of(value);
        }
        return nulls != null && nulls.contains(property) ? JsonField.ofNull() : JsonField.missing();
    }

    /**
     * Validates a value read from a property: a nested model, or the models in a list, set, map or
     * {@code Optional}.
     *
     * @param value the value
     */
    protected static void validateNested(Object value) {
        if (value instanceof ApiModel model) {
            model.validate();
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(ApiModel::validateNested);
        } else if (value instanceof Collection<?> items) {
            items.forEach(ApiModel::validateNested);
        } else if (value instanceof Map<?, ?> entries) {
            entries.values().forEach(ApiModel::validateNested);
        }
    }

    /**
     * Whether the parts this base class keeps (additional properties) are equal.
     *
     * @param other the other model, of the same class
     * @return whether they are equal
     */
    protected final boolean additionalPropertiesEqual(ApiModel other) {
        return _additionalProperties().equals(other._additionalProperties());
    }

    /**
     * The hash of the additional properties.
     *
     * @return the hash
     */
    protected final int additionalPropertiesHash() {
        return additionalProperties == null ? 0 : _additionalProperties().hashCode();
    }

    /**
     * For {@code toString()}: the additional properties, or an empty string when there are none.
     *
     * @return {@code ", additionalProperties={...}"} or {@code ""}
     */
    protected final String additionalPropertiesString() {
        return additionalProperties == null ? "" : ", additionalProperties=" + additionalProperties;
    }

    /**
     * For {@code toBuilder()}: copies the additional properties into a builder.
     *
     * @param builder the builder
     */
    protected final void copyAdditionalPropertiesTo(Builder<?> builder) {
        if (additionalProperties != null) {
            builder.additionalProperties.putAll(additionalProperties);
        }
    }

    private void checkReadable(String property) {
        if (unreadable != null) {
            JsonField<?> field = unreadable.get(property);
            if (field != null) {
                field.valueOrNull(); // throws, naming the model and property
            }
        }
    }

    private String where(String property) {
        return getClass().getSimpleName() + "." + property;
    }

    // Called while decoding (ModelDeserialization), never by users.

    final void decodedNull(String property) {
        if (nulls == null) {
            nulls = new HashSet<>(4);
        }
        nulls.add(property);
    }

    final void decodedUnreadable(String property, JsonNode raw, String problem) {
        if (unreadable == null) {
            unreadable = new HashMap<>(4);
        }
        unreadable.put(property, JsonField.unreadable(raw, where(property), problem));
    }

    final void decodedUnknown(String property, JsonNode raw) {
        if (additionalProperties == null) {
            additionalProperties = new LinkedHashMap<>();
        }
        additionalProperties.put(property, raw);
    }

    /**
     * Base of the generated builders: the additional properties every model can carry.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

        /** For generated builders. */
        protected Builder() {
        }

        /**
         * Sets a property the spec does not list; it is sent as is.
         *
         * @param name the JSON name
         * @param value the value (anything Jackson can write)
         * @return this builder (a subtype's builder overrides it to return its own type)
         */
        public B putAdditionalProperty(String name, Object value) {
            additionalProperties.put(Objects.requireNonNull(name, "name"), value);
            return self();
        }

        /**
         * Replaces all additional properties.
         *
         * @param properties the properties by JSON name
         * @return this builder (a subtype's builder overrides it to return its own type)
         */
        public B additionalProperties(Map<String, ?> properties) {
            additionalProperties.clear();
            additionalProperties.putAll(Objects.requireNonNull(properties, "properties"));
            return self();
        }

        /**
         * Fails naming the property when a required property was not set.
         *
         * @param model the model's name
         * @param property the property's JSON name
         * @param value the value set
         * @param <T> the type
         * @return the value
         * @throws IllegalStateException when the value is null
         */
        protected static <T> T checkRequired(String model, String property, T value) {
            if (value == null) {
                throw new IllegalStateException(model + "." + property + " is required but was not set");
            }
            return value;
        }

        /** @return this builder, typed */
        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }
    }
}
