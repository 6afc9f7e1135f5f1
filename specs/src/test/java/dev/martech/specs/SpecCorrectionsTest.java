package dev.martech.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/**
 * Pins the corrections of issue 13 (places where a recovered spec said something the APIs do not do), one
 * test per lettered point, on the raw document tree. Each assertion fails on the spec as it was before the
 * fix (a property on the wrong object, a constraint on the items instead of the array, a wrong type).
 */
@DisplayNameGeneration(MethodNameDisplayNames.class)
class SpecCorrectionsTest {

    private static final String ARCHIVE_ENUM = "[\"archive\",\"category\",\"delete\",\"hide\",\"like\",\"reply\"]";

    // ---------------------------------------------------------------- SocialHub

    @Test
    void a_bulkChannelDetailsBodyIsOneToFiftyUniqueIds() {
        JsonNode body = bodySchema(socialHubOp("/channels/id/bulk/getDetails", "post"));
        assertThat(body.path("type").asText()).isEqualTo("array");
        assertThat(body.path("minItems").asInt()).isEqualTo(1);
        assertThat(body.path("maxItems").asInt()).isEqualTo(50);
        assertThat(body.path("uniqueItems").asBoolean()).isTrue();
        assertThat(body.path("items").has("minItems")).as("no array keyword beside the items' $ref").isFalse();
        assertThat(body.path("items").has("maxItems")).isFalse();
        assertThat(body.path("items").has("uniqueItems")).isFalse();
    }

    @Test
    void b_postFilterIdListsHaveAMaximumOf10000OnTheArray() {
        List<String> seen = new ArrayList<>();
        for (String[] route : new String[][] {{"/cp/posts/exports/csv", "channelIds", "teamIds", "assignees"},
                {"/cp/posts/aggregates/day/list", "channelIds", "teamIds", "tags"}}) {
            JsonNode props = bodySchema(socialHubOp(route[0], "post")).path("properties");
            for (int i = 1; i < route.length; i++) {
                JsonNode list = props.path(route[i]);
                assertThat(list.path("type").asText()).as("%s %s", route[0], route[i]).isEqualTo("array");
                assertThat(list.path("maxItems").asInt()).as("%s %s maxItems", route[0], route[i]).isEqualTo(10000);
                assertThat(list.has("minItems")).as("%s %s minItems", route[0], route[i]).isFalse();
                assertThat(list.path("items").has("minItems")).as("%s %s items.minItems", route[0], route[i])
                        .isFalse();
                seen.add(route[0] + " " + route[i]);
            }
        }
        assertThat(seen).hasSize(6);
    }

    @Test
    void c_approvalRequestEmailsIsANonEmptyList() {
        JsonNode emails = bodySchema(socialHubOp("/cp/posts/{id}/approvalRequests", "post"))
                .path("properties").path("emails");
        assertThat(emails.path("type").asText()).isEqualTo("array");
        assertThat(emails.path("minItems").asInt()).isEqualTo(1);
        assertThat(emails.path("items").has("minItems")).isFalse();
    }

    @Test
    void d_linkedinTargetingIsFourSiblingArrays() {
        JsonNode options = socialHubOp("/cp/networks/linkedin/targeting", "get")
                .at("/responses/200/schema/properties");
        JsonNode definition = socialHub().at("/definitions/LinkedinTargeting/properties");
        for (JsonNode props : List.of(options, definition)) {
            assertThat(names(props))
                    .containsExactlyInAnyOrder("industries", "jobFunctions", "geoLocations", "interfaceLocales");
            props.forEach(list -> {
                assertThat(list.path("type").asText()).isEqualTo("array");
                assertThat(names(list.path("items").path("properties"))).containsExactlyInAnyOrder("id", "name");
            });
        }
        assertThat(definition.has("insustries")).as("the seed's typo is fixed").isFalse();
    }

    @Test
    void e_l_replyBodyCarriesOptionCategoriesAndAiActionsNotTheTemplate() {
        JsonNode body = bodySchema(socialHubOp("/inbox/tickets/{ticketId}/actions/{actionId}", "post"));
        JsonNode template = body.path("properties").path("template");
        assertThat(names(template.path("properties"))).containsExactly("name", "networkId", "language", "variables");
        JsonNode props = body.path("properties");
        assertThat(props.path("option").path("type").asText()).isEqualTo("string");
        assertThat(props.path("categoryIds").path("type").asText()).isEqualTo("array");
        assertThat(props.path("categoryIds").path("minItems").asInt()).isEqualTo(1);
        JsonNode actions = props.path("suggestedAiActions");
        assertThat(actions.path("maxItems").asInt()).isEqualTo(6);
        assertThat(actions.path("uniqueItems").asBoolean()).isTrue();
        assertThat(actions.path("items").path("enum").toString()).isEqualTo(ARCHIVE_ENUM);
    }

    @Test
    void f_replySuggestionFieldsAreBodyFieldsNotTemplateFields() {
        JsonNode body = bodySchema(socialHubOp("/inbox/tickets/{ticketId}/suggest/{actionId}", "post"));
        JsonNode props = body.path("properties");
        assertThat(names(props)).contains("sendAs", "tag", "channelId", "excludedReplyIds", "option");
        assertThat(names(props.path("template").path("properties")))
                .containsExactly("name", "networkId", "language", "variables");
        assertThat(props.path("sendAs").path("enum").toString()).isEqualTo("[\"DM\",\"PRIVATE_REPLY\"]");
        assertThat(body.has("required")).as("a DM reply needs no template").isFalse();
    }

    @Test
    void g_listChannelsReturnsAnArrayOfChannel() {
        JsonNode op = socialHubOp("/channels", "get");
        JsonNode schema = op.at("/responses/200/schema");
        assertThat(schema.path("type").asText()).isEqualTo("array");
        assertThat(schema.path("items").path("$ref").asText()).isEqualTo("#/definitions/Channel");
        assertThat(op.path("x-pagination").asText()).isEqualTo("offset");
    }

    @Test
    void h_manifestOptionsBelongToEachTicketAction() {
        JsonNode action = bodySchema(socialHubOp("/public/manifest", "patch"))
                .at("/properties/inbox/properties/ticketActions/items/properties");
        assertThat(names(action)).contains("type", "id", "label", "config", "attachments", "options");
        assertThat(action.path("options").path("type").asText()).isEqualTo("array");
        assertThat(names(action.path("options").path("items").path("properties")))
                .containsExactly("id", "label", "description");
        assertThat(names(action.path("attachments").path("properties"))).containsExactly("noText");
    }

    @Test
    void i_tagSummaryMetricsAreSiblingsAlsoInsideCompare() {
        JsonNode summary = socialHubOp("/cp/analytics/tags/{id}/summary", "get")
                .at("/responses/200/schema/properties");
        assertThat(names(summary)).containsExactly("clicks", "reach", "engagement", "compare");
        assertThat(names(summary.path("reach").path("properties"))).containsExactly("paid", "organic", "total");
        JsonNode compare = summary.path("compare").path("properties");
        assertThat(names(compare)).containsExactly("clicks", "reach", "engagement");
        assertThat(names(compare.path("reach").path("properties"))).containsExactly("paid", "organic", "total");
        assertThat(names(compare.path("engagement").path("properties")))
                .containsExactly("comments", "likes", "shared", "total");
    }

    @Test
    void j_facebookTargetingCountriesAndInterestsAreTopLevelArrays() {
        JsonNode options = socialHubOp("/cp/networks/facebook/targeting", "get")
                .at("/responses/200/schema/properties");
        assertThat(names(options)).containsExactly("locales", "countries", "locations", "interests");
        options.forEach(list -> assertThat(list.path("type").asText()).isEqualTo("array"));
        assertThat(names(options.at("/locales/items/properties"))).containsExactly("name", "key");
        assertThat(options.at("/locations/items/properties").has("interests")).isFalse();
        JsonNode definition = socialHub().at("/definitions/FacebookTargeting/properties");
        assertThat(definition.path("interests").path("type").asText()).isEqualTo("array");
        assertThat(definition.at("/locations/items/properties").has("interests")).isFalse();
    }

    @Test
    void k_destinationTypeAndBidAmountAreAdSetFields() {
        JsonNode adSet = socialHub().at("/definitions/FacebookAdSet/properties");
        assertThat(adSet.has("destination_type")).isTrue();
        assertThat(adSet.has("bid_amount")).isTrue();
        assertThat(adSet.at("/targeting/properties").has("destination_type")).isFalse();
        assertThat(adSet.at("/targeting/properties").has("bid_amount")).isFalse();
    }

    @Test
    void also_uniqueItemsOfSuggestedAiActionsIsOnTheArray() {
        List<JsonNode> lists = List.of(
                bodySchema(socialHubOp("/inbox/tickets/{ticketId}/actions/{actionId}", "post"))
                        .at("/properties/suggestedAiActions"),
                bodySchema(socialHubOp("/inbox/tickets/actions/bulk/archive", "put"))
                        .at("/items/properties/suggestedAiActions"),
                bodySchema(socialHubOp("/inbox/tickets/{ticketId}/approve", "post"))
                        .at("/properties/suggestedAiActions"));
        for (JsonNode list : lists) {
            assertThat(list.path("type").asText()).isEqualTo("array");
            assertThat(list.path("uniqueItems").asBoolean()).isTrue();
            assertThat(list.path("items").has("uniqueItems")).isFalse();
            assertThat(list.path("items").path("enum").toString()).isEqualTo(ARCHIVE_ENUM);
        }
    }

    @Test
    void also_noArrayKeywordSitsOnANonArraySchema() {
        List<String> misplaced = new ArrayList<>();
        walkArrayKeywords(socialHub(), "", misplaced);
        assertThat(misplaced).as("minItems/maxItems/uniqueItems on a schema that is not an array").isEmpty();
    }

    private static void walkArrayKeywords(JsonNode node, String where, List<String> misplaced) {
        if (node.isObject()) {
            boolean schemaLike = node.has("type") || node.has("$ref");
            boolean parameter = node.has("in");
            if (schemaLike && !parameter && !"array".equals(node.path("type").asText())) {
                for (String k : List.of("minItems", "maxItems", "uniqueItems")) {
                    if (node.has(k)) {
                        misplaced.add(where + "/" + k);
                    }
                }
            }
            node.properties().forEach(e -> walkArrayKeywords(e.getValue(), where + "/" + e.getKey(), misplaced));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkArrayKeywords(node.get(i), where + "/" + i, misplaced);
            }
        }
    }

    // ---------------------------------------------------------------- Contactlab

    @Test
    void m_contacthubUserIdIsAStringForGetAndPut() {
        JsonNode item = contacthub().path("paths").path("/workspaces/{workspaceId}/configuration/users/{id}");
        for (String method : List.of("get", "put")) {
            JsonNode id = pathParameter(item.path(method), "id");
            assertThat(id.path("schema").path("type").asText()).as(method).isEqualTo("string");
            assertThat(id.path("schema").has("format")).as(method + " has no uuid/integer format").isFalse();
        }
    }

    @Test
    void n_sourceProviderHasTheVendorsValueListAndNothingIsRequired() {
        JsonNode source = contacthub().at("/components/schemas/Source");
        List<String> values = new ArrayList<>();
        source.at("/properties/provider/enum").forEach(v -> values.add(v.asText()));
        assertThat(values).containsExactly("API", "JavaScript", "MAGENTO", "CONTACTSEND", "CONTACTPLAN",
                "ANDROID_SDK", "OBJECTIVEC_SDK", "NODEJS_SDK", "JAVA_SDK", "SCALA_SDK", "DOTNET_SDK");
        assertThat(source.has("required")).as("1.299.1 marks no field of the source body required").isFalse();
        for (String method : List.of("post", "put")) {
            String path = "post".equals(method) ? "/workspaces/{workspaceId}/configuration/sources"
                    : "/workspaces/{workspaceId}/configuration/sources/{sourceId}";
            assertThat(contacthub().path("paths").path(path).path(method)
                    .at("/requestBody/content/application~1json/schema/$ref").asText())
                    .as(method).isEqualTo("#/components/schemas/Source");
        }
    }

    @Test
    void o_deleteCustomersBatchRequiresSourceUuid() {
        JsonNode op = Specs.raw(Spec.CONTACTFLOW).path("paths").path("/automations/{automationUuid}/customers-batch")
                .path("delete");
        JsonNode sourceUuid = null;
        for (JsonNode p : op.path("parameters")) {
            if ("sourceUuid".equals(p.path("name").asText())) {
                sourceUuid = p;
            }
        }
        assertThat(sourceUuid).isNotNull();
        assertThat(sourceUuid.path("in").asText()).isEqualTo("query");
        assertThat(sourceUuid.path("required").asBoolean()).isTrue();
    }

    @Test
    void also_serverSetContacthubFieldsAreReadOnly() {
        JsonNode schemas = contacthub().at("/components/schemas");
        for (String field : List.of("Customer/id", "Customer/intId", "Customer/version", "Customer/registeredAt",
                "Event/id", "Event/version", "Event/origin", "Source/id", "BulkJob/createdAt")) {
            String[] at = field.split("/");
            assertThat(schemas.path(at[0]).path("properties").path(at[1]).path("readOnly").asBoolean())
                    .as(field).isTrue();
        }
        assertThat(schemas.at("/Subscription/properties/id").has("readOnly")).as("the client chooses it").isFalse();
        assertThat(schemas.at("/CustomerCreate/properties/nodeId").has("readOnly")).isFalse();
    }

    @Test
    void also_apiErrorHasTheVendorErrorStandardsDataField() {
        for (Spec spec : List.of(Spec.CONTACTHUB, Spec.CONTACTFLOW)) {
            JsonNode error = Specs.raw(spec).at("/components/schemas/ApiError/properties");
            assertThat(names(error)).as("%s", spec).contains("message", "logref", "data", "errors");
            assertThat(error.path("data").path("type").asText()).as("%s", spec).isEqualTo("object");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode socialHub() {
        return Specs.raw(Spec.SOCIALHUB);
    }

    private static JsonNode contacthub() {
        return Specs.raw(Spec.CONTACTHUB);
    }

    private static JsonNode socialHubOp(String path, String method) {
        JsonNode op = socialHub().at(JsonPointer.compile("/paths/" + Specs.escapeToken(path) + "/" + method));
        assertThat(op.isObject()).as("%s %s exists", method, path).isTrue();
        return op;
    }

    /** The schema of a Swagger 2.0 operation's body parameter. */
    private static JsonNode bodySchema(JsonNode op) {
        for (JsonNode p : op.path("parameters")) {
            if ("body".equals(p.path("in").asText())) {
                return p.path("schema");
            }
        }
        throw new AssertionError("no body parameter in " + op.path("operationId").asText());
    }

    private static JsonNode pathParameter(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters")) {
            if (name.equals(p.path("name").asText()) && "path".equals(p.path("in").asText())) {
                return p;
            }
        }
        throw new AssertionError("no path parameter " + name + " in " + op.path("operationId").asText());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
