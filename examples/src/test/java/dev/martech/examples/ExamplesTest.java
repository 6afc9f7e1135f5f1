package dev.martech.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.martech.examples.ApiConfig.Api;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four flows against the sandbox, and what a person sees when configuration or credentials are wrong. */
class ExamplesTest {

    @Test
    void allFourFlowsSucceedAgainstTheSandbox() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RunAllExamples.runAll(name -> null, print(out), print(err));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("All four example flows succeeded.", "CodeError code=CAMPAIGN_HAS_NO_TARGET",
                "MessageError message=", "StatusedError status=409", "ValidationError", "ConflictException (409)",
                "NotFoundException (404)", "16,001 lines", "Check TARGETING_TOKEN");
        assertThat(text).as("the SocialHub token is never printed").doesNotContain("accesstoken=");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBaseUrlWithoutATokenIsOneClearLineAndExitCode2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("CONTACTHUB_BASE_URL", "https://api.contactlab.it/hub/v1");
        int code = RunAllExamples.runAll(env::get, print(out), print(err));
        assertThat(code).isEqualTo(Examples.MISCONFIGURED);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("Configuration: CONTACTHUB_BASE_URL is set but "
                + "CONTACTHUB_TOKEN is not: set CONTACTHUB_TOKEN to a Contactlab OAuth2 access token, or unset "
                + "CONTACTHUB_BASE_URL to run against the sandbox.");
    }

    @Test
    void aRealServiceNeedsItsIdsToo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RunAllExamples.runAll(Map.of("CONTACTFLOW_TOKEN", "t")::get, print(new ByteArrayOutputStream()), print(err));
        assertThat(code).isEqualTo(Examples.MISCONFIGURED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CONTACTFLOW_NODE is not");
    }

    @Test
    void unreachableServiceIsOneLineAndExitCode4() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ApiConfig config = ApiConfig.resolve(Api.SOCIALHUB,
                Map.of("SOCIALHUB_TOKEN", "t", "SOCIALHUB_BASE_URL", "http://127.0.0.1:9")::get);
        int code = Examples.run(SocialHubExample::run, config, new Console(print(new ByteArrayOutputStream())), print(err));
        assertThat(code).isEqualTo(Examples.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Could not reach the SocialHub API (http://127.0.0.1:9/")
                .contains("Check SOCIALHUB_BASE_URL").doesNotContain("\tat ");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
