package dev.catena.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** {@code bench/run smt}: {@link SmtChainBench} in one run on the optimizing runtime; records/s and ratios to the built-in SMTs. */
public final class SmtChainMain {
    private SmtChainMain() {
    }

    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder().include(SmtChainBench.class.getName())
                .jvmArgsAppend(BenchMain.jvmArgs("jit", BenchMain.jitDir()).toArray(String[]::new)).shouldFailOnError(true);
        if (List.of(args).contains("--quick")) {
            b.warmupIterations(2).warmupTime(TimeValue.seconds(3)).measurementIterations(2).measurementTime(TimeValue.seconds(3));
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, Double> error = new LinkedHashMap<>();
        for (RunResult r : results) {
            score.put(r.getParams().getParam("variant"), r.getPrimaryResult().getScore());
            error.put(r.getParams().getParam("variant"), r.getPrimaryResult().getScoreError());
        }
        double base = score.getOrDefault("builtin", Double.NaN);
        System.out.println();
        System.out.println("5-SMT chain (InsertField, ReplaceField, MaskField, Cast, RegexRouter), schemaless, JIT on, "
                + Runtime.getRuntime().availableProcessors() + " cores, 1 thread");
        System.out.println(String.format(Locale.ROOT, "%-10s %14s %11s %11s %14s", "variant", "records/s", "± (99.9%)", "µs/record", "vs built-in"));
        for (String v : List.of("builtin", "smt", "js", "py")) {
            if (score.containsKey(v)) {
                System.out.println(String.format(Locale.ROOT, "%-10s %,14.0f %,11.0f %11.2f %13.2fx", v, score.get(v), error.get(v),
                        1e6 / score.get(v), score.get(v) / base));
            }
        }
    }
}
