package dev.catena.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link OrdersChainBench} once per runtime, each in its own forked JVM with that
 * runtime's flags, and prints one table: records/s per chain variant and runtime, the JIT's
 * speed-up over the interpreter, and the engine the fork reported.
 *
 * <pre>
 * BenchMain [--quick] [--chain js|py|js,py] [--runtime jit|interpreter|jit,interpreter]
 * </pre>
 *
 * <p>{@code -Dcatena.jit.dir=DIR} is the directory with the Graal compiler jars (bench/run
 * passes {@code <root>/target/graal-jit}); {@code CATENA_JAVA_OPTS} adds JVM flags to both forks.
 */
public final class BenchMain {
    static final String JIT_DIR_PROPERTY = "catena.jit.dir";
    private static final List<String> JIT_JARS = List.of("compiler.jar", "word.jar", "collections.jar", "truffle-compiler.jar");

    private BenchMain() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        boolean quick = false;
        List<String> chains = List.of("js", "py");
        List<String> runtimes = List.of("jit", "interpreter");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--chain" -> chains = values(args, ++i, "--chain", List.of("js", "py"));
                case "--runtime" -> runtimes = values(args, ++i, "--runtime", List.of("jit", "interpreter"));
                case "-h", "--help" -> {
                    System.out.println("usage: bench/run [--quick] [--chain js|py|js,py] [--runtime jit|interpreter|jit,interpreter]");
                    return;
                }
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }

        Path jitDir = jitDir();
        if (runtimes.contains("jit")) {
            for (String jar : JIT_JARS) {
                if (!Files.isRegularFile(jitDir.resolve(jar))) {
                    usage("the Graal compiler jar " + jitDir.resolve(jar) + " is missing: build any module (./mvnw -pl bench package)"
                            + " or pass -D" + JIT_DIR_PROPERTY + "=DIR");
                }
            }
        }

        Path reports = Files.createTempDirectory("catena-bench");
        List<RunResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String runtime : runtimes) {
            // the optimizing runtime needs long to reach its peak on 2 cores (Python ~20 s, JavaScript ~40 s
            // with one Truffle compiler thread); the interpreter only needs HotSpot to compile it
            int warmups = quick ? 2 : runtime.equals("jit") ? 10 : 4;
            int warmupSeconds = quick ? 1 : 5;
            int measurements = quick ? 2 : 5;
            int measurementSeconds = quick ? 1 : 5;
            Path report = reports.resolve(runtime + ".tsv");
            List<String> jvm = new ArrayList<>(jvmArgs(runtime, jitDir));
            jvm.add("-D" + OrdersChainBench.REPORT_PROPERTY + "=" + report);
            System.out.println("# catena bench: runtime=" + runtime + ", fork JVM flags: " + String.join(" ", jvm));
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(OrdersChainBench.class.getName().replace(".", "\\.") + "\\.")
                    .param("chain", chains.toArray(String[]::new))
                    .param("runtime", runtime)
                    .forks(1)
                    .warmupIterations(warmups)
                    .warmupTime(TimeValue.seconds(warmupSeconds))
                    .measurementIterations(measurements)
                    .measurementTime(TimeValue.seconds(measurementSeconds))
                    // exactly these flags: not the launcher's (JMH passes those on by default), nor @Fork's
                    .jvmArgs(jvm.toArray(String[]::new))
                    .jvmArgsAppend()
                    .jvmArgsPrepend()
                    .addProfiler(GCProfiler.class)
                    .shouldFailOnError(true);
            LoadSampler load = LoadSampler.start();
            results.addAll(new Runner(options.build()).run());
            notes.add(String.format(Locale.ROOT, "%s: %d x %d s warm-up, %d x %d s measurement; system load average %s",
                    runtime, warmups, warmupSeconds, measurements, measurementSeconds, load.stop()));
        }

        Map<String, String> engines = new HashMap<>();
        for (String runtime : runtimes) {
            Path report = reports.resolve(runtime + ".tsv");
            if (Files.exists(report)) {
                for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length >= 3) {
                        engines.put(f[0] + "/" + f[1], f[2]);
                    }
                }
                Files.delete(report);
            }
        }
        Files.deleteIfExists(reports);

        System.out.println();
        System.out.printf(Locale.ROOT, "Catena orders chain, records/s (one op = one input record; 6 records cycled, 4 emitted, 2 dropped)%n");
        System.out.printf(Locale.ROOT, "%d cores, %s %s; JMH: 1 fork per runtime, 1 thread%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), Runtime.version());
        notes.forEach(n -> System.out.println("  " + n));
        System.out.println(table(results, engines));
    }

    /** JVM flags of a fork: the optimizing runtime on (Graal JIT via JVMCI) or off (Truffle falls back to its interpreter). */
    /**
     * JMH options for the benchmarks matching {@code include}, each fork on the optimizing runtime;
     * {@code quick}: 2 x 3 s warm-up, 2 x 3 s measurement (else the benchmark's own annotations).
     */
    static ChainedOptionsBuilder jitOptions(String include, boolean quick) {
        ChainedOptionsBuilder b = new OptionsBuilder().include(include)
                .jvmArgsAppend(jvmArgs("jit", jitDir()).toArray(String[]::new)).shouldFailOnError(true);
        if (quick) {
            b.warmupIterations(2).warmupTime(TimeValue.seconds(3))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(3));
        }
        return b;
    }

    static List<String> jvmArgs(String runtime, Path jitDir) {
        List<String> args = new ArrayList<>();
        if (runtime.equals("jit")) {
            args.add("-XX:+UnlockExperimentalVMOptions");
            args.add("-XX:+EnableJVMCI");
            StringBuilder path = new StringBuilder();
            for (String jar : JIT_JARS) {
                path.append(path.isEmpty() ? "" : java.io.File.pathSeparator).append(jitDir.resolve(jar));
            }
            args.add("--upgrade-module-path=" + path);
            // as ./catena: one Truffle compiler thread, so that on 2 cores the scripts keep a core
            args.add("-Dpolyglot.engine.CompilerThreads=1");
        }
        args.add("--enable-native-access=ALL-UNNAMED");
        args.add("--sun-misc-unsafe-memory-access=allow");
        args.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        args.add("-XX:+UseSerialGC");
        args.add("-Xms1g");
        args.add("-Xmx1g");
        String extra = System.getenv("CATENA_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            args.addAll(List.of(extra.trim().split("\\s+")));
        }
        return args;
    }

    static String table(List<RunResult> results, Map<String, String> engines) {
        Map<String, Double> interpreter = new HashMap<>();
        Map<String, RunResult> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            String chain = r.getParams().getParam("chain");
            String runtime = r.getParams().getParam("runtime");
            byKey.put(chain + "/" + runtime, r);
            if (runtime.equals("interpreter")) {
                interpreter.put(chain, r.getPrimaryResult().getScore());
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"chain", "runtime", "records/s", "± (99.9%)", "µs/record", "vs interpreter", "alloc/record",
            "engine (reported by the fork)"});
        for (String chain : List.of("js", "py")) {
            for (String runtime : List.of("jit", "interpreter")) {
                RunResult r = byKey.get(chain + "/" + runtime);
                if (r == null) {
                    continue;
                }
                Result<?> p = r.getPrimaryResult();
                double score = p.getScore();
                double error = p.getScoreError();
                Double base = interpreter.get(chain);
                rows.add(new String[] {
                    chain.equals("js") ? "orders-js" : "orders-py",
                    runtime,
                    String.format(Locale.ROOT, "%,.0f", score),
                    Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "± %,.0f", error),
                    String.format(Locale.ROOT, "%.1f", 1e6 / score),
                    base == null ? "n/a" : String.format(Locale.ROOT, "%.2fx", score / base),
                    alloc(r),
                    engines.getOrDefault(chain + "/" + runtime, "(not reported)")});
            }
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            for (int c = 0; c < row.length; c++) {
                boolean numeric = c >= 2 && c <= 6;
                boolean last = c == row.length - 1;
                String pad = " ".repeat(width[c] - row[c].length());
                String cell = numeric ? pad + row[c] : last ? row[c] : row[c] + pad;
                out.append(c == 0 ? "" : "  ").append(cell);
            }
            out.append(System.lineSeparator());
            if (i == 0) {
                for (int c = 0; c < row.length; c++) {
                    out.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
                }
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private static String alloc(RunResult r) {
        Result<?> a = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return a == null || Double.isNaN(a.getScore()) ? "n/a" : String.format(Locale.ROOT, "%,.1f KB", a.getScore() / 1024);
    }

    static Path jitDir() {
        String dir = System.getProperty(JIT_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).toAbsolutePath();
        }
        // bench/target/lib/catena-bench.jar (or bench/target/classes) -> <root>/target/graal-jit
        try {
            Path here = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.getParent().getParent().getParent().getParent().resolve("target").resolve("graal-jit");
        } catch (Exception e) {
            return Path.of("target", "graal-jit").toAbsolutePath();
        }
    }

    private static List<String> values(String[] args, int i, String option, List<String> allowed) {
        if (i >= args.length) {
            usage(option + " needs a value: " + String.join(", ", allowed));
        }
        List<String> vs = List.of(args[i].split(","));
        for (String v : vs) {
            if (!allowed.contains(v)) {
                usage(option + " takes " + String.join(", ", allowed) + " (comma-separated), not '" + v + "'");
            }
        }
        return vs;
    }

    private static void usage(String problem) {
        System.err.println("catena bench: " + problem);
        System.err.println("usage: bench/run [--quick] [--chain js|py|js,py] [--runtime jit|interpreter|jit,interpreter]");
        System.exit(2);
    }
}
