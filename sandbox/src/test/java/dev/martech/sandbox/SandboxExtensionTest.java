package dev.martech.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * SandboxExtension, run through the JUnit engine the way a build runs it: one sandbox per run (or class),
 * injected, reset between tests, stopped at the end.
 */
class SandboxExtensionTest {
    /** What the inner test classes saw, in order. */
    static final List<Sandbox> SEEN = new CopyOnWriteArrayList<>();
    static final List<String> URLS = new CopyOnWriteArrayList<>();

    @Test
    void oneSandboxForTheWholeRunInjectedResetBetweenTestsAndStoppedAtTheEnd() {
        SEEN.clear();
        URLS.clear();
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PerRunA.class), selectClass(PerRunB.class))
                .execute().testEvents();
        assertThat(tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": "
                + e.getPayload().orElse(""))).isEmpty();
        tests.assertStatistics(s -> s.started(3).succeeded(3));

        assertThat(SEEN).hasSize(3).allSatisfy(s -> assertThat(s).isSameAs(SEEN.get(0)));
        assertThat(URLS).hasSize(2);
        assertThat(SEEN.get(0).wireMock().isRunning()).as("stopped when the run ends").isFalse();
    }

    @Test
    void perClassStartsOneSandboxForEachClassAndStopsItAfterTheClass() {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PerClassA.class), selectClass(PerClassB.class))
                .execute().testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
        assertThat(SEEN).allSatisfy(s -> assertThat(s.wireMock().isRunning()).isFalse());
    }

    static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // The classes below run only inside the engine above (the name pattern keeps Surefire off them).

    @ExtendWith(SandboxExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerRunA {
        @Test
        @Order(1)
        void addsAStub(Sandbox sandbox, @SandboxUrl(SandboxUrl.Api.TARGETING) String targeting) throws Exception {
            SEEN.add(sandbox);
            URLS.add(targeting);
            assertThat(targeting).isEqualTo(sandbox.targetingUrl());
            sandbox.wireMock().stubFor(get("/mine").willReturn(ok()));
            assertThat(status(sandbox.baseUrl() + "/mine")).isEqualTo(200);
        }

        @Test
        @Order(2)
        void theStubIsGoneInTheNextTest(Sandbox sandbox) throws Exception {
            SEEN.add(sandbox);
            assertThat(sandbox.wireMock().getAllServeEvents()).as("request journal cleared").isEmpty();
            assertThat(status(sandbox.baseUrl() + "/mine")).isEqualTo(404);
        }
    }

    @ExtendWith(SandboxExtension.class)
    static class PerRunB {
        @Test
        void sharesTheSandbox(Sandbox sandbox, @SandboxUrl(SandboxUrl.Api.CONTACTFLOW) String contactflow) {
            SEEN.add(sandbox);
            URLS.add(contactflow);
            assertThat(contactflow).isEqualTo(sandbox.contactflowUrl());
        }
    }

    static class PerClassA {
        @RegisterExtension
        static final SandboxExtension SANDBOX = SandboxExtension.perClass();

        @Test
        void runs() throws Exception {
            SEEN.add(SANDBOX.sandbox());
            assertThat(status(SANDBOX.sandbox().socialHubUrl() + "/?accesstoken=" + Sandbox.TOKEN)).isEqualTo(200);
        }
    }

    static class PerClassB {
        @RegisterExtension
        static final SandboxExtension SANDBOX = SandboxExtension.perClass();

        @Test
        void runs() {
            SEEN.add(SANDBOX.sandbox());
        }
    }
}
