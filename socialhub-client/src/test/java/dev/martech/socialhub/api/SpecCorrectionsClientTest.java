package dev.martech.socialhub.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.martech.socialhub.SocialHubClient;
import dev.martech.socialhub.model.Channel;
import dev.martech.socialhub.model.GetLinkedinTargetingOptionsResponse;
import dev.martech.socialhub.model.LinkedinTargeting;
import dev.martech.socialhub.model.Section;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated SocialHub client as the corrected spec shapes it (issue 13): the types below only compile
 * against the corrected models, and the calls read real-shaped responses through the client. In the API
 * package to reach the client's JSON mapper, as the generated contract tests do.
 */
class SpecCorrectionsClientTest {

    private static WireMockServer server;
    private static SocialHubClient client;

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        client = SocialHubClient.builder().baseUrl(server.baseUrl()).accessToken("token").build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void listChannelsReadsTheListOfChannels() {
        server.stubFor(get(urlPathEqualTo("/channels")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"_id\":\"5f0c5a8e1c9d440000a1b2c3\",\"name\":\"Brand page\"},"
                        + "{\"_id\":\"5f0c5a8e1c9d440000a1b2c4\",\"name\":\"Brand account\"}]")));

        List<Channel> channels = client.channels().list(ChannelListParams.none()).items();

        assertThat(channels).extracting(c -> c.name().orElse(null)).containsExactly("Brand page", "Brand account");
        assertThat(channels.get(1).id().orElse(null)).isEqualTo("5f0c5a8e1c9d440000a1b2c4");
    }

    @Test
    void linkedinTargetingOptionsAreFourSiblingLists() {
        server.stubFor(get(urlPathEqualTo("/cp/networks/linkedin/targeting")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"industries\":[{\"id\":\"urn:li:industry:4\",\"name\":\"Software\"}],"
                        + "\"jobFunctions\":[{\"id\":\"urn:li:function:8\",\"name\":\"Engineering\"}],"
                        + "\"geoLocations\":[{\"id\":\"urn:li:geo:101282230\",\"name\":\"Germany\"}],"
                        + "\"interfaceLocales\":[{\"id\":\"de_DE\",\"name\":\"German\"}]}")));

        LinkedinService linkedin = client.linkedin();
        GetLinkedinTargetingOptionsResponse options = linkedin.listTargetingOptions(
                LinkedinListTargetingOptionsParams.builder()
                        .type(List.of("industries", "jobFunctions", "geoLocations", "interfaceLocales"))
                        .channelId("5f0c5a8e1c9d440000a1b2c3").build());

        assertThat(options.industries()).singleElement().satisfies(i -> assertThat(i.name().orElse(null)).isEqualTo("Software"));
        assertThat(options.jobFunctions()).singleElement()
                .satisfies(f -> assertThat(f.name().orElse(null)).isEqualTo("Engineering"));
        assertThat(options.geoLocations()).singleElement()
                .satisfies(g -> assertThat(g.name().orElse(null)).isEqualTo("Germany"));
        assertThat(options.interfaceLocales()).singleElement()
                .satisfies(l -> assertThat(l.id().orElse(null)).isEqualTo("de_DE"));
    }

    @Test
    void postLinkedinTargetingWritesFourSiblingArraysNamedIndustries() {
        LinkedinTargeting targeting = LinkedinTargeting.builder()
                .industries(List.of(Section.builder().id("urn:li:industry:4").build()))
                .jobFunctions(List.of(Section.builder().id("urn:li:function:8").build()))
                .geoLocations(List.of(Section.builder().id("urn:li:geo:101282230").build()))
                .interfaceLocales(List.of(Section.builder().id("de_DE").build()))
                .build();

        JsonNode json = client.runtime().mapper().valueToTree(targeting);

        assertThat(json.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("industries", "jobFunctions", "geoLocations", "interfaceLocales");
        assertThat(json.at("/jobFunctions/0/id").asText()).isEqualTo("urn:li:function:8");
        assertThat(targeting.jobFunctions()).extracting(s -> s.id().orElse(null)).containsExactly("urn:li:function:8");
    }
}
