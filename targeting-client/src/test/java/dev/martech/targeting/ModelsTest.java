package dev.martech.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martech.core.errors.ResponseDecodingException;
import dev.martech.core.json.Json;
import dev.martech.core.json.JsonField;
import dev.martech.targeting.model.AutomationStatus;
import dev.martech.targeting.model.EntityRef;
import dev.martech.targeting.model.MatchCampaignRequest;
import dev.martech.targeting.model.Recipient;
import dev.martech.targeting.model.RecipientsPage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The generated models: builders, absence, and field-by-field decoding (issue 15). */
class ModelsTest {
    private static final UUID ID = UUID.fromString("0b3c3f6e-4a44-4e38-9d43-0d7b6a0f4a11");

    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void buildRejectsAMissingRequiredPropertyNamingIt() {
        EntityRef.Builder builder = EntityRef.builder().entityId(ID);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EntityRef.entity_schema is required but was not set");
        assertThat(builder.entitySchema("contact").build().entitySchema()).isEqualTo("contact");
    }

    @Test
    void modelsAreImmutableValuesWithBuildersAndToBuilder() {
        MatchCampaignRequest.Builder builder = MatchCampaignRequest.builder()
                .addEntityRefsItem(EntityRef.builder().entityId(ID).entitySchema("contact").build())
                .campaignIds(Set.of(ID));
        MatchCampaignRequest params = builder.build();
        builder.addEntityRefsItem(EntityRef.builder().entityId(UUID.randomUUID()).entitySchema("contact").build());

        assertThat(params.entityRefs()).as("a later change to the builder does not leak into the model").hasSize(1);
        assertThatThrownBy(() -> params.entityRefs().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(params.toBuilder().build()).isEqualTo(params).hasSameHashCodeAs(params);
        assertThat(params.toBuilder().campaignIds(Set.of()).build()).isNotEqualTo(params);
        assertThat(params.toString()).contains("entityRefs=", ID.toString());
    }

    @Test
    void absentNullAndEmptyAreToldApartAndListsAreNeverNull() throws Exception {
        RecipientsPage page = mapper.readValue("""
                {"results": [
                  {"title": "absent"},
                  {"title": "null", "portal_state": null},
                  {"title": "empty", "portal_state": {}}
                ]}""", RecipientsPage.class);
        Recipient absent = page.results().get(0);
        Recipient isNull = page.results().get(1);
        Recipient empty = page.results().get(2);

        assertThat(List.of(absent, isNull, empty)).allSatisfy(r -> assertThat(r.portalState()).isEmpty());
        assertThat(absent._portalState().isMissing()).isTrue();
        assertThat(isNull._portalState().isNull()).isTrue();
        assertThat(empty._portalState().isKnown()).isTrue();
        assertThat(absent.automationStatus()).isEmpty();
        assertThat(page.next()).isEmpty();
        assertThat(page._next()).isEqualTo(JsonField.missing());
    }

    @Test
    void aMalformedUuidOrDateFailsOnlyThatPropertyAndKeepsItsJson() throws Exception {
        RecipientsPage page = mapper.readValue("""
                {"results": [
                  {"entity_id": "not-a-uuid", "title": "Anna Schmidt", "automation_status": "success",
                   "updated_at": "yesterday at noon"},
                  {"entity_id": "0b3c3f6e-4a44-4e38-9d43-0d7b6a0f4a11", "title": {"first": "Emma"},
                   "updated_at": "2024-10-01T12:00:00Z"}
                ], "total": 2}""", RecipientsPage.class);

        assertThat(page.total()).contains(2);
        Recipient anna = page.results().get(0);
        assertThat(anna.title()).contains("Anna Schmidt");
        assertThat(anna.automationStatus()).contains(AutomationStatus.SUCCESS);
        assertThatThrownBy(anna::entityId)
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("Recipient.entity_id could not be read")
                .hasMessageContaining("\"not-a-uuid\"");
        assertThat(anna._entityId().isUnreadable()).isTrue();
        assertThat(anna._entityId().raw()).map(JsonNode::asText).contains("not-a-uuid");
        assertThatThrownBy(anna::updatedAt).hasMessageContaining("Recipient.updated_at");
        assertThatThrownBy(anna::validate).isInstanceOf(ResponseDecodingException.class);
        assertThatThrownBy(page::validate).as("validate() reaches nested models").isInstanceOf(ResponseDecodingException.class);

        Recipient emma = page.results().get(1);
        assertThat(emma.entityId()).contains(ID);
        assertThat(emma.updatedAt()).contains(OffsetDateTime.parse("2024-10-01T12:00:00Z"));
        assertThatThrownBy(emma::title).as("an object where a string was documented")
                .isInstanceOf(ResponseDecodingException.class).hasMessageContaining("Recipient.title");
        assertThat(emma._title().raw()).map(JsonNode::toString).contains("{\"first\":\"Emma\"}");
    }

    @Test
    void aListWithOneMalformedItemKeepsTheWholeListsJson() throws Exception {
        MatchCampaignRequest params = mapper.readValue("""
                {"entity_refs": [{"entity_id": "0b3c3f6e-4a44-4e38-9d43-0d7b6a0f4a11", "entity_schema": "contact"}],
                 "campaign_ids": ["0b3c3f6e-4a44-4e38-9d43-0d7b6a0f4a11", "campaign-2"]}""", MatchCampaignRequest.class);

        assertThat(params.entityRefs()).hasSize(1);
        assertThatThrownBy(params::campaignIds).hasMessageContaining("MatchCampaignRequest.campaign_ids");
        assertThat(params._campaignIds().raw()).map(JsonNode::size).contains(2);
    }

    @Test
    void aListOfModelsWithAnItemOfTheWrongTypeFailsOnlyThatListAndDecodingGoesOn() throws Exception {
        RecipientsPage page = mapper.readValue("""
                {"results": [{"title": "Anna", "portal_state": {"nested": [1, {"deep": true}]}}, "oops", {"title": "Emma"}],
                 "next": "cursor-2", "total": 3}""", RecipientsPage.class);

        assertThatThrownBy(page::results).isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("RecipientsPage.results could not be read");
        assertThat(page._results().isUnreadable()).isTrue();
        assertThat(page.next()).as("the properties after the broken list").contains("cursor-2");
        assertThat(page.total()).contains(3);
    }

    @Test
    void unknownPropertiesAreKeptAndWrittenBack() throws Exception {
        String json = "{\"entity_id\":\"0b3c3f6e-4a44-4e38-9d43-0d7b6a0f4a11\",\"entity_schema\":\"contact\","
                + "\"score\":{\"value\":7}}";
        EntityRef ref = mapper.readValue(json, EntityRef.class);

        assertThat(ref._additionalProperties()).containsOnlyKeys("score");
        assertThat(ref._additionalProperties().get("score").get("value").asInt()).isEqualTo(7);
        assertThat(mapper.readTree(mapper.writeValueAsString(ref))).isEqualTo(mapper.readTree(json));
        assertThat(EntityRef.builder().entityId(ID).entitySchema("contact").putAdditionalProperty("score", Map.of("value", 7))
                .build()).isEqualTo(ref);
    }

    @Test
    void openEnumsListTheirValuesInTheSpecsOrder() {
        assertThat(AutomationStatus.values()).containsExactly(AutomationStatus.PENDING, AutomationStatus.IN_PROGRESS,
                AutomationStatus.SUCCESS, AutomationStatus.FAILED, AutomationStatus.CANCELLED);
    }
}
