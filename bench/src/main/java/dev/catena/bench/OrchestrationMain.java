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
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code bench/run orchestration}: runs {@link OrchestrationBench} on the optimizing runtime and
 * prints records/s and ns per step for N no-op steps, memoized versus plain, fused versus separate.
 */
public final class OrchestrationMain {
    private OrchestrationMain() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("--quick");
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(OrchestrationBench.class.getName())
                .jvmArgsAppend(BenchMain.jvmArgs("jit", BenchMain.jitDir()).toArray(String[]::new))
                .shouldFailOnError(true);
        if (quick) {
            b.warmupIterations(1).warmupTime(TimeValue.seconds(2)).measurementIterations(1).measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
            List<String> ps = new ArrayList<>();
            for (String k : r.getParams().getParamsKeys()) {
                ps.add(r.getParams().getParam(k));
            }
            byName.put(label + (ps.isEmpty() ? "" : " " + String.join(",", ps)), r);
        }
        System.out.println();
        System.out.println("Catena orchestration overhead (JIT on), " + Runtime.getRuntime().availableProcessors() + " cores, 1 thread");
        System.out.println(String.format(Locale.ROOT, "%-22s %14s %11s %12s", "case", "records/s", "± (99.9%)", "ns/record"));
        for (Map.Entry<String, RunResult> e : byName.entrySet()) {
            var p = e.getValue().getPrimaryResult();
            System.out.println(String.format(Locale.ROOT, "%-22s %,14.0f %,11.0f %,12.0f", e.getKey(), p.getScore(), p.getScoreError(),
                    1e9 / p.getScore()));
        }
        RunResult one = byName.get("noops 1");
        RunResult many = byName.get("noops 32");
        if (one != null && many != null) {
            double perStep = (1e9 / many.getPrimaryResult().getScore() - 1e9 / one.getPrimaryResult().getScore()) / 31;
            System.out.println(String.format(Locale.ROOT, "orchestrator overhead per no-op step (32 vs 1 steps): %.0f ns", perStep));
        }
        ratio(byName, "expensive memoized", "expensive plain", "memoized vs plain");
        ratio(byName, "fused fused", "fused separate", "fused vs separate");
    }

    private static void ratio(Map<String, RunResult> m, String a, String b, String label) {
        if (m.containsKey(a) && m.containsKey(b)) {
            System.out.println(String.format(Locale.ROOT, "%s: %.2fx", label,
                    m.get(a).getPrimaryResult().getScore() / m.get(b).getPrimaryResult().getScore()));
        }
    }
}
