package dev.catena.connect.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latency samples by measure, rendered as a Markdown table of count, p50, p99, min, max and mean
 * in milliseconds. Percentiles are nearest-rank: with fewer than 100 samples p99 is the maximum.
 */
final class LatencyTable {
    private final String title;
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();

    /** @param measures the rows, in this order */
    LatencyTable(String title, String... measures) {
        this.title = title;
        for (String m : measures) {
            samples.put(m, new ArrayList<>());
        }
    }

    /** Adds one sample of {@code measure}, in nanoseconds. */
    void add(String measure, long nanos) {
        samples.computeIfAbsent(measure, k -> new ArrayList<>()).add(nanos / 1e6);
    }

    /** The nearest-rank percentile {@code p} (0-100] of {@code measure}, in milliseconds. */
    double percentile(String measure, double p) {
        List<Double> sorted = samples.get(measure).stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    String render() {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append("| measure | n | p50 ms | p99 ms | min ms | max ms | mean ms |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        samples.forEach((measure, values) -> {
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", measure, values.size(),
                    percentile(measure, 50), percentile(measure, 99), min, max, mean));
        });
        return out.toString();
    }
}
