package dev.martech.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@code oneOf} union without a discriminator by deduction: among the variants whose required
 * properties are all present, the one that knows most of the fields present wins (ties: the one with more
 * required properties, then declaration order). A body that fits no variant becomes the union's
 * {@code Unknown} variant holding the raw JSON, so a new error shape from the server never fails reading.
 */
public class OneOfDeserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;

    private final transient List<Class<? extends T>> variants;
    private final transient Function<JsonNode, T> unknown;

    protected OneOfDeserializer(Class<T> union, List<Class<? extends T>> variants, Function<JsonNode, T> unknown) {
        super(union);
        this.variants = List.copyOf(variants);
        this.unknown = unknown;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (!node.isObject()) {
            return unknown.apply(node);
        }
        Set<String> present = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            present.add(it.next());
        }
        Class<? extends T> best = null;
        int bestKnown = -1;
        int bestRequired = -1;
        for (Class<? extends T> variant : variants) {
            JavaType type = ctxt.constructType(variant);
            BeanDescription description = ctxt.getConfig().introspect(type);
            int known = 0;
            int required = 0;
            boolean fits = true;
            for (BeanPropertyDefinition property : description.findProperties()) {
                boolean has = present.contains(property.getName());
                if (property.isRequired()) {
                    required++;
                    fits &= has;
                }
                if (has) {
                    known++;
                }
            }
            if (fits && (known > bestKnown || (known == bestKnown && required > bestRequired))) {
                best = variant;
                bestKnown = known;
                bestRequired = required;
            }
        }
        if (best == null) {
            return unknown.apply(node);
        }
        return ctxt.readTreeAsValue(node, best);
    }
}
