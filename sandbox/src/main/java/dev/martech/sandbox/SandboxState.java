package dev.martech.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's in-memory data, seeded from the JSON files next to the mappings and changed by the stateful
 * stubs. Every method is synchronized: WireMock serves requests on several threads.
 */
final class SandboxState {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Targeting campaigns by id. */
    final Map<String, ObjectNode> campaigns = new LinkedHashMap<>();
    /** Targeting recipients by campaign id, in insertion order. */
    final Map<String, List<ObjectNode>> recipients = new LinkedHashMap<>();
    /** SocialHub posts, newest last. */
    final List<ObjectNode> posts = new ArrayList<>();
    /** Contacthub customers by id. */
    final Map<String, ObjectNode> customers = new LinkedHashMap<>();
    /** Contacthub events, oldest first. */
    final List<ObjectNode> events = new ArrayList<>();
    /** Contactflow automations by id. */
    final Map<String, ObjectNode> automations = new LinkedHashMap<>();
    /** Contacthub update stream offset: moves with every customer or event write. */
    long lastOffset;
    /** Sequence for generated ids. */
    long sequence;

    SandboxState() {
        reset();
    }

    synchronized void reset() {
        campaigns.clear();
        recipients.clear();
        posts.clear();
        customers.clear();
        events.clear();
        automations.clear();
        lastOffset = 184_320;
        sequence = 0;
        for (JsonNode c : read("targeting-campaigns.json")) {
            campaigns.put(c.get("id").asText(), (ObjectNode) c);
        }
        Iterator<Map.Entry<String, JsonNode>> byCampaign = read("targeting-recipients.json").fields();
        while (byCampaign.hasNext()) {
            Map.Entry<String, JsonNode> e = byCampaign.next();
            List<ObjectNode> list = new ArrayList<>();
            e.getValue().forEach(r -> list.add((ObjectNode) r));
            recipients.put(e.getKey(), list);
        }
        read("socialhub-posts.json").forEach(p -> posts.add((ObjectNode) p));
        read("contacthub-customers.json").forEach(c -> customers.put(c.get("id").asText(), (ObjectNode) c));
        read("contactflow-automations.json").get("elements").forEach(a -> automations.put(a.get("uuid").asText(), (ObjectNode) a));
    }

    /** A fresh copy of a seed file. */
    static JsonNode read(String file) {
        String path = Sandbox.CLASSPATH_ROOT + "/__files/" + file;
        try (InputStream in = SandboxState.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("sandbox seed data missing from the classpath: " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox seed data " + path, e);
        }
    }

    static ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode a = JSON.createArrayNode();
        items.forEach(a::add);
        return a;
    }
}
