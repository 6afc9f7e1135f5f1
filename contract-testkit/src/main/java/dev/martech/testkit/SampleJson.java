package dev.martech.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic sample JSON value for any schema of a spec: {@code $ref}s followed, {@code allOf} merged,
 * the first {@code oneOf}/{@code anyOf} variant (with its discriminator value set), the first enum value,
 * every declared property (a contract test must see each field survive the round trip), arrays with one
 * item, maps and {@code additionalProperties} with one entry, and values by format (uuid, date-time, date,
 * int32, int64, number, boolean, byte). Recursion stops when a schema would contain itself or beyond
 * {@link #MAX_DEPTH} levels, the property being left out. Request samples leave out readOnly properties,
 * response samples writeOnly ones.
 *
 * <p>Parameter samples ({@link #parameter}) use {@link #PARAM_STRING} for plain strings, so that path,
 * query and header encoding is exercised, and two items for arrays, so that repeated and comma-separated
 * collection formats can be told apart.
 */
public final class SampleJson {
    /** A string parameter's sample: a space and a slash, which a path segment must percent-encode. */
    public static final String PARAM_STRING = "a b/c";
    public static final String UUID_1 = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    public static final String UUID_2 = "9b2f8c1e-0d4a-4e6b-8f3a-1c2d3e4f5a6b";
    public static final String DATE_TIME_1 = "2024-01-02T03:04:05Z";
    public static final String DATE_TIME_2 = "2024-02-03T04:05:06Z";
    public static final String DATE_1 = "2024-01-02";
    public static final String DATE_2 = "2024-02-03";
    /** An int64 sample beyond the int range, so a long field mapped to an int would fail. */
    public static final long INT64 = 3_000_000_000L;
    public static final int INT32 = 42;
    public static final BigDecimal NUMBER = new BigDecimal("1.5");
    static final int MAX_DEPTH = 12;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Which side of the exchange the sample is for (decides whether readOnly or writeOnly is skipped). */
    public enum Direction { REQUEST, RESPONSE }

    private final ContractOperation op;
    private final OpenAPI api;
    private final Direction direction;

    public SampleJson(ContractOperation op, Direction direction) {
        this.op = op;
        this.api = op.api();
        this.direction = direction;
    }

    /** The sample value of {@code schema}; null for a schema that only recurses into itself. */
    public JsonNode sample(Schema<?> schema) {
        return sample(schema, new ArrayDeque<>(), null, 0);
    }

    /** A parameter's (or form field's) sample: {@link #PARAM_STRING} for plain strings, two array items. */
    public JsonNode parameter(Schema<?> schema) {
        Schema<?> s = op.resolve(schema);
        if (s == null) {
            return F.textNode(PARAM_STRING);
        }
        String type = type(s);
        if ("array".equals(type)) {
            ArrayNode array = F.arrayNode();
            array.add(parameter(s.getItems()));
            JsonNode second = second(s.getItems());
            if (second != null && !second.equals(array.get(0))) {
                array.add(second);
            }
            return array;
        }
        if ("string".equals(type) && (s.getEnum() == null || s.getEnum().isEmpty()) && plainString(s.getFormat())) {
            return F.textNode(PARAM_STRING);
        }
        return sample(s);
    }

    /** A second, different value of a primitive schema (for the second item of an array parameter), or null. */
    private JsonNode second(Schema<?> schema) {
        Schema<?> s = op.resolve(schema);
        if (s == null) {
            return null;
        }
        if (s.getEnum() != null) {
            List<?> values = s.getEnum().stream().filter(v -> v != null).toList();
            return values.size() > 1 ? enumValue(s, values.get(1)) : null;
        }
        String type = type(s);
        String format = s.getFormat() == null ? "" : s.getFormat();
        if (type == null) {
            return null;
        }
        switch (type) {
            case "string":
                switch (format) {
                    case "uuid": return F.textNode(UUID_2);
                    case "date-time": return F.textNode(DATE_TIME_2);
                    case "date": return F.textNode(DATE_2);
                    default: return plainString(format) ? F.textNode("x y") : null;
                }
            case "integer":
                return "int64".equals(format) ? F.numberNode(INT64 + 1) : F.numberNode(INT32 + 1);
            case "number":
                return F.numberNode(new BigDecimal("2.5"));
            case "boolean":
                return F.booleanNode(false);
            default:
                return null;
        }
    }

    private static boolean plainString(String format) {
        return format == null || !Set.of("uuid", "date-time", "date", "byte", "binary", "email", "uri", "url",
                "int32", "int64", "number", "double", "float").contains(format.toLowerCase(Locale.ROOT));
    }

    @SuppressWarnings("rawtypes") // swagger-parser's schema lists and maps are raw
    private JsonNode sample(Schema<?> schema, Deque<String> refs, String concrete, int depth) {
        if (schema == null) {
            return F.textNode("value");
        }
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (schema.get$ref() != null) {
            String name = ContractOperation.refName(schema.get$ref());
            if (refs.contains(name)) {
                return null; // the schema contains itself: stop here
            }
            Schema<?> target = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                    : api.getComponents().getSchemas().get(name);
            if (target == null) {
                throw new AssertionError("unresolvable $ref " + schema.get$ref());
            }
            refs.push(name);
            try {
                return sample(target, refs, name, depth + 1);
            } finally {
                refs.pop();
            }
        }
        if (schema.getEnum() != null && schema.getEnum().stream().anyMatch(v -> v != null)) {
            return enumValue(schema, schema.getEnum().stream().filter(v -> v != null).findFirst().orElseThrow());
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return allOf(schema, refs, concrete, depth);
        }
        List<Schema> variants = schema.getOneOf() != null && !schema.getOneOf().isEmpty() ? schema.getOneOf()
                : schema.getAnyOf() != null && !schema.getAnyOf().isEmpty() ? schema.getAnyOf() : null;
        if (variants != null) {
            return oneOf(schema, variants, refs, depth);
        }
        String type = type(schema);
        if (type == null) {
            return F.textNode("value"); // any type
        }
        switch (type) {
            case "object":
                return object(schema, refs, concrete, depth);
            case "array": {
                ArrayNode array = F.arrayNode();
                JsonNode item = sample(schema.getItems(), refs, null, depth + 1);
                if (item != null) {
                    array.add(item);
                }
                return array;
            }
            case "string":
                return string(schema.getFormat());
            case "integer":
                return "int64".equals(schema.getFormat()) ? F.numberNode(INT64) : F.numberNode(INT32);
            case "number":
                return F.numberNode(NUMBER);
            case "boolean":
                return F.booleanNode(true);
            case "null":
                return F.nullNode();
            default:
                return F.textNode("value");
        }
    }

    private static JsonNode string(String format) {
        switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "uuid": return F.textNode(UUID_1);
            case "date-time": return F.textNode(DATE_TIME_1);
            case "date": return F.textNode(DATE_1);
            case "byte": return F.textNode("c2FtcGxl"); // base64 of "sample"
            case "email": return F.textNode("user@example.com");
            case "uri":
            case "url": return F.textNode("https://example.com/sample");
            default: return F.textNode("sample");
        }
    }

    private JsonNode enumValue(Schema<?> schema, Object value) {
        String type = type(schema);
        if (value instanceof Date date) {
            return F.textNode("date".equals(schema.getFormat())
                    ? LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC).toString()
                    : OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC).toString());
        }
        if ("string".equals(type) || type == null && value instanceof CharSequence) {
            return F.textNode(String.valueOf(value));
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (value instanceof BigDecimal d) {
            return F.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return F.numberNode(i);
        }
        if (value instanceof Number n) {
            if ("integer".equals(type)) {
                long l = n.longValue();
                return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
            }
            return F.numberNode(new BigDecimal(n.toString()));
        }
        return F.textNode(String.valueOf(value));
    }

    private JsonNode allOf(Schema<?> schema, Deque<String> refs, String concrete, int depth) {
        ObjectNode merged = null;
        JsonNode single = null;
        for (Schema<?> part : schema.getAllOf()) {
            // A named part is a parent: the discriminator it declares names the concrete (outer) schema.
            JsonNode value;
            if (part.get$ref() != null) {
                String name = ContractOperation.refName(part.get$ref());
                if (refs.contains(name)) {
                    continue;
                }
                refs.push(name);
                try {
                    value = sample(api.getComponents().getSchemas().get(name), refs, concrete != null ? concrete : name, depth + 1);
                } finally {
                    refs.pop();
                }
            } else {
                value = sample(part, refs, concrete, depth + 1);
            }
            if (value == null) {
                continue;
            }
            if (value.isObject()) {
                if (merged == null) {
                    merged = F.objectNode();
                }
                merged.setAll((ObjectNode) value);
            } else if (single == null) {
                single = value;
            }
        }
        boolean ownShape = schema.getProperties() != null && !schema.getProperties().isEmpty();
        if (ownShape) {
            JsonNode own = object(schema, refs, concrete, depth);
            if (merged == null) {
                merged = F.objectNode();
            }
            merged.setAll((ObjectNode) own);
        }
        if (merged != null) {
            applyDiscriminator(schema, merged, concrete);
            return merged;
        }
        return single != null ? single : F.objectNode();
    }

    @SuppressWarnings("rawtypes")
    private JsonNode oneOf(Schema<?> schema, List<Schema> variants, Deque<String> refs, int depth) {
        for (Schema<?> variant : variants) {
            Schema<?> resolved = op.resolve(variant);
            if (resolved != null && "null".equals(type(resolved))) {
                continue;
            }
            String name = variant.get$ref() != null ? ContractOperation.refName(variant.get$ref()) : null;
            JsonNode value = sample(variant, refs, name, depth + 1);
            if (value == null) {
                continue;
            }
            if (value.isObject() && schema.getDiscriminator() != null && name != null) {
                String property = schema.getDiscriminator().getPropertyName();
                ((ObjectNode) value).put(property, discriminatorValue(schema.getDiscriminator(), name));
            }
            return value;
        }
        return F.objectNode();
    }

    @SuppressWarnings("rawtypes")
    private JsonNode object(Schema<?> schema, Deque<String> refs, String concrete, int depth) {
        ObjectNode object = F.objectNode();
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            for (Map.Entry<String, Schema> e : properties.entrySet()) {
                Schema<?> property = e.getValue();
                Schema<?> resolved = op.resolve(property);
                if (skipped(property) || skipped(resolved)) {
                    continue;
                }
                JsonNode value = sample(property, refs, null, depth + 1);
                if (value != null) {
                    object.set(e.getKey(), value);
                }
            }
        }
        Object additional = schema.getAdditionalProperties();
        if (additional instanceof Schema<?> additionalSchema) {
            JsonNode value = sample(additionalSchema, refs, null, depth + 1);
            if (value != null) {
                object.set("additionalProp1", value);
            }
        } else if (Boolean.TRUE.equals(additional)) {
            object.put("additionalProp1", "value");
        } else if ((properties == null || properties.isEmpty()) && additional == null) {
            object.put("key", "value"); // a free-form object
        }
        applyDiscriminator(schema, object, concrete);
        return object;
    }

    private void applyDiscriminator(Schema<?> schema, ObjectNode object, String concrete) {
        Discriminator discriminator = schema.getDiscriminator();
        if (discriminator == null || discriminator.getPropertyName() == null || concrete == null) {
            return;
        }
        String property = discriminator.getPropertyName();
        JsonNode current = object.get(property);
        Schema<?> propertySchema = schema.getProperties() == null ? null : op.resolve(schema.getProperties().get(property));
        if (propertySchema != null && propertySchema.getEnum() != null && !propertySchema.getEnum().isEmpty()) {
            String value = discriminatorValue(discriminator, concrete);
            if (propertySchema.getEnum().stream().anyMatch(v -> value.equals(String.valueOf(v)))) {
                object.put(property, value);
            }
            return; // otherwise keep the enum's first value: the only one the model can hold
        }
        if (current == null || current.isTextual()) {
            object.put(property, discriminatorValue(discriminator, concrete));
        }
    }

    private static String discriminatorValue(Discriminator discriminator, String schemaName) {
        if (discriminator.getMapping() != null) {
            for (Map.Entry<String, String> e : discriminator.getMapping().entrySet()) {
                String target = e.getValue();
                if (target.equals(schemaName) || target.endsWith("/" + schemaName)) {
                    return e.getKey();
                }
            }
        }
        return schemaName;
    }

    private boolean skipped(Schema<?> schema) {
        if (schema == null) {
            return false;
        }
        return direction == Direction.REQUEST ? Boolean.TRUE.equals(schema.getReadOnly())
                : Boolean.TRUE.equals(schema.getWriteOnly());
    }

    /** The schema's type: declared (3.0 or the first non-null of 3.1's list), else inferred from its shape. */
    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            for (Object t : schema.getTypes()) {
                if (t != null && !"null".equals(t)) {
                    return t.toString();
                }
            }
        }
        if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        return null;
    }
}
