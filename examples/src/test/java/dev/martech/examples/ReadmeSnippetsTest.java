package dev.martech.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.martech.contactflow.ContactflowClient;
import dev.martech.contactflow.api.AutomationDownloadReportParams;
import dev.martech.contactflow.api.AutomationListParams;
import dev.martech.contactflow.model.Automation;
import dev.martech.contacthub.ContacthubClient;
import dev.martech.contacthub.api.BulkJobCreateParams;
import dev.martech.contacthub.api.CustomerCreateParams;
import dev.martech.contacthub.api.CustomerListParams;
import dev.martech.contacthub.api.CustomerRetrieveParams;
import dev.martech.contacthub.model.ApiError;
import dev.martech.contacthub.model.BulkJob;
import dev.martech.contacthub.model.BulkJobOperation;
import dev.martech.contacthub.model.Customer;
import dev.martech.contacthub.model.CustomerCreate;
import dev.martech.core.BinaryResponse;
import dev.martech.core.HttpResponseFor;
import dev.martech.core.RequestOptions;
import dev.martech.core.Upload;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ApiStatusException;
import dev.martech.core.errors.ConflictException;
import dev.martech.core.errors.NotFoundException;
import dev.martech.core.errors.RateLimitException;
import dev.martech.core.json.DriftReport;
import dev.martech.core.json.JsonField;
import dev.martech.core.logging.LogLevel;
import dev.martech.core.retry.RetryPolicy;
import dev.martech.sandbox.Sandbox;
import dev.martech.sandbox.SandboxExtension;
import dev.martech.sandbox.SandboxUrl;
import dev.martech.socialhub.SocialHubClient;
import dev.martech.socialhub.api.ChannelListSummariesParams;
import dev.martech.socialhub.api.PostListPage;
import dev.martech.socialhub.api.PostListParams;
import dev.martech.socialhub.model.Content;
import dev.martech.socialhub.model.Post;
import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.api.CampaignMatchParams;
import dev.martech.targeting.api.CampaignRetrieveJobStatusParams;
import dev.martech.targeting.api.RecipientListPage;
import dev.martech.targeting.api.RecipientListPageAsync;
import dev.martech.targeting.api.RecipientListParams;
import dev.martech.targeting.model.Campaign;
import dev.martech.targeting.model.CampaignMatch;
import dev.martech.targeting.model.ClientError;
import dev.martech.targeting.model.CodeError;
import dev.martech.targeting.model.EntityRef;
import dev.martech.targeting.model.MatchCampaignRequest;
import dev.martech.targeting.model.MatchCampaignsResponse;
import dev.martech.targeting.model.Recipient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every Java snippet of README.md, compiled and run against the sandbox. A snippet is the text between
 * {@code // region readme:<name>} and {@code // endregion}; {@link ReadmeSyncTest} checks that README.md
 * shows exactly these regions (de-indented), so neither can drift from the other.
 */
class ReadmeSnippetsTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    // What the snippets print and log, so each test checks the snippet did its job, not only that it ran.
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private PrintStream originalOut;
    // The parent of every API's HTTP logger (dev.martech.<api>.http). Held strongly: java.util.logging keeps
    // loggers weakly, so a logger only referenced from a local could be collected between attaching the handler
    // and the snippet's logging (the handler would then see nothing).
    private static final Logger SDK_LOGGERS = Logger.getLogger("dev.martech");

    @BeforeEach
    void reset() {
        sandbox.reset();
        originalOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        SDK_LOGGERS.addHandler(logCapture);
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        SDK_LOGGERS.removeHandler(logCapture);
        System.out.print(printed());
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void targetingUsage() {
        String token = Sandbox.TOKEN;
        String baseUrl = sandbox.targetingUrl();
        UUID campaignId = Sandbox.TARGETING_CAMPAIGN_ID;
        UUID contactId = Sandbox.TARGETING_CONTACT_ID;
        // region readme:targeting
        try (TargetingClient targeting = TargetingClient.builder()
                .bearerToken(token)          // an epilot API token
                .baseUrl(baseUrl)            // optional; default https://targeting.sls.epilot.io
                .build()) {
            MatchCampaignsResponse matched = targeting.campaigns().match(CampaignMatchParams.builder()
                    .body(MatchCampaignRequest.builder()
                            .addEntityRefsItem(EntityRef.builder().entityId(contactId).entitySchema("contact").build())
                            .campaignIds(Set.of(campaignId))
                            .build())                           // build() checks required properties
                    .build());
            matched.results().forEach(m -> System.out.println(m.campaign().name().orElse("(unnamed)")));

            RecipientListParams recipients = RecipientListParams.builder().campaignId(campaignId).build();
            for (Recipient r : targeting.recipients().list(recipients).autoPager()) {
                System.out.println(r.title().orElse("?") + " " + r.automationStatus().map(String::valueOf).orElse("-"));
            }
        }
        // endregion
        assertThat(printed()).as("matched campaign, then every recipient over all pages")
                .contains("Heat pump upgrade - autumn 2024", "Anna Schmidt success", "Emma Richter success");
        assertThat(printed().lines().count()).isEqualTo(10);
    }

    @Test
    void socialHubUsage() {
        String token = Sandbox.TOKEN;
        String baseUrl = sandbox.socialHubUrl();
        // region readme:socialhub
        try (SocialHubClient socialHub = SocialHubClient.builder()
                .accessToken(token)          // sent as ?accesstoken=..., masked in logs and errors
                .baseUrl(baseUrl)            // optional; default https://app.socialhub.io/api2
                .build()) {
            System.out.println(socialHub.general().retrieveAccountInfo().accountName().orElse("?"));
            socialHub.channels().listSummaries(ChannelListSummariesParams.none())
                    .forEach(c -> System.out.println(c.name().orElse("?")));

            PostListParams drafts = PostListParams.builder().status(List.of("draft")).count(50).build();
            for (Post post : socialHub.posts().list(drafts).autoPager()) {
                System.out.println(post.id().orElse("?") + " " + post.content().flatMap(Content::text).orElse(""));
            }
        }
        // endregion
        assertThat(printed()).as("account, channels, then the draft posts over offset paging")
                .contains("Stadtwerke Nord GmbH", "@stadtwerke_nord", "Zählerstand bequem im Kundenportal");
    }

    @Test
    void contacthubUsage() {
        String token = Sandbox.TOKEN;
        String baseUrl = sandbox.contacthubUrl();
        UUID workspaceId = Sandbox.CONTACTHUB_WORKSPACE_ID;
        UUID nodeId = Sandbox.CONTACTHUB_NODE_ID;
        // region readme:contacthub
        try (ContacthubClient hub = ContacthubClient.builder()
                .oauth2Token(token)          // or oauth2Token(() -> tokens.current()) to refresh
                .baseUrl(baseUrl)            // optional; default https://api.contactlab.it/hub/v1
                .build()) {
            Customer created = hub.customers().create(CustomerCreateParams.builder()
                    .workspaceId(workspaceId)
                    .body(CustomerCreate.builder()
                            .nodeId(nodeId)
                            .externalId("CRM-000042")
                            .putBaseItem("firstName", "Ada")
                            .putBaseItem("lastName", "Lovelace")
                            .build())
                    .build());
            System.out.println("created " + created.id().orElseThrow());

            CustomerListParams inNode = CustomerListParams.builder().workspaceId(workspaceId).nodeId(nodeId).build();
            hub.customers().list(inNode).autoPager().forEach(c -> System.out.println(c.externalId().orElse("-")));
        }
        // endregion
        assertThat(printed()).as("the created customer, then every customer of the node over page numbers")
                .contains("created ", "CRM-000042", "CRM-040211", "CRM-040222");
    }

    @Test
    void contactflowUsage() throws IOException {
        String token = Sandbox.TOKEN;
        String baseUrl = sandbox.contactflowUrl();
        UUID nodeId = Sandbox.CONTACTFLOW_NODE_ID;
        Path dir = Files.createTempDirectory("readme");
        // region readme:contactflow
        try (ContactflowClient flow = ContactflowClient.builder()
                .oauth2Token(token)
                .node(nodeId)                // the Node header most operations need
                .baseUrl(baseUrl)            // optional; default https://api.contactlab.it/flow/v1
                .build()) {
            for (Automation a : flow.automations().list(AutomationListParams.none()).items()) {
                System.out.println(a.name().orElse("?") + " " + a.status().map(String::valueOf).orElse("-"));
            }
            try (BinaryResponse csv = flow.automations().downloadReport(AutomationDownloadReportParams.none())) {
                csv.saveTo(dir.resolve("automations.csv"));   // streamed, constant memory
            }
        }
        // endregion
        assertThat(dir.resolve("automations.csv")).isNotEmptyFile();
    }

    @Test
    void configuration() {
        String token = Sandbox.TOKEN;
        String baseUrl = sandbox.targetingUrl();
        UUID campaignId = Sandbox.TARGETING_CAMPAIGN_ID;
        // region readme:configuration
        TargetingClient targeting = TargetingClient.builder()
                .bearerToken(() -> token)                    // asked again before every attempt
                .baseUrl(baseUrl)
                .connectTimeout(Duration.ofSeconds(5))       // default 10 s
                .readTimeout(Duration.ofSeconds(20))         // default 30 s
                .callTimeout(Duration.ofSeconds(30))         // whole attempt; default 60 s
                .retryPolicy(RetryPolicy.builder()           // default: 3 attempts, 500 ms doubling to 8 s
                        .maxAttempts(5)
                        .initialDelay(Duration.ofMillis(200))
                        .build())
                .defaultHeader("X-Correlation-Id", "checkout-42")
                .userAgent("my-app/1.4")
                .build();

        // Per call: a tighter timeout, an extra header, no retries.
        RequestOptions once = RequestOptions.builder()
                .timeout(Duration.ofSeconds(2))
                .header("X-Debug", "1")
                .noRetries()
                .build();
        targeting.campaigns().retrieveJobStatus(CampaignRetrieveJobStatusParams.builder().campaignId(campaignId).build(), once);
        targeting.close();
        // endregion
        sandbox.wireMock().verify(getRequestedFor(urlPathMatching("/targeting/v1/campaign/.*/job"))
                .withHeader("X-Debug", equalTo("1"))
                .withHeader("X-Correlation-Id", equalTo("checkout-42"))
                .withHeader("User-Agent", matching("my-app/1\\.4 .*"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void pagination() {
        try (TargetingClient targeting = targeting(); SocialHubClient socialHub = socialHub(); ContacthubClient hub = contacthub()) {
            UUID campaignId = Sandbox.TARGETING_CAMPAIGN_ID;
            UUID workspaceId = Sandbox.CONTACTHUB_WORKSPACE_ID;
            UUID nodeId = Sandbox.CONTACTHUB_NODE_ID;
            // region readme:pagination
            // Every item, fetched page by page as the loop advances (one page in memory at a time):
            RecipientListParams params = RecipientListParams.builder().campaignId(campaignId).limit(100).build();
            for (Recipient r : targeting.recipients().list(params).autoPager()) {
                System.out.println(r.title().orElse("?"));
            }

            // As a stream, with a filter added to the same params:
            List<String> schmidts = targeting.recipients().list(params.toBuilder().q("Schmidt").build())
                    .autoPager()
                    .stream()
                    .flatMap(r -> r.title().stream())
                    .collect(Collectors.toList());

            // Page by page (e.g. to checkpoint), SocialHub offset/count paging:
            PostListPage page = socialHub.posts().list(PostListParams.builder().count(25).build());
            System.out.println(page.items().size() + " posts");
            while (page.hasNextPage()) {
                page = page.nextPage();                      // the same params, the offset advanced
                System.out.println(page.items().size() + " posts");
            }

            // Or one page yourself: Contacthub counts pages from 0.
            List<Customer> second = hub.customers()
                    .list(CustomerListParams.builder().workspaceId(workspaceId).nodeId(nodeId).page(1).size(5).build())
                    .items();

            // Async: each page is fetched when the previous one is consumed, and no thread waits.
            targeting.async().recipients().list(params)
                    .thenCompose(first -> first.autoPager().forEach(r -> System.out.println(r.title().orElse("?"))))
                    .join();
            // endregion
            assertThat(schmidts).containsExactly("Anna Schmidt");
            assertThat(second).hasSize(5);
        }
    }

    @Test
    void errorHandling() {
        try (TargetingClient targeting = targeting(); ContacthubClient hub = contacthub()) {
            UUID workspaceId = Sandbox.CONTACTHUB_WORKSPACE_ID;
            UUID customerId = UUID.randomUUID();
            UUID campaignId = Sandbox.TARGETING_UNTARGETED_CAMPAIGN_ID;
            // region readme:errors
            try {
                hub.customers().retrieve(CustomerRetrieveParams.builder()
                        .workspaceId(workspaceId).customerId(customerId).build());
            } catch (NotFoundException e) {                       // 404; one subclass per status
                System.out.println(e.status() + " " + e.apiMessage().orElse("") + " logref=" + e.referenceId().orElse("-"));
            } catch (RateLimitException e) {                      // 429 after the retries ran out
                System.out.println("slow down: " + e.headers().first("Retry-After").orElse("?"));
            } catch (ApiStatusException e) {                      // any other non-2xx
                System.out.println(e.status() + " " + e.rawBody());
                e.errorBody(ApiError.class).ifPresent(err -> System.out.println(err.errors()));
            } catch (ApiIoException e) {                          // no response: DNS, refused, reset, timeout
                System.out.println("network: " + e.getMessage() + " (after " + e.attempts() + " attempts)");
            }

            // Targeting's 4xx body is a sealed union: tell the variants apart.
            try {
                targeting.campaigns().changeStatus(campaignId);
            } catch (ApiStatusException e) {
                ClientError error = e.errorBody(ClientError.class).orElseThrow();
                if (error instanceof CodeError) {
                    System.out.println("code " + ((CodeError) error).code());   // e.g. CAMPAIGN_HAS_NO_TARGET
                } else {
                    System.out.println(error);                                    // MessageError, StatusedError, Unknown
                }
            }
            // endregion
        }
        assertThat(printed()).as("the 404 with its logref, then the Targeting CodeError variant")
                .contains("404 Customer", "logref=sbx-", "code CAMPAIGN_HAS_NO_TARGET");
    }

    @Test
    void async() {
        try (TargetingClient targeting = targeting()) {
            UUID campaignId = Sandbox.TARGETING_CAMPAIGN_ID;
            UUID otherCampaignId = Sandbox.TARGETING_DRAFT_CAMPAIGN_ID;
            // region readme:async
            CompletableFuture<RecipientListPageAsync> a = targeting.async().recipients()
                    .list(RecipientListParams.builder().campaignId(campaignId).build());
            CompletableFuture<RecipientListPageAsync> b = targeting.async().recipients()
                    .list(RecipientListParams.builder().campaignId(otherCampaignId).build());
            int total = a.thenCombine(b, (x, y) -> x.response().total().orElse(0) + y.response().total().orElse(0)).join();
            // A failed call completes the future exceptionally with the same ApiException the blocking call throws.
            // endregion
            assertThat(total).isEqualTo(10);
        }
    }

    @Test
    void rawResponses() {
        try (TargetingClient targeting = targeting()) {
            UUID campaignId = Sandbox.TARGETING_CAMPAIGN_ID;
            // region readme:raw
            HttpResponseFor<RecipientListPage> response = targeting.withRawResponse().recipients()
                    .list(RecipientListParams.builder().campaignId(campaignId).build());
            System.out.println(response.status() + " in " + response.attempts() + " attempt(s), request id "
                    + response.headers().first("X-Request-Id").orElse("-"));
            RecipientListPage page = response.parse();              // the body is decoded only now
            System.out.println(page.response().total().orElse(0) + " recipients, " + page.items().size() + " on this page");
            // endregion
            assertThat(response.status()).isEqualTo(200);
        }
    }

    @Test
    void models() {
        try (TargetingClient targeting = targeting()) {
            UUID contactId = Sandbox.TARGETING_CONTACT_ID;
            UUID campaignId = Sandbox.TARGETING_CAMPAIGN_ID;
            UUID draftId = Sandbox.TARGETING_DRAFT_CAMPAIGN_ID;
            // region readme:models
            // Build: immutable models; build() checks the required properties, naming a missing one.
            EntityRef contact = EntityRef.builder()
                    .entityId(contactId)
                    .entitySchema("contact")
                    .build();
            MatchCampaignRequest query = MatchCampaignRequest.builder()
                    .addEntityRefsItem(contact)
                    .campaignIds(Set.of(campaignId))
                    .build();

            // Read: a required property is T, an optional one Optional<T>, a list or map never null.
            for (CampaignMatch match : targeting.campaigns().match(CampaignMatchParams.builder().body(query).build()).results()) {
                Campaign campaign = match.campaign();                        // required
                String name = campaign.name().orElse("(unnamed)");           // optional
                List<String> tags = campaign.tags();                         // empty when absent
                System.out.println(name + " " + tags + ", ends " + campaign.endDate().map(String::valueOf).orElse("never"));

                // Raw: missing, null, a value, or unreadable with the JSON that arrived.
                JsonField<LocalDate> end = campaign._endDate();
                if (end.isUnreadable()) {
                    System.out.println("unexpected end date " + end.raw().orElseThrow());
                }
                campaign._additionalProperties().forEach((key, json) -> System.out.println("new property " + key));
            }

            // Change a copy:
            MatchCampaignRequest wider = query.toBuilder().campaignIds(Set.of(campaignId, draftId)).build();
            // endregion
            assertThat(wider.campaignIds()).containsExactlyInAnyOrder(campaignId, draftId);
            assertThat(wider.entityRefs()).containsExactly(contact);
            assertThat(query.campaignIds()).containsExactly(campaignId);
        }
        assertThat(printed()).as("the matched campaign's name, tags and end date")
                .contains("Heat pump upgrade - autumn 2024 [sandbox], ends 2024-12-31");
    }

    @Test
    void drift() {
        String token = Sandbox.TOKEN;
        String baseUrl = sandbox.socialHubUrl();
        // A vendor that added a property and a social network since the spec was written.
        StubMapping newer = sandbox.wireMock().stubFor(get(urlPathMatching(".*/channels/summary")).atPriority(1)
                .willReturn(okJson("[{\"_id\":\"c9\",\"name\":\"Nord\",\"socialNetwork\":\"BLUESKY\",\"followers\":12}]")));
        List<String> alerts = new CopyOnWriteArrayList<>();
        try {
            // region readme:drift
            try (SocialHubClient socialHub = SocialHubClient.builder()
                    .accessToken(token)
                    .baseUrl(baseUrl)
                    .driftListener(event -> alerts.add(event.describe()))   // default: one WARN log line each
                    .build()) {
                socialHub.channels().listSummaries(ChannelListSummariesParams.none());
                socialHub.channels().listSummaries(ChannelListSummariesParams.none());
                for (DriftReport.Entry e : socialHub.driftReport().entries()) {
                    System.out.println(e.event().describe() + ": " + e.count() + "x since " + e.firstSeen());
                }
            }
            // endregion
        } finally {
            sandbox.wireMock().removeStub(newer);
        }
        assertThat(alerts).as("told once per new property or value, however often it arrives").containsExactly(
                "API drift (socialhub): ChannelSummary.socialNetwork has the value 'BLUESKY' this SDK does not know",
                "API drift (socialhub): ChannelSummary has a property 'followers' this SDK does not know");
        assertThat(printed()).contains("'followers' this SDK does not know: 2x since ");
    }

    @Test
    void logging() {
        String token = Sandbox.TOKEN;
        String baseUrl = sandbox.socialHubUrl();
        // region readme:logging
        // Through System.Logger "dev.martech.socialhub.http" (one per API; java.util.logging unless routed, see below).
        try (SocialHubClient socialHub = SocialHubClient.builder()
                .accessToken(token)
                .baseUrl(baseUrl)
                .logLevel(LogLevel.HEADERS)          // NONE (default) | BASIC | HEADERS | BODY
                .safeHeader("X-Request-Id")          // may be logged in clear; unknown headers show REDACTED
                .secretQueryParameter("signature")   // masked like accesstoken
                .build()) {
            socialHub.general().retrieveAccountInfo();   // logs: GET .../socialhub/?accesstoken=REDACTED -> 200 ...
        }
        // endregion
        assertThat(logged).as("one line per request and per response at HEADERS level").hasSize(2);
        assertThat(String.join("\n", logged))
                .contains("accesstoken=REDACTED", "User-Agent: martech-sdk-java")
                .doesNotContain(token);
    }

    @Test
    void uploadAndDownload(@TempDir Path dir) throws IOException {
        Path csvFile = Files.writeString(dir.resolve("customers.csv"), "externalId,firstName\nCRM-1,Ada\n", StandardCharsets.UTF_8);
        Path target = dir.resolve("report.csv");
        try (ContacthubClient hub = contacthub(); ContactflowClient flow = contactflow()) {
            UUID workspaceId = Sandbox.CONTACTHUB_WORKSPACE_ID;
            UUID nodeId = Sandbox.CONTACTHUB_NODE_ID;
            // region readme:streaming
            // Upload: a file is streamed from disk as it is sent (and may be retried); a stream is sent once.
            BulkJob job = hub.bulkJobs().create(BulkJobCreateParams.builder()
                    .workspaceId(workspaceId).nodeId(nodeId)
                    .file(Upload.of(csvFile, "text/csv"))
                    .operation(BulkJobOperation.UPSERT)
                    .build());
            System.out.println(job.id().orElseThrow() + " " + job.status().map(String::valueOf).orElse("-"));

            // Download: the body stays on the socket until you read it; close it (try-with-resources).
            try (BinaryResponse report = flow.automations().downloadReport(AutomationDownloadReportParams.none())) {
                long bytes = report.saveTo(target);            // or report.stream(), report.transferTo(out)
                System.out.println(bytes + " bytes of " + report.contentType());
            }
            // endregion
            assertThat(job.filename()).contains("customers.csv");
        }
        assertThat(target).isNotEmptyFile();
    }

    @Test
    void conflict() {
        try (ContacthubClient hub = contacthub()) {
            CustomerCreate c = CustomerCreate.builder().nodeId(Sandbox.CONTACTHUB_NODE_ID).externalId("CRM-040211").build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> hub.customers().create(
                    CustomerCreateParams.builder().workspaceId(Sandbox.CONTACTHUB_WORKSPACE_ID).body(c).build()))
                    .isInstanceOf(ConflictException.class);
        }
    }

    /** The README's "use the sandbox in your own tests" snippet, as a test class of its own. */
    static class SandboxInYourTests {
        // region readme:sandbox-test
        // test scope: dev.martech:sandbox (JUnit 5 or 6). One sandbox for the whole test run (perClass() for one
        // per class), reset after every test; or annotate the class with @ExtendWith(SandboxExtension.class).
        @RegisterExtension
        static final SandboxExtension SANDBOX = SandboxExtension.perRun();

        @Test
        void listsTheRecipientOfACampaign(@SandboxUrl(SandboxUrl.Api.TARGETING) String baseUrl) {
            try (TargetingClient targeting = TargetingClient.builder()
                    .baseUrl(baseUrl)                        // injected: http://127.0.0.1:<port>/targeting
                    .bearerToken(Sandbox.TOKEN)              // any token works; Sandbox.INVALID_TOKEN gets a 401
                    .build()) {
                RecipientListParams params = RecipientListParams.builder().campaignId(Sandbox.TARGETING_CAMPAIGN_ID).build();
                long n = targeting.recipients().list(params).autoPager().stream().count();
                assertThat(n).isEqualTo(9);
            }
        }

        @Test
        void seesAStubOfItsOwn(Sandbox sandbox) {            // or inject the Sandbox itself
            // Your own stubs and request checks go through WireMock; they are gone after the test:
            sandbox.wireMock().stubFor(get("/targeting/v1/campaign/" + Sandbox.TARGETING_CAMPAIGN_ID + "/job")
                    .atPriority(1)                           // before the built-in stubs (priority 5)
                    .willReturn(okJson("{\"status\":\"processing\"}")));
        }
        // endregion
    }

    @Test
    void sandboxInYourTestsSnippetRuns() {
        EngineTestKit.engine("junit-jupiter").selectors(DiscoverySelectors.selectClass(SandboxInYourTests.class))
                .execute().testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    private static TargetingClient targeting() {
        return TargetingClient.builder().baseUrl(sandbox.targetingUrl()).bearerToken(Sandbox.TOKEN).build();
    }

    private static SocialHubClient socialHub() {
        return SocialHubClient.builder().baseUrl(sandbox.socialHubUrl()).accessToken(Sandbox.TOKEN).build();
    }

    private static ContacthubClient contacthub() {
        return ContacthubClient.builder().baseUrl(sandbox.contacthubUrl()).oauth2Token(Sandbox.TOKEN).build();
    }

    private static ContactflowClient contactflow() {
        return ContactflowClient.builder().baseUrl(sandbox.contactflowUrl()).oauth2Token(Sandbox.TOKEN)
                .node(Sandbox.CONTACTFLOW_NODE_ID).build();
    }
}
