package dev.catena.bench;

import dev.catena.connect.ChainTransform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * B1: a chain of five built-in Kafka SMTs (InsertField, ReplaceField rename, MaskField, Cast,
 * RegexRouter) on schemaless records: as Kafka runs them ({@code builtin}), as one hand-written
 * Java transformation ({@code java}), and through Catena's {@code ChainTransform} as {@code smt:}
 * steps, as hand-written JavaScript and Python steps ({@code js}, {@code py}: {@code smt-js/},
 * {@code smt-py/}) and as the {@code kafka.*} library steps in each language ({@code js-lib},
 * {@code py-lib}). One op = one record. Run through {@code bench/run smt} or {@code bench/run suite}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 6, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 5, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class SmtChainBench {
    @Param({"builtin", "java", "smt", "js", "py", "js-lib", "py-lib"})
    public String variant;

    private List<Transformation<SinkRecord>> builtins;
    private ChainTransform<SinkRecord> catena;
    private SinkRecord[] records;
    private int next;

    private static final String[][] STEPS = {
        {"org.apache.kafka.connect.transforms.InsertField$Value", "kafka.insert-field", "static.field", "source", "static.value", "web"},
        {"org.apache.kafka.connect.transforms.ReplaceField$Value", "kafka.replace-field", "renames", "qty:quantity"},
        {"org.apache.kafka.connect.transforms.MaskField$Value", "kafka.mask-field", "fields", "card"},
        {"org.apache.kafka.connect.transforms.Cast$Value", "kafka.cast", "spec", "price:string"},
        {"org.apache.kafka.connect.transforms.RegexRouter", "kafka.regex-router", "regex", "orders-(.*)", "replacement", "routed-$1"},
    };

    @Setup(Level.Trial)
    public void setup() {
        records = new SinkRecord[64];
        for (int i = 0; i < records.length; i++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", "o-" + i);
            v.put("qty", (long) (i % 5 + 1));
            v.put("price", 9.5 + i);
            v.put("card", "4111111111111111");
            v.put("customer", "c" + (i % 7));
            records[i] = new SinkRecord("orders-eu", 0, null, "k" + i, null, v, i);
        }
        switch (variant) {
            case "builtin" -> builtins = List.of(conf(new InsertField.Value<>(), 0), conf(new ReplaceField.Value<>(), 1),
                    conf(new MaskField.Value<>(), 2), conf(new Cast.Value<>(), 3), conf(new RegexRouter<>(), 4));
            case "java" -> builtins = List.of(new HandWrittenChain());
            case "js", "py" -> {
                catena = new ChainTransform<>();
                catena.configure(Map.of("chain.file", extract("smt-" + variant).resolve("chain.yaml").toString()));
            }
            default -> {
                StringBuilder y = new StringBuilder("chain: smt-bench\nsteps:\n");
                for (int s = 0; s < STEPS.length; s++) {
                    String[] st = STEPS[s];
                    y.append("  - id: s").append(s).append('\n');
                    if (variant.equals("smt")) {
                        y.append("    smt: ").append(st[0]).append("\n    config: {");
                    } else {
                        y.append("    lib: ").append(st[1]).append("\n    lang: ").append(variant.replace("-lib", ""))
                                .append("\n    with: {");
                    }
                    for (int k = 2; k < st.length; k += 2) {
                        y.append(k > 2 ? ", " : "").append('"').append(st[k]).append("\": \"").append(st[k + 1]).append('"');
                    }
                    y.append("}\n");
                }
                catena = new ChainTransform<>();
                catena.configure(Map.of("chain.inline", y.toString()));
            }
        }
        // the variants must agree on what they produce
        SinkRecord out = apply(records[3]);
        if (!"routed-eu".equals(out.topic()) || !(out.value() instanceof Map<?, ?> m) || !"12.5".equals(m.get("price"))
                || !"".equals(m.get("card")) || !(m.get("quantity") instanceof Number q && q.longValue() == 4)
                || !"web".equals(m.get("source"))) {
            throw new IllegalStateException(variant + " produced " + out.topic() + " " + out.value());
        }
    }

    /** A chain directory of this jar's resources, copied to a temporary directory ChainTransform can read. */
    static Path extract(String dir) {
        try {
            Path out = Files.createTempDirectory("catena-bench-" + dir);
            for (String f : List.of("chain.yaml", "insert", "rename", "mask", "cast", "route")) {
                String name = f.contains(".") ? f : f + "." + dir.substring(dir.length() - 2);
                try (InputStream in = SmtChainBench.class.getResourceAsStream("/" + dir + "/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("resource /" + dir + "/" + name + " is missing");
                    }
                    Files.copy(in, out.resolve(name));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Transformation<SinkRecord> conf(Transformation<SinkRecord> t, int step) {
        Map<String, String> c = new HashMap<>();
        String[] st = STEPS[step];
        for (int k = 2; k < st.length; k += 2) {
            c.put(st[k], st[k + 1]);
        }
        t.configure(c);
        return t;
    }

    private SinkRecord apply(SinkRecord r) {
        if (builtins != null) {
            SinkRecord cur = r;
            for (Transformation<SinkRecord> t : builtins) {
                cur = t.apply(cur);
            }
            return cur;
        }
        return catena.apply(r);
    }

    @Benchmark
    public SinkRecord chain() {
        return apply(records[next++ & 63]);
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
