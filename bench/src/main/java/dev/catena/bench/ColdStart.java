package dev.catena.bench;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.SandboxOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cold start and memory (B4), run through {@code bench/run cold}:
 * <ul>
 * <li>cold start to the first record of a one-step JS and a one-step Python chain: a fresh JVM
 *     (the flags of {@link BenchMain#jvmArgs} with the optimizing runtime, class path
 *     {@code bench/target/lib/*}) loads the chain with {@link ChainLoader#fromText} (pool size 1)
 *     and applies one record; wall time from just before the process starts to the moment its
 *     output line arrives on its stdout, and the child's own time from {@code main} to the record;</li>
 * <li>heap per pooled context: a {@link Sandbox} with a pool of {@value #POOL} contexts, prewarmed,
 *     heap used (after GC) before and after, divided by {@value #POOL}. The language's shared engine
 *     (created by a one-context sandbox, and reported on its own) and a first pool of {@value #POOL}
 *     (which settles what the language allocates once) precede the "before" sample.</li>
 * </ul>
 * {@code ColdStart [--runs 5]}; {@code ColdStart child js|py} and {@code ColdStart mem} are the forks.
 */
public final class ColdStart {
    static final int POOL = 8;

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("child")) {
            child(args[1]);
            return;
        }
        if (args.length >= 1 && args[0].equals("mem")) {
            memory();
            return;
        }
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--quick" -> runs = 3;
                default -> throw new IllegalArgumentException("usage: bench/run cold [--runs N] [--quick]");
            }
        }
        Result r = measure(runs);
        System.out.println();
        r.table().forEach(System.out::println);
    }

    /**
     * B4's figures.
     *
     * @param table        the printed table (cold starts, then memory per context)
     * @param medianWallMs per language ({@code js}, {@code py}): median of process start to first record
     */
    record Result(List<String> table, Map<String, Long> medianWallMs) {
    }

    /** Forks {@code runs} fresh JVMs per language, then one for memory per context. */
    static Result measure(int runs) throws Exception {
        System.out.printf(Locale.ROOT, "%d cores, %s %s; %d cold starts per language, optimizing runtime (Graal JIT)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), Runtime.version(), runs);
        Map<String, Long> medians = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("B4 cold start to the first record, fresh JVM, 1-step chain\n");
        table.append(String.format(Locale.ROOT, "%-10s %-36s %-32s%n", "chain", "process start -> first record (ms)",
                "in-JVM main -> first record (ms)"));
        table.append(String.format(Locale.ROOT, "%-10s %-36s %-32s%n", "", "min / median / max", "min / median / max"));
        for (String lang : List.of("js", "py")) {
            long[] wall = new long[runs];
            long[] inJvm = new long[runs];
            for (int r = 0; r < runs; r++) {
                List<String> cmd = fork("child", lang);
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String out = null;
                long t1 = 0;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("OUT ")) {
                            t1 = System.nanoTime();
                            out = line;
                            break;
                        }
                    }
                    in.transferTo(java.io.Writer.nullWriter());
                }
                int rc = p.waitFor();
                if (out == null || rc != 0) {
                    throw new IllegalStateException("cold-start child (" + lang + ") exited " + rc + " without an output line");
                }
                wall[r] = (t1 - t0) / 1_000_000;
                inJvm[r] = Long.parseLong(out.substring(4, out.indexOf(' ', 4)));
                System.out.printf(Locale.ROOT, "  %s run %d: %d ms (in JVM %d ms)  %s%n", lang, r + 1, wall[r], inJvm[r],
                        out.substring(out.indexOf(' ', 4) + 1));
            }
            table.append(String.format(Locale.ROOT, "%-10s %-36s %-32s%n", "1 " + lang + " step", stats(wall), stats(inJvm)));
            long[] sorted = wall.clone();
            Arrays.sort(sorted);
            medians.put(lang, sorted[sorted.length / 2]);
        }
        // memory: one more fork with the same flags (a larger heap, so that 8 Python contexts fit)
        List<String> cmd = fork("mem");
        cmd.add(cmd.size() - 4, "-Xmx2g");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String mem = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("memory fork failed:\n" + mem);
        }
        List<String> lines = new ArrayList<>(List.of(table.toString().split("\n")));
        lines.add("");
        lines.addAll(List.of(mem.strip().split("\n")));
        return new Result(lines, medians);
    }

    private static String stats(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[0] + " / " + s[s.length / 2] + " / " + s[s.length - 1];
    }

    /** java, the optimizing runtime's flags of {@link BenchMain#jvmArgs}, {@code -cp bench/target/lib/*}, this class, args. */
    private static List<String> fork(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(BenchMain.jvmArgs("jit", BenchMain.jitDir()));
        Path jar = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        cmd.add("-cp");
        cmd.add(jar.getParent().resolve("*").toString());
        cmd.add(ColdStart.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The fork: loads a one-step chain, applies one record, prints "OUT <ms since main> <value>". */
    private static void child(String lang) throws Exception {
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("catena-cold");
        String yaml;
        if (lang.equals("js")) {
            Files.writeString(dir.resolve("step.js"),
                    "export function transform(msg, ctx) { msg.value.total = msg.value.qty * msg.value.price; return msg; }\n");
            yaml = "chain: cold-js\nsteps:\n  - id: total\n    js: step.js\n";
        } else {
            Files.writeString(dir.resolve("step.py"),
                    "def transform(msg, ctx):\n    msg.value[\"total\"] = msg.value[\"qty\"] * msg.value[\"price\"]\n    return msg\n");
            yaml = "chain: cold-py\nsteps:\n  - id: total\n    py: step.py\n";
        }
        HostOptions options = HostOptions.DEFAULT.withSandbox(SandboxOptions.DEFAULT.withPoolSize(1));
        Chain chain = ChainLoader.fromText(yaml, "cold.yaml", dir, options);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "o-1");
        v.put("qty", 3L);
        v.put("price", 2.5);
        Outcome o = chain.apply(Message.builder().key("k1").value(v).topic("orders").build());
        if (!(o instanceof Outcome.Emitted e) || e.messages().isEmpty()) {
            throw new IllegalStateException("cold chain did not emit: " + o);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("OUT " + ms + " " + e.messages().get(0).value() + " (JVM uptime "
                + ManagementFactory.getRuntimeMXBean().getUptime() + " ms)");
        System.out.flush();
        System.exit(0); // do not time the shutdown
    }

    /** The fork: heap per pooled context, per language. */
    private static void memory() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-8s %-34s %-28s%n", "language", "engine + first context (MB, heap)",
                "per pooled context (MB, heap)"));
        List<Object> keep = new ArrayList<>();
        for (Language lang : List.of(Language.JS, Language.PYTHON)) {
            long base = heapUsed();
            Sandbox one = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(1).withPrewarm(true));
            one.prewarm(Set.of(lang));
            // a first pool of N settles what the language allocates once for its later contexts
            Sandbox settle = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(POOL).withPrewarm(true));
            settle.prewarm(Set.of(lang));
            long before = heapUsed();
            Sandbox pool = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(POOL).withPrewarm(true));
            pool.prewarm(Set.of(lang));
            long after = heapUsed();
            keep.add(one);
            keep.add(settle);
            keep.add(pool);
            t.append(String.format(Locale.ROOT, "%-8s %-34.1f %-28.1f%n", lang.id(), (before - base) / 1048576.0,
                    (after - before) / 1048576.0 / POOL));
        }
        System.out.print(t);
        System.out.printf(Locale.ROOT, "(a second prewarmed pool of %d contexts per language, heap used after GC before/after, divided by the pool size; %d sandboxes kept)%n",
                POOL, keep.size());
        System.out.flush();
        System.exit(0);
    }

    private static long heapUsed() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
