package dev.martech.examples;

import dev.martech.core.ClientBuilder;
import dev.martech.core.errors.ApiException;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ApiStatusException;
import dev.martech.core.errors.ForbiddenException;
import dev.martech.core.errors.UnauthorizedException;
import dev.martech.examples.ApiConfig.Api;
import dev.martech.examples.ApiConfig.ConfigurationException;
import dev.martech.sandbox.Sandbox;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Runs the example flows: reads the configuration, starts the sandbox when an API is not configured, turns
 * failures into one clear line and an exit code (no stack trace unless {@code EXAMPLES_DEBUG=1}).
 *
 * <p>Exit codes: 0 success; 1 the flow failed (an API error it did not expect, or a bug); 2 configuration
 * missing (e.g. a base URL without a token); 3 credentials rejected (401/403); 4 service unreachable.
 */
public final class Examples {
    /** Exit code: the flow ran. */
    public static final int OK = 0;
    /** Exit code: the flow failed. */
    public static final int FAILED = 1;
    /** Exit code: configuration incomplete. */
    public static final int MISCONFIGURED = 2;
    /** Exit code: credentials missing or rejected by the service. */
    public static final int REJECTED = 3;
    /** Exit code: the service could not be reached. */
    public static final int UNREACHABLE = 4;

    private Examples() {
    }

    /** One API's flow. */
    @FunctionalInterface
    public interface Flow {
        /**
         * Runs the flow.
         *
         * @param context the configuration, console and sandbox
         * @throws Exception anything; {@link #exitCode} turns it into a message
         */
        void run(Context context) throws Exception;
    }

    /**
     * What a flow runs with.
     *
     * @param config  the API's configuration (base URL already pointing at the sandbox in sandbox mode)
     * @param console where to print
     */
    public record Context(ApiConfig config, Console console) {
        /**
         * Applies the base URL (unless the real service's default) and the console's HTTP log to a builder;
         * the caller adds the API's credentials.
         *
         * @param builder a client builder
         * @param <B>     the builder type
         * @return the builder
         */
        public <B extends ClientBuilder<B, ?>> B configure(B builder) {
            if (config.baseUrl() != null) {
                builder.baseUrl(config.baseUrl());
            }
            return builder.addInterceptor(console.httpLog(config.baseUrl()));
        }

        /** @return whether the calls go to the embedded sandbox */
        public boolean sandbox() {
            return config.sandbox();
        }
    }

    /**
     * The whole life of one example program: configuration, sandbox if needed, the flow, the exit code.
     *
     * @param api  the API
     * @param flow the flow
     * @return the exit code
     */
    static int main(Api api, Flow flow) {
        Console console = new Console(System.out);
        ApiConfig config;
        try {
            config = ApiConfig.resolve(api, System::getenv);
        } catch (ConfigurationException e) {
            System.err.println("Configuration: " + e.getMessage());
            return MISCONFIGURED;
        }
        if (!config.sandbox()) {
            return run(flow, config, console, System.err);
        }
        try (Sandbox sandbox = Sandbox.start()) {
            return run(flow, config.on(sandbox), console, System.err);
        }
    }

    /**
     * Runs one flow and reports how it ended.
     *
     * @param flow    the flow
     * @param config  its configuration, bound to a sandbox if in sandbox mode
     * @param console where the flow prints
     * @param err     where the one-line failure message goes
     * @return the exit code
     */
    static int run(Flow flow, ApiConfig config, Console console, PrintStream err) {
        console.banner(config);
        long start = System.nanoTime();
        int code;
        try {
            flow.run(new Context(config, console));
            code = OK;
        } catch (Exception e) {
            code = exitCode(e, config, err);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        console.out().println();
        console.out().println(String.format(Locale.ROOT, "--- %s: %s, %d HTTP calls, %d ms", config.api().title(),
                code == OK ? "done" : "FAILED (exit " + code + ")", console.calls(), ms));
        return code;
    }

    /**
     * The one-line explanation of a failure, and its exit code.
     *
     * @param e      what went wrong
     * @param config the API's configuration, to name the variables to check
     * @param err    where to print the line
     * @return the exit code
     */
    static int exitCode(Throwable e, ApiConfig config, PrintStream err) {
        Api api = config.api();
        if (e instanceof ConfigurationException) {
            err.println("Configuration: " + e.getMessage());
            debug(e, err);
            return MISCONFIGURED;
        }
        if (e instanceof UnauthorizedException || e instanceof ForbiddenException) {
            err.println(credentialsMessage(api, (ApiStatusException) e));
            debug(e, err);
            return REJECTED;
        }
        if (e instanceof ApiIoException) {
            ApiIoException io = (ApiIoException) e;
            err.println("Could not reach the " + api.title() + " API (" + io.redactedUrl() + "): "
                    + rootMessage(io) + ". Check " + api.baseUrlVariable() + " and your network.");
            debug(e, err);
            return UNREACHABLE;
        }
        if (e instanceof ApiStatusException) {
            ApiStatusException s = (ApiStatusException) e;
            err.println("The " + api.title() + " flow failed: HTTP " + s.status() + " from " + s.method() + " " + s.redactedUrl()
                    + s.apiMessage().map(m -> ": " + m).orElse("") + s.referenceId().map(r -> " (reference " + r + ")").orElse(""));
            debug(e, err);
            return FAILED;
        }
        if (e instanceof ApiException) {
            err.println("The " + api.title() + " flow failed: " + e.getMessage());
            debug(e, err);
            return FAILED;
        }
        err.println("The " + api.title() + " flow failed with " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + " (set EXAMPLES_DEBUG=1 for the stack trace)");
        debug(e, err);
        return FAILED;
    }

    /**
     * What to tell a person whose credentials were refused.
     *
     * @param api the API
     * @param e   the 401 or 403
     * @return one line naming the variable to fix
     */
    public static String credentialsMessage(Api api, ApiStatusException e) {
        String what = e.status() == 401 ? "rejected the credentials (401 Unauthorized)" : "refused access (403 Forbidden)";
        return "The " + api.title() + " API " + what + e.apiMessage().map(m -> ": \"" + m + "\"").orElse("")
                + ". Check " + api.tokenVariable() + " (" + api.tokenKind() + ")"
                + (e.status() == 403 ? " and the permissions of its user." : "; it may have expired.");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void debug(Throwable e, PrintStream err) {
        if ("1".equals(System.getenv("EXAMPLES_DEBUG")) || Boolean.getBoolean("examples.debug")) {
            e.printStackTrace(err);
        }
    }

    /**
     * Shortens a text for one line of output.
     *
     * @param s   the text
     * @param max the most characters to keep
     * @return the text, cut with "..." if longer
     */
    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }

    /**
     * The flow of an API.
     *
     * @param api the API
     * @return its flow
     */
    static Flow flowOf(Api api) {
        switch (api) {
            case TARGETING: return TargetingExample::run;
            case SOCIALHUB: return SocialHubExample::run;
            case CONTACTHUB: return ContacthubExample::run;
            default: return ContactflowExample::run;
        }
    }
}
