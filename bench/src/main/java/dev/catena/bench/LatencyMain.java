package dev.catena.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-record latency (B5), run through {@code bench/run latency}: the five built-in Kafka SMTs of
 * {@link SmtChainBench} as Kafka runs them, and the same five steps as JavaScript {@code kafka.*}
 * library steps through Catena's {@code ChainTransform} (the chain of {@link SmtChainBench}, variant
 * {@code js}). Each variant: warm-up (30 s, {@code --quick} 5 s), then {@value #DEFAULT_RECORDS}
 * single {@code apply} calls timed with {@link System#nanoTime}; prints p50/p90/p99/max in µs and
 * the latency Catena adds at p50 and p99. Runs in this JVM (bench/run starts it with the optimizing
 * runtime's flags, as ./catena does).
 * {@code LatencyMain [--quick] [--warmup SECONDS] [--records N] [--variants builtin,js]}
 */
public final class LatencyMain {
    static final int DEFAULT_RECORDS = 200_000;

    private LatencyMain() {
    }

    public static void main(String[] args) {
        int warmup = 30;
        int records = DEFAULT_RECORDS;
        List<String> variants = List.of("builtin", "js");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> warmup = 5;
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--variants" -> variants = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException(
                        "usage: bench/run latency [--quick] [--warmup SECONDS] [--records N] [--variants builtin,js,py,smt]");
            }
        }
        System.out.printf(Locale.ROOT, "%d cores, %s %s; 5-step chain, %d s warm-up then %,d single apply() calls per variant%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), Runtime.version(), warmup, records);
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-22s %9s %9s %9s %11s%n", "variant (µs/record)", "p50", "p90", "p99", "max"));
        double[][] pcts = new double[variants.size()][];
        for (int v = 0; v < variants.size(); v++) {
            String variant = variants.get(v);
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
            pcts[v] = new double[] {pct(ns, 0.50), pct(ns, 0.90), pct(ns, 0.99), ns[ns.length - 1] / 1000.0};
            System.out.printf(Locale.ROOT, "  %s done (%d)%n", variant, sink & 1);
            t.append(String.format(Locale.ROOT, "%-22s %9.2f %9.2f %9.2f %11.2f%n", label(variant),
                    pcts[v][0], pcts[v][1], pcts[v][2], pcts[v][3]));
        }
        int base = variants.indexOf("builtin");
        if (base >= 0) {
            for (int v = 0; v < variants.size(); v++) {
                if (v != base) {
                    t.append(String.format(Locale.ROOT, "added by Catena (%s): p50 +%.2f µs, p99 +%.2f µs%n", variants.get(v),
                            pcts[v][0] - pcts[base][0], pcts[v][2] - pcts[base][2]));
                }
            }
        }
        System.out.println();
        System.out.print(t);
    }

    private static String label(String variant) {
        return switch (variant) {
            case "builtin" -> "built-in SMTs";
            case "js" -> "Catena, JS kafka.*";
            case "py" -> "Catena, Python kafka.*";
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
