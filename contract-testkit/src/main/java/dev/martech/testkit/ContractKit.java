package dev.martech.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension behind the generated contract tests of one API class: one in-process WireMock per test
 * class (loopback, dynamic port), reset before each test, stopped after the class; and the spec the
 * operations are looked up in. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ContractKit KIT = ContractKit.forSpec("targeting.json");
 *
 * @BeforeAll
 * static void connect() {
 *   client = TargetingClient.builder().baseUrl(KIT.baseUrl()).bearerToken(ContractKit.TOKEN).build();
 *   KIT.connect(mapperOfTheClient, client.options().defaultHeaders());
 * }
 *
 * @Test
 * void list() {
 *   ContractCall call = KIT.call("GET", "/v1/campaign/{campaign_id}/recipients"); // stubs the success response
 *   RecipientListParams params = RecipientListParams.builder()
 *       .campaignId(call.param("path", "campaign_id", new TypeReference<UUID>() { }))
 *       …
 *       .build();
 *   HttpResponseFor<?> response = client.withRawResponse().recipients().list(params, RequestOptions.none());
 *   call.verify(response); // the request sent and the typed response's round trip
 * }
 * }</pre>
 */
public final class ContractKit implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    /** The credential every contract-test client is built with (bearer token or SocialHub access token). */
    public static final String TOKEN = "contract-test-token";
    /** The Contactflow node the contract-test client is built with. */
    public static final UUID NODE = UUID.fromString("0b0e0d0c-0000-4000-8000-00000000cafe");

    private final String specFile;
    private OpenAPI api;
    private WireMockServer server;
    private ObjectMapper mapper;
    private Map<String, String> clientHeaders = Map.of();

    private ContractKit(String specFile) {
        this.specFile = specFile;
    }

    /** The kit for the spec resource {@code dev/martech/specs/<specFile>}. */
    public static ContractKit forSpec(String specFile) {
        return new ContractKit(specFile);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        api = ContractSpecs.load(specFile);
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .gzipDisabled(true)
                .stubCorsEnabled(false)
                .jettyAcceptors(1)
                .containerThreads(10)
                .notifier(new Slf4jNotifier(false)));
        server.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    /** The server's URL plus the path of the spec's server URL (e.g. {@code /api2}), as a client's base URL. */
    public String baseUrl() {
        requireStarted();
        return "http://127.0.0.1:" + server.port() + ContractOperation.basePath(api);
    }

    /**
     * The client's mapper (arguments are converted and responses re-serialised with it) and its default
     * headers (a header parameter the client supplies itself, such as Contactflow's {@code Node}, is
     * expected with that value).
     */
    public void connect(ObjectMapper clientMapper, Map<String, String> clientDefaultHeaders) {
        this.mapper = clientMapper;
        this.clientHeaders = Map.copyOf(clientDefaultHeaders);
    }

    /** Starts a contract check of the spec's {@code method path} operation; its success response is stubbed. */
    public ContractCall call(String method, String path) {
        requireStarted();
        if (mapper == null) {
            throw new IllegalStateException("connect(mapper, headers) the client before calling operations");
        }
        ContractCall call = new ContractCall(this, ContractOperation.find(api, method, path));
        call.stubSuccess();
        return call;
    }

    public OpenAPI api() {
        return api;
    }

    public WireMockServer server() {
        return server;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    Map<String, String> clientHeaders() {
        return clientHeaders;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("register the kit with @RegisterExtension on a static field");
        }
    }
}
