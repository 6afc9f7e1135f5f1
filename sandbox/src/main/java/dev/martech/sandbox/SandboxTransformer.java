package dev.martech.sandbox;

import static dev.martech.sandbox.SandboxState.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stateful stubs: a mapping names its handler in {@code transformerParameters.handler} and this
 * transformer answers it from {@link SandboxState}.
 */
final class SandboxTransformer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "martech-sandbox";

    private final SandboxState state;
    private final Map<String, Function<Call, ResponseDefinition>> handlers;
    private byte[] report;

    SandboxTransformer(SandboxState state) {
        this.state = state;
        this.handlers = Map.ofEntries(
                Map.entry("targeting.matchCampaigns", this::matchCampaigns),
                Map.entry("targeting.changeCampaignStatus", this::changeCampaignStatus),
                Map.entry("targeting.getCampaignJobStatus", this::getCampaignJobStatus),
                Map.entry("targeting.getRecipients", this::getRecipients),
                Map.entry("targeting.createRecipient", this::createRecipient),
                Map.entry("targeting.updateRecipient", this::updateRecipient),
                Map.entry("targeting.updateRecipientPortalStatus", this::updateRecipientPortalStatus),
                Map.entry("socialhub.listPosts", this::listPosts),
                Map.entry("socialhub.createPostGroup", this::createPostGroup),
                Map.entry("socialhub.updatePost", this::updatePost),
                Map.entry("contacthub.postCustomer", this::postCustomer),
                Map.entry("contacthub.getCustomers", this::getCustomers),
                Map.entry("contacthub.getCustomer", this::getCustomer),
                Map.entry("contacthub.patchCustomer", this::patchCustomer),
                Map.entry("contacthub.deleteCustomer", this::deleteCustomer),
                Map.entry("contacthub.postEvent", this::postEvent),
                Map.entry("contacthub.getEvents", this::getEvents),
                Map.entry("contacthub.getLastOffset", this::getLastOffset),
                Map.entry("contacthub.postBulkJob", this::postBulkJob),
                Map.entry("contactflow.getAutomation", this::getAutomation),
                Map.entry("contactflow.addCustomer", this::addFlowCustomer),
                Map.entry("contactflow.addCustomersBatch", this::addCustomersBatch),
                Map.entry("contactflow.getAutomationsReport", this::automationsReport));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String handler = serveEvent.getTransformerParameters().getString("handler", "");
        Function<Call, ResponseDefinition> h = handlers.get(handler);
        if (h == null) {
            return json(500, obj("message", "sandbox: no handler named '" + handler + "'"));
        }
        Call call;
        try {
            call = new Call(serveEvent.getRequest());
        } catch (JsonProcessingException e) {
            return json(400, obj("message", "Malformed JSON request body: " + e.getOriginalMessage()));
        }
        synchronized (state) {
            return h.apply(call);
        }
    }

    // ------------------------------------------------------------------ Targeting

    private ResponseDefinition matchCampaigns(Call c) {
        JsonNode ids = c.body.path("campaign_ids");
        if (!ids.isArray() || ids.isEmpty()) {
            return json(400, obj("message", "campaign_ids must contain between 1 and 100 campaign ids"));
        }
        Set<String> entities = new HashSet<>();
        c.body.path("entity_refs").forEach(r -> entities.add(r.path("entity_id").asText()));
        ArrayNode results = JSON.createArrayNode();
        for (JsonNode id : ids) {
            ObjectNode campaign = state.campaigns.get(id.asText());
            if (campaign == null) {
                continue;
            }
            boolean inTarget = false;
            for (JsonNode rel : campaign.path("target").path("$relation")) {
                inTarget |= entities.contains(rel.path("entity_id").asText());
            }
            for (ObjectNode r : state.recipients.getOrDefault(id.asText(), List.of())) {
                inTarget |= entities.contains(r.path("entity_id").asText());
            }
            if (inTarget) {
                results.addObject().set("campaign", campaign.deepCopy());
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("hits", results.size());
        out.set("results", results);
        return json(200, out);
    }

    private ResponseDefinition changeCampaignStatus(Call c) {
        ObjectNode campaign = state.campaigns.get(c.segment(3));
        if (campaign == null) {
            return json(400, obj("code", "CAMPAIGN_NOT_FOUND"));
        }
        if (campaign.path("target").path("$relation").isEmpty()) {
            return json(400, obj("code", "CAMPAIGN_HAS_NO_TARGET"));
        }
        String next = "active".equals(campaign.path("status").asText()) ? "inactive" : "active";
        campaign.put("status", next);
        campaign.put("_updated_at", now());
        ObjectNode out = JSON.createObjectNode();
        out.set("campaign", campaign.deepCopy());
        return json(200, out);
    }

    private ResponseDefinition getCampaignJobStatus(Call c) {
        String id = c.segment(3);
        if (!state.campaigns.containsKey(id)) {
            return json(400, obj("code", "CAMPAIGN_NOT_FOUND"));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("status", "finished");
        ArrayNode summary = out.putArray("execution_summary");
        for (ObjectNode r : state.recipients.getOrDefault(id, List.of())) {
            summary.addObject().put("execution_id", r.path("automation_execution_id").asText())
                    .put("execution_status", r.path("automation_status").asText());
        }
        return json(200, out);
    }

    private ResponseDefinition getRecipients(Call c) {
        String id = c.segment(3);
        if (!state.campaigns.containsKey(id)) {
            return json(400, obj("code", "CAMPAIGN_NOT_FOUND"));
        }
        int limit = c.intQuery("limit", 25);
        if (limit < 1 || limit > 100) {
            return json(400, obj("message", "limit must be between 1 and 100 but was " + limit));
        }
        int offset;
        try {
            String cursor = c.query("next");
            offset = cursor == null ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor),
                    StandardCharsets.UTF_8).substring(2));
        } catch (RuntimeException e) {
            return json(400, obj("message", "next is not a cursor this API returned"));
        }
        String q = c.query("q");
        String automation = c.query("automation_status");
        String portal = c.query("portal_status");
        List<ObjectNode> all = state.recipients.getOrDefault(id, List.of()).stream()
                .filter(r -> q == null || r.path("title").asText().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
                .filter(r -> automation == null || automation.equals(r.path("automation_status").asText()))
                .filter(r -> portal == null || portal.equals(r.path("portal_status").asText()))
                .collect(Collectors.toList());
        int end = Math.min(all.size(), offset + limit);
        ObjectNode out = JSON.createObjectNode();
        out.set("results", SandboxState.array(offset < end ? all.subList(offset, end) : List.of()));
        if (end < all.size()) {
            out.put("next", Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + end).getBytes(StandardCharsets.UTF_8)));
        } else {
            out.putNull("next");
        }
        out.put("total", all.size());
        return json(200, out);
    }

    private ResponseDefinition createRecipient(Call c) {
        String id = c.segment(3);
        if (!state.campaigns.containsKey(id)) {
            return json(400, obj("code", "CAMPAIGN_NOT_FOUND"));
        }
        String entityId = c.body.path("entity_id").asText("");
        if (entityId.isEmpty() || c.body.path("entity_schema").asText("").isEmpty()) {
            return json(400, obj("message", "entity_id and entity_schema are required"));
        }
        if (!c.body.has("automation_status") && !c.body.has("portal_status")) {
            return json(400, obj("message", "a recipient needs automation_status/automation_execution_id or portal_status"));
        }
        ObjectNode r = ((ObjectNode) c.body).deepCopy();
        r.put("title", r.path("title").asText("Contact " + entityId.substring(0, 8)));
        if (r.has("portal_status")) {
            r.put("portal_status_updated_at", now());
        }
        r.put("updated_at", now());
        List<ObjectNode> list = state.recipients.computeIfAbsent(id, k -> new ArrayList<>());
        list.removeIf(x -> entityId.equals(x.path("entity_id").asText()));
        list.add(r);
        return json(201, r);
    }

    private ResponseDefinition updateRecipient(Call c) {
        ObjectNode r = recipient(c);
        if (r == null) {
            return json(404, obj("message", "Recipient " + c.segment(5) + " not found in campaign " + c.segment(3)));
        }
        c.body.fields().forEachRemaining(e -> r.set(e.getKey(), e.getValue()));
        if (c.body.has("portal_status")) {
            r.put("portal_status_updated_at", now());
        }
        r.put("updated_at", now());
        return json(200, r);
    }

    private ResponseDefinition updateRecipientPortalStatus(Call c) {
        ObjectNode r = recipient(c);
        if (r == null) {
            return json(404, obj("message", "Recipient " + c.segment(5) + " not found in campaign " + c.segment(3)));
        }
        String from = r.path("portal_status").asText("sent");
        String to = c.body.path("status").asText("");
        boolean allowed = switch (from) {
            case "sent" -> Set.of("seen", "dismissed", "clicked").contains(to);
            case "seen" -> Set.of("dismissed", "clicked").contains(to);
            default -> false;
        };
        if (!allowed) {
            ObjectNode err = JSON.createObjectNode();
            err.put("error", "Portal status cannot change from '" + from + "' to '" + to + "'");
            err.put("status", 409);
            return json(409, err);
        }
        r.put("portal_status", to);
        r.put("portal_status_updated_at", now());
        r.put("updated_at", now());
        return json(200, r);
    }

    private ObjectNode recipient(Call c) {
        String entityId = c.segment(5);
        return state.recipients.getOrDefault(c.segment(3), List.of()).stream()
                .filter(x -> entityId.equals(x.path("entity_id").asText())).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ SocialHub

    private ResponseDefinition listPosts(Call c) {
        int offset = c.intQuery("offset", 0);
        int count = c.intQuery("count", 20);
        if (offset < 0 || count < 1 || count > 100) {
            return json(400, obj("code", "BadRequest", "message", "offset must be >= 0 and count between 1 and 100"));
        }
        Set<String> statuses = c.csvQuery("status");
        String group = c.query("postGroupId");
        List<ObjectNode> all = state.posts.stream()
                .filter(p -> statuses.isEmpty() || statuses.contains(p.path("status").asText()))
                .filter(p -> group == null || group.equals(p.path("postGroupId").asText()))
                .collect(Collectors.toList());
        int end = Math.min(all.size(), offset + count);
        ObjectNode out = JSON.createObjectNode();
        out.put("count", all.size());
        out.set("data", SandboxState.array(offset < end ? all.subList(offset, end) : List.of()));
        return json(200, out);
    }

    private ResponseDefinition createPostGroup(Call c) {
        JsonNode channelIds = c.body.path("channelIds");
        if (!channelIds.isArray() || channelIds.isEmpty()) {
            return json(400, obj("code", "BadRequest", "message", "channelIds must contain at least one channel id"));
        }
        JsonNode channels = SandboxState.read("socialhub-channel-summaries.json");
        String groupId = objectId();
        for (JsonNode id : channelIds) {
            JsonNode channel = null;
            for (JsonNode ch : channels) {
                channel = ch.path("_id").asText().equals(id.asText()) ? ch : channel;
            }
            if (channel == null) {
                return json(404, obj("code", "NotFound", "message", "Channel " + id.asText() + " does not exist"));
            }
            ObjectNode post = JSON.createObjectNode();
            post.put("_id", objectId());
            post.put("accountId", "5f3a9c2e1b7d4a0012c4e8f1");
            post.put("postGroupId", groupId);
            post.putObject("channel").put("id", channel.path("_id").asText())
                    .put("uniqueName", channel.path("uniqueName").asText())
                    .put("socialNetwork", channel.path("socialNetwork").asText());
            post.put("status", "draft");
            post.putObject("flags").put("imported", false).put("needsAttention", false);
            post.putObject("content").put("type", "POST").put("text", "");
            post.put("createdTime", now());
            post.put("updatedTime", now());
            if (c.body.hasNonNull("publishTime")) {
                post.set("publishTime", c.body.get("publishTime"));
            }
            post.put("publishTimeZone", c.body.path("publishTimeZone").asText("Europe/Berlin"));
            state.posts.add(post);
        }
        ObjectNode group = JSON.createObjectNode();
        group.put("_id", groupId);
        group.put("accountId", "5f3a9c2e1b7d4a0012c4e8f1");
        return json(200, group);
    }

    private ResponseDefinition updatePost(Call c) {
        String id = c.segment(3);
        ObjectNode post = state.posts.stream().filter(p -> id.equals(p.path("_id").asText())).findFirst().orElse(null);
        if (post == null) {
            return json(404, obj("code", "NotFound", "message", "Post " + id + " does not exist"));
        }
        ObjectNode errors = JSON.createObjectNode();
        if (c.body.hasNonNull("publishTime")) {
            try {
                if (!OffsetDateTime.parse(c.body.get("publishTime").asText()).toInstant().isAfter(Instant.now())) {
                    errors.putArray("publishTime").add("publishTimeNotInFuture");
                }
            } catch (DateTimeParseException e) {
                return json(400, obj("code", "BadRequest", "message", "publishTime is not an ISO date"));
            }
        }
        String text = c.body.path("content").path("text").asText("");
        if ("TWITTER".equals(post.path("channel").path("socialNetwork").asText()) && text.length() > 280) {
            errors.putArray("content.text").add("twitterTweetCharacterCountTooBig");
        }
        if (!errors.isEmpty()) {
            ObjectNode err = obj("code", "ValidationError", "message", "The post could not be saved: see errors.");
            err.set("errors", errors);
            return json(400, err);
        }
        c.body.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && post.path(e.getKey()).isObject()) {
                ((ObjectNode) post.get(e.getKey())).setAll((ObjectNode) e.getValue());
            } else if (!e.getKey().equals("_id")) {
                post.set(e.getKey(), e.getValue());
            }
        });
        post.put("updatedTime", now());
        return json(200, post);
    }

    // ------------------------------------------------------------------ Contacthub

    private ResponseDefinition postCustomer(Call c) {
        String nodeId = c.body.path("nodeId").asText("");
        if (nodeId.isEmpty()) {
            ObjectNode err = hubError("Validation failed: nodeId must not be null");
            err.putArray("errors").addObject().put("field", "nodeId").put("message", "must not be null");
            return json(400, err);
        }
        String externalId = c.body.path("externalId").asText(null);
        if (externalId != null) {
            for (ObjectNode existing : state.customers.values()) {
                if (externalId.equals(existing.path("externalId").asText(null)) && nodeId.equals(existing.path("nodeId").asText())) {
                    ObjectNode err = hubError("Customer already exists");
                    err.putObject("data").putObject("customer").put("id", existing.path("id").asText());
                    return json(409, err);
                }
            }
        }
        ObjectNode customer = ((ObjectNode) c.body).deepCopy();
        String id = UUID.randomUUID().toString();
        ObjectNode out = JSON.createObjectNode();
        out.put("id", id);
        out.put("intId", 500_200 + state.customers.size());
        out.setAll(customer);
        out.put("enabled", customer.path("enabled").asBoolean(true));
        out.put("registeredAt", now());
        out.put("updatedAt", now());
        out.put("version", 1);
        out.put("deleted", 0);
        state.customers.put(id, out);
        state.lastOffset++;
        return json(201, out);
    }

    private ResponseDefinition getCustomers(Call c) {
        String nodeId = c.query("nodeId");
        if (nodeId == null) {
            return json(400, hubError("Required query parameter 'nodeId' is not present"));
        }
        String externalId = c.query("externalId");
        List<ObjectNode> all = state.customers.values().stream()
                .filter(x -> nodeId.equals(x.path("nodeId").asText()))
                .filter(x -> externalId == null || externalId.equals(x.path("externalId").asText()))
                .sorted(Comparator.comparing((ObjectNode x) -> x.path("updatedAt").asText()).reversed())
                .collect(Collectors.toList());
        return json(200, numberedPage(c, all, 10));
    }

    private ResponseDefinition getCustomer(Call c) {
        ObjectNode customer = state.customers.get(c.segment(4));
        return customer == null ? json(404, hubError("Customer " + c.segment(4) + " not found")) : json(200, customer);
    }

    private ResponseDefinition patchCustomer(Call c) {
        ObjectNode customer = state.customers.get(c.segment(4));
        if (customer == null) {
            return json(404, hubError("Customer " + c.segment(4) + " not found"));
        }
        c.body.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && customer.path(e.getKey()).isObject()) {
                ((ObjectNode) customer.get(e.getKey())).setAll((ObjectNode) e.getValue());
            } else if (!Set.of("id", "nodeId", "intId", "registeredAt").contains(e.getKey())) {
                customer.set(e.getKey(), e.getValue());
            }
        });
        customer.put("updatedAt", now());
        customer.put("version", customer.path("version").asInt(1) + 1);
        state.lastOffset++;
        return json(200, customer);
    }

    private ResponseDefinition deleteCustomer(Call c) {
        ObjectNode customer = state.customers.remove(c.segment(4));
        if (customer == null) {
            return json(404, hubError("Customer " + c.segment(4) + " not found"));
        }
        state.lastOffset++;
        return json(200, obj("id", customer.path("id").asText()));
    }

    private ResponseDefinition postEvent(Call c) {
        if (c.body.path("type").asText("").isEmpty() || c.body.path("context").asText("").isEmpty()
                || !c.body.path("properties").isObject()) {
            return json(400, hubError("Validation failed: type, context and properties are required"));
        }
        String customerId = c.body.path("customerId").asText("");
        if (customerId.isEmpty() && !c.body.has("bringBackProperties")) {
            return json(400, hubError("Validation failed: one of customerId or bringBackProperties is required"));
        }
        if (!customerId.isEmpty() && !state.customers.containsKey(customerId)) {
            return json(404, hubError("Customer " + customerId + " not found"));
        }
        ObjectNode event = JSON.createObjectNode();
        String id = UUID.randomUUID().toString();
        event.put("id", id);
        event.setAll(((ObjectNode) c.body).deepCopy());
        if (!event.hasNonNull("date")) {
            event.put("date", now());
        }
        event.put("origin", "NATIVE");
        event.put("registeredAt", now());
        event.put("version", 1);
        state.events.add(event);
        state.lastOffset++;
        return json(202, obj("id", id));
    }

    private ResponseDefinition getEvents(Call c) {
        String customerId = c.query("customerId");
        List<ObjectNode> all = state.events.stream()
                .filter(e -> customerId == null || customerId.equals(e.path("customerId").asText()))
                .collect(Collectors.toList());
        return json(200, numberedPage(c, all, 10));
    }

    private ResponseDefinition getLastOffset(Call c) {
        ObjectNode out = JSON.createObjectNode();
        out.put("lastOffset", state.lastOffset);
        return json(200, out);
    }

    /** A multipart CSV upload: answers like the real service once the file is stored (status LOADED). */
    private ResponseDefinition postBulkJob(Call c) {
        String body = c.request.getBodyAsString();
        java.util.regex.Matcher file = java.util.regex.Pattern.compile("name=\"file\"; filename=\"([^\"]*)\"").matcher(body);
        java.util.regex.Matcher op = java.util.regex.Pattern.compile("name=\"operation\"\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Z]+)").matcher(body);
        if (!file.find()) {
            return json(400, hubError("Required request part 'file' is not present"));
        }
        ObjectNode job = JSON.createObjectNode();
        job.put("id", UUID.randomUUID().toString());
        job.put("filename", file.group(1));
        job.put("operation", op.find() ? op.group(1) : "UPSERT");
        job.put("workspaceId", c.segment(2));
        job.put("nodeId", c.segment(4));
        job.put("entity", "CUSTOMER");
        job.put("bulkJobName", "bulk-" + file.group(1));
        job.put("status", "LOADED");
        job.put("createdAt", now());
        return json(201, job);
    }

    private static ObjectNode numberedPage(Call c, List<ObjectNode> all, int defaultSize) {
        int size = Math.max(1, Math.min(100, c.intQuery("size", defaultSize)));
        int number = Math.max(0, c.intQuery("page", 0));
        int from = Math.min(all.size(), number * size);
        int to = Math.min(all.size(), from + size);
        ObjectNode out = JSON.createObjectNode();
        out.set("elements", SandboxState.array(all.subList(from, to)));
        out.putObject("page").put("size", size).put("totalElements", all.size())
                .put("totalPages", (all.size() + size - 1) / size).put("number", number);
        return out;
    }

    // ------------------------------------------------------------------ Contactflow

    private ResponseDefinition getAutomation(Call c) {
        ObjectNode automation = state.automations.get(c.segment(2));
        return automation == null ? json(404, hubError("Automation " + c.segment(2) + " not found")) : json(200, automation);
    }

    private ResponseDefinition addFlowCustomer(Call c) {
        ObjectNode automation = state.automations.get(c.segment(2));
        if (automation == null) {
            return json(404, hubError("Automation " + c.segment(2) + " not found"));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("uuid", UUID.randomUUID().toString());
        out.put("userPk", c.body.path("userPk").asText(String.valueOf(7_300_000 + ++state.sequence)));
        out.put("clabUuid", c.body.path("clabUuid").asText(UUID.randomUUID().toString()));
        out.set("attributes", c.body.path("attributes").isObject() ? c.body.get("attributes") : JSON.createObjectNode());
        out.put("automationUuid", automation.path("uuid").asText());
        out.put("automationName", automation.path("name").asText());
        queue(automation, 1);
        return json(201, out);
    }

    private ResponseDefinition addCustomersBatch(Call c) {
        ObjectNode automation = state.automations.get(c.segment(2));
        if (automation == null) {
            return json(404, hubError("Automation " + c.segment(2) + " not found"));
        }
        JsonNode customers = c.body.path("customers");
        if (!customers.isArray() || customers.isEmpty()) {
            return json(422, hubError("customers must contain at least one customer"));
        }
        queue(automation, customers.size());
        ObjectNode out = JSON.createObjectNode();
        out.put("sourceLabel", c.body.path("sourceLabel").asText("api-batch"));
        out.put("sourceUuid", c.body.path("sourceUuid").asText(UUID.randomUUID().toString()));
        out.put("status", "LAST".equals(c.body.path("packet").asText()) ? "CLOSED" : "OPEN");
        return json(201, out);
    }

    private static void queue(ObjectNode automation, int n) {
        ObjectNode stats = automation.has("statistics") ? (ObjectNode) automation.get("statistics") : automation.putObject("statistics");
        stats.put("queuedCustomers", stats.path("queuedCustomers").asInt() + n);
    }

    private ResponseDefinition automationsReport(Call c) {
        if (report == null) {
            report = buildReport();
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/csv")
                .withHeader("Content-Disposition", "attachment; filename=\"automations.csv\"")
                .withBody(report).build();
    }

    /** About 2 MB: one line per customer that went through an automation step. */
    private byte[] buildReport() {
        StringBuilder sb = new StringBuilder(2_200_000);
        sb.append("automationUuid,automationName,status,customerUuid,email,enteredAt,step,outcome\n");
        String[] steps = {"Send welcome email", "Wait 2 days", "Send reminder", "Send SMS coupon"};
        String[] outcomes = {"DELIVERED", "OPENED", "CLICKED", "BOUNCED", "SKIPPED"};
        Instant start = Instant.parse("2024-03-01T08:00:00Z");
        List<ObjectNode> autos = new ArrayList<>(state.automations.values());
        for (int i = 0; i < 16_000; i++) {
            ObjectNode a = autos.get(i % autos.size());
            sb.append(a.path("uuid").asText()).append(',').append(a.path("name").asText()).append(',')
                    .append(a.path("status").asText()).append(',')
                    .append(new UUID(0x5a7c9e1b3d5f4a7bL + i, 0x9c1d3e5f7a9b1c3dL + i * 31L)).append(',')
                    .append("customer").append(i).append("@example.it,")
                    .append(start.plus(i * 7L, ChronoUnit.MINUTES)).append(',')
                    .append(steps[i % steps.length]).append(',').append(outcomes[(i * 7) % outcomes.length]).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ helpers

    private ObjectNode hubError(String message) {
        ObjectNode err = JSON.createObjectNode();
        err.put("message", message);
        err.put("logref", "sbx-" + Long.toHexString(0x5b00_0000L + ++state.sequence));
        err.putArray("errors");
        return err;
    }

    private String objectId() {
        return String.format(Locale.ROOT, "6710%020x", ++state.sequence + System.nanoTime() % 1_000_000L);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static ObjectNode obj(String... keyValues) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.put(keyValues[i], keyValues[i + 1]);
        }
        return o;
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", UUID.randomUUID().toString())
                .withBody(body.toString()).build();
    }

    /** One request: path segments after the API prefix, query parameters, JSON body. */
    private static final class Call {
        final String[] segments;
        final Request request;
        final JsonNode body;

        Call(Request request) throws JsonProcessingException {
            this.request = request;
            String path = URI.create(request.getUrl()).getRawPath();
            this.segments = path.substring(1).split("/");
            String text = request.getBodyAsString();
            String trimmed = text == null ? "" : text.strip();
            boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
            // Multipart and other non-JSON bodies are read by their handler from the request itself.
            this.body = json ? JSON.readTree(trimmed) : JSON.createObjectNode();
        }

        /** Segment {@code i} of the path, counting the API prefix as 0. */
        String segment(int i) {
            return i < segments.length ? segments[i] : "";
        }

        String query(String name) {
            QueryParameter p = request.queryParameter(name);
            return p != null && p.isPresent() ? p.firstValue() : null;
        }

        Set<String> csvQuery(String name) {
            QueryParameter p = request.queryParameter(name);
            Set<String> out = new HashSet<>();
            if (p != null && p.isPresent()) {
                p.values().forEach(v -> out.addAll(List.of(v.split(","))));
            }
            return out;
        }

        int intQuery(String name, int dflt) {
            String v = query(name);
            try {
                return v == null ? dflt : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
