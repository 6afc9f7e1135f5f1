package dev.martech.socialhub;

import dev.martech.socialhub.api.ChannelListSummariesParams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.martech.core.errors.ResponseDecodingException;
import dev.martech.core.json.DriftEvent;
import dev.martech.core.json.DriftReport;
import dev.martech.core.json.Json;
import dev.martech.socialhub.model.ChannelSummary;
import dev.martech.socialhub.model.GetTicketTreeResponse;
import dev.martech.socialhub.model.PostAnalytics;
import dev.martech.socialhub.model.Ticket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SocialHub models: a malformed URI, the drift report, and allOf subtypes (issue 15). */
class ModelsTest {
    private static final String CHANNELS = """
            [{"_id": "c1", "name": "Stadtwerke Nord", "socialNetwork": "FACEBOOK", "imageUrl": "https://img.example/c1.png",
              "followers": 1200},
             {"_id": "c2", "name": "@stadtwerke_nord", "socialNetwork": "MASTODON", "imageUrl": "https://img.example/a b.png",
              "followers": 80, "verified": true}]""";

    private final ObjectMapper mapper = Json.newMapper();
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/channels/summary")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CHANNELS)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aUriWithASpaceFailsOnlyThatPropertyOfThatItem() throws Exception {
        List<ChannelSummary> channels = mapper.readValue(CHANNELS, new TypeReference<List<ChannelSummary>>() { });

        assertThat(channels).hasSize(2);
        assertThat(channels.get(0).imageUrl()).contains(URI.create("https://img.example/c1.png"));
        ChannelSummary second = channels.get(1);
        assertThat(second.name()).contains("@stadtwerke_nord");
        assertThat(second.socialNetwork()).map(String::valueOf).contains("MASTODON");
        assertThatThrownBy(second::imageUrl).isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("ChannelSummary.imageUrl could not be read");
        assertThat(second._imageUrl().raw()).map(JsonNode::asText).contains("https://img.example/a b.png");
    }

    @Test
    void unknownPropertiesAndEnumValuesReachTheDriftListenerOncePerKind() {
        List<DriftEvent> events = new CopyOnWriteArrayList<>();
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        try (SocialHubClient client = SocialHubClient.builder().baseUrl(server.baseUrl()).accessToken("t")
                .clock(Clock.fixed(t0, ZoneOffset.UTC))
                .driftListener(events::add)
                .build()) {
            client.channels().listSummaries(ChannelListSummariesParams.none());
            client.channels().listSummaries(ChannelListSummariesParams.none());

            assertThat(events).containsExactly(
                    new DriftEvent("socialhub", DriftEvent.Kind.UNKNOWN_PROPERTY, "ChannelSummary", "followers", null),
                    new DriftEvent("socialhub", DriftEvent.Kind.UNKNOWN_ENUM_VALUE, "ChannelSummary", "socialNetwork", "MASTODON"),
                    new DriftEvent("socialhub", DriftEvent.Kind.UNKNOWN_PROPERTY, "ChannelSummary", "verified", null));
            DriftReport report = client.driftReport();
            assertThat(report.entries()).extracting(e -> e.event().property(), DriftReport.Entry::count)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("followers", 4L),
                            org.assertj.core.groups.Tuple.tuple("socialNetwork", 2L),
                            org.assertj.core.groups.Tuple.tuple("verified", 2L));
            assertThat(report.entries()).allSatisfy(e -> assertThat(e.firstSeen()).isEqualTo(t0));
        }
    }

    @Test
    void allOfSubtypesDecodeAndSerialiseLikeTheirJson() throws Exception {
        String tree = """
                {"_id": "t1", "accountId": "a1", "channelId": "c1", "createdTime": "2024-10-01T08:00:00Z",
                 "categories": ["billing"], "handover": true, "depth": 2, "unreadCommentsCount": 5}""";
        GetTicketTreeResponse node = mapper.readValue(tree, GetTicketTreeResponse.class);

        assertThat(node.id()).contains("t1");
        assertThat(node.categories()).containsExactly("billing");
        assertThat(node.depth()).map(Number::intValue).contains(2);
        assertThat(node._additionalProperties()).isEmpty();
        assertThat(mapper.readTree(mapper.writeValueAsString(node))).isEqualTo(mapper.readTree(tree));

        Ticket asTicket = node; // allOf [Ticket, {depth, ...}]: a subtype, not a copy of Ticket's code
        assertThat(asTicket.handover()).contains(true);
        GetTicketTreeResponse deeper = node.toBuilder().depth(java.math.BigDecimal.valueOf(3)).handover(false).build();
        assertThat(deeper.depth()).map(Number::intValue).contains(3);
        assertThat(deeper.handover()).contains(false);
        assertThat(deeper.id()).contains("t1");
        assertThat(deeper).isNotEqualTo(node);
        assertThat(deeper.toBuilder().depth(java.math.BigDecimal.valueOf(2)).handover(true).build()).isEqualTo(node);

        Ticket ticket = mapper.readValue(tree, Ticket.class);
        assertThat(ticket._additionalProperties()).containsOnlyKeys("depth", "unreadCommentsCount");

        String analytics = """
                {"_id": "p1", "status": "published", "metric": {"clicks": 3}}""";
        PostAnalytics post = mapper.readValue(analytics, PostAnalytics.class);
        assertThat(post.id()).contains("p1");
        assertThat(mapper.readTree(mapper.writeValueAsString(post))).isEqualTo(mapper.readTree(analytics));
    }

    @Test
    void aSubtypeBuildersAdditionalPropertiesKeepItsOwnType() {
        // putAdditionalProperty used to return the parent's builder: the chain lost the subtype's setters and build()
        // was typed as the parent.
        dev.martech.socialhub.model.CreateTicketEmailRequestRequest request =
                dev.martech.socialhub.model.CreateTicketEmailRequestRequest.builder()
                        .putAdditionalProperty("priority", "high")
                        .recipient(java.util.List.of("someone@example.com"))
                        .additionalProperties(java.util.Map.of("priority", "low", "source", "crm"))
                        .subject("Hello")
                        .tz("Europe/Rome")
                        .build();
        assertThat(request.tz()).contains("Europe/Rome");
        assertThat(request._additionalProperties()).containsOnlyKeys("priority", "source");
        assertThat(request._additionalProperties().get("priority").asText()).isEqualTo("low");
    }
}
