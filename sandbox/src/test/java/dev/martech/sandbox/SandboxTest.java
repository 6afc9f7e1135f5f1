package dev.martech.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox on its own, over plain HTTP: auth, paging, state, reset, the CSV download. */
class SandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(sandbox.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(sandbox.targetingUrl()).endsWith("/targeting");
    }

    @Test
    void missingOrInvalidCredentialsAre401InTheApisOwnShape() throws Exception {
        HttpResponse<String> none = send("GET", sandbox.socialHubUrl() + "/", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).path("code").asText()).isEqualTo("AccessTokenInvalid");

        HttpResponse<String> invalid = send("GET", sandbox.contacthubUrl() + "/workspaces/" + Sandbox.CONTACTHUB_WORKSPACE_ID
                + "/updates/last-offset", "Bearer " + Sandbox.INVALID_TOKEN, null);
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(invalid.body()).path("logref").asText()).isNotEmpty();

        HttpResponse<String> ok = send("GET", sandbox.socialHubUrl() + "/?accesstoken=anything", null, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("accountName").asText()).isEqualTo("Stadtwerke Nord GmbH");
    }

    @Test
    void targetingRecipientsPageByCursorAndACreatedRecipientIsListed() throws Exception {
        String base = sandbox.targetingUrl() + "/v1/campaign/" + Sandbox.TARGETING_CAMPAIGN_ID;
        JsonNode first = json(send("GET", base + "/recipients?limit=4", bearer(), null), 200);
        assertThat(first.path("results")).hasSize(4);
        assertThat(first.path("total").asInt()).isEqualTo(9);
        JsonNode second = json(send("GET", base + "/recipients?limit=4&next=" + first.path("next").asText(), bearer(), null), 200);
        assertThat(second.path("results").get(0).path("title").asText()).isEqualTo("Marie Hoffmann");

        String created = "{\"entity_id\":\"11111111-2222-4333-8444-555555555555\",\"entity_schema\":\"contact\","
                + "\"automation_status\":\"pending\",\"automation_execution_id\":\"exec_1\"}";
        json(send("POST", base + "/recipient", bearer(), created), 201);
        assertThat(json(send("GET", base + "/recipients?limit=100", bearer(), null), 200).path("total").asInt()).isEqualTo(10);

        sandbox.reset();
        assertThat(json(send("GET", base + "/recipients?limit=100", bearer(), null), 200).path("total").asInt()).isEqualTo(9);
    }

    @Test
    void targetingClientErrorsComeInTheirThreeShapes() throws Exception {
        String campaigns = sandbox.targetingUrl() + "/v1/campaign/";
        assertThat(json(send("POST", campaigns + Sandbox.TARGETING_UNTARGETED_CAMPAIGN_ID + "/status", bearer(), null), 400)
                .path("code").asText()).isEqualTo("CAMPAIGN_HAS_NO_TARGET");
        assertThat(json(send("GET", campaigns + Sandbox.TARGETING_CAMPAIGN_ID + "/recipients?limit=500", bearer(), null), 400)
                .path("message").asText()).contains("limit");
        String clicked = campaigns + Sandbox.TARGETING_CAMPAIGN_ID + "/recipient/" + Sandbox.TARGETING_CONTACT_ID + "/portal:status";
        json(send("PATCH", clicked, bearer(), "{\"status\":\"clicked\"}"), 200);
        assertThat(json(send("PATCH", clicked, bearer(), "{\"status\":\"seen\"}"), 409).path("status").asInt()).isEqualTo(409);
    }

    @Test
    void contacthubDuplicateExternalIdIs409AndWritesMoveTheOffset() throws Exception {
        String ws = sandbox.contacthubUrl() + "/workspaces/" + Sandbox.CONTACTHUB_WORKSPACE_ID;
        long before = json(send("GET", ws + "/updates/last-offset", bearer(), null), 200).path("lastOffset").asLong();
        String body = "{\"nodeId\":\"" + Sandbox.CONTACTHUB_NODE_ID + "\",\"externalId\":\"X-1\",\"base\":{\"firstName\":\"Ada\"}}";
        String id = json(send("POST", ws + "/customers", bearer(), body), 201).path("id").asText();
        assertThat(json(send("POST", ws + "/customers", bearer(), body), 409).path("data").path("customer").path("id").asText())
                .isEqualTo(id);
        json(send("GET", ws + "/customers/" + java.util.UUID.randomUUID(), bearer(), null), 404);
        assertThat(json(send("GET", ws + "/updates/last-offset", bearer(), null), 200).path("lastOffset").asLong())
                .isEqualTo(before + 1);
        JsonNode page = json(send("GET", ws + "/customers?nodeId=" + Sandbox.CONTACTHUB_NODE_ID + "&size=5&page=0", bearer(), null), 200);
        assertThat(page.path("page").path("totalElements").asInt()).isEqualTo(13);
        assertThat(page.path("page").path("totalPages").asInt()).isEqualTo(3);
    }

    @Test
    void contactflowNeedsTheNodeHeaderAndStreamsTheCsvReport() throws Exception {
        String flow = sandbox.contactflowUrl();
        assertThat(send("GET", flow + "/automations", bearer(), null).statusCode()).isEqualTo(400);
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(flow + "/automations/reports/automations.csv"))
                .header("Authorization", bearer()).header("Node", Sandbox.CONTACTFLOW_NODE_ID.toString())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).contains("application/csv");
        assertThat(csv.body()).startsWith("automationUuid,automationName,");
        assertThat(csv.body().length()).isGreaterThan(1_000_000);
    }

    private static String bearer() {
        return "Bearer " + Sandbox.TOKEN;
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String url, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (url.startsWith(sandbox.contactflowUrl())) {
            // Only the CSV test leaves the Node header off on purpose.
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
