package dev.martech.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.UUID;

/**
 * An in-process stand-in for the four APIs: one WireMock server on the loopback interface and a free port,
 * loaded with realistic stubs of the Targeting, SocialHub, Contacthub and Contactflow operations the examples
 * use. It needs no account and no network.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *     TargetingClient targeting = TargetingClient.builder()
 *             .baseUrl(sandbox.targetingUrl())
 *             .bearerToken(Sandbox.TOKEN)
 *             .build();
 *     // ... calls answered by the sandbox
 * }
 * }</pre>
 *
 * <p>What it does:
 * <ul>
 *   <li>Any credential is accepted except {@link #INVALID_TOKEN}; a missing or invalid one gets a 401 in the
 *       API's own error shape, so the auth error path can be exercised.</li>
 *   <li>Writes are stateful: a created Targeting recipient is then listed, a campaign's status changes, a
 *       Contacthub customer exists (a second create with the same external id is a 409), events move the update
 *       offset, a SocialHub post group adds posts. {@link #reset()} restores the seed data.</li>
 *   <li>Lists page the way the real APIs do (cursor, offset/count, page number).</li>
 *   <li>The stubs are plain WireMock mappings ({@code dev/martech/sandbox/wiremock/mappings/*.json} on the
 *       classpath); use {@link #wireMock()} to add stubs of your own or to verify requests.</li>
 * </ul>
 *
 * <p>Thread-safe; each instance has its own server and its own data.
 */
public final class Sandbox implements AutoCloseable {
    /** A token the sandbox accepts (any non-blank value other than {@link #INVALID_TOKEN} works too). */
    public static final String TOKEN = "sandbox-token";
    /** The one token value the sandbox rejects with 401, to show the wrong-credentials path. */
    public static final String INVALID_TOKEN = "invalid-token";

    /** Targeting: the active campaign with recipients. */
    public static final UUID TARGETING_CAMPAIGN_ID = UUID.fromString("6f1c2a8e-3b4d-4c5e-9f10-1a2b3c4d5e6f");
    /** Targeting: a draft campaign with a target (can be activated). */
    public static final UUID TARGETING_DRAFT_CAMPAIGN_ID = UUID.fromString("0b8e4f6a-7c2d-4e1f-8a3b-5c6d7e8f9a0b");
    /** Targeting: a draft campaign without a target (activating it is a {@code CAMPAIGN_HAS_NO_TARGET} error). */
    public static final UUID TARGETING_UNTARGETED_CAMPAIGN_ID = UUID.fromString("9d3e5f7a-1b2c-4d6e-8f0a-2b4c6d8e0f1a");
    /** Targeting: a contact that is a recipient of the first two campaigns. */
    public static final UUID TARGETING_CONTACT_ID = UUID.fromString("c7d5a1e2-4b3f-4a6c-9e8d-2f1b0a9c8d7e");

    /** SocialHub: the Facebook channel of the sandbox account. */
    public static final String SOCIALHUB_CHANNEL_ID = "5f3a9d001b7d4a0012c4e901";

    /** Contacthub: the workspace. */
    public static final UUID CONTACTHUB_WORKSPACE_ID = UUID.fromString("1d5e8f2a-6b3c-4e7d-9a1f-0c2b4d6e8f0a");
    /** Contacthub: the entry node holding the seeded customers. */
    public static final UUID CONTACTHUB_NODE_ID = UUID.fromString("7a9b1c3d-5e7f-4a2b-8c4d-6e8f0a2b4c6d");

    /** Contactflow: the node (the {@code Node} header). */
    public static final UUID CONTACTFLOW_NODE_ID = UUID.fromString("2c4e6a8b-0d1f-4b3c-9e5a-7f9b1d3e5a7c");
    /** Contactflow: the running "Welcome journey" automation. */
    public static final UUID CONTACTFLOW_AUTOMATION_ID = UUID.fromString("5a7c9e1b-3d5f-4a7b-9c1d-3e5f7a9b1c3d");

    /** Where the WireMock mappings and response files are on the classpath. */
    public static final String CLASSPATH_ROOT = "dev/martech/sandbox/wiremock";

    private static final Notifier SILENT = new Notifier() {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Throwable t) {
        }
    };

    private final WireMockServer server;
    private final SandboxState state;

    private Sandbox(WireMockServer server, SandboxState state) {
        this.server = server;
        this.state = state;
    }

    /**
     * Starts a sandbox on 127.0.0.1 and a free port.
     *
     * @return the running sandbox; close it when done
     */
    public static Sandbox start() {
        SandboxState state = new SandboxState();
        WireMockConfiguration config = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderClasspath(CLASSPATH_ROOT)
                .extensions(new SandboxTransformer(state))
                .notifier(SILENT)
                .containerThreads(16);
        WireMockServer server = new WireMockServer(config);
        server.start();
        return new Sandbox(server, state);
    }

    /** @return the root URL, {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** @return the port the sandbox listens on (loopback only) */
    public int port() {
        return server.port();
    }

    /** @return the base URL to give the Targeting client */
    public String targetingUrl() {
        return baseUrl() + "/targeting";
    }

    /** @return the base URL to give the SocialHub client */
    public String socialHubUrl() {
        return baseUrl() + "/socialhub";
    }

    /** @return the base URL to give the Contacthub client */
    public String contacthubUrl() {
        return baseUrl() + "/contacthub";
    }

    /** @return the base URL to give the Contactflow client */
    public String contactflowUrl() {
        return baseUrl() + "/contactflow";
    }

    /**
     * The underlying server, to add stubs of your own ({@code wireMock().stubFor(...)}) or verify requests
     * ({@code wireMock().verify(...)}); stubs you add win over the built-in ones when given priority 1 to 4.
     *
     * @return the WireMock server
     */
    public WireMockServer wireMock() {
        return server;
    }

    /** Restores the seed data, drops stubs added since start and clears the request journal. */
    public void reset() {
        server.resetToDefaultMappings();
        server.resetRequests();
        state.reset();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "Sandbox{" + baseUrl() + "}";
    }
}
