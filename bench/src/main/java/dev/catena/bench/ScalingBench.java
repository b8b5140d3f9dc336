package dev.catena.bench;

import dev.catena.connect.ChainTransform;
import dev.catena.sandbox.Engines;
import dev.catena.sandbox.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Cast;
import org.apache.kafka.connect.transforms.InsertField;
import org.apache.kafka.connect.transforms.MaskField;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.apache.kafka.connect.transforms.ReplaceField;
import org.apache.kafka.connect.transforms.Transformation;
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
 * B3, scaling: records/s through Catena's {@code ChainTransform} on schemaless {@link SinkRecord}s
 * as the chain, the record and the number of callers grow. One op = one record.
 * <ul>
 * <li>{@code steps}: N distinct JavaScript steps ({@code js: fI.js}, N = 1..32), step I sets
 *     {@code value.fI}. Adjacent JS steps are fused into one guest call, as in production.</li>
 * <li>{@code size}: the five-step chain of {@link SmtChainBench} as {@code kafka.*} JS library
 *     steps ({@code js}) and as Kafka's own SMTs ({@code builtin}), on records whose
 *     {@code payload} map of string fields pads them to about {@code bytes} of JSON.</li>
 *     The transform (and each SMT) is one instance shared by all benchmark threads, with
 *     {@code pool.size=2}: {@link ScalingMain} also runs it with 2 JMH threads.</li>
 * </ul>
 * Every setup checks one record's output and refuses to measure a wrong chain or an interpreted engine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 5, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class ScalingBench {
    /** Records cycled per benchmark; a power of two. */
    static final int RECORDS = 64;

    /** Kafka SMT class, {@code kafka.*} library step, then config key/value pairs (as {@link SmtChainBench}). */
    static final String[][] FIVE = {
        {"org.apache.kafka.connect.transforms.InsertField$Value", "kafka.insert-field", "static.field", "source", "static.value", "web"},
        {"org.apache.kafka.connect.transforms.ReplaceField$Value", "kafka.replace-field", "renames", "qty:quantity"},
        {"org.apache.kafka.connect.transforms.MaskField$Value", "kafka.mask-field", "fields", "card"},
        {"org.apache.kafka.connect.transforms.Cast$Value", "kafka.cast", "spec", "price:string"},
        {"org.apache.kafka.connect.transforms.RegexRouter", "kafka.regex-router", "regex", "orders-(.*)", "replacement", "routed-$1"},
    };

    /** A chain of N JavaScript steps, each its own script. */
    @State(Scope.Benchmark)
    public static class Steps {
        @Param({"1", "2", "4", "8", "16", "32"})
        public int steps;
        ChainTransform<SinkRecord> transform;
        SinkRecord[] records;
        private Path dir;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            requireJit();
            dir = Files.createTempDirectory("catena-b3-steps");
            StringBuilder y = new StringBuilder("chain: scaling-steps\nsteps:\n");
            for (int i = 0; i < steps; i++) {
                Files.writeString(dir.resolve("f" + i + ".js"),
                        "export function transform(msg, ctx) {\n  msg.value.f" + i + " = msg.value.qty + " + i + ";\n  return msg;\n}\n");
                y.append("  - {id: f").append(i).append(", js: f").append(i).append(".js}\n");
            }
            transform = new ChainTransform<>();
            transform.configure(Map.of("chain.inline", y.toString(), "scripts.dir", dir.toString()));
            records = records(0);
            SinkRecord out = transform.apply(records[3]);
            for (int i = 0; i < steps; i++) {
                if (!(out.value() instanceof Map<?, ?> m) || !(m.get("f" + i) instanceof Number n) || n.longValue() != 4 + i) {
                    throw new IllegalStateException(steps + " steps produced " + out.value());
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            transform.close();
            for (int i = 0; i < steps; i++) {
                Files.deleteIfExists(dir.resolve("f" + i + ".js"));
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The five-step chain, JS library steps or Kafka's SMTs, on records padded to about {@code bytes} of JSON. */
    @State(Scope.Benchmark)
    public static class Sized {
        @Param({"js", "builtin"})
        public String variant;
        @Param({"200", "2048", "10240", "51200"})
        public int bytes;
        SinkRecord[] records;
        private List<Transformation<SinkRecord>> builtins;
        private ChainTransform<SinkRecord> catena;

        @Setup(Level.Trial)
        public void setup() {
            records = records(bytes);
            if (variant.equals("builtin")) {
                builtins = List.of(conf(new InsertField.Value<>(), 0), conf(new ReplaceField.Value<>(), 1),
                        conf(new MaskField.Value<>(), 2), conf(new Cast.Value<>(), 3), conf(new RegexRouter<>(), 4));
            } else if (variant.equals("js")) {
                requireJit();
                catena = new ChainTransform<>();
                // two contexts: with 2 JMH threads, both share this transform
                catena.configure(Map.of("chain.inline", libraryChain(), "pool.size", "2"));
            } else {
                throw new IllegalArgumentException("variant must be js or builtin, found '" + variant + "'");
            }
            SinkRecord in = records[3];
            SinkRecord out = apply(in);
            if (!"routed-eu".equals(out.topic()) || !(out.value() instanceof Map<?, ?> m) || !"12.5".equals(m.get("price"))
                    || !"".equals(m.get("card")) || !(m.get("quantity") instanceof Number q && q.longValue() == 4)
                    || !"web".equals(m.get("source")) || m.containsKey("qty")
                    || !Objects.equals(m.get("payload"), ((Map<?, ?>) in.value()).get("payload"))) {
                throw new IllegalStateException(variant + " produced " + out.topic() + " " + abbreviated(out.value()));
            }
        }

        SinkRecord apply(SinkRecord r) {
            if (builtins == null) {
                return catena.apply(r);
            }
            SinkRecord cur = r;
            for (Transformation<SinkRecord> t : builtins) {
                cur = t.apply(cur);
            }
            return cur;
        }

        @TearDown(Level.Trial)
        public void close() {
            if (catena != null) {
                catena.close();
            }
            if (builtins != null) {
                builtins.forEach(Transformation::close);
            }
        }
    }

    /** Each benchmark thread's own position in the records. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public SinkRecord steps(Steps s, Cursor c) {
        return s.transform.apply(s.records[c.next++ & (RECORDS - 1)]);
    }

    @Benchmark
    public SinkRecord size(Sized s, Cursor c) {
        return s.apply(s.records[c.next++ & (RECORDS - 1)]);
    }

    static String libraryChain() {
        StringBuilder y = new StringBuilder("chain: scaling-five\nsteps:\n");
        for (int s = 0; s < FIVE.length; s++) {
            String[] st = FIVE[s];
            y.append("  - id: s").append(s).append("\n    lib: ").append(st[1]).append("\n    lang: js\n    with: {");
            for (int k = 2; k < st.length; k += 2) {
                y.append(k > 2 ? ", " : "").append('"').append(st[k]).append("\": \"").append(st[k + 1]).append('"');
            }
            y.append("}\n");
        }
        return y.toString();
    }

    private static Transformation<SinkRecord> conf(Transformation<SinkRecord> t, int step) {
        Map<String, String> c = new HashMap<>();
        String[] st = FIVE[step];
        for (int k = 2; k < st.length; k += 2) {
            c.put(st[k], st[k + 1]);
        }
        t.configure(c);
        return t;
    }

    /** {@link #RECORDS} order records on topic orders-eu; with {@code bytes > 0}, padded to at least that much JSON. */
    static SinkRecord[] records(int bytes) {
        SinkRecord[] rs = new SinkRecord[RECORDS];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new SinkRecord("orders-eu", 0, null, "k" + i, null, value(i, bytes), i);
        }
        return rs;
    }

    /** Record {@code i}'s value: five order fields, and a {@code payload} map of 40-character strings up to {@code bytes} of JSON. */
    static Map<String, Object> value(int i, int bytes) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "o-" + i);
        v.put("qty", (long) (i % 5 + 1));
        v.put("price", 9.5 + i);
        v.put("card", "4111111111111111");
        v.put("customer", "c" + (i % 7));
        if (bytes <= 0) {
            return v;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        v.put("payload", payload);
        int size = jsonBytes(v);
        for (int k = 0; size < bytes; k++) {
            String key = String.format("p%04d", k);
            String text = ("r" + i + "-field" + k + "-").repeat(8).substring(0, 40);
            size += (k == 0 ? 0 : 1) + key.length() + text.length() + 5;
            payload.put(key, text);
        }
        return v;
    }

    /** Bytes of the value as compact JSON (the test data is ASCII without escapes). */
    static int jsonBytes(Object o) {
        if (o instanceof Map<?, ?> m) {
            int n = 2 + Math.max(0, m.size() - 1);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                n += jsonBytes(String.valueOf(e.getKey())) + 1 + jsonBytes(e.getValue());
            }
            return n;
        }
        if (o instanceof String s) {
            return s.length() + 2;
        }
        return String.valueOf(o).length();
    }

    /** Mean JSON bytes of the values {@link #records} makes for {@code bytes}. */
    static double meanJsonBytes(int bytes) {
        long total = 0;
        for (int i = 0; i < RECORDS; i++) {
            total += jsonBytes(value(i, bytes));
        }
        return (double) total / RECORDS;
    }

    private static void requireJit() {
        if (Engines.isInterpreted(Engines.get(Language.JS))) {
            throw new IllegalStateException("the JavaScript engine in this fork is '" + Engines.implementationName(Language.JS)
                    + "': start it with the Graal JIT flags (ScalingMain does)");
        }
    }

    private static String abbreviated(Object o) {
        String s = String.valueOf(o);
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }
}
