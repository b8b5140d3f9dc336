package dev.catena.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * {@code bench/run suite}: every benchmark of issue 6 from this one process, then one table of the
 * targets. B1 (5-step chain: built-in SMTs, hand-written Java, {@code smt:}, JS, Python, the
 * {@code kafka.*} library), B2 (Debezium's scripting Filter versus ChainPredicate and
 * {@code when:}), B3 (steps, record size, threads) and the batch experiment run as JMH
 * benchmarks, each variant in a forked JVM with the optimizing runtime; B5 (latency) runs in this
 * JVM, which bench/run starts with the same flags; B4 (cold start) and the warm-up curves fork
 * fresh JVMs.
 * {@code --quick}: short iterations, a smoke test whose figures mean little.
 */
public final class SuiteMain {
    private SuiteMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        long start = System.nanoTime();
        List<RunResult> results = new ArrayList<>();
        results.addAll(run(SmtChainMain.options(quick)));
        results.addAll(run(FilterMain.options(quick)));
        for (ChainedOptionsBuilder b : ScalingMain.options(quick)) {
            results.addAll(run(b));
        }
        results.addAll(run(batchOptions(quick)));
        LatencyMain.Result latency = LatencyMain.measure(quick ? 5 : 30, quick ? 50_000 : LatencyMain.DEFAULT_RECORDS,
                List.of("builtin", "java", "smt", "js", "js-lib"));
        ColdStart.Result cold = ColdStart.measure(quick ? 3 : 5);
        List<String> warmup = WarmupCurve.measure(quick ? 15 : 60);

        List<String> out = new ArrayList<>();
        out.addAll(SmtChainMain.report(results));
        out.add("");
        out.addAll(FilterMain.report(results));
        out.add("");
        out.addAll(ScalingMain.report(results));
        out.add("");
        out.addAll(batchReport(results));
        out.add("");
        out.addAll(latency.table());
        out.add("");
        out.addAll(cold.table());
        out.add("");
        out.addAll(warmup);
        out.add("");
        out.addAll(targets(results, latency, cold));
        out.add(String.format(Locale.ROOT, "suite took %.1f min%s", (System.nanoTime() - start) / 60e9,
                quick ? " (--quick: short iterations, figures are a smoke test)" : ""));
        System.out.println();
        System.out.println("=".repeat(100));
        out.forEach(System.out::println);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder b) throws Exception {
        return new Runner(b.build()).run();
    }

    static ChainedOptionsBuilder batchOptions(boolean quick) {
        return BenchMain.jitOptions(BatchBench.class.getName() + ".batch", quick);
    }

    static List<String> batchReport(Collection<RunResult> results) {
        List<String> out = new ArrayList<>();
        out.add("Batch execution: B1's 5 hand-written JS steps on " + BatchBench.BATCH + " records in the sandbox (outputs checked identical)");
        out.add(String.format(Locale.ROOT, "%-12s %14s %11s %14s", "mode", "records/s", "± (99.9%)", "vs single"));
        double single = score(results, BatchBench.class, "mode", "single");
        for (String mode : List.of("single", "host-loop", "guest-loop")) {
            RunResult r = find(results, BatchBench.class, "mode", mode);
            if (r != null) {
                out.add(String.format(Locale.ROOT, "%-12s %,14.0f %,11.0f %13.2fx", mode, r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScore() / single));
            }
        }
        return out;
    }

    /** The targets, each as the ratio or figure measured in this run. */
    static List<String> targets(Collection<RunResult> results, LatencyMain.Result latency, ColdStart.Result cold) {
        double builtin = score(results, SmtChainBench.class, "variant", "builtin");
        // the faster of Debezium's two runs (its engine with and without Truffle compilation)
        double debezium = Math.max(score(results, FilterBench.class, "variant", "debezium", "shape", "struct"),
                score(results, FilterBench.class, "variant", "debezium-nojit", "shape", "struct"));
        List<String> out = new ArrayList<>();
        out.add("Targets (one run, " + Runtime.getRuntime().availableProcessors() + " cores)");
        out.add(String.format(Locale.ROOT, "%-52s %12s %10s %6s", "target", "measured", "goal", "met"));
        ratio(out, "B1 JS steps / built-in SMTs", score(results, SmtChainBench.class, "variant", "js") / builtin, 0.5);
        ratio(out, "B1 JS kafka.* library steps / built-in SMTs", score(results, SmtChainBench.class, "variant", "js-lib") / builtin, 0.5);
        ratio(out, "B1 Python steps / built-in SMTs", score(results, SmtChainBench.class, "variant", "py") / builtin, 0.2);
        ratio(out, "B1 Python kafka.* library steps / built-in SMTs", score(results, SmtChainBench.class, "variant", "py-lib") / builtin, 0.2);
        ratio(out, "B1 smt: steps / built-in SMTs", score(results, SmtChainBench.class, "variant", "smt") / builtin, 0.9);
        ratio(out, "B2 ChainPredicate (JS) / Debezium Filter (struct)",
                score(results, FilterBench.class, "variant", "predicate", "shape", "struct") / debezium, 100);
        ratio(out, "B2 when: (JS) / Debezium Filter (struct)",
                score(results, FilterBench.class, "variant", "when", "shape", "struct") / debezium, 100);
        double p99 = latency.addedP99("js");
        out.add(String.format(Locale.ROOT, "%-52s %10.1f µs %7s µs %6s", "B5 p99 added per record, JS steps", p99, "< 100", p99 < 100 ? "yes" : "NO"));
        double p99lib = latency.addedP99("js-lib");
        out.add(String.format(Locale.ROOT, "%-52s %10.1f µs %7s µs %6s", "B5 p99 added per record, JS kafka.* steps", p99lib, "< 100",
                p99lib < 100 ? "yes" : "NO"));
        long js = cold.medianWallMs().getOrDefault("js", -1L);
        long py = cold.medianWallMs().getOrDefault("py", -1L);
        out.add(String.format(Locale.ROOT, "%-52s %10d ms %7s ms %6s", "B4 cold start to first record, JS (median)", js, "< 1000",
                js >= 0 && js < 1000 ? "yes" : "NO"));
        out.add(String.format(Locale.ROOT, "%-52s %10d ms %7s ms %6s", "B4 cold start to first record, Python (median)", py, "< 5000",
                py >= 0 && py < 5000 ? "yes" : "NO"));
        return out;
    }

    private static void ratio(List<String> out, String what, double measured, double goal) {
        out.add(String.format(Locale.ROOT, "%-52s %11.3fx %8s %6s", what, measured, "≥ " + (goal >= 1 ? String.valueOf((int) goal) : String.valueOf(goal)) + "x",
                Double.isNaN(measured) ? "?" : measured >= goal ? "yes" : "NO"));
    }

    /** The score of the run of {@code bench} whose params match the given name/value pairs (NaN when absent). */
    static double score(Collection<RunResult> results, Class<?> bench, String... params) {
        RunResult r = find(results, bench, params);
        return r == null ? Double.NaN : r.getPrimaryResult().getScore();
    }

    private static RunResult find(Collection<RunResult> results, Class<?> bench, String... params) {
        for (RunResult r : results) {
            if (!r.getParams().getBenchmark().startsWith(bench.getName() + ".")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < params.length; i += 2) {
                all &= params[i + 1].equals(r.getParams().getParam(params[i]));
            }
            if (all) {
                return r;
            }
        }
        return null;
    }
}
