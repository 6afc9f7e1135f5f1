package dev.martech.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.martech.contactflow.ContactflowClient;
import dev.martech.contactflow.api.AutomationListParams;
import dev.martech.contacthub.ContacthubClient;
import dev.martech.core.logging.LogLevel;
import dev.martech.sandbox.Sandbox;
import dev.martech.sandbox.SandboxExtension;
import dev.martech.sandbox.SandboxUrl;
import dev.martech.sandbox.SandboxUrl.Api;
import dev.martech.socialhub.SocialHubClient;
import dev.martech.targeting.TargetingClient;
import dev.martech.targeting.api.RecipientListParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each client configured from the variables the examples use ({@code fromEnv}), logging switched on by
 * {@code MARTECH_LOG} into the API's own logger, and clients derived with {@code withOptions}. Runs on the
 * shared sandbox of {@link SandboxExtension}.
 */
@ExtendWith(SandboxExtension.class)
class EnvironmentConfigTest {
    /** The parent of the four dev.martech.<api>.http loggers; held, as JUL keeps loggers weakly. */
    private static final Logger SDK = Logger.getLogger("dev.martech");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        SDK.addHandler(capture);
        SDK.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLogs() {
        SDK.removeHandler(capture);
        SDK.setUseParentHandlers(true);
    }

    private List<String> linesOf(String logger) {
        return records.stream().filter(r -> r.getLoggerName().equals(logger)).map(LogRecord::getMessage).toList();
    }

    @Test
    void targetingFromTheExampleVariablesLogsToItsOwnLogger(@SandboxUrl(Api.TARGETING) String url) {
        Map<String, String> env = Map.of("TARGETING_TOKEN", Sandbox.TOKEN, "TARGETING_BASE_URL", url, "MARTECH_LOG", "info");
        try (TargetingClient targeting = TargetingClient.builder().fromEnv(env::get).build()) {
            assertThat(targeting.recipients().list(CAMPAIGN_RECIPIENTS).autoPager().stream().count())
                    .isEqualTo(9);
            assertThat(targeting.options().logLevel()).isEqualTo(LogLevel.BASIC);
        }
        assertThat(linesOf("dev.martech.targeting.http")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern("^(-->|<--) ").doesNotContain(Sandbox.TOKEN));
        assertThat(records).allSatisfy(r -> assertThat(r.getLoggerName()).isEqualTo("dev.martech.targeting.http"));
    }

    @Test
    void socialHubSendsTheEnvironmentTokenAsItsQueryParameterAndThePerApiLogVariableWins(Sandbox sandbox) {
        Map<String, String> env = Map.of("SOCIALHUB_TOKEN", Sandbox.INVALID_TOKEN, "SOCIALHUB_BASE_URL",
                sandbox.socialHubUrl(), "MARTECH_LOG", "info", "SOCIALHUB_LOG", "debug");
        try (SocialHubClient socialHub = SocialHubClient.builder().fromEnv(env::get).build()) {
            assertThat(socialHub.options().logLevel()).isEqualTo(LogLevel.BODY);
            // The sandbox rejects exactly this token: proof that it was sent, as accesstoken.
            assertThatThrownBy(() -> socialHub.general().retrieveAccountInfo()).hasMessageContaining("401");
        }
        assertThat(linesOf("dev.martech.socialhub.http")).anySatisfy(l -> assertThat(l).contains("accesstoken=REDACTED"));
    }

    @Test
    void contactflowAlsoReadsItsNodeAndContacthubNeedsOnlyTheToken(Sandbox sandbox) {
        Map<String, String> env = Map.of("CONTACTFLOW_TOKEN", Sandbox.TOKEN, "CONTACTFLOW_BASE_URL", sandbox.contactflowUrl(),
                "CONTACTFLOW_NODE", Sandbox.CONTACTFLOW_NODE_ID.toString());
        try (ContactflowClient flow = ContactflowClient.builder().fromEnv(env::get).build()) {
            assertThat(flow.automations().list(AutomationListParams.none()).items()).isNotEmpty();
            assertThat(flow.options().logLevel()).isEqualTo(LogLevel.NONE);
        }
        assertThatThrownBy(() -> ContactflowClient.builder().fromEnv(Map.of("CONTACTFLOW_NODE", "node-1")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONTACTFLOW_NODE must be a UUID");
        try (ContacthubClient hub = ContacthubClient.builder().fromEnv(Map.of("CONTACTHUB_TOKEN", "t")::get).build()) {
            assertThat(hub.options().baseUrl()).isNull(); // the real service's default
        }
    }

    @Test
    void fromEnvWithoutATokenSaysWhichVariableToSet() {
        assertThatThrownBy(() -> TargetingClient.builder().fromEnv(Map.<String, String>of()::get).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set TARGETING_TOKEN and use fromEnv()");
    }

    @Test
    void withOptionsDerivesAClientWithOtherSettingsOnTheSameConnections(@SandboxUrl(Api.TARGETING) String url) {
        try (TargetingClient targeting = TargetingClient.builder().bearerToken(Sandbox.TOKEN).baseUrl(url).build()) {
            TargetingClient patient = targeting.withOptions(o -> o.readTimeout(Duration.ofMinutes(2)).logLevel(LogLevel.BASIC));
            assertThat(patient.options().readTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(targeting.options().readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(patient.options().okHttpClient()).as("the pool and dispatcher of the first client").isNotNull();
            assertThat(patient.recipients().list(CAMPAIGN_RECIPIENTS).autoPager().stream().count())
                    .isEqualTo(9);
            patient.close(); // releases nothing shared
            assertThat(targeting.recipients().list(CAMPAIGN_RECIPIENTS).autoPager().stream().count())
                    .isEqualTo(9);
        }
        assertThat(linesOf("dev.martech.targeting.http")).isNotEmpty();
    }

    /** Every recipient of the sandbox campaign (there are 9). */
    private static final RecipientListParams CAMPAIGN_RECIPIENTS =
            RecipientListParams.builder().campaignId(Sandbox.TARGETING_CAMPAIGN_ID).build();

    static {
        SDK.setLevel(Level.ALL);
    }
}
