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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every measurement of issue 17 and writes the results file: per-call latency and allocation, 32
 * threads, async, in JVMs of their own where the clients take turns in shuffled slices ({@link Slices});
 * the SDK's own cost through its real OkHttp adapter (JMH, {@link OwnCostBenchmark}) and where its bytes go
 * ({@link AllocSites}); paging and download in 64 MiB ({@link Probe}) and cold start ({@link ColdStart}) in
 * fresh JVMs, in a shuffled order per round; optionally the build comparison ({@code build-compare.sh}).
 *
 * <p>Every goal is a ratio of two sides measured back to back in the same round; its verdict comes from the
 * 95 % interval of those per-round ratios ({@link Stats}): "holds" only when the whole interval is inside
 * the goal's margin, otherwise "not shown", with the interval.
 *
 * <p>System properties: {@code bench.quick} (the quick mode: the same method with fewer and shorter rounds,
 * under 3 minutes; for developing, not for the README), {@code bench.only} (comma list of
 * single,owncost,alloc,concurrent,async,paging,download,cold,build), {@code bench.build} (also run the build
 * comparison; on by default in the full mode), {@code bench.out} (the markdown file), {@code bench.root}
 * (the project root), {@code bench.seed} (the shuffling seed; random by default).
 */
public final class RunAll {
    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final String ONLY = System.getProperty("bench.only", "");
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    /** This JVM's class path, with the reactor's target/classes directories copied away (see snapshot()). */
    private static String CP = System.getProperty("java.class.path");

    /** The two modes' sizes: forks, measured rounds, warm-up rounds, slice length. */
    // Five forks: the interval over per-fork means (t with forks - 1 degrees of freedom) is what usually sets the
    // width; with three it is 4.3 standard errors wide on each side, with five 2.8.
    private static final int FORKS = QUICK ? 2 : 5;
    private static final int ROUNDS = QUICK ? 4 : 14;
    // The SDK's larger code is compiled later than raw's: with 8 warm-up rounds its p50 still fell 2.5 % from the
    // first to the second half of the measured rounds (raw's 0.8 %); at 100 ms slices it levelled off after about 4 s.
    private static final int WARMUP = QUICK ? 3 : 14;
    private static final int SLICE_SMALL_MS = QUICK ? 120 : 400;
    private static final int SLICE_LARGE_MS = QUICK ? 250 : 600;
    private static final int CONC_ROUNDS = QUICK ? 3 : 12;
    private static final int CONC_WARMUP = QUICK ? 2 : 6;
    private static final int CONC_SLICE_MS = QUICK ? 250 : 1000;
    private static final int OWN_ROUNDS = QUICK ? 2 : 4;
    private static final int OWN_ITERATIONS = QUICK ? 2 : 5;
    private static final int OWN_ITERATION_MS = QUICK ? 500 : 1000;
    private static final int ALLOC_SECONDS = QUICK ? 2 : 10;
    private static final int PAGING_PAGES = QUICK ? 100 : 1000;
    private static final int PAGING_ROUNDS = QUICK ? 3 : 5;
    private static final long DOWNLOAD_BYTES = QUICK ? 64L << 20 : 1L << 30;
    // One transfer of under a second per JVM: the per-round ratio spreads by ±10 %, so more rounds than the others.
    private static final int DOWNLOAD_ROUNDS = QUICK ? 3 : 12;
    private static final int BUILD_ROUNDS = QUICK ? 1 : 6;
    private static final int COLD_ROUNDS = QUICK ? 3 : 10;

    private final StringBuilder md = new StringBuilder();
    private final List<String> goals = new ArrayList<>();
    private final Random random;
    private final long seed;
    private Path out;

    private RunAll(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        String seedProperty = System.getProperty("bench.seed", "");
        long seed = seedProperty.isBlank() ? System.nanoTime() : Long.parseLong(seedProperty);
        new RunAll(seed).run();
        System.exit(0);
    }

    private interface Part {
        void run() throws Exception;
    }

    /**
     * Runs one part if wanted; a part that fails is recorded in the results (and its goals are missing from
     * the table) rather than losing the parts measured before it.
     */
    private void part(String name, Part part) {
        if (!wanted(name)) {
            return;
        }
        try {
            part.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            md.append("\n## Part `").append(name).append("` FAILED\n\n`").append(e.getClass().getSimpleName())
                    .append(": ").append(message.replace('`', '\'')).append("` (its goals are missing below; the "
                    + "console log has the rest)\n");
            notShown.add("part " + name + " failed");
        }
    }

    private static boolean wanted(String part) {
        return ONLY.isBlank() || Arrays.asList(ONLY.split(",")).contains(part);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        String outName = System.getProperty("bench.out", "");
        out = outName.isBlank() ? Paths.get(System.getProperty("bench.dir", "."), QUICK ? "RESULTS-quick.md" : "RESULTS.md")
                : Paths.get(outName);
        snapshotClassPath();
        preload();
        String loadStart = loadAverage();
        header(loadStart);
        part("single", this::single);
        part("onecpu", this::oneCpu);
        part("owncost", this::ownCost);
        part("alloc", this::allocSites);
        part("concurrent", this::concurrent);
        part("async", this::async);
        part("paging", this::paging);
        part("download", this::download);
        part("cold", this::coldStart);
        String buildProperty = System.getProperty("bench.build", "");
        boolean build = buildProperty.isBlank() ? !QUICK : Boolean.parseBoolean(buildProperty);
        if (!stockRows.isEmpty()) {
            md.append("\n## 8. Versus the stock generator's client\n\nThe stock client (library `").append(StockCalls.LIBRARY)
                    .append("`, see the top) in the same rounds as raw and SDK above; ratios to raw (or to the SDK), "
                    + "geometric mean [95 % interval] of the per-round ratios.\n\n| measure | stock/raw |\n| --- | ---: |\n");
            stockRows.forEach(r -> md.append(r).append('\n'));
        }
        if (build) {
            part("build", this::buildCompare);
        }
        md.append("\n## Goals\n\nSDK/raw (or as stated), same machine, same run; the interval is the 95 % confidence "
                + "interval of the per-round ratios (see the top). **holds** only when the whole interval is inside "
                + "the goal's margin; otherwise **not shown**.\n\n| goal | ratio [95 % interval] | verdict |\n"
                + "| --- | ---: | --- |\n");
        goals.forEach(g -> md.append(g).append('\n'));
        closingNote();
        double minutes = (System.nanoTime() - started) / 6e10;
        md.insert(md.indexOf("| load average (end) |") + "| load average (end) | ".length(),
                loadAverage() + String.format(Locale.ROOT, "; whole run %.1f min wall", minutes));
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
        System.out.println(md);
    }

    /**
     * Copies the class-path directories (the reactor modules' target/classes) to a private place and points
     * the child JVMs there, so that a build running in the same work tree during a run cannot pull classes
     * away from under one.
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

    /**
     * Loads, up front, the classes this JVM itself uses later (it runs from the live target/classes, which a
     * rebuild may replace during a run; the child JVMs run from the snapshot).
     */
    private static void preload() throws ClassNotFoundException {
        for (Class<?> c : List.of(Stats.class, Stats.Interval.class, BenchServer.class, Fixtures.class, Calls.class)) {
            Class.forName(c.getName(), true, RunAll.class.getClassLoader());
        }
        new Stats.Interval(1, 1, 1, 2, 1).verdict(1, true);
        Stats.ratio(List.of(List.of(1.0, 1.0)));
        Stats.difference(List.of(1.0, 1.0));
        Fixtures.smallPage();
    }

    // ---------------------------------------------------------------- machine

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min) at "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            return "? (no /proc/loadavg)";
        }
    }

    private static double loadOneMinute() {
        try {
            return Double.parseDouble(Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String firstLine(String file, String prefix) {
        try (Stream<String> lines = Files.lines(Paths.get(file))) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.replaceFirst("^[^:]*:\\s*", ""))
                    .orElse("?");
        } catch (IOException | UncheckedIOException e) {
            return "?";
        }
    }

    private void header(String loadStart) {
        String cpu = firstLine("/proc/cpuinfo", "model name");
        String mem = firstLine("/proc/meminfo", "MemTotal");
        if (!mem.equals("?")) {
            mem = String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(mem.replaceAll("\\D", "")) / 1024.0 / 1024.0);
        }
        md.append(QUICK ? "# Benchmark results — QUICK MODE\n\n" : "# Benchmark results\n\n");
        if (QUICK) {
            md.append("**Quick mode** (`-Dbench.quick=true`): the full method with few, short rounds, for developing "
                    + "the harness. Its intervals are wide and its figures are not the README's; those come from a "
                    + "full run written to `RESULTS.md`.\n\n");
        }
        double load = loadOneMinute();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (load > cpus) {
            md.append(String.format(Locale.ROOT, "**Perturbed run**: the 1-minute load average at the start (%.1f) was "
                    + "above the CPU count (%d): other processes (e.g. concurrent builds) competed for the CPUs, so "
                    + "every timing below is disturbed and its interval wide. Allocation figures are not affected.%n%n",
                    load, cpus));
        }
        md.append("Written by `benchmarks` (`dev.martech.bench.RunAll`, see benchmarks/README.md); do not edit by hand.\n\n");
        md.append("| | |\n| --- | --- |\n");
        md.append("| date | ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" |\n");
        md.append("| command | `mvn -B -Pbenchmarks -pl benchmarks -am -DskipTests verify")
                .append(QUICK ? " -Dbench.quick=true" : "")
                .append(ONLY.isBlank() ? "" : " -Dbench.only=" + ONLY).append("` |\n");
        md.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc), ")
                .append(mem).append(" RAM, ").append(cpu).append(" |\n");
        md.append("| load average (start) | ").append(loadStart).append(" |\n");
        md.append("| load average (end) |  |\n");
        md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" |\n");
        md.append("| shuffling seed | ").append(seed).append(" (`-Dbench.seed=` repeats the orders) |\n");
        md.append("| server | in-process loopback HTTP/1.1, keep-alive, one blocking thread per connection writing "
                + "pre-built byte arrays (BenchServer) |\n");
        md.append("| bodies | Targeting RecipientsPage: small = 1 recipient (")
                .append(Fixtures.smallPage().length).append(" B), large = 1,000 recipients (")
                .append(Fixtures.largePage().length).append(" B) |\n");
        md.append("| stock client | openapi-generator 7.25.0 `java` generator, library `").append(StockCalls.LIBRARY)
                .append("`, generated at build time from specs/targeting.json |\n");
        md.append("\n**Method.** Raw and SDK (and stock) run in the same JVM, taking turns in short slices; each "
                + "round runs one slice of each, in an order shuffled per round; warm-up rounds are run the same way "
                + "and dropped; the whole is repeated in several JVMs (forks). A ratio is taken per round (both "
                + "sides measured seconds apart), and its 95 % confidence interval is Student's t over the logarithms "
                + "of the per-round ratios of all forks (with 3 or more forks, the interval over the per-fork means "
                + "is used when that is wider). Fresh-JVM measures (paging, download, cold start) run one JVM per "
                + "client per round, in a shuffled order. Timings are wall-clock (`System.nanoTime`); allocation is "
                + "`ThreadMXBean` bytes of all threads (client, OkHttp and the in-process server) per call.\n");
    }

    // ---------------------------------------------------------------- child JVMs

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

    /** {@code key=value} pairs of a line (values without spaces, except a last {@code site=…}). */
    static Map<String, String> parse(String line) {
        Map<String, String> kv = new LinkedHashMap<>();
        String[] parts = line.split(" ");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                kv.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        return kv;
    }

    /** The measured (not warm-up) slices of one fork: variant → round → the slice's values. */
    private List<Map<String, String>> slices(String mode, String size, int rounds, int warmup, int sliceMs)
            throws Exception {
        return slices(List.of(), List.of(), mode, size, rounds, warmup, sliceMs);
    }

    /**
     * @param wrapper    the command the JVM runs under (e.g. {@code taskset -c 0}), or none
     * @param jvmOptions extra JVM options (e.g. {@code -Dbench.variants=raw,sdk})
     */
    private List<Map<String, String>> slices(List<String> wrapper, List<String> jvmOptions, String mode, String size,
            int rounds, int warmup, int sliceMs) throws Exception {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(List.of(JAVA, "-Xms1g", "-Xmx1g"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", CP, "dev.martech.bench.Slices", mode, size,
                String.valueOf(rounds), String.valueOf(warmup), String.valueOf(sliceMs), String.valueOf(random.nextLong())));
        List<Map<String, String>> result = new ArrayList<>();
        for (String line : run(cmd, 3600)) {
            if (line.startsWith("SLICE ")) {
                result.add(parse(line));
            } else {
                System.out.println(mode + " " + size + ": " + line);
            }
        }
        System.out.println(mode + " " + size + ": " + result.size() + " slices");
        return result;
    }

    /** A fork's measured values of {@code key} for {@code variant}, in round order. */
    private static List<Double> values(List<Map<String, String>> fork, String variant, String key) {
        return fork.stream().filter(s -> s.get("warm").equals("0") && s.get("variant").equals(variant))
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.get("round")), Integer.parseInt(b.get("round"))))
                .map(s -> Double.parseDouble(s.get(key))).collect(Collectors.toList());
    }

    private static List<Double> all(List<List<Map<String, String>>> forks, String variant, String key) {
        List<Double> v = new ArrayList<>();
        forks.forEach(f -> v.addAll(values(f, variant, key)));
        return v;
    }

    private static Stats.Interval ratio(List<List<Map<String, String>>> forks, String a, String b, String key) {
        List<List<Double>> perFork = new ArrayList<>();
        for (List<Map<String, String>> f : forks) {
            perFork.add(Stats.ratios(values(f, a, key), values(f, b, key)));
        }
        return Stats.ratio(perFork);
    }

    /**
     * Warm-up check: the change of a variant's mean value from the first to the second half of the measured
     * rounds, averaged over forks; a large value means warm-up was not over (or the machine changed).
     */
    private static double drift(List<List<Map<String, String>>> forks, String variant, String key) {
        List<Double> d = new ArrayList<>();
        for (List<Map<String, String>> f : forks) {
            List<Double> v = values(f, variant, key);
            int h = v.size() / 2;
            if (h > 0) {
                d.add(Stats.mean(v.subList(h, v.size())) / Stats.mean(v.subList(0, h)) - 1);
            }
        }
        return d.isEmpty() ? Double.NaN : Stats.mean(d);
    }

    /** The goals that are not shown, and what the profile says about where the SDK's own time and bytes go. */
    private void closingNote() {
        md.append("\n## Closing note\n\n");
        if (goals.isEmpty() && notShown.isEmpty()) {
            md.append("No goal was measured in this run.\n");
        } else if (notShown.isEmpty()) {
            md.append("Every goal measured in this run holds.\n");
        } else {
            md.append("Not shown in this run: ").append(String.join("; ", notShown)).append(".\n");
        }
        if (ownCost != null) {
            md.append(ownCost).append('\n');
        }
        if (allocNote != null) {
            md.append(allocNote).append('\n');
        }
        if (QUICK) {
            md.append("\nQuick mode: the intervals above are from few, short rounds; this note is about this run only.\n");
        }
    }

    private final List<String> notShown = new ArrayList<>();
    private String ownCost;
    private String allocNote;

    private String goal(String name, Stats.Interval interval, double target, boolean atMost, String extra) {
        String verdict = interval.verdict(target, atMost);
        if (!verdict.equals("holds")) {
            notShown.add(name.replaceFirst("^\\d+\\. ", "") + " (" + interval.text() + ")");
        }
        goals.add(String.format(Locale.ROOT, "| %s | %s | **%s**%s |", name, interval.text(), verdict, extra));
        return verdict;
    }

    // ---------------------------------------------------------------- 1–2. one thread

    private void single() throws Exception {
        Map<String, List<List<Map<String, String>>>> bySize = new LinkedHashMap<>();
        for (int f = 0; f < FORKS; f++) {
            for (String size : shuffled("small", "large")) {
                bySize.computeIfAbsent(size, k -> new ArrayList<>()).add(slices("single", size, ROUNDS, WARMUP,
                        size.equals("small") ? SLICE_SMALL_MS : SLICE_LARGE_MS));
            }
        }
        md.append("\n## 1–2. One thread: latency and allocation per call\n\n");
        md.append(String.format(Locale.ROOT, "`Slices single`: %d forks × (%d warm-up + %d measured rounds), slices of "
                + "%d ms (small) / %d ms (large) per client per round. Median over the measured slices of each slice's "
                + "p50 / p99; ratios: per-round p50 (and bytes per call) of the client over raw's in the same round, "
                + "geometric mean [95 %% interval]. Drift: change of the mean p50 from the first to the second half "
                + "of the measured rounds (warm-up check).%n%n", FORKS, WARMUP, ROUNDS, SLICE_SMALL_MS, SLICE_LARGE_MS));
        md.append("| body | client | p50 µs | p99 µs | calls/s | alloc B/call | p50 / raw | alloc / raw | drift |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, List<List<Map<String, String>>>> e : bySize.entrySet()) {
            String size = e.getKey();
            List<List<Map<String, String>>> forks = e.getValue();
            for (String v : List.of("raw", "sdk", "stock")) {
                boolean base = v.equals("raw");
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.0f | %.0f | %s | %s | %+.1f %% |%n",
                        size, v, Stats.median(all(forks, v, "p50us")), Stats.median(all(forks, v, "p99us")),
                        Stats.median(all(forks, v, "perSec")), Stats.median(all(forks, v, "allocPerCall")),
                        base ? "" : ratio(forks, v, "raw", "p50us").text(),
                        base ? "" : ratio(forks, v, "raw", "allocPerCall").text(), 100 * drift(forks, v, "p50us")));
            }
            String body = size.equals("small") ? "1 KB" : "1 MB";
            goal("1. p50 latency SDK/raw ≤ 1.05, " + body, ratio(forks, "sdk", "raw", "p50us"), 1.05, true, "");
            goal("2. allocation SDK/raw ≤ 1.2, " + body, ratio(forks, "sdk", "raw", "allocPerCall"), 1.2, true,
                    String.format(Locale.ROOT, " (%.0f vs %.0f B/call)", Stats.median(all(forks, "sdk", "allocPerCall")),
                            Stats.median(all(forks, "raw", "allocPerCall"))));
            stockRows.add(String.format(Locale.ROOT, "| p50 latency, %s | %s |", body, ratio(forks, "stock", "raw", "p50us").text()));
            stockRows.add(String.format(Locale.ROOT, "| allocation, %s | %s |", body,
                    ratio(forks, "stock", "raw", "allocPerCall").text()));
            stockRows.add(String.format(Locale.ROOT, "| p50 latency stock/SDK, %s | %s |", body,
                    ratio(forks, "stock", "sdk", "p50us").text()));
        }
    }

    private final List<String> stockRows = new ArrayList<>();

    /**
     * The small call of section 1 with every thread of the JVM on one CPU: where the latency goes when a call's
     * wake-ups are thread switches on one CPU rather than wake-ups of the other CPU. A diagnosis, not a goal.
     */
    private void oneCpu() throws Exception {
        if (!onPath("taskset")) {
            md.append("\n## 1b. One thread on one CPU\n\nSkipped: no `taskset` on this machine.\n");
            return;
        }
        List<List<Map<String, String>>> forks = new ArrayList<>();
        for (int f = 0; f < FORKS; f++) {
            // The JIT shares the one CPU with the calls: quick mode's three warm-up rounds are far too few.
            forks.add(slices(List.of("taskset", "-c", "0"), List.of("-Dbench.variants=raw,sdk"), "single", "small",
                    ROUNDS, QUICK ? 12 : WARMUP, SLICE_SMALL_MS));
        }
        md.append("\n## 1b. One thread on one CPU (diagnosis, not a goal)\n\n");
        md.append(String.format(Locale.ROOT, "The small call of section 1 (raw and SDK) with the whole JVM - calling "
                + "thread, in-process server, JIT and GC - on CPU 0 (`taskset -c 0`), %d forks × (%d warm-up + %d "
                + "measured rounds) of %d ms slices. On two CPUs each call wakes the server thread and then the calling "
                + "thread, each possibly across CPUs, and the p50 of a slice is about 50 µs or about 100 µs depending on "
                + "how the scheduler places the two threads for that spell (the same for both clients); on one CPU "
                + "those wake-ups are plain thread switches, so what remains is the CPU work of both sides.%n%n",
                FORKS, QUICK ? 12 : WARMUP, ROUNDS, SLICE_SMALL_MS));
        md.append("| client | p50 µs | p99 µs | p50 / raw | drift |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (String v : List.of("raw", "sdk")) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %+.1f %% |%n", v,
                    Stats.median(all(forks, v, "p50us")), Stats.median(all(forks, v, "p99us")),
                    v.equals("raw") ? "" : ratio(forks, v, "raw", "p50us").text(), 100 * drift(forks, v, "p50us")));
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private List<String> shuffled(String... items) {
        List<String> l = new ArrayList<>(List.of(items));
        Collections.shuffle(l, random);
        return l;
    }

    // ---------------------------------------------------------------- own cost (JMH) and allocation sites

    private void ownCost() throws Exception {
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        Map<String, List<Double>> bytes = new LinkedHashMap<>();
        for (int round = 0; round < OWN_ROUNDS; round++) {
            for (String v : shuffled("raw", "sdk")) {
                // One JMH fork of one benchmark per run, so that the forks of raw and sdk alternate.
                RunResult r = new Runner(new OptionsBuilder()
                        .include("dev.martech.bench.OwnCostBenchmark\\." + v + "$").forks(1)
                        .warmupIterations(OWN_ITERATIONS).warmupTime(TimeValue.milliseconds(OWN_ITERATION_MS))
                        .measurementIterations(OWN_ITERATIONS).measurementTime(TimeValue.milliseconds(OWN_ITERATION_MS))
                        .addProfiler(GCProfiler.class).build()).runSingle();
                micros.computeIfAbsent(v, k -> new ArrayList<>()).add(r.getPrimaryResult().getScore());
                List<Double> alloc = new ArrayList<>();
                for (IterationResult it : r.getBenchmarkResults().iterator().next().getIterationResults()) {
                    Result<?> s = it.getSecondaryResults().get("gc.alloc.rate.norm");
                    if (s != null) {
                        alloc.add(s.getScore());
                    }
                }
                bytes.computeIfAbsent(v, k -> new ArrayList<>()).add(Stats.median(alloc));
            }
        }
        List<Double> diffs = new ArrayList<>();
        List<Double> allocDiffs = new ArrayList<>();
        for (int i = 0; i < OWN_ROUNDS; i++) {
            diffs.add(micros.get("sdk").get(i) - micros.get("raw").get(i));
            allocDiffs.add(bytes.get("sdk").get(i) - bytes.get("raw").get(i));
        }
        double[] d = Stats.difference(diffs);
        double[] a = Stats.difference(allocDiffs);
        Stats.Interval q = Stats.ratio(List.of(Stats.ratios(micros.get("sdk"), micros.get("raw"))));
        md.append("\n### The SDK's own cost, through its real OkHttp adapter\n\n");
        md.append(String.format(Locale.ROOT, "JMH `OwnCostBenchmark` (`AverageTime`, gc profiler), %d rounds of one fork "
                + "each of raw and sdk in a shuffled order, %d × %d ms warm-up + %d × %d ms measurement. Both call the same "
                + "`OkHttpClient`, whose first interceptor answers the small page from memory (`InMemory`): the SDK goes "
                + "through its real adapter (`OkHttpTransport`: URL, headers, tags, call-timeout watchdog, response-header "
                + "conversion), auth, retry layer, error-body recording and decoding; raw through OkHttp's "
                + "`Request.Builder` and `RealCall` and the same Jackson decoding. No socket, so this is the code's "
                + "cost without the loopback's noise.%n%n", OWN_ROUNDS, OWN_ITERATIONS, OWN_ITERATION_MS, OWN_ITERATIONS,
                OWN_ITERATION_MS));
        md.append("| | µs/call | alloc B/call |\n| --- | ---: | ---: |\n");
        md.append(String.format(Locale.ROOT, "| raw | %.2f | %.0f |%n", Stats.median(micros.get("raw")),
                Stats.median(bytes.get("raw"))));
        md.append(String.format(Locale.ROOT, "| sdk | %.2f | %.0f |%n", Stats.median(micros.get("sdk")),
                Stats.median(bytes.get("sdk"))));
        md.append(String.format(Locale.ROOT, "| **sdk − raw** [95 %% interval] | **%.2f** [%.2f, %.2f] | **%.0f** [%.0f, %.0f] |%n",
                d[0], d[1], d[2], a[0], a[1], a[2]));
        md.append(String.format(Locale.ROOT, "| sdk / raw | %s | |%n", q.text()));
        // The same comparison in interleaved slices in one JVM per fork (robust to a busy machine): per-round
        // difference and ratio of the p50s.
        List<List<Map<String, String>>> forks = new ArrayList<>();
        for (int f = 0; f < FORKS; f++) {
            forks.add(slices("owncost", "small", ROUNDS, WARMUP, SLICE_SMALL_MS));
        }
        List<Double> sliceDiffs = new ArrayList<>();
        for (List<Map<String, String>> f : forks) {
            List<Double> s = values(f, "sdk", "p50us");
            List<Double> r = values(f, "raw", "p50us");
            for (int i = 0; i < Math.min(s.size(), r.size()); i++) {
                sliceDiffs.add(s.get(i) - r.get(i));
            }
        }
        double[] sd = Stats.difference(sliceDiffs);
        md.append(String.format(Locale.ROOT, "%nThe same two calls in interleaved slices (`Slices owncost`: %d forks × "
                + "(%d warm-up + %d measured rounds) of %d ms slices, order shuffled per round), p50 per call:%n%n",
                FORKS, WARMUP, ROUNDS, SLICE_SMALL_MS));
        md.append("| | p50 µs | alloc B/call |\n| --- | ---: | ---: |\n");
        for (String v : List.of("raw", "sdk")) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f |%n", v, Stats.median(all(forks, v, "p50us")),
                    Stats.median(all(forks, v, "allocPerCall"))));
        }
        md.append(String.format(Locale.ROOT, "| **sdk − raw** [95 %% interval] | **%.2f** [%.2f, %.2f] | |%n", sd[0], sd[1],
                sd[2]));
        md.append(String.format(Locale.ROOT, "| sdk / raw | %s | |%n", ratio(forks, "sdk", "raw", "p50us").text()));
        ownCost = String.format(Locale.ROOT, "\nWhere the SDK's own time goes: through its real OkHttp adapter, with the "
                + "socket out, a small call's p50 is %.2f µs [%.2f, %.2f] above raw OkHttp doing the same request in "
                + "interleaved slices (JMH, forks alternating: %.2f µs [%.2f, %.2f]), and it allocates %.0f B more "
                + "(section 2a); section 2b breaks the bytes down by area and site.", sd[0], sd[1], sd[2], d[0], d[1], d[2],
                a[0]);
    }

    private void allocSites() throws Exception {
        List<String> lines = run(List.of(JAVA, "-Xms1g", "-Xmx1g", "-XX:TLABSize=2k", "-XX:-ResizeTLAB", "-cp", CP,
                "dev.martech.bench.AllocSites",
                String.valueOf(ALLOC_SECONDS)), 600);
        Map<String, Map<String, Double>> areas = new LinkedHashMap<>();
        Map<String, Map<String, Double>> sites = new LinkedHashMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        for (String line : lines) {
            Map<String, String> kv = parse(line);
            if (line.startsWith("TOTAL ")) {
                totals.put(kv.get("variant"), Double.parseDouble(kv.get("bytesPerCall")));
            } else if (line.startsWith("AREA ")) {
                areas.computeIfAbsent(kv.get("variant"), k -> new LinkedHashMap<>()).put(line.substring(line.indexOf("area=") + 5),
                        Double.parseDouble(kv.get("bytesPerCall")));
            } else if (line.startsWith("SITE ")) {
                sites.computeIfAbsent(kv.get("variant"), k -> new LinkedHashMap<>()).put(line.substring(line.indexOf("site=") + 5),
                        Double.parseDouble(kv.get("bytesPerCall")));
            }
        }
        md.append("\n### Where a small call's bytes go (JFR allocation samples)\n\n");
        md.append(String.format(Locale.ROOT, "`AllocSites`: the small call through `InMemory` as above, %d s per client "
                + "under a JFR recording of new-TLAB / outside-TLAB allocation events with stacks, 2 KiB fixed TLABs; "
                + "an event's site is the first frame outside the JDK; weights scaled to the exact bytes per call of "
                + "the calling thread (SDK %.0f, raw %.0f B/call). Statistical: a site's figure is good to a few "
                + "per cent of the total.%n%n", ALLOC_SECONDS,
                totals.getOrDefault("sdk", Double.NaN), totals.getOrDefault("raw", Double.NaN)));
        md.append("| area | SDK B/call | raw B/call |\n| --- | ---: | ---: |\n");
        Map<String, Double> sdkAreas = areas.getOrDefault("sdk", Map.of());
        Map<String, Double> rawAreas = areas.getOrDefault("raw", Map.of());
        for (String area : sdkAreas.keySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", area, sdkAreas.get(area),
                    rawAreas.getOrDefault(area, 0.0)));
        }
        allocNote = "\nWhere its bytes go (section 2b, small call, SDK − raw by area, B/call): " + sdkAreas.keySet().stream()
                .map(k -> String.format(Locale.ROOT, "%s %+.0f", k, sdkAreas.get(k) - rawAreas.getOrDefault(k, 0.0)))
                .collect(Collectors.joining(", ")) + ".";
        md.append("\nThe SDK's largest sites (B/call; the same site's raw figure when raw allocates there too):\n\n");
        md.append("| site | SDK | raw |\n| --- | ---: | ---: |\n");
        Map<String, Double> sdkSites = sites.getOrDefault("sdk", Map.of());
        Map<String, Double> rawSites = sites.getOrDefault("raw", Map.of());
        sdkSites.entrySet().stream().limit(15).forEach(e -> md.append(String.format(Locale.ROOT, "| `%s` | %.0f | %s |%n",
                e.getKey(), e.getValue(), rawSites.containsKey(e.getKey())
                        ? String.format(Locale.ROOT, "%.0f", rawSites.get(e.getKey())) : "")));
    }

    // ---------------------------------------------------------------- 3. 32 threads, async

    private void concurrent() throws Exception {
        Map<String, List<List<Map<String, String>>>> bySize = new LinkedHashMap<>();
        for (int f = 0; f < FORKS; f++) {
            for (String size : shuffled("small", "large")) {
                bySize.computeIfAbsent(size, k -> new ArrayList<>())
                        .add(slices("concurrent", size, CONC_ROUNDS, CONC_WARMUP, CONC_SLICE_MS));
            }
        }
        md.append("\n## 3. 32 threads sharing one client\n\n");
        md.append(String.format(Locale.ROOT, "`Slices concurrent`: 32 threads call one client (each with its default "
                + "`OkHttpClient`) as fast as they can for a slice of %d ms, then the next client; %d forks × (%d pre-warm "
                + "rounds of one thread per client, then %d warm-up + %d measured rounds of 32 threads), order shuffled per "
                + "round. The pre-warm is there because the JIT's compiler threads get little CPU beside 32 busy threads on "
                + "2 CPUs: without it throughput still rose for some 20 rounds, the SDK's longer than raw's. Errors: failed "
                + "calls, counted.%n%n", CONC_SLICE_MS, FORKS, Slices.PREWARM_ROUNDS, CONC_WARMUP, CONC_ROUNDS));
        md.append("| body | client | calls/s | errors | alloc B/call | calls/s / raw |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, List<List<Map<String, String>>>> e : bySize.entrySet()) {
            String size = e.getKey();
            List<List<Map<String, String>>> forks = e.getValue();
            for (String v : List.of("raw", "sdk", "stock")) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %s |%n", size, v,
                        Stats.median(all(forks, v, "perSec")), all(forks, v, "errors").stream().mapToDouble(x -> x).sum(),
                        Stats.median(all(forks, v, "allocPerCall")),
                        v.equals("raw") ? "" : ratio(forks, v, "raw", "perSec").text()));
            }
            double errors = all(forks, "sdk", "errors").stream().mapToDouble(x -> x).sum();
            String body = size.equals("small") ? "1 KB" : "1 MB";
            goal("3. 32 threads, throughput SDK/raw ≥ 0.95, " + body, ratio(forks, "sdk", "raw", "perSec"), 0.95, false,
                    String.format(Locale.ROOT, "; %.0f SDK errors", errors));
            stockRows.add(String.format(Locale.ROOT, "| 32 threads throughput, %s | %s |", body,
                    ratio(forks, "stock", "raw", "perSec").text()));
        }
    }

    private void async() throws Exception {
        List<List<Map<String, String>>> forks = new ArrayList<>();
        for (int f = 0; f < FORKS; f++) {
            forks.add(slices("async", "small", CONC_ROUNDS, CONC_WARMUP, CONC_SLICE_MS));
        }
        md.append("\n## 3b. Async: 32 calls in flight\n\n");
        md.append(String.format(Locale.ROOT, "`Slices async`, small body: `sync32` = 32 threads making SDK calls (as in "
                + "3), `async32` = one thread keeping 32 `async().recipients().list` calls in flight (SDK defaults: up to 64 "
                + "calls at once on the client's own async threads; the goal's measure), `async32chained` = 32 chains, each call "
                + "issued from the completion of the one before (no driver thread to wake; shown for comparison); slices of "
                + "%d ms, %d forks × (%d pre-warm rounds of one thread per variant as in 3, then %d warm-up + %d measured "
                + "rounds), order shuffled.%n%n", CONC_SLICE_MS, FORKS, Slices.PREWARM_ROUNDS, CONC_WARMUP, CONC_ROUNDS));
        md.append("| variant | calls/s | errors | alloc B/call | calls/s / sync32 |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (String v : List.of("sync32", "async32", "async32chained")) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s |%n", v, Stats.median(all(forks, v, "perSec")),
                    all(forks, v, "errors").stream().mapToDouble(x -> x).sum(), Stats.median(all(forks, v, "allocPerCall")),
                    v.equals("sync32") ? "" : ratio(forks, v, "sync32", "perSec").text()));
        }
        goal("3. async, 32 in flight, throughput async/sync (32 threads) ≥ 0.95", ratio(forks, "async32", "sync32", "perSec"),
                0.95, false, "");
    }

    // ---------------------------------------------------------------- 4–6. fresh JVMs

    private static Map<String, String> probe(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx64m", "-cp", CP, "dev.martech.bench.Probe"));
        cmd.addAll(List.of(args));
        List<String> lines = run(cmd, 900);
        String result = lines.stream().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no result from " + cmd + ":\n" + String.join("\n", lines)));
        Map<String, String> kv = parse(result);
        System.out.println(String.join(" ", args) + " -> " + kv);
        return kv;
    }

    /**
     * {@code rounds} rounds of one {@link Probe} JVM per client (raw, sdk) in a shuffled order; returns
     * key ("time" = {@code valueKey}, "peak") → variant → the values in round order.
     */
    private Map<String, Map<String, List<Double>>> probeRounds(String what, int rounds, String arg, String valueKey)
            throws Exception {
        Map<String, Map<String, List<Double>>> m = new LinkedHashMap<>();
        for (int i = 0; i < rounds; i++) {
            for (String v : shuffled("raw", "sdk")) {
                Map<String, String> r = probe(what, v, arg);
                m.computeIfAbsent("value", k -> new LinkedHashMap<>()).computeIfAbsent(v, k -> new ArrayList<>())
                        .add(Double.parseDouble(r.get(valueKey)));
                m.computeIfAbsent("peak", k -> new LinkedHashMap<>()).computeIfAbsent(v, k -> new ArrayList<>())
                        .add(Double.parseDouble(r.get("peakHeapMB")));
            }
        }
        return m;
    }

    private void probeTable(Map<String, Map<String, List<Double>>> m, int rounds, String unit, double scale,
            String format) {
        md.append("| client | finished | median ").append(unit).append(" | peak heap MiB |\n| --- | --- | ---: | ---: |\n");
        for (String v : List.of("raw", "sdk")) {
            List<Double> values = m.get("value").get(v);
            md.append(String.format(Locale.ROOT, "| %s | %d/%d | " + format + " | %.0f |%n", v, values.size(), rounds,
                    Stats.median(values) * scale, Stats.median(m.get("peak").get(v))));
        }
    }

    private void paging() throws Exception {
        Map<String, Map<String, List<Double>>> m = probeRounds("paging", PAGING_ROUNDS, String.valueOf(PAGING_PAGES), "ms");
        md.append("\n## 4. Auto-paging in -Xmx64m\n\n");
        md.append(String.format(Locale.ROOT, "%,d items in %,d pages of 1,000, server in the same JVM; SDK: "
                + "`%s(…).stream()` (`Calls.sdkPageAll`), raw: a `next`-cursor loop. %d rounds of one fresh JVM per "
                + "client, order shuffled; ratio = raw time / SDK time per round (a throughput ratio).%n%n",
                (long) PAGING_PAGES * 1000, PAGING_PAGES, "recipients().list(…).autoPager", PAGING_ROUNDS));
        probeTable(m, PAGING_ROUNDS, "s", 1e-3, "%.2f");
        Map<String, List<Double>> ms = m.get("value");
        goal(String.format(Locale.ROOT, "4. %,d items auto-paged in -Xmx64m, throughput SDK/raw ≥ 0.9", (long) PAGING_PAGES * 1000),
                Stats.ratio(List.of(Stats.ratios(ms.get("raw"), ms.get("sdk")))), 0.9, false, "");
    }

    private void download() throws Exception {
        Map<String, Map<String, List<Double>>> m = probeRounds("download", DOWNLOAD_ROUNDS, String.valueOf(DOWNLOAD_BYTES),
                "mibPerS");
        md.append("\n## 5. Streaming download in -Xmx64m\n\n");
        md.append(String.format(Locale.ROOT, "%,d bytes (Contactflow `automations().downloadReport`, a `BinaryResponse`) copied "
                + "to a counting sink; raw: OkHttp `byteStream().transferTo(sink)`. %d rounds of one fresh JVM per "
                + "client, order shuffled; only the transfer is timed.%n%n", DOWNLOAD_BYTES, DOWNLOAD_ROUNDS));
        probeTable(m, DOWNLOAD_ROUNDS, "MiB/s", 1, "%.0f");
        Map<String, List<Double>> rate = m.get("value");
        goal(String.format(Locale.ROOT, "5. %s streamed in -Xmx64m, throughput SDK/raw ≥ 0.9",
                DOWNLOAD_BYTES == 1L << 30 ? "1 GiB" : (DOWNLOAD_BYTES >> 20) + " MiB"),
                Stats.ratio(List.of(Stats.ratios(rate.get("sdk"), rate.get("raw")))), 0.9, false, "");
    }

    private void coldStart() throws Exception {
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        try (BenchServer server = BenchServer.forCalls()) {
            for (int i = 0; i < COLD_ROUNDS; i++) {
                for (String v : shuffled("noop", "raw", "sdk")) {
                    List<String> cmd = List.of(JAVA, "-cp", CP, "dev.martech.bench.ColdStart", v, server.baseUrl());
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
        md.append("\n## 6. Cold start\n\n");
        md.append(String.format(Locale.ROOT, "Fresh JVM (same class path, no flags) from process start to the first "
                + "completed small call (a `DONE` line read by the parent); %d rounds, order of noop/raw/sdk shuffled "
                + "per round; `noop` prints `DONE` at once (a bare JVM start).%n%n", COLD_ROUNDS));
        md.append("| variant | median ms | min ms | max ms |\n| --- | ---: | ---: | ---: |\n");
        for (String v : List.of("noop", "raw", "sdk")) {
            List<Double> l = ms.get(v);
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", v, Stats.median(l),
                    Collections.min(l), Collections.max(l)));
        }
        goal("6. cold start to first call SDK/raw ≤ 1.5", Stats.ratio(List.of(Stats.ratios(ms.get("sdk"), ms.get("raw")))),
                1.5, true, String.format(Locale.ROOT, " (%.0f vs %.0f ms)", Stats.median(ms.get("sdk")),
                        Stats.median(ms.get("raw"))));
    }

    // ---------------------------------------------------------------- 7. build

    private void buildCompare() throws Exception {
        Path root = Paths.get(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
        Path results = Files.createTempFile("martech-build-compare-", ".md");
        List<String> cmd = List.of("bash", root.resolve("benchmarks/build-compare.sh").toString(),
                String.valueOf(BUILD_ROUNDS), results.toString());
        List<String> lines = run(cmd, 7200);
        lines.forEach(l -> System.out.println("build: " + l));
        String text = Files.readString(results);
        Files.deleteIfExists(results);
        md.append("\n## 7. Build: generate and compile the four clients, ours vs the stock generator\n\n");
        md.append(text.replaceFirst("(?s)^# [^\n]*\n", "").trim()).append('\n');
        buildGoal(lines, "RATIO ", "7. build (generate + compile the four clients), ours/stock ≤ 1.0, `install -DskipTests`");
        buildGoal(lines, "RATIO_MAIN ", "7. the same without test sources (`-Dmaven.test.skip=true`), ours/stock ≤ 1.0");
    }

    private void buildGoal(List<String> lines, String prefix, String name) {
        String line = lines.stream().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b).orElse(null);
        if (line != null) {
            List<Double> r = Arrays.stream(line.substring(prefix.length()).trim().split(" ")).map(Double::parseDouble)
                    .collect(Collectors.toList());
            goal(name, Stats.ratio(List.of(r)), 1.0, true, "");
        }
    }

    // ---------------------------------------------------------------- files

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
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
