package com.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.martech.sandbox.Sandbox;
import dev.martech.sandbox.SandboxExtension;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Boot application on Jetty 12 and the sandbox (WireMock on its own, shaded Jetty 11) in one JVM, under
 * Boot's dependency management; the SDK's HTTP log lines arrive in Logback under the API's logger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BootWithSandboxTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.perRun();

    @DynamicPropertySource
    static void targetingOnTheSandbox(DynamicPropertyRegistry registry) {
        registry.add("targeting.base-url", () -> SANDBOX.sandbox().targetingUrl());
    }

    @Autowired
    TestRestTemplate http;

    private final Logger sdkLog = (Logger) LoggerFactory.getLogger("dev.martech.targeting.http");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void captureSdkLog() {
        captured.start();
        sdkLog.addAppender(captured);
    }

    @AfterEach
    void release() {
        sdkLog.detachAppender(captured);
    }

    @Test
    void theApplicationOnJetty12CallsTheSandboxAndLogsThroughSlf4j() {
        assertThat(Jetty.VERSION).startsWith("12.");

        Long count = http.getForObject("/campaigns/" + Sandbox.TARGETING_CAMPAIGN_ID + "/recipients/count", Long.class);

        assertThat(count).isEqualTo(9);
        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("--> GET " + SANDBOX.sandbox().targetingUrl()))
                .noneSatisfy(line -> assertThat(line).contains("boot-token"));
        // The token came from TARGETING_TOKEN: the sandbox saw it.
        assertThat(SANDBOX.sandbox().wireMock().getAllServeEvents())
                .allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer boot-token"));
    }
}
