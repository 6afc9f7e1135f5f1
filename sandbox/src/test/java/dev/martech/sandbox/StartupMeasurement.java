package dev.martech.sandbox;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures how long the sandbox takes to start, each run in a fresh JVM, and writes the results file the
 * README quotes. Not a test (no timing in tests); run it with
 * {@code ./mvnw -B -ntp -q -pl sandbox test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * "-Dexec.args=-cp %classpath dev.martech.sandbox.StartupMeasurement STARTUP.md"}.
 */
public final class StartupMeasurement {
    private static final int RUNS = 5;

    private StartupMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--once")) {
            once();
            return;
        }
        Path out = Path.of(args.length > 0 ? args[0] : "STARTUP.md");
        List<long[]> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), StartupMeasurement.class.getName(), "--once")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("measurement run failed: " + line);
            }
            runs.add(Arrays.stream(line.split(" ")).mapToLong(Long::parseLong).toArray());
        }
        write(out, runs);
    }

    /** Prints: JVM start to sandbox ready, first start, reset, second start in the same JVM (ms). */
    private static void once() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        Sandbox first = Sandbox.start();
        long t1 = System.nanoTime();
        long sinceJvmStart = System.currentTimeMillis() - jvmStart;
        first.reset();
        long t2 = System.nanoTime();
        first.close();
        long t3 = System.nanoTime();
        Sandbox second = Sandbox.start();
        long t4 = System.nanoTime();
        second.close();
        System.out.println(sinceJvmStart + " " + (t1 - t0) / 1_000_000 + " " + (t2 - t1) / 1_000_000 + " "
                + (t4 - t3) / 1_000_000);
    }

    private static void write(Path out, List<long[]> runs) throws IOException {
        String[] names = {"JVM start to sandbox ready", "`Sandbox.start()`, first in the JVM (cold)",
                "`reset()` (what SandboxExtension does after each test)", "`Sandbox.start()`, again in the same JVM"};
        StringBuilder md = new StringBuilder("# Sandbox start time\n\n")
                .append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, Java ").append(System.getProperty("java.version")).append(", ").append(RUNS)
                .append(" fresh JVMs; milliseconds, median (min–max). Reproduce with\n\n```sh\n")
                .append("./mvnw -B -ntp -q -pl sandbox test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \\\n")
                .append("  \"-Dexec.args=-cp %classpath dev.martech.sandbox.StartupMeasurement STARTUP.md\"\n```\n\n")
                .append("| what | ms |\n|---|---:|\n");
        for (int i = 0; i < names.length; i++) {
            final int col = i;
            long[] values = runs.stream().mapToLong(r -> r[col]).sorted().toArray();
            md.append("| ").append(names[i]).append(" | ").append(values[values.length / 2]).append(" (")
                    .append(values[0]).append("–").append(values[values.length - 1]).append(") |\n");
        }
        md.append("\nWith `SandboxExtension` (one sandbox per test run) a test suite pays the cold start once; "
                + "every further test class pays nothing and every test a `reset()`.\n");
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }
}
