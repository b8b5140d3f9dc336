package dev.catena.host.compile;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in chain files: {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d}, or a number of milliseconds. */
final class Durations {
    private static final Pattern P = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    static Duration parse(Object v) {
        if (v instanceof Long l) {
            return Duration.ofMillis(l);
        }
        Matcher m = P.matcher(String.valueOf(v).strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + v + "' is not a duration: write 250ms, 10s, 5m, 1h or 2d");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
