package dev.catena.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-record latency (B5), run through {@code bench/run latency}: the five built-in Kafka SMTs of
 * {@link SmtChainBench} as Kafka runs them, and the same five steps through Catena's
 * {@code ChainTransform} as hand-written JavaScript steps ({@code js}) and as the JavaScript
 * {@code kafka.*} library steps ({@code js-lib}); any other variant of {@link SmtChainBench} on request. Each variant: warm-up (30 s, {@code --quick} 5 s), then {@value #DEFAULT_RECORDS}
 * single {@code apply} calls timed with {@link System#nanoTime}; prints p50/p90/p99/max in µs and
 * the latency Catena adds at p50 and p99. Runs in this JVM (bench/run starts it with the optimizing
 * runtime's flags, as ./catena does).
 * {@code LatencyMain [--quick] [--warmup SECONDS] [--records N] [--variants builtin,js,js-lib]}
 */
public final class LatencyMain {
    static final int DEFAULT_RECORDS = 200_000;

    private LatencyMain() {
    }

    public static void main(String[] args) {
        int warmup = 30;
        int records = DEFAULT_RECORDS;
        List<String> variants = List.of("builtin", "js", "js-lib");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> warmup = 5;
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--variants" -> variants = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException(
                        "usage: bench/run latency [--quick] [--warmup SECONDS] [--records N] [--variants builtin,java,smt,js,py,js-lib,py-lib]");
            }
        }
        Result r = measure(warmup, records, variants);
        System.out.println();
        r.table().forEach(System.out::println);
    }

    /**
     * B5's figures.
     *
     * @param table       the printed table
     * @param percentiles per variant: p50, p90, p99, max in µs
     */
    record Result(List<String> table, Map<String, double[]> percentiles) {
        /** p99 of {@code variant} minus p99 of the built-in SMTs, in µs (NaN when either is missing). */
        double addedP99(String variant) {
            double[] v = percentiles.get(variant);
            double[] b = percentiles.get("builtin");
            return v == null || b == null ? Double.NaN : v[2] - b[2];
        }
    }

    /** Runs each variant of {@link SmtChainBench} in this JVM: warm-up, then single timed apply() calls. */
    static Result measure(int warmup, int records, List<String> variants) {
        System.out.printf(Locale.ROOT, "%d cores, %s %s; 5-step chain, %d s warm-up then %,d single apply() calls per variant%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), Runtime.version(), warmup, records);
        List<String> t = new ArrayList<>();
        t.add("B5 per-record latency of the 5-step chain, " + warmup + " s warm-up, " + records + " calls");
        t.add(String.format(Locale.ROOT, "%-24s %9s %9s %9s %11s", "variant (µs/record)", "p50", "p90", "p99", "max"));
        Map<String, double[]> pcts = new LinkedHashMap<>();
        for (String variant : variants) {
            SmtChainBench b = new SmtChainBench();
            b.variant = variant;
            b.setup();
            long end = System.nanoTime() + warmup * 1_000_000_000L;
            long sink = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    sink += b.chain().kafkaOffset();
                }
            }
            long[] ns = new long[records];
            for (int i = 0; i < records; i++) {
                long t0 = System.nanoTime();
                Object r = b.chain();
                ns[i] = System.nanoTime() - t0;
                sink += r.hashCode() & 1;
            }
            b.close();
            Arrays.sort(ns);
            double[] p = {pct(ns, 0.50), pct(ns, 0.90), pct(ns, 0.99), ns[ns.length - 1] / 1000.0};
            pcts.put(variant, p);
            System.out.printf(Locale.ROOT, "  %s done (%d)%n", variant, sink & 1);
            t.add(String.format(Locale.ROOT, "%-24s %9.2f %9.2f %9.2f %11.2f", label(variant), p[0], p[1], p[2], p[3]));
        }
        double[] base = pcts.get("builtin");
        if (base != null) {
            for (Map.Entry<String, double[]> e : pcts.entrySet()) {
                if (!e.getKey().equals("builtin") && !e.getKey().equals("java")) {
                    t.add(String.format(Locale.ROOT, "added by Catena (%s): p50 +%.2f µs, p99 +%.2f µs", e.getKey(),
                            e.getValue()[0] - base[0], e.getValue()[2] - base[2]));
                }
            }
        }
        return new Result(t, pcts);
    }

    private static String label(String variant) {
        return switch (variant) {
            case "builtin" -> "built-in SMTs";
            case "java" -> "hand-written Java";
            case "js" -> "Catena, JS steps";
            case "py" -> "Catena, Python steps";
            case "js-lib" -> "Catena, JS kafka.*";
            case "py-lib" -> "Catena, Python kafka.*";
            case "smt" -> "Catena, smt: steps";
            default -> variant;
        };
    }

    /** The p-quantile of sorted nanoseconds, in µs (nearest rank). */
    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
