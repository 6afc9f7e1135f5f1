package dev.martech.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of the issue and writes {@code RESULTS.md}: JMH for per-call latency, allocation and
 * 32-thread throughput; fresh JVMs for paging and download in 64 MiB, and for cold start; a clean
 * {@code mvn -q verify} in a copy of the tree for the build cost.
 *
 * <p>System properties: {@code bench.quick} (1 fork, 1 short iteration: a smoke test of the harness),
 * {@code bench.skipBuild}, {@code bench.only} (comma list of jmh,concurrent,paging,download,cold,build),
 * {@code bench.out} (the markdown file), {@code bench.root} (the project root).
 */
public final class RunAll {
    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final String ONLY = System.getProperty("bench.only", "");
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    /** This JVM's class path, with the reactor's target/classes directories copied away (see snapshot()). */
    private static String CP = System.getProperty("java.class.path");
    private static final int FORKS = QUICK ? 1 : 2;
    private static final int ITERATIONS = QUICK ? 1 : 3;
    private static final int SECONDS = QUICK ? 1 : 2;
    private static final int PROBE_RUNS = QUICK ? 1 : 3;
    private static final int COLD_RUNS = QUICK ? 2 : 10;

    private final StringBuilder md = new StringBuilder();
    private final List<String> goals = new ArrayList<>();
    private final Map<String, double[]> medians = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        new RunAll().run();
        System.exit(0);
    }

    private static boolean wanted(String part) {
        return ONLY.isBlank() || Arrays.asList(ONLY.split(",")).contains(part);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Path out = Paths.get(System.getProperty("bench.out", "RESULTS.md"));
        snapshotClassPath();
        header();
        if (wanted("jmh")) {
            singleThread();
            overhead();
        }
        if (wanted("concurrent")) {
            concurrent();
        }
        if (wanted("paging")) {
            paging();
        }
        if (wanted("download")) {
            download();
        }
        if (wanted("cold")) {
            coldStart();
        }
        if (wanted("build") && !Boolean.getBoolean("bench.skipBuild")) {
            buildCost();
        }
        if (!Double.isNaN(overheadMicros) && medians.containsKey("small")) {
            double rawMedian = medians.get("small")[1];
            goals.add(String.format(Locale.ROOT, "| 1. (noise-free estimate, small) | the SDK's own %.1f µs/call over a raw "
                    + "median of %.1f µs would be a ratio of %.3f |", overheadMicros, rawMedian,
                    (rawMedian + overheadMicros) / rawMedian));
        }
        md.append("\n## Goals\n\n| goal | result |\n| --- | --- |\n");
        goals.forEach(g -> md.append(g).append('\n'));
        md.append(String.format(Locale.ROOT, "%nWhole run: %.1f min.%n", (System.nanoTime() - started) / 6e10));
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
        System.out.println(md);
    }

    /**
     * Copies the class-path directories (the reactor modules' target/classes) to a private place and
     * points this JVM's forks there, so that a build running in the same work tree during the ~20 minutes
     * of a run (a colleague's {@code mvn clean install}) cannot pull classes away from under a fork.
     */
    private static void snapshotClassPath() throws IOException {
        Path dir = Files.createTempDirectory("martech-bench-cp-");
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : CP.split(java.io.File.pathSeparator)) {
            Path p = Paths.get(entry);
            if (Files.isDirectory(p)) {
                Path copy = dir.resolve(i++ + "-" + p.getParent().getParent().getFileName());
                copyTree(p, copy);
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        CP = String.join(java.io.File.pathSeparator, entries);
        System.setProperty("java.class.path", CP); // JMH forks take theirs from here
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteTree(dir);
            } catch (IOException ignored) {
                // temp files
            }
        }));
    }

    // ---------------------------------------------------------------- machine

    private void header() throws IOException {
        String cpu = "?";
        String mem = "?";
        try (Stream<String> lines = Files.lines(Paths.get("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst("^[^:]*:\\s*", ""))
                    .orElse("?");
        } catch (IOException | UncheckedIOException ignored) {
            // not Linux
        }
        try (Stream<String> lines = Files.lines(Paths.get("/proc/meminfo"))) {
            mem = lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse("?");
        } catch (IOException | UncheckedIOException ignored) {
            // not Linux
        }
        md.append("# Benchmark results\n\n");
        md.append("Written by `benchmarks` (see benchmarks/README.md); do not edit by hand.\n\n");
        md.append("| | |\n| --- | --- |\n");
        md.append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)).replaceAll("\\.\\d+", "")).append(" |\n");
        md.append("| command | `mvn -B -Pbenchmarks -pl benchmarks -am -DskipTests verify`")
                .append(QUICK ? " `-Dbench.quick=true` (smoke run: figures not meaningful)" : "").append(" |\n");
        md.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc), ")
                .append(mem).append(" RAM, ").append(cpu).append(", shared and noisy |\n");
        md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" |\n");
        md.append("| JMH | 1.37, ").append(FORKS).append(" forks (run as rounds of one fork, so that the clients' forks alternate) × ").append(ITERATIONS).append(" warm-up + ")
                .append(ITERATIONS).append(" measurement iterations × ").append(SECONDS)
                .append(" s, -Xms1g -Xmx1g, gc profiler |\n");
        md.append("| server | in-process loopback HTTP/1.1, keep-alive, one blocking thread per connection writing "
                + "pre-built byte arrays (BenchServer) |\n");
        md.append("| bodies | Targeting RecipientsPage: small = 1 recipient (")
                .append(Fixtures.smallPage().length).append(" B), large = 1,000 recipients (")
                .append(Fixtures.largePage().length).append(" B) |\n");
        md.append("\nJMH figures: `±` is half the interquartile range of the per-iteration medians (latency) or "
                + "scores (throughput) over all forks × iterations; fresh-JVM figures: `±` is the half-range over the "
                + "runs. A ratio's `±` combines both sides' relative spreads; a goal whose gap is smaller than that "
                + "is marked \"within noise\".\n");
    }

    // ---------------------------------------------------------------- JMH

    private ChainedOptionsBuilder jmh(String include) {
        return new OptionsBuilder().include(include).forks(1)
                .warmupIterations(ITERATIONS).warmupTime(TimeValue.seconds(SECONDS))
                .measurementIterations(ITERATIONS).measurementTime(TimeValue.seconds(SECONDS))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(false);
    }

    /**
     * Runs the benchmarks FORKS times with one fork each, so that raw, sdk and stock forks alternate in time
     * and a slow spell on this shared machine hits all of them, rather than all forks of one client.
     * Returns name → size → the runs.
     */
    private Map<String, Map<String, List<RunResult>>> runRounds(String include) throws Exception {
        Map<String, Map<String, List<RunResult>>> map = new LinkedHashMap<>();
        for (int round = 0; round < FORKS; round++) {
            for (RunResult r : new Runner(jmh(include).build()).run()) {
                String bench = r.getParams().getBenchmark();
                String name = bench.substring(bench.lastIndexOf('.') + 1);
                map.computeIfAbsent(name, k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.getParams().getParam("size"), k -> new ArrayList<>()).add(r);
            }
        }
        return map;
    }

    private static List<IterationResult> iterations(List<RunResult> runs) {
        List<IterationResult> all = new ArrayList<>();
        for (RunResult r : runs) {
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                all.addAll(b.getIterationResults());
            }
        }
        return all;
    }

    /**
     * Median and half-range of the per-iteration medians (SampleTime: the latency samples of each
     * measurement iteration) or of the per-iteration scores (Throughput), over all forks × iterations.
     */
    private static double[] centre(List<RunResult> runs, boolean median) {
        List<Double> values = new ArrayList<>();
        for (IterationResult it : iterations(runs)) {
            Result<?> p = it.getPrimaryResult();
            values.add(median ? p.getStatistics().getPercentile(50) : p.getScore());
        }
        return new double[] {median(values), halfIqr(values)};
    }

    /** Half the interquartile range: robust to the odd iteration that another process on the machine spoilt. */
    private static double halfIqr(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length < 4) {
            return (v[v.length - 1] - v[0]) / 2;
        }
        return (quantile(v, 0.75) - quantile(v, 0.25)) / 2;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** A statistic of the primary result, the median over the forks. */
    private static double primary(List<RunResult> runs, java.util.function.ToDoubleFunction<Result<?>> f) {
        return median(runs.stream().map(r -> f.applyAsDouble(r.getPrimaryResult())).collect(Collectors.toList()));
    }

    /** A secondary result (e.g. gc.alloc.rate.norm) over all measurement iterations of all forks. */
    private static double secondary(List<RunResult> runs, String key) {
        List<Double> v = new ArrayList<>();
        for (IterationResult it : iterations(runs)) {
            Result<?> s = it.getSecondaryResults().get(key);
            if (s != null) {
                v.add(s.getScore());
            }
        }
        return v.isEmpty() ? Double.NaN : median(v);
    }

    private static double secondaryError(List<RunResult> runs, String key) {
        List<Double> v = new ArrayList<>();
        for (IterationResult it : iterations(runs)) {
            Result<?> s = it.getSecondaryResults().get(key);
            if (s != null) {
                v.add(s.getScore());
            }
        }
        return v.isEmpty() ? Double.NaN : halfRange(v);
    }

    private static String ratio(double[] a, double[] b) {
        double q = a[0] / b[0];
        double rel = Math.sqrt(Math.pow(a[1] / a[0], 2) + Math.pow(b[1] / b[0], 2));
        return String.format(Locale.ROOT, "%.3f ± %.3f", q, q * rel);
    }

    private static boolean holds(double[] a, double[] b, double goal, boolean atMost) {
        double q = a[0] / b[0];
        return atMost ? q <= goal : q >= goal;
    }

    private static boolean withinNoise(double[] a, double[] b, double goal) {
        double q = a[0] / b[0];
        double err = q * Math.sqrt(Math.pow(a[1] / a[0], 2) + Math.pow(b[1] / b[0], 2));
        return Math.abs(q - goal) <= err;
    }

    private void singleThread() throws Exception {
        Map<String, Map<String, List<RunResult>>> m = runRounds(SingleThreadBenchmark.class.getName() + "\\.");
        md.append("\n## 1–2. One thread: latency per call and allocation per call\n\n");
        md.append("JMH `SampleTime`; median (p50) and p99 in µs; throughput = 1 / mean; allocation = "
                + "`gc.alloc.rate.norm` (bytes per call, ± its 99.9 % CI).\n\n");
        md.append("| body | client | median µs | p99 µs | calls/s | alloc B/call | median vs raw | alloc vs raw |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String size : List.of("small", "large")) {
            List<RunResult> raw = m.getOrDefault("raw", Map.of()).get(size);
            for (String name : List.of("raw", "sdk", "stock")) {
                List<RunResult> r = m.getOrDefault(name, Map.of()).get(size);
                if (r == null) {
                    md.append("| ").append(size).append(" | ").append(name).append(" | failed | | | | | |\n");
                    continue;
                }
                double[] med = centre(r, true);
                double p99 = primary(r, p -> p.getStatistics().getPercentile(99));
                double mean = primary(r, p -> p.getStatistics().getMean());
                double alloc = secondary(r, "gc.alloc.rate.norm");
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f ± %.1f | %.1f | %.0f | %.0f ± %.0f | %s | %s |%n",
                        size, name, med[0], med[1], p99, 1e6 / mean, alloc, secondaryError(r, "gc.alloc.rate.norm"),
                        raw == null || name.equals("raw") ? "" : ratio(med, centre(raw, true)),
                        raw == null || name.equals("raw") ? ""
                                : String.format(Locale.ROOT, "%.2f", alloc / secondary(raw, "gc.alloc.rate.norm"))));
                if (name.equals("sdk") && raw != null) {
                    double[] rm = centre(raw, true);
                    goals.add(String.format(Locale.ROOT, "| 1. SDK/raw median ≤ 1.05 (%s) | %s: %s%s |", size,
                            holds(med, rm, 1.05, true) ? "holds" : "misses", ratio(med, rm),
                            withinNoise(med, rm, 1.05) ? " (gap within noise)" : ""));
                    medians.put(size, new double[] {med[0], rm[0]});
                    double q = alloc / secondary(raw, "gc.alloc.rate.norm");
                    goals.add(String.format(Locale.ROOT, "| 2. SDK/raw allocation ≤ 1.2 (%s) | %s: %.2f (%.0f vs %.0f B) |",
                            size, q <= 1.2 ? "holds" : "misses", q, alloc, secondary(raw, "gc.alloc.rate.norm")));
                }
            }
        }
    }

    private void overhead() throws Exception {
        Map<String, Map<String, List<RunResult>>> m = runRounds(OverheadBenchmark.class.getName() + "\\.");
        List<RunResult> sdk = m.getOrDefault("sdk", Map.of()).get(null);
        List<RunResult> raw = m.getOrDefault("raw", Map.of()).get(null);
        md.append("\n### The SDK's own cost, network taken out\n\n");
        md.append("JMH `AverageTime`: the SDK over a `Transport` that returns the small body from memory vs raw "
                + "Jackson decoding the same bytes; no sockets, so little noise. sdk − raw is what the SDK adds to "
                + "a call besides OkHttp (request building, auth, retry layer, error-body recording, response "
                + "handling).\n\n");
        md.append("| | µs/call | alloc B/call |\n| --- | ---: | ---: |\n");
        if (sdk == null || raw == null) {
            md.append("| failed | | |\n");
            return;
        }
        double[] s = centre(sdk, false);
        double[] r = centre(raw, false);
        md.append(String.format(Locale.ROOT, "| raw decode | %.2f ± %.2f | %.0f |%n", r[0], r[1], secondary(raw, "gc.alloc.rate.norm")));
        md.append(String.format(Locale.ROOT, "| sdk call | %.2f ± %.2f | %.0f |%n", s[0], s[1], secondary(sdk, "gc.alloc.rate.norm")));
        md.append(String.format(Locale.ROOT, "| **sdk − raw** | **%.2f** | **%.0f** |%n", s[0] - r[0],
                secondary(sdk, "gc.alloc.rate.norm") - secondary(raw, "gc.alloc.rate.norm")));
        overheadMicros = s[0] - r[0];
    }

    private double overheadMicros = Double.NaN;

    private void concurrent() throws Exception {
        Map<String, Map<String, List<RunResult>>> m = runRounds(ConcurrentBenchmark.class.getName() + "\\.");
        md.append("\n## 3. 32 threads sharing one client\n\n");
        md.append("JMH `Throughput`, `@Threads(32)`; calls/s (median of iteration scores); errors = failed calls "
                + "counted (not thrown) over all measurement iterations.\n\n");
        md.append("| body | client | calls/s | errors | alloc B/call | vs raw |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (String size : List.of("small", "large")) {
            List<RunResult> raw = m.getOrDefault("raw", Map.of()).get(size);
            for (String name : List.of("raw", "sdk", "stock")) {
                List<RunResult> r = m.getOrDefault(name, Map.of()).get(size);
                if (r == null) {
                    md.append("| ").append(size).append(" | ").append(name).append(" | failed | | | |\n");
                    continue;
                }
                double[] c = centre(r, false);
                double errors = errorCount(r);
                md.append(String.format(Locale.ROOT, "| %s | %s | %.0f ± %.0f | %.0f | %.0f | %s |%n", size, name, c[0], c[1],
                        errors, secondary(r, "gc.alloc.rate.norm"),
                        raw == null || name.equals("raw") ? "" : ratio(c, centre(raw, false))));
                if (name.equals("sdk") && raw != null) {
                    double[] rc = centre(raw, false);
                    goals.add(String.format(Locale.ROOT, "| 3. 32 threads: SDK/raw throughput ≥ 0.95, 0 errors (%s) | %s: %s, %.0f errors%s |",
                            size, holds(c, rc, 0.95, false) && errors == 0 ? "holds" : "misses", ratio(c, rc), errors,
                            withinNoise(c, rc, 0.95) ? " (gap within noise)" : ""));
                }
            }
        }
    }

    private static double errorCount(List<RunResult> runs) {
        double total = 0;
        for (IterationResult it : iterations(runs)) {
            Result<?> e = it.getSecondaryResults().get("errors");
            if (e != null) {
                total += e.getScore(); // an EVENTS aux counter is a plain count, whatever the mode's unit
            }
        }
        return total;
    }

    // ---------------------------------------------------------------- fresh JVMs

    private static List<String> run(List<String> command, long timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + " of " + command + ":\n" + String.join("\n", lines));
        }
        return lines;
    }

    private static Map<String, String> probe(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx64m", "-cp", CP, Probe.class.getName()));
        cmd.addAll(List.of(args));
        List<String> lines = run(cmd, 900);
        String result = lines.stream().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no result from " + cmd + ":\n" + String.join("\n", lines)));
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : result.substring(7).split(" ")) {
            int eq = part.indexOf('=');
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        System.out.println(String.join(" ", args) + " -> " + kv);
        return kv;
    }

    /** Median of the ratios of runs made back to back (a/b per pair): robust to drift between pairs. */
    private static double pairedRatio(List<Double> a, List<Double> b) {
        List<Double> q = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            q.add(a.get(i) / b.get(i));
        }
        return median(q);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double halfRange(List<Double> values) {
        DoubleSummary s = new DoubleSummary(values);
        return (s.max - s.min) / 2;
    }

    private record DoubleSummary(double min, double max) {
        DoubleSummary(List<Double> v) {
            this(v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        }
    }

    private void paging() throws Exception {
        int pages = QUICK ? 50 : 1000;
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        Map<String, List<Double>> peak = new LinkedHashMap<>();
        for (int i = 0; i < PROBE_RUNS; i++) {
            for (String v : List.of("raw", "sdk")) { // interleaved, so drift hits both
                Map<String, String> r = probe("paging", v, String.valueOf(pages));
                ms.computeIfAbsent(v, k -> new ArrayList<>()).add(Double.parseDouble(r.get("ms")));
                peak.computeIfAbsent(v, k -> new ArrayList<>()).add(Double.parseDouble(r.get("peakHeapMB")));
            }
        }
        md.append("\n## 4. Auto-pagination in -Xmx64m\n\n");
        md.append(String.format(Locale.ROOT, "%,d items in %,d pages of 1,000, server in the same JVM; SDK: "
                + "`recipients().list(…).autoPager().stream()`, raw: a `next`-cursor loop. %d fresh JVMs each, interleaved; "
                + "median wall time.%n%n", (long) pages * 1000, pages, PROBE_RUNS));
        md.append("| client | finished | median s | peak heap MiB | vs raw | paired ratio |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (String v : List.of("raw", "sdk")) {
            double[] c = {median(ms.get(v)), halfRange(ms.get(v))};
            double[] rc = {median(ms.get("raw")), halfRange(ms.get("raw"))};
            md.append(String.format(Locale.ROOT, "| %s | yes, %d/%d | %.2f ± %.2f | %.0f | %s | %s |%n", v, ms.get(v).size(),
                    PROBE_RUNS, c[0] / 1000, c[1] / 1000, median(peak.get(v)), v.equals("raw") ? "" : ratio(c, rc),
                    v.equals("raw") ? "" : String.format(Locale.ROOT, "%.3f", pairedRatio(ms.get("sdk"), ms.get("raw")))));
            if (v.equals("sdk")) {
                goals.add(String.format(Locale.ROOT, "| 4. paging 1M items in -Xmx64m finishes | holds: %.1f s vs raw %.1f s (%s; paired %.3f) |",
                        c[0] / 1000, rc[0] / 1000, ratio(c, rc), pairedRatio(ms.get("sdk"), ms.get("raw"))));
            }
        }
    }

    private void download() throws Exception {
        long bytes = QUICK ? 64L << 20 : 1L << 30;
        Map<String, List<Double>> rate = new LinkedHashMap<>();
        Map<String, List<Double>> peak = new LinkedHashMap<>();
        int runs = QUICK ? 1 : 5;
        for (int i = 0; i < runs; i++) {
            for (String v : List.of("raw", "sdk")) {
                Map<String, String> r = probe("download", v, String.valueOf(bytes));
                rate.computeIfAbsent(v, k -> new ArrayList<>()).add(Double.parseDouble(r.get("mibPerS")));
                peak.computeIfAbsent(v, k -> new ArrayList<>()).add(Double.parseDouble(r.get("peakHeapMB")));
            }
        }
        md.append("\n## 5. Streaming download in -Xmx64m\n\n");
        md.append(String.format(Locale.ROOT, "%,d bytes (Contactflow `automations().downloadReport`, a `BinaryResponse`) copied "
                + "to a counting sink; raw: OkHttp `byteStream().transferTo(sink)`. %d fresh JVMs each, interleaved.%n%n",
                bytes, runs));
        md.append("| client | finished | median MiB/s | peak heap MiB | vs raw | paired ratio |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (String v : List.of("raw", "sdk")) {
            double[] c = {median(rate.get(v)), halfRange(rate.get(v))};
            double[] rc = {median(rate.get("raw")), halfRange(rate.get("raw"))};
            double paired = pairedRatio(rate.get("sdk"), rate.get("raw"));
            md.append(String.format(Locale.ROOT, "| %s | yes, %d/%d | %.0f ± %.0f | %.0f | %s | %s |%n", v, rate.get(v).size(), runs,
                    c[0], c[1], median(peak.get(v)), v.equals("raw") ? "" : ratio(c, rc),
                    v.equals("raw") ? "" : String.format(Locale.ROOT, "%.3f", paired)));
            if (v.equals("sdk")) {
                goals.add(String.format(Locale.ROOT, "| 5. 1 GiB download in -Xmx64m, SDK/raw ≥ 0.9 | %s: paired %.3f, medians %s%s |",
                        paired >= 0.9 ? "holds" : "misses", paired, ratio(c, rc),
                        withinNoise(c, rc, 0.9) ? " (gap within noise)" : ""));
            }
        }
    }

    private void coldStart() throws Exception {
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        try (BenchServer server = BenchServer.forCalls()) {
            for (int i = 0; i < COLD_RUNS; i++) {
                for (String v : List.of("noop", "raw", "sdk")) {
                    List<String> cmd = List.of(JAVA, "-cp", CP, ColdStart.class.getName(), v, server.baseUrl());
                    long start = System.nanoTime();
                    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                    String line;
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        while ((line = r.readLine()) != null && !line.equals("DONE")) {
                            System.out.println(v + ": " + line);
                        }
                    }
                    long elapsed = System.nanoTime() - start;
                    if (p.waitFor() != 0 || line == null) {
                        throw new IllegalStateException("cold start " + v + " failed");
                    }
                    ms.computeIfAbsent(v, k -> new ArrayList<>()).add(elapsed / 1e6);
                }
            }
        }
        System.out.println("cold start ms: " + ms);
        double[] noop = {median(ms.get("noop")), halfRange(ms.get("noop"))};
        double[] raw = {median(ms.get("raw")), halfRange(ms.get("raw"))};
        double[] sdk = {median(ms.get("sdk")), halfRange(ms.get("sdk"))};
        md.append("\n## 6. Cold start\n\n");
        md.append(String.format(Locale.ROOT, "Fresh JVM (same class path, no flags) from process start to the first "
                + "completed small call (a `DONE` line read by the parent); %d runs each, interleaved; `noop` prints "
                + "`DONE` at once (bare JVM start).%n%n", COLD_RUNS));
        md.append("| variant | median ms | min ms | max ms | vs raw | above bare JVM ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (String v : List.of("noop", "raw", "sdk")) {
            List<Double> l = ms.get(v);
            double[] c = {median(l), halfRange(l)};
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s | %.0f |%n", v, c[0], new DoubleSummary(l).min,
                    new DoubleSummary(l).max, v.equals("sdk") ? ratio(c, raw) : "", c[0] - noop[0]));
        }
        goals.add(String.format(Locale.ROOT, "| 6. cold start SDK/raw ≤ 1.5 | %s: %s (%.0f vs %.0f ms; above a bare JVM: %.0f vs %.0f ms) |",
                holds(sdk, raw, 1.5, true) ? "holds" : "misses", ratio(sdk, raw), sdk[0], raw[0], sdk[0] - noop[0],
                raw[0] - noop[0]));
    }

    // ---------------------------------------------------------------- build

    private void buildCost() throws Exception {
        Path root = Paths.get(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
        Path copy = Files.createTempDirectory("martech-build-");
        copyTree(root, copy);
        Path log = copy.resolve("build.log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder("mvn", "-B", "-q", "verify").directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        md.append("\n## 7. Build cost\n\n");
        md.append(String.format(Locale.ROOT, "`mvn -B -q verify` (all tests, default modules) in a fresh copy of the "
                + "work tree without `target/` directories, local Maven repository warm, on this %d-CPU machine: "
                + "**%.0f s** (exit %d).%n%n", Runtime.getRuntime().availableProcessors(), seconds, exit));
        md.append("| jar | KiB |\n| --- | ---: |\n");
        try (Stream<Path> jars = Files.walk(copy, 3)) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar") && j.getParent().getFileName().toString().equals("target"))
                    .sorted().collect(Collectors.toList())) {
                md.append(String.format(Locale.ROOT, "| %s | %.0f |%n", copy.relativize(jar), Files.size(jar) / 1024.0));
            }
        }
        goals.add(String.format(Locale.ROOT, "| 7. build cost reported | %.0f s for `mvn -q verify`%s |", seconds,
                exit == 0 ? "" : " (build FAILED, see the log)"));
        if (exit == 0) {
            deleteTree(copy);
        } else {
            System.out.println("build failed; log kept at " + log);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(from) && (name.equals("target") || name.equals(".git"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
