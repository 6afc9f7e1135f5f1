package dev.martech.examples;

import dev.martech.examples.ApiConfig.Api;
import dev.martech.examples.ApiConfig.ConfigurationException;
import dev.martech.sandbox.Sandbox;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the four example flows in order: Targeting, SocialHub, Contacthub, Contactflow. APIs without
 * environment configuration run against one shared embedded sandbox. Exits with the first non-zero exit
 * code (see {@link Examples}), after running every flow.
 *
 * <pre>
 * mvn -B -ntp install -DskipTests -Prun-examples
 * </pre>
 */
public final class RunAllExamples {
    private RunAllExamples() {
    }

    /**
     * Entry point.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(runAll(System::getenv, System.out, System.err));
    }

    /**
     * Runs all four flows.
     *
     * @param env environment lookup
     * @param out where the flows print
     * @param err where failures are explained
     * @return 0 when every flow succeeded, else the first failure's exit code
     */
    public static int runAll(Function<String, String> env, PrintStream out, PrintStream err) {
        Map<Api, ApiConfig> configs = new EnumMap<>(Api.class);
        for (Api api : Api.values()) {
            try {
                configs.put(api, ApiConfig.resolve(api, env));
            } catch (ConfigurationException e) {
                err.println("Configuration: " + e.getMessage());
                return Examples.MISCONFIGURED;
            }
        }
        boolean needSandbox = configs.values().stream().anyMatch(ApiConfig::sandbox);
        Sandbox sandbox = needSandbox ? Sandbox.start() : null;
        Map<Api, Integer> results = new EnumMap<>(Api.class);
        Map<Api, Long> times = new EnumMap<>(Api.class);
        try {
            if (sandbox != null) {
                out.println("Embedded sandbox started at " + sandbox.baseUrl() + " (set <API>_TOKEN to use a real service instead)");
            }
            for (Api api : Api.values()) {
                ApiConfig config = sandbox == null ? configs.get(api) : configs.get(api).on(sandbox);
                long start = System.nanoTime();
                results.put(api, Examples.run(Examples.flowOf(api), config, new Console(out), err));
                times.put(api, (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
        out.println();
        out.println("=== Summary");
        int exit = Examples.OK;
        for (Map.Entry<Api, Integer> e : results.entrySet()) {
            int code = e.getValue();
            out.println(String.format(Locale.ROOT, "  %-12s %-8s %6d ms  (%s)", e.getKey().title(), code == 0 ? "OK" : "FAILED",
                    times.get(e.getKey()), configs.get(e.getKey()).sandbox() ? "sandbox" : "real service"));
            if (exit == Examples.OK && code != Examples.OK) {
                exit = code;
            }
        }
        out.println(exit == Examples.OK ? "All four example flows succeeded." : "Some example flows failed (exit code " + exit + ").");
        return exit;
    }
}
