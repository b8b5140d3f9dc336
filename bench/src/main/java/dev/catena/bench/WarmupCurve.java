package dev.catena.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm-up curves ({@code bench/run warmup}): records/s second by second from the first record, for
 * B1's chain as hand-written JS and Python steps, each in a fresh JVM with the optimizing runtime
 * (one compiler thread, as {@code ./catena}) and without it (Truffle's interpreter). Steady-state
 * figures hide that on 2 cores the JIT's own compilations compete with the scripts for seconds.
 * {@code WarmupCurve [--seconds N] [--quick]}
 */
public final class WarmupCurve {
    private static final int[] SHOWN = {1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120};

    private WarmupCurve() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]));
            return;
        }
        int seconds = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--quick" -> seconds = 15;
                default -> throw new IllegalArgumentException("usage: bench/run warmup [--seconds N] [--quick]");
            }
        }
        measure(seconds).forEach(System.out::println);
    }

    /** Forks one JVM per (chain, runtime) and returns the table of records/s per second since the first record. */
    static List<String> measure(int seconds) throws Exception {
        Map<String, long[]> curves = new LinkedHashMap<>();
        for (String variant : List.of("js", "py")) {
            for (String runtime : List.of("jit", "interpreter")) {
                System.out.printf(Locale.ROOT, "warm-up curve: %s steps, %s, %d s%n", variant, runtime, seconds);
                curves.put(variant + " " + runtime, fork(variant, runtime, seconds));
            }
        }
        List<String> out = new ArrayList<>();
        out.add("Warm-up: records/s in second N after the first record, B1 as hand-written steps, fresh JVM, "
                + Runtime.getRuntime().availableProcessors() + " cores (JIT: 1 compiler thread)");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s", "chain, runtime"));
        for (int s : SHOWN) {
            if (s <= seconds) {
                head.append(String.format(Locale.ROOT, " %8s", s + "s"));
            }
        }
        out.add(head.toString());
        for (Map.Entry<String, long[]> e : curves.entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", e.getKey()));
            for (int s : SHOWN) {
                if (s <= seconds) {
                    row.append(String.format(Locale.ROOT, " %8s", thousands(e.getValue()[s - 1])));
                }
            }
            out.add(row.toString());
        }
        for (String variant : List.of("js", "py")) {
            long[] jit = curves.get(variant + " jit");
            long[] interp = curves.get(variant + " interpreter");
            out.add(String.format(Locale.ROOT, "%s: JIT ahead of the interpreter from second %s; JIT reaches 90%% of its last-5-s rate in second %s;"
                    + " last 5 s: JIT/interpreter %.2fx", variant, overtakes(jit, interp), reaches(jit, 0.9), tail(jit) / tail(interp)));
        }
        return out;
    }

    private static String thousands(long v) {
        return v >= 10_000 ? (v / 1000) + "k" : String.valueOf(v);
    }

    /** First second from which the JIT's rate stays at or above the interpreter's. */
    private static String overtakes(long[] jit, long[] interp) {
        for (int s = 0; s < jit.length; s++) {
            boolean stays = true;
            for (int t = s; t < jit.length; t++) {
                stays &= jit[t] >= interp[t];
            }
            if (stays) {
                return String.valueOf(s + 1);
            }
        }
        return "never";
    }

    private static String reaches(long[] curve, double share) {
        double goal = tail(curve) * share;
        for (int s = 0; s < curve.length; s++) {
            if (curve[s] >= goal) {
                return String.valueOf(s + 1);
            }
        }
        return "never";
    }

    private static double tail(long[] curve) {
        int n = Math.min(5, curve.length);
        double sum = 0;
        for (int s = curve.length - n; s < curve.length; s++) {
            sum += curve[s];
        }
        return sum / n;
    }

    private static long[] fork(String variant, String runtime, int seconds) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(BenchMain.jvmArgs(runtime, BenchMain.jitDir()));
        Path jar = Path.of(WarmupCurve.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        cmd.add("-cp");
        cmd.add(jar.getParent().resolve("*").toString());
        cmd.add(WarmupCurve.class.getName());
        cmd.addAll(List.of("child", variant, String.valueOf(seconds)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long[] curve = new long[seconds];
        int got = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("S ")) {
                    String[] f = line.split(" ");
                    curve[Integer.parseInt(f[1]) - 1] = Long.parseLong(f[2]);
                    got++;
                }
            }
        }
        if (p.waitFor() != 0 || got != seconds) {
            throw new IllegalStateException("warm-up child " + variant + "/" + runtime + " exited " + p.exitValue() + " after " + got + " s");
        }
        return curve;
    }

    /** The fork: B1's chain, records counted per second from the first record; prints "S <second> <records>". */
    private static void child(String variant, int seconds) {
        SmtChainBench b = new SmtChainBench();
        b.variant = variant;
        b.setup();   // includes the first record (setup checks its output)
        long start = System.nanoTime();
        for (int s = 1; s <= seconds; s++) {
            long end = start + s * 1_000_000_000L;
            long n = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 50; i++) {
                    b.chain();
                }
                n += 50;
            }
            System.out.println("S " + s + " " + n);
        }
        b.close();
    }
}
