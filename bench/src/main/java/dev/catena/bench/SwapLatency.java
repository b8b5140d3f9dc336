package dev.catena.bench;

import dev.catena.bindings.Message;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.host.swap.ChainWatcher;
import dev.catena.sandbox.Engines;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code bench/run swap [--swaps 100] [--debounce 150,10] [--warmup 5]}: how long after a script is
 * saved the first record runs on the new version, in the {@code catena run --watch} host path: a
 * {@link ChainWatcher} that {@link ChainWatcher#watch() watches} a temporary chain directory, one
 * thread applying records without pause (each output carries the version marker of the script
 * that made it), and this thread rewriting the script with a new marker. The save time is taken
 * right after the write closes the file; the arrival time when the applying thread first sees
 * the new marker. One row per debounce.
 */
public final class SwapLatency {
    /** How the CLI hosts a watched chain ({@code RunCommand}): one context, a 2 s time limit, contexts prewarmed. */
    private static final HostOptions CLI_OPTIONS = HostOptions.DEFAULT.withSandbox(
            SandboxOptions.DEFAULT.withPoolSize(1).withTimeLimit(Duration.ofMillis(2000)));
    private static final long TIMEOUT_SECONDS = 30;
    /** Quiet time after a swap before the next save, as a person editing would leave (and so that swaps do not queue). */
    private static final long GAP_MILLIS = 100;

    private SwapLatency() {
    }

    /** The latencies of one run, in nanoseconds, one per measured swap. */
    record Row(long debounceMillis, long[] toFirstRecord, long[] toSwap, int refused, long records, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        int swaps = 100;
        int warmup = 5;
        List<Long> debounces = List.of(150L, 10L);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--swaps" -> swaps = Integer.parseInt(value(args, ++i, "--swaps"));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, "--warmup"));
                case "--debounce" -> debounces = Stream.of(value(args, ++i, "--debounce").split(",")).map(Long::parseLong).toList();
                default -> usage("unknown option " + args[i]);
            }
        }
        // the watcher logs every swap at INFO; a hundred lines per row would hide the table
        Logger.getLogger("dev.catena").setLevel(Level.WARNING);
        LoadSampler load = LoadSampler.start();
        List<Row> rows = new ArrayList<>();
        for (long d : debounces) {
            System.err.printf(Locale.ROOT, "catena bench swap: debounce %d ms, %d + %d warm-up swaps ...%n", d, swaps, warmup);
            rows.add(run(d, swaps, warmup));
        }
        String loadAverage = load.stop();
        System.out.println();
        System.out.println("Catena hot-swap latency: script saved -> first record processed by the new version");
        System.out.println("(ChainWatcher.watch() on a temp dir, as catena run --watch; 1 context, 1 thread applying records without pause)");
        System.out.printf(Locale.ROOT, "%d cores, %s %s, engine %s; %d swaps per row after %d warm-up swaps, %d ms between swaps;"
                        + " system load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Engines.implementationName(Language.JS), swaps, warmup, GAP_MILLIS, loadAverage);
        System.out.println(table(rows));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("bench/run swap: " + problem);
        System.err.println("usage: bench/run swap [--swaps 100] [--warmup 5] [--debounce 150,10]");
        System.exit(2);
    }

    static Row run(long debounceMillis, int swaps, int warmup) throws Exception {
        Path dir = Files.createTempDirectory("catena-swap-bench");
        Path chain = dir.resolve("chain.yaml");
        Path script = dir.resolve("steps/tag.js");
        Files.createDirectories(script.getParent());
        Files.writeString(chain, "chain: swap-bench\nsteps:\n  - id: tag\n    js: steps/tag.js\n");
        Files.writeString(script, script(0));
        int total = warmup + swaps;
        Map<Integer, CompletableFuture<Long>> firstRecord = new ConcurrentHashMap<>();
        Map<Integer, CompletableFuture<Long>> swapped = new ConcurrentHashMap<>();
        for (int v = 1; v <= total; v++) {
            firstRecord.put(v, new CompletableFuture<>());
            swapped.put(v, new CompletableFuture<>());
        }
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong records = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ChainWatcher.Options watch = new ChainWatcher.Options(null, dir.resolve(".catena").resolve("chain"),
                Duration.ofMillis(debounceMillis), 20);
        long[] toFirst = new long[swaps];
        long[] toSwap = new long[swaps];
        long started;
        long ended;
        try (ChainWatcher w = ChainWatcher.open(chain, CLI_OPTIONS, watch)) {
            // one save, one swap: a swap event belongs to the marker last saved
            AtomicInteger awaiting = new AtomicInteger();
            w.audit().listen(e -> {
                long now = System.nanoTime();
                if ("refuse".equals(e.get("event"))) {
                    refused.incrementAndGet();
                } else if ("swap".equals(e.get("event")) && awaiting.get() > 0) {
                    swapped.get(awaiting.get()).complete(now);
                }
            });
            Thread applier = Thread.ofPlatform().name("catena-bench-apply").start(() -> {
                int seen = 0;
                long id = 0;
                while (!stop.get()) {
                    Outcome o = w.live().apply(record(id++), null);
                    long now = System.nanoTime();
                    records.incrementAndGet();
                    if (o instanceof Outcome.Emitted e && e.messages().get(0).value() instanceof Map<?, ?> v
                            && v.get("version") instanceof Number n) {
                        int marker = n.intValue();
                        if (marker > seen) {
                            seen = marker;
                            firstRecord.get(marker).complete(now);
                        }
                    } else {
                        failures.incrementAndGet();
                    }
                }
            });
            w.watch();
            started = System.nanoTime();
            for (int v = 1; v <= total; v++) {
                awaiting.set(v);
                // the clock starts before the write: the watcher may react while this thread is still in it
                long saved = System.nanoTime();
                Files.writeString(script, script(v));
                long first = firstRecord.get(v).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long swap = swapped.get(v).isDone() ? swapped.get(v).get() : first;
                if (v > warmup) {
                    toFirst[v - warmup - 1] = first - saved;
                    toSwap[v - warmup - 1] = swap - saved;
                }
                Thread.sleep(debounceMillis + GAP_MILLIS);
            }
            ended = System.nanoTime();
            stop.set(true);
            applier.join();
        } finally {
            deleteTree(dir);
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " records did not come out with a version marker");
        }
        return new Row(debounceMillis, toFirst, toSwap, refused.get(), records.get(), (ended - started) / 1e9);
    }

    private static String script(int marker) {
        return "const VERSION = " + marker + ";\n\nexport function transform(msg, ctx) {\n"
                + "  msg.value.version = VERSION;\n  return msg;\n}\n";
    }

    private static Message record(long id) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", id);
        return Message.builder().key("k" + id).value(value).build();
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-9s %6s %8s %8s %8s %8s %8s %8s  %-23s %12s%n", "debounce", "swaps", "min ms", "p50 ms",
                "p90 ms", "p99 ms", "max ms", "mean ms", "save->swap p50/p99 ms", "records/s"));
        b.append(String.format(Locale.ROOT, "%-9s %6s %8s %8s %8s %8s %8s %8s  %-23s %12s%n", "-".repeat(9), "-".repeat(6),
                "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(23), "-".repeat(12)));
        for (Row r : rows) {
            long[] t = r.toFirstRecord().clone();
            long[] s = r.toSwap().clone();
            Arrays.sort(t);
            Arrays.sort(s);
            b.append(String.format(Locale.ROOT, "%-9s %6d %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f  %-23s %,12.0f%n",
                    r.debounceMillis() + " ms", t.length, ms(t[0]), ms(pct(t, 50)), ms(pct(t, 90)), ms(pct(t, 99)), ms(t[t.length - 1]),
                    ms((long) Arrays.stream(t).average().orElse(0)),
                    String.format(Locale.ROOT, "%.1f / %.1f", ms(pct(s, 50)), ms(pct(s, 99))), r.records() / r.seconds()));
            if (r.refused() > 0) {
                b.append(String.format(Locale.ROOT, "  (%d reloads refused during this row: a half-written file was read)%n", r.refused()));
            }
        }
        return b.toString();
    }

    /** Nearest-rank percentile of sorted values. */
    static long pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
