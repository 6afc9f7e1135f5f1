package dev.martech.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.martech.core.ApiRequest;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardCompatibleJsonTest {
    private final ObjectMapper mapper = Json.newMapper();

    /** Written the way the generator writes an open enum: constants, a lookup, and a @JsonCreator of(). */
    public static final class CampaignStatus extends OpenEnum<String> {
        public static final CampaignStatus DRAFT = new CampaignStatus("draft", true);
        public static final CampaignStatus ACTIVE = new CampaignStatus("active", true);
        private static final Map<String, CampaignStatus> BY_VALUE = new HashMap<>();

        static {
            BY_VALUE.put(DRAFT.value(), DRAFT);
            BY_VALUE.put(ACTIVE.value(), ACTIVE);
        }

        private final boolean known;

        private CampaignStatus(String value, boolean known) {
            super(value);
            this.known = known;
        }

        @JsonCreator
        public static CampaignStatus of(String value) {
            if (value == null) {
                throw new IllegalArgumentException("CampaignStatus value is required but was null");
            }
            CampaignStatus constant = BY_VALUE.get(value);
            return constant != null ? constant : new CampaignStatus(value, false);
        }

        @Override
        public boolean isKnown() {
            return known;
        }
    }

    /** An integer-valued open enum. */
    public static final class Priority extends OpenEnum<Integer> {
        public static final Priority HIGH = new Priority(1, true);
        private final boolean known;

        private Priority(Integer value, boolean known) {
            super(value);
            this.known = known;
        }

        @JsonCreator
        public static Priority of(Integer value) {
            return value == 1 ? HIGH : new Priority(value, false);
        }

        @Override
        public boolean isKnown() {
            return known;
        }
    }

    public record Campaign(String id, CampaignStatus status, List<CampaignStatus> history, Priority priority,
            OffsetDateTime createdAt) {
    }

    /** A oneOf union without a discriminator, as the generator writes it. */
    @JsonDeserialize(using = Channel.Deserializer.class)
    public sealed interface Channel permits EmailChannel, SmsChannel, Channel.Unknown {

        record Unknown(@JsonValue JsonNode json) implements Channel {
        }

        final class Deserializer extends OneOfDeserializer<Channel> {
            private static final long serialVersionUID = 1L;

            public Deserializer() {
                super(Channel.class, List.of(EmailChannel.class, SmsChannel.class), Unknown::new);
            }
        }
    }

    // Like generated variants, each opts out of the union's deserializer, which it would otherwise inherit.
    @JsonDeserialize(using = JsonDeserializer.None.class)
    public record EmailChannel(@JsonProperty(value = "email", required = true) String email,
            @JsonProperty("name") String name) implements Channel {
    }

    @JsonDeserialize(using = JsonDeserializer.None.class)
    public record SmsChannel(@JsonProperty(value = "phone", required = true) String phone,
            @JsonProperty(value = "country", required = true) String country) implements Channel {
    }

    @Test
    void knownEnumValueIsTheSharedConstant() throws Exception {
        Campaign campaign = mapper.readValue("{\"id\":\"c1\",\"status\":\"active\"}", Campaign.class);

        assertThat(campaign.status()).isSameAs(CampaignStatus.ACTIVE);
        assertThat(campaign.status().isKnown()).isTrue();
    }

    @Test
    void unknownEnumValueIsKeptAndRoundTrips() throws Exception {
        String json = "{\"id\":\"c1\",\"status\":\"archived_v2\",\"history\":[\"draft\",\"paused\"],\"priority\":7}";

        Campaign campaign = mapper.readValue(json, Campaign.class);

        assertThat(campaign.status().isKnown()).isFalse();
        assertThat(campaign.status().value()).isEqualTo("archived_v2");
        assertThat(campaign.status()).isEqualTo(CampaignStatus.of("archived_v2")).isNotEqualTo(CampaignStatus.DRAFT);
        assertThat(campaign.status().toString()).isEqualTo("archived_v2");
        assertThat(campaign.history()).containsExactly(CampaignStatus.DRAFT, CampaignStatus.of("paused"));
        assertThat(campaign.priority().isKnown()).isFalse();
        assertThat(campaign.priority().value()).isEqualTo(7);
        assertThat(mapper.readTree(mapper.writeValueAsString(campaign))).isEqualTo(mapper.readTree(json));
        assertThat(ApiRequest.format(campaign.status())).isEqualTo("archived_v2");
    }

    @Test
    void unknownFieldsAreIgnoredAndNullsNotWritten() throws Exception {
        Campaign campaign = mapper.readValue("{\"id\":\"c1\",\"brandNewField\":{\"deep\":[1,2]},\"another\":3,"
                + "\"createdAt\":\"2024-05-01T10:15:30+02:00\"}", Campaign.class);

        assertThat(campaign.id()).isEqualTo("c1");
        assertThat(campaign.createdAt()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:15:30+02:00"));
        assertThat(mapper.writeValueAsString(campaign))
                .isEqualTo("{\"id\":\"c1\",\"createdAt\":\"2024-05-01T10:15:30+02:00\"}");
    }

    @Test
    void oneOfPicksTheVariantByItsRequiredProperties() throws Exception {
        assertThat(mapper.readValue("{\"email\":\"a@b.c\",\"name\":\"A\",\"extra\":1}", Channel.class))
                .isEqualTo(new EmailChannel("a@b.c", "A"));
        assertThat(mapper.readValue("{\"phone\":\"+39\",\"country\":\"IT\"}", Channel.class))
                .isEqualTo(new SmsChannel("+39", "IT"));
    }

    @Test
    void oneOfPrefersTheVariantThatKnowsMostFields() throws Exception {
        // Fits both (all required present): SmsChannel knows two of the fields, EmailChannel one.
        assertThat(mapper.readValue("{\"email\":\"a@b.c\",\"phone\":\"+39\",\"country\":\"IT\"}", Channel.class))
                .isInstanceOf(SmsChannel.class);
    }

    @Test
    void oneOfFallsBackToUnknownKeepingTheJson() throws Exception {
        Channel channel = mapper.readValue("{\"push\":\"token\",\"phone\":\"+39\"}", Channel.class);

        assertThat(channel).isInstanceOf(Channel.Unknown.class);
        assertThat(((Channel.Unknown) channel).json().get("push").asText()).isEqualTo("token");
        assertThat(mapper.writeValueAsString(channel)).isEqualTo("{\"push\":\"token\",\"phone\":\"+39\"}");
        assertThat(mapper.readValue("\"just text\"", Channel.class)).isInstanceOf(Channel.Unknown.class);
    }

    @Test
    void oneOfWorksInsideCollections() throws Exception {
        List<Channel> channels = mapper.readValue("[{\"email\":\"x@y.z\"},{\"phone\":\"1\",\"country\":\"DE\"},{}]",
                new TypeReference<List<Channel>>() { });

        assertThat(channels).hasSize(3);
        assertThat(channels.get(0)).isEqualTo(new EmailChannel("x@y.z", null));
        assertThat(channels.get(1)).isInstanceOf(SmsChannel.class);
        assertThat(channels.get(2)).isInstanceOf(Channel.Unknown.class);
    }

    @Test
    void openEnumRequiresAValue() {
        assertThatThrownBy(() -> CampaignStatus.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
