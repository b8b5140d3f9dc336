package dev.catena.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * B2: {@link FilterBench} in one run on the optimizing runtime; records/s per variant and shape,
 * and each variant's ratio to Debezium's {@code Filter} on the same shape, as run in the same
 * JIT fork ({@code debezium}) and to the faster of that and {@code debezium-nojit} (target: the
 * JS condition at least 100x Debezium's).
 *
 * <pre>
 * java -Dcatena.jit.dir=target/graal-jit -cp 'bench/target/lib/*' dev.catena.bench.FilterMain [--quick]
 * </pre>
 */
public final class FilterMain {
    /**
     * The forks' heap. Debezium's Filter keeps every per-record polyglot context (about 100 KB)
     * for the life of the JVM; in BenchMain's 1 GB it runs out after about 10,000 records and its
     * throughput first collapses into full GCs. 4 GB holds a whole Debezium fork (about 20,000
     * records), so the table shows its speed rather than its leak.
     */
    static final String HEAP = "4g";

    private FilterMain() {
    }

    public static void main(String[] args) throws RunnerException {
        for (String a : args) {
            if (!a.equals("--quick")) {
                System.err.println("usage: FilterMain [--quick]");
                System.exit(2);
            }
        }
        Collection<RunResult> results = new Runner(options(List.of(args).contains("--quick")).build()).run();
        System.out.println();
        report(results).forEach(System.out::println);
    }

    /**
     * {@link FilterBench} with the Graal JIT in the fork and a {@value #HEAP} heap; {@code quick}:
     * 2 x 3 s warm-up, 2 x 3 s measurement.
     */
    public static ChainedOptionsBuilder options(boolean quick) {
        List<String> jvm = new ArrayList<>();
        for (String a : BenchMain.jvmArgs("jit", BenchMain.jitDir())) {
            jvm.add(a.startsWith("-Xms") ? "-Xms" + HEAP : a.startsWith("-Xmx") ? "-Xmx" + HEAP : a);
        }
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(FilterBench.class.getName().replace(".", "\\.") + "\\.")
                .jvmArgsAppend(jvm.toArray(String[]::new))
                .shouldFailOnError(true);
        if (quick) {
            b.warmupIterations(2).warmupTime(TimeValue.seconds(3)).measurementIterations(2).measurementTime(TimeValue.seconds(3));
        }
        return b;
    }

    /** The table of the {@link FilterBench} results among {@code results} (others are ignored). */
    public static List<String> report(Collection<RunResult> results) {
        Map<String, Result<?>> byKey = new HashMap<>();
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().startsWith(FilterBench.class.getName() + ".")) {
                byKey.put(r.getParams().getParam("variant") + "/" + r.getParams().getParam("shape"), r.getPrimaryResult());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("B2 filter: keep qty > 2 (38 of 64 records), Debezium Filter (Graal.js via JSR-223) vs Catena JS condition,"
                + " Graal JIT on (debezium-nojit: compilation off in Debezium's engine), "
                + Runtime.getRuntime().availableProcessors() + " cores, 1 thread, " + HEAP + " heap");
        lines.add(String.format(Locale.ROOT, "%-15s %-7s %14s %12s %14s %12s %14s", "variant", "shape", "records/s", "± (99.9%)",
                "ns/record", "vs debezium", "vs best dbz"));
        for (String shape : FilterBench.SHAPES) {
            Result<?> base = byKey.get("debezium/" + shape);
            Result<?> nojit = byKey.get("debezium-nojit/" + shape);
            double best = base == null ? nojit == null ? Double.NaN : nojit.getScore()
                    : nojit == null ? base.getScore() : Math.max(base.getScore(), nojit.getScore());
            for (String variant : FilterBench.VARIANTS) {
                Result<?> r = byKey.get(variant + "/" + shape);
                if (r == null) {
                    continue;
                }
                lines.add(String.format(Locale.ROOT, "%-15s %-7s %,14.0f %,12.0f %,14.1f %12s %14s", variant, shape, r.getScore(),
                        r.getScoreError(), 1e9 / r.getScore(), ratio(r.getScore(), base == null ? Double.NaN : base.getScore()),
                        ratio(r.getScore(), best)));
            }
        }
        return lines;
    }

    private static String ratio(double score, double base) {
        return Double.isNaN(base) ? "n/a" : String.format(Locale.ROOT, "%,.1fx", score / base);
    }
}
