package dev.catena.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * Samples the system's 1-minute load average while a run goes on, so the table says whether
 * something else competed for the cores (the bench itself accounts for about 1 to 2).
 */
final class LoadSampler {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final Thread thread;
    private double sum;
    private double max;
    private int count;

    private LoadSampler() {
        thread = new Thread(this::loop, "catena-bench-load");
        thread.setDaemon(true);
    }

    static LoadSampler start() {
        LoadSampler s = new LoadSampler();
        s.sample();
        s.thread.start();
        return s;
    }

    private void loop() {
        try {
            while (true) {
                Thread.sleep(5_000);
                sample();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void sample() {
        double l = os.getSystemLoadAverage();
        if (l >= 0) {
            sum += l;
            max = Math.max(max, l);
            count++;
        }
    }

    /** Stops sampling; "mean m, max x (n cores)". */
    String stop() {
        thread.interrupt();
        sample();
        synchronized (this) {
            if (count == 0) {
                return "n/a";
            }
            return String.format(Locale.ROOT, "mean %.1f, max %.1f (%d cores)", sum / count, max,
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
