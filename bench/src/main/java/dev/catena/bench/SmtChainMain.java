package dev.catena.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/** {@code bench/run smt} (B1): {@link SmtChainBench} in one run on the optimizing runtime; records/s and ratios to the built-in SMTs. */
public final class SmtChainMain {
    private SmtChainMain() {
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(options(List.of(args).contains("--quick")).build()).run();
        System.out.println();
        report(results).forEach(System.out::println);
    }

    /** JMH options for {@link SmtChainBench} on the optimizing runtime; {@code quick}: short iterations. */
    static ChainedOptionsBuilder options(boolean quick) {
        return BenchMain.jitOptions(SmtChainBench.class.getName() + ".chain", quick);
    }

    /** B1's table: records/s per variant and the ratio to the built-in SMTs (results of other benchmarks are ignored). */
    static List<String> report(Collection<RunResult> results) {
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, Double> error = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().startsWith(SmtChainBench.class.getName())) {
                score.put(r.getParams().getParam("variant"), r.getPrimaryResult().getScore());
                error.put(r.getParams().getParam("variant"), r.getPrimaryResult().getScoreError());
            }
        }
        double base = score.getOrDefault("builtin", Double.NaN);
        List<String> out = new ArrayList<>();
        out.add("B1 5-step chain (InsertField, ReplaceField rename, MaskField, Cast, RegexRouter), schemaless, JIT on, "
                + Runtime.getRuntime().availableProcessors() + " cores, 1 thread");
        out.add(String.format(Locale.ROOT, "%-10s %14s %11s %11s %14s", "variant", "records/s", "± (99.9%)", "µs/record", "vs built-in"));
        for (Map.Entry<String, Double> e : score.entrySet()) {
            String v = e.getKey();
            out.add(String.format(Locale.ROOT, "%-10s %,14.0f %,11.0f %11.2f %13.2fx", v, e.getValue(), error.get(v),
                    1e6 / e.getValue(), e.getValue() / base));
        }
        return out;
    }
}
