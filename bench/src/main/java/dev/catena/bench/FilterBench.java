package dev.catena.bench;

import dev.catena.connect.ChainPredicate;
import dev.catena.connect.ChainTransform;
import io.debezium.transforms.Filter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
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
 * B2: one JavaScript filter condition ("keep the record when qty &gt; 2", 38 of the 64 records
 * kept) on the same records, as Debezium's scripting {@code Filter} SMT runs it
 * ({@code debezium}, {@code debezium-nojit}), as Catena's {@link ChainPredicate}
 * ({@code predicate}), as a {@link ChainTransform} chain whose one step is {@code drop: true}
 * guarded by the negated condition ({@code when}), and in plain Java ({@code java}, the floor). One op = one record;
 * a dropped record is returned as null, as an SMT returns it. Setup checks that every variant
 * keeps exactly the records the Java condition keeps. Run through {@link FilterMain}.
 *
 * <p>Shapes: {@code struct} (value and key are Structs with schemas; Debezium's
 * {@code jsr223.graal.js} engine only takes Structs) and {@code map} (schemaless Map values,
 * as {@link SmtChainBench}; Debezium then runs as {@code jsr223.js}, see {@link #DEBEZIUM_MAP}).
 *
 * <p>Debezium's {@code Filter} keeps a record when its condition is true (its config doc says
 * the opposite; its code, {@code eval(record) ? record : null}, and setup's check agree on
 * "kept"). Its Jsr223Engine creates fresh {@code Bindings} per record, and Graal.js's
 * ScriptEngine backs each with a new polyglot context: that, not the expression, is its cost.
 * With the Graal JIT on, those short-lived contexts run slower than with Truffle compilation
 * off, so {@code debezium-nojit} runs the same Filter with compilation off in its engine (as on
 * a worker JVM without the Graal compiler), the faster Debezium to compare against.
 *
 * <p>Those contexts are never closed, and nothing frees them (closing and dropping the Filter
 * does not either): Debezium's Filter keeps about 100 KB of heap per record for the life of the
 * JVM, so its throughput falls as the heap fills. {@link FilterMain} gives the forks a heap the
 * Debezium runs fit in.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 4, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class FilterBench {
    static final List<String> VARIANTS = List.of("debezium", "debezium-nojit", "predicate", "when", "java");
    static final List<String> SHAPES = List.of("struct", "map");

    /** Catena's condition: a {@code when:} / {@code condition} in YAML flow style. */
    static final String CATENA_CONDITION = "{js: \"msg.value.qty > 2\"}";
    /** The chain of the {@code when} variant: drop what the condition rejects, so what it accepts passes on. */
    static final String WHEN_CHAIN = """
            chain: filter-bench
            steps:
              - id: keep-qty-over-2
                drop: true
                when: {not: %s}
            """.formatted(CATENA_CONDITION);
    /** Debezium on Structs: GraalJsEngine shows {@code value} as a ProxyObject over the Struct's fields. */
    static final Map<String, String> DEBEZIUM_STRUCT = Map.of("language", "jsr223.graal.js", "condition", "value.qty > 2");
    /**
     * Debezium on Map values: its GraalJsEngine ({@code jsr223.graal.js}) casts key and value to
     * Struct (ClassCastException on a String key or a Map value), so schemaless records need
     * {@code jsr223.js}: the same Graal.js ScriptEngine behind Debezium's plain Jsr223Engine,
     * which hands the Map over as a host object. That engine allows no host access unless the JVM
     * has {@link #SCRIPT_ENGINE_ACCESS} set (then {@code value.qty} and {@code value.get('qty')}
     * both work); without it {@code value.qty} is undefined and every record is dropped.
     */
    static final Map<String, String> DEBEZIUM_MAP = Map.of("language", "jsr223.js", "condition", "value.qty > 2");
    /** Graal.js's ScriptEngine switch for host access (read when an engine is created); a worker would pass it as -D. */
    static final String SCRIPT_ENGINE_ACCESS = "graaljs.insecure-scriptengine-access";
    /** For {@code debezium-nojit}: Truffle compilation off in the polyglot engine Debezium's ScriptEngine builds. */
    static final String NO_COMPILATION = "polyglot.engine.Compilation";

    private static final Schema KEY_SCHEMA = SchemaBuilder.struct().name("orders.Key").field("id", Schema.STRING_SCHEMA).build();
    private static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name("orders.Value")
            .field("id", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT64_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("card", Schema.STRING_SCHEMA)
            .field("customer", Schema.STRING_SCHEMA)
            .build();

    @Param({"debezium", "debezium-nojit", "predicate", "when", "java"})
    public String variant;

    @Param({"struct", "map"})
    public String shape;

    private Keeper keeper;
    private SinkRecord[] records;
    private int next;

    /** One way of running the condition: the record when it is kept, null when it is dropped. */
    interface Keeper extends AutoCloseable {
        SinkRecord keep(SinkRecord r);

        @Override
        void close();
    }

    @Setup(Level.Trial)
    public void setup() {
        records = records(shape);
        // every variant must keep the records the Java condition keeps, and drop the others
        boolean[] expected = decisions(keeper("java", shape), records);
        int kept = 0;
        for (boolean k : expected) {
            kept += k ? 1 : 0;
        }
        if (kept == 0 || kept == records.length) {
            throw new IllegalStateException("the condition keeps " + kept + " of " + records.length + " records");
        }
        for (String v : VARIANTS) {
            Keeper k = keeper(v, shape);
            boolean[] got = decisions(k, records);
            for (int i = 0; i < records.length; i++) {
                if (got[i] != expected[i]) {
                    k.close();
                    throw new IllegalStateException(v + "/" + shape + " " + (got[i] ? "keeps" : "drops") + " record " + i
                            + " (" + records[i].value() + "), the Java condition " + (expected[i] ? "keeps" : "drops") + " it");
                }
            }
            if (v.equals(variant)) {
                keeper = k;
            } else {
                k.close();
            }
        }
        if (keeper == null) {
            throw new IllegalStateException("unknown variant " + variant);
        }
    }

    static SinkRecord[] records(String shape) {
        SinkRecord[] rs = new SinkRecord[64];
        for (int i = 0; i < rs.length; i++) {
            long qty = i % 5 + 1;
            String id = "o-" + i;
            String customer = "c" + (i % 7);
            rs[i] = switch (shape) {
                case "struct" -> new SinkRecord("orders-eu", 0, KEY_SCHEMA, new Struct(KEY_SCHEMA).put("id", "k" + i), VALUE_SCHEMA,
                        new Struct(VALUE_SCHEMA).put("id", id).put("qty", qty).put("price", 9.5 + i)
                                .put("card", "4111111111111111").put("customer", customer), i);
                case "map" -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("id", id);
                    v.put("qty", qty);
                    v.put("price", 9.5 + i);
                    v.put("card", "4111111111111111");
                    v.put("customer", customer);
                    yield new SinkRecord("orders-eu", 0, null, "k" + i, null, v, i);
                }
                default -> throw new IllegalArgumentException("unknown shape " + shape);
            };
        }
        return rs;
    }

    static Keeper keeper(String variant, String shape) {
        return switch (variant) {
            case "debezium", "debezium-nojit" -> {
                Filter<SinkRecord> filter = new Filter<>();
                // the properties are read while configure() builds Debezium's ScriptEngine and its polyglot
                // engine; they are set only around it, so Catena's engines (built later, or earlier) never see them
                Map<String, String> properties = new LinkedHashMap<>();
                if (shape.equals("map")) {
                    properties.put(SCRIPT_ENGINE_ACCESS, "true");
                }
                if (variant.equals("debezium-nojit")) {
                    properties.put(NO_COMPILATION, "false");
                }
                withProperties(properties, () -> filter.configure(shape.equals("struct") ? DEBEZIUM_STRUCT : DEBEZIUM_MAP));
                yield keeper(filter::apply, filter::close);
            }
            case "predicate" -> {
                ChainPredicate<SinkRecord> predicate = new ChainPredicate<>();
                predicate.configure(Map.of(ChainPredicate.CONDITION, CATENA_CONDITION));
                yield keeper(r -> predicate.test(r) ? r : null, predicate::close);
            }
            case "when" -> {
                ChainTransform<SinkRecord> chain = new ChainTransform<>();
                chain.configure(Map.of("chain.inline", WHEN_CHAIN));
                yield keeper(chain::apply, chain::close);
            }
            case "java" -> keeper(shape.equals("struct")
                    ? r -> ((Struct) r.value()).getInt64("qty") > 2 ? r : null
                    : r -> ((Number) ((Map<?, ?>) r.value()).get("qty")).longValue() > 2 ? r : null, () -> { });
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    private static void withProperties(Map<String, String> properties, Runnable action) {
        Map<String, String> before = new LinkedHashMap<>();
        properties.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
        try {
            action.run();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    private static Keeper keeper(java.util.function.UnaryOperator<SinkRecord> keep, Runnable close) {
        return new Keeper() {
            @Override
            public SinkRecord keep(SinkRecord r) {
                return keep.apply(r);
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    /** Which records a keeper keeps; a kept record must come out with its topic and value unchanged. */
    private static boolean[] decisions(Keeper k, SinkRecord[] rs) {
        boolean[] kept = new boolean[rs.length];
        for (int i = 0; i < rs.length; i++) {
            SinkRecord out = k.keep(rs[i]);
            if (out != null && (!out.topic().equals(rs[i].topic()) || !out.value().equals(rs[i].value()))) {
                throw new IllegalStateException("record " + i + " came out changed: " + out);
            }
            kept[i] = out != null;
        }
        return kept;
    }

    @Benchmark
    public SinkRecord filter() {
        return keeper.keep(records[next++ & 63]);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (keeper != null) {
            keeper.close();
        }
    }
}
