package dev.martech.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Semantic comparison of two JSON trees, listing every difference with its JSON pointer. Field order is
 * ignored; array order is not. Two normalisations are applied, and nothing else is tolerated:
 * <ul>
 *   <li>numbers compare by value ({@code 42} equals {@code 42.0}; Jackson reads and writes them as different
 *       node types: int/long/double/BigDecimal), and</li>
 *   <li>two strings that both parse as ISO-8601 date-times with offset compare as instants
 *       ({@code 2024-01-02T03:04:05Z} equals {@code 2024-01-02T03:04:05.000+00:00}), since a typed
 *       {@code OffsetDateTime} may be written back in another but equal spelling.</li>
 * </ul>
 */
public final class JsonDiff {
    private JsonDiff() {
    }

    /** The differences of {@code actual} from {@code expected}; empty when they are semantically equal. */
    public static List<String> diff(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("", expected, actual, out);
        return out;
    }

    private static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
        String where = at.isEmpty() ? "/" : at;
        if (expected == null || expected.isMissingNode()) {
            if (actual != null && !actual.isMissingNode()) {
                out.add(where + ": unexpected " + actual);
            }
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            out.add(where + ": missing, expected " + expected);
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                diff(at + "/" + escape(e.getKey()), e.getValue(), actual.get(e.getKey()), out);
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    out.add(at + "/" + escape(name) + ": unexpected " + actual.get(name));
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(where + ": expected " + expected.size() + " items " + expected + " but was " + actual.size()
                        + " items " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                diff(at + "/" + i, expected.get(i), actual.get(i), out);
            }
            return;
        }
        if (!sameValue(expected, actual)) {
            out.add(where + ": expected " + expected + " but was " + actual);
        }
    }

    /** Scalar equality with the two normalisations (numbers by value, date-times by instant). */
    public static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isTextual() && actual.isTextual()) {
            String e = expected.textValue();
            String a = actual.textValue();
            return e.equals(a) || sameInstant(e, a);
        }
        return expected.equals(actual);
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
