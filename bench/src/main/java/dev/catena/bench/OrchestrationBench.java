package dev.catena.bench;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The orchestrator's own cost and two of its optimisations, one op = one record through
 * {@link Chain#apply}:
 * <ul>
 * <li>{@code noops}: a chain of N built-in {@code noop} steps (N = 1..32): records/s, and from it ns per step;</li>
 * <li>{@code expensive}: a JS step that burns ~20k loop iterations per record, plain versus
 *     {@code memoize}d by a key with 16 distinct values;</li>
 * <li>{@code fused}: four small JS steps, fused into one guest call versus run one by one.</li>
 * </ul>
 * Run through {@code bench/run orchestration}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 4, time = 4, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 4, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1)
public class OrchestrationBench {

    static Chain load(String yaml, Map<String, String> scripts, boolean fuse) {
        try {
            Path dir = Files.createTempDirectory("catena-bench");
            for (Map.Entry<String, String> e : scripts.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
            HostOptions options = HostOptions.DEFAULT.withSandbox(SandboxOptions.DEFAULT.withPoolSize(1)).withFusion(fuse);
            return ChainLoader.fromText(yaml, "bench.yaml", dir, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Message[] records(int distinctKeys) {
        Message[] rs = new Message[64];
        for (int i = 0; i < rs.length; i++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("sku", "sku-" + (i % distinctKeys));
            v.put("qty", (long) (i % 7 + 1));
            v.put("price", 9.5 + i);
            rs[i] = Message.builder().key("k" + i).value(v).topic("orders").build();
        }
        return rs;
    }

    static void check(Outcome o) {
        if (!(o instanceof Outcome.Emitted)) {
            throw new IllegalStateException("bench chain did not emit: " + o);
        }
    }

    /** N built-in no-op steps. */
    @State(Scope.Thread)
    public static class Noops {
        @Param({"1", "2", "4", "8", "16", "32"})
        public int steps;
        Chain chain;
        Message[] records = records(16);
        int next;

        @Setup(Level.Trial)
        public void setup() {
            StringBuilder y = new StringBuilder("chain: noops\nsteps:\n");
            for (int i = 0; i < steps; i++) {
                y.append("  - {id: n").append(i).append(", noop: true}\n");
            }
            chain = load(y.toString(), Map.of(), true);
        }

        @TearDown(Level.Trial)
        public void close() {
            chain.close();
        }
    }

    /** An expensive pure JS step, plain or memoized. */
    @State(Scope.Thread)
    public static class Expensive {
        @Param({"plain", "memoized"})
        public String mode;
        Chain chain;
        Message[] records = records(16);
        int next;

        @Setup(Level.Trial)
        public void setup() {
            String js = "export function transform(msg, ctx) {\n  let h = 0;\n  const s = msg.value.sku;\n"
                    + "  for (let i = 0; i < 20000; i++) { h = (h * 31 + s.charCodeAt(i % s.length)) | 0; }\n"
                    + "  msg.value.score = h;\n  return msg;\n}\n";
            String memo = mode.equals("memoized") ? "\n    pure: true\n    memoize: {key: value.sku, max-size: 1000}" : "";
            chain = load("chain: expensive\nsteps:\n  - id: score\n    js: score.js" + memo + "\n", Map.of("score.js", js), true);
        }

        @TearDown(Level.Trial)
        public void close() {
            chain.close();
        }
    }

    /** Four small JS steps, fused or not. */
    @State(Scope.Thread)
    public static class Fused {
        @Param({"fused", "separate"})
        public String mode;
        Chain chain;
        Message[] records = records(16);
        int next;

        @Setup(Level.Trial)
        public void setup() {
            Map<String, String> scripts = new LinkedHashMap<>();
            StringBuilder y = new StringBuilder("chain: fused\nsteps:\n");
            for (int i = 0; i < 4; i++) {
                scripts.put("s" + i + ".js", "export function transform(msg, ctx) { msg.value.f" + i + " = msg.value.qty * " + (i + 1) + "; return msg; }\n");
                y.append("  - {id: s").append(i).append(", js: s").append(i).append(".js}\n");
            }
            chain = load(y.toString(), scripts, mode.equals("fused"));
        }

        @TearDown(Level.Trial)
        public void close() {
            chain.close();
        }
    }

    @Benchmark
    public Outcome noops(Noops s) {
        Outcome o = s.chain.apply(s.records[s.next++ & 63]);
        check(o);
        return o;
    }

    @Benchmark
    public Outcome expensive(Expensive s) {
        Outcome o = s.chain.apply(s.records[s.next++ & 63]);
        check(o);
        return o;
    }

    @Benchmark
    public Outcome fused(Fused s) {
        Outcome o = s.chain.apply(s.records[s.next++ & 63]);
        check(o);
        return o;
    }
}
