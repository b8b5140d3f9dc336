package dev.catena.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * B3, scaling: runs {@link ScalingBench} on the optimizing runtime and prints three tables:
 * records/s versus (a) the number of JS steps, (b) the record size (JS library steps and
 * Kafka's built-in SMTs), (c) the number of benchmark threads sharing one transform.
 *
 * <pre>
 * ScalingMain [--quick]
 * </pre>
 *
 * <p>A suite runner can run {@link #options(boolean)} itself and print {@link #report(Collection)}.
 */
public final class ScalingMain {
    private static final String BENCH = ScalingBench.class.getName().replace(".", "\\.");

    private ScalingMain() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        for (String a : args) {
            switch (a) {
                case "--quick" -> quick = true;
                default -> {
                    System.err.println("usage: ScalingMain [--quick]; unknown argument '" + a + "'");
                    System.exit(2);
                }
            }
        }
        List<RunResult> results = new ArrayList<>();
        LoadSampler load = LoadSampler.start();
        long start = System.nanoTime();
        for (ChainedOptionsBuilder b : options(quick)) {
            results.addAll(new Runner(b.build()).run());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "B3 scaling, %s run in %.1f min; system load average %s%n", quick ? "quick" : "full",
                (System.nanoTime() - start) / 6e10, load.stop());
        report(results).forEach(System.out::println);
    }

    /**
     * The JMH runs, in order: (a) the steps; then per variant (JS first) the ~200 B records with
     * 1 thread and with 2 (back to back, so that their ratio is not skewed by load changing between
     * them), then the larger records with 1 thread. The 1-thread ~200 B run serves (b) and (c).
     * JS forks warm up longer: the Graal JIT needs 25-45 s for the {@code kafka.*} scripts on 2 cores.
     */
    public static List<ChainedOptionsBuilder> options(boolean quick) {
        List<ChainedOptionsBuilder> runs = new ArrayList<>();
        runs.add(run("steps", quick, Timing.SCRIPTS, 1));
        for (String variant : List.of("js", "builtin")) {
            Timing timing = variant.equals("js") ? Timing.LIBRARY : Timing.JAVA;
            runs.add(run("size", quick, timing, 1).param("variant", variant).param("bytes", "200"));
            runs.add(run("size", quick, timing, 2).param("variant", variant).param("bytes", "200"));
            runs.add(run("size", quick, timing, 1).param("variant", variant).param("bytes", "2048", "10240", "51200"));
        }
        return runs;
    }

    /** Full-run iterations: warm-up count x seconds, then measurement count x seconds. */
    private enum Timing {
        /** N small JS steps: short scripts, compiled quickly. */
        SCRIPTS(5, 5, 3, 4),
        /** The five {@code kafka.*} JS library steps: large general scripts, the slowest to reach their plateau. */
        LIBRARY(8, 5, 3, 4),
        /** Kafka's SMTs: plain Java, HotSpot's C2 is done within seconds. */
        JAVA(2, 3, 3, 4);

        final int warmups;
        final int warmupSeconds;
        final int measurements;
        final int measurementSeconds;

        Timing(int warmups, int warmupSeconds, int measurements, int measurementSeconds) {
            this.warmups = warmups;
            this.warmupSeconds = warmupSeconds;
            this.measurements = measurements;
            this.measurementSeconds = measurementSeconds;
        }
    }

    private static ChainedOptionsBuilder run(String benchmark, boolean quick, Timing timing, int threads) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(BENCH + "\\." + benchmark + "$")
                .jvmArgsAppend(BenchMain.jvmArgs("jit", BenchMain.jitDir()).toArray(String[]::new))
                .forks(1)
                .threads(threads)
                .shouldFailOnError(true);
        if (quick) {
            return b.warmupIterations(1).warmupTime(TimeValue.seconds(3)).measurementIterations(1).measurementTime(TimeValue.seconds(3));
        }
        return b.warmupIterations(timing.warmups).warmupTime(TimeValue.seconds(timing.warmupSeconds))
                .measurementIterations(timing.measurements).measurementTime(TimeValue.seconds(timing.measurementSeconds));
    }

    /** The three tables, as lines; parts without results are left out. */
    public static List<String> report(Collection<RunResult> results) {
        List<String> out = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        steps(results, out, cores);
        sizes(results, out, cores);
        threads(results, out, cores);
        if (out.stream().anyMatch(l -> l.matches(".*\\d\\*.*"))) {
            out.add("* the last measurement iteration was over 25% above the first: still warming up, the figure is low");
        }
        return out;
    }

    private static void steps(Collection<RunResult> results, List<String> out, int cores) {
        Map<Integer, RunResult> byN = new TreeMap<>();
        for (RunResult r : select(results, "steps")) {
            byN.put(Integer.parseInt(r.getParams().getParam("steps")), r);
        }
        if (byN.isEmpty()) {
            return;
        }
        out.add("");
        out.add("(a) N JavaScript steps (step i sets value.fi; adjacent JS steps fused into one guest call, as in production),");
        out.add("    ChainTransform, schemaless ~80 B records, JIT on, " + cores + " cores, 1 thread; " + settings(byN.values()));
        out.add(String.format(Locale.ROOT, "%6s %12s %10s %11s %14s %14s", "steps", "records/s", "± (99.9%)", "µs/record",
                "µs/step vs 1", "µs/step vs prev"));
        RunResult one = byN.get(1);
        int prevN = 0;
        double prevUs = Double.NaN;
        for (Map.Entry<Integer, RunResult> e : byN.entrySet()) {
            int n = e.getKey();
            double us = 1e6 / score(e.getValue());
            String vsOne = one == null || n == 1 ? "" : String.format(Locale.ROOT, "%.3f", (us - 1e6 / score(one)) / (n - 1));
            String vsPrev = prevN == 0 ? "" : String.format(Locale.ROOT, "%.3f", (us - prevUs) / (n - prevN));
            out.add(String.format(Locale.ROOT, "%6d %12s %10s %11.2f %14s %14s", n, rate(e.getValue()), error(e.getValue()), us, vsOne, vsPrev));
            prevN = n;
            prevUs = us;
        }
    }

    private static void sizes(Collection<RunResult> results, List<String> out, int cores) {
        List<RunResult> rs = select(results, 1);
        if (rs.isEmpty()) {
            return;
        }
        Map<Integer, RunResult> js = new TreeMap<>();
        Map<Integer, RunResult> builtin = new TreeMap<>();
        for (RunResult r : rs) {
            int bytes = Integer.parseInt(r.getParams().getParam("bytes"));
            (r.getParams().getParam("variant").equals("js") ? js : builtin).put(bytes, r);
        }
        out.add("");
        out.add("(b) record size: 5-step chain (insert-field, replace-field rename, mask-field, cast, regex-router), schemaless,");
        out.add("    padded by a 'payload' map of 40-char strings the steps do not touch; JS kafka.* library steps through");
        out.add("    ChainTransform (pool.size=2) vs Kafka's built-in SMTs; JIT on, " + cores + " cores, 1 thread; MB = 1e6 bytes of input JSON");
        out.add("    js: " + settings(js.values()) + "; built-in: " + settings(builtin.values()));
        out.add(String.format(Locale.ROOT, "%7s %9s | %10s %9s %8s | %10s %9s %8s | %8s", "target", "JSON B", "js rec/s", "±", "MB/s",
                "built rec/s", "±", "MB/s", "js/built"));
        TreeSet<Integer> sizes = new TreeSet<>(js.keySet());
        sizes.addAll(builtin.keySet());
        for (int bytes : sizes) {
            double json = ScalingBench.meanJsonBytes(bytes);
            RunResult j = js.get(bytes);
            RunResult b = builtin.get(bytes);
            out.add(String.format(Locale.ROOT, "%7s %,9.0f | %s | %s | %8s", human(bytes), json, cells(j, json), cells(b, json),
                    j == null || b == null ? "n/a" : String.format(Locale.ROOT, "%.3gx", score(j) / score(b))));
        }
    }

    private static void threads(Collection<RunResult> results, List<String> out, int cores) {
        List<RunResult> rs = new ArrayList<>();
        for (RunResult r : select(results, "size")) {
            if (r.getParams().getParam("bytes").equals("200")) {
                rs.add(r);
            }
        }
        if (rs.stream().noneMatch(r -> r.getParams().getThreads() == 2)) {
            return;
        }
        out.add("");
        out.add("(c) JMH threads sharing one transform: (b)'s benchmark on ~200 B records (its 1-thread row is (b)'s);");
        out.add("    JS: one ChainTransform, pool.size=2; built-in: one instance of each SMT; JIT on, " + cores + " cores");
        out.add(String.format(Locale.ROOT, "%-8s %12s %9s %12s %9s %8s", "variant", "1 thr rec/s", "±", "2 thr rec/s", "±", "2t/1t"));
        for (String variant : List.of("js", "builtin")) {
            RunResult one = null;
            RunResult two = null;
            for (RunResult r : rs) {
                if (r.getParams().getParam("variant").equals(variant)) {
                    if (r.getParams().getThreads() == 1) {
                        one = r;
                    } else if (r.getParams().getThreads() == 2) {
                        two = r;
                    }
                }
            }
            if (one == null && two == null) {
                continue;
            }
            out.add(String.format(Locale.ROOT, "%-8s %12s %9s %12s %9s %8s", variant, rate(one), error(one), rate(two), error(two),
                    one == null || two == null ? "n/a" : String.format(Locale.ROOT, "%.2fx", score(two) / score(one))));
        }
    }

    /** The record-size results run with {@code threads} JMH threads. */
    private static List<RunResult> select(Collection<RunResult> results, int threads) {
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : select(results, "size")) {
            if (r.getParams().getThreads() == threads) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<RunResult> select(Collection<RunResult> results, String benchmark) {
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().equals(ScalingBench.class.getName() + "." + benchmark)) {
                out.add(r);
            }
        }
        return out;
    }

    private static String cells(RunResult r, double jsonBytes) {
        if (r == null) {
            return String.format(Locale.ROOT, "%10s %9s %8s", "n/a", "", "");
        }
        return String.format(Locale.ROOT, "%10s %9s %8.1f", rate(r), error(r), score(r) * jsonBytes / 1e6);
    }

    private static double score(RunResult r) {
        return r.getPrimaryResult().getScore();
    }

    /** records/s; marked {@code *} when the measurement iterations still rose by over 25% (the JIT was not done). */
    private static String rate(RunResult r) {
        return r == null ? "n/a" : String.format(Locale.ROOT, "%,.0f%s", score(r), rising(r) ? "*" : "");
    }

    private static boolean rising(RunResult r) {
        double first = Double.NaN;
        double last = Double.NaN;
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
                last = i.getPrimaryResult().getScore();
                first = Double.isNaN(first) ? last : first;
            }
        }
        return last > 1.25 * first;
    }

    private static String error(RunResult r) {
        return r == null || Double.isNaN(r.getPrimaryResult().getScoreError()) ? "" : String.format(Locale.ROOT, "%,.0f",
                r.getPrimaryResult().getScoreError());
    }

    private static String human(int bytes) {
        return bytes < 1024 ? bytes + " B" : bytes / 1024 + " KB";
    }

    /** "W x Ts warm-up, M x Ts measurement" of the first result (all of a part share them). */
    private static String settings(Collection<RunResult> rs) {
        if (rs.isEmpty()) {
            return "n/a";
        }
        BenchmarkParams p = rs.iterator().next().getParams();
        return String.format(Locale.ROOT, "%d x %s warm-up, %d x %s measurement", p.getWarmup().getCount(), p.getWarmup().getTime(),
                p.getMeasurement().getCount(), p.getMeasurement().getTime());
    }
}
