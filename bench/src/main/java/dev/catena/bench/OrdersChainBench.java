package dev.catena.bench;

import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.sandbox.Engines;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
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
 * Throughput of the orders chain, one operation = one input record through {@link Chain#apply}:
 * the sample's six records cycled (four are emitted, two dropped by the first step).
 *
 * <p>{@code chain} picks the variant ({@code js}: every step JavaScript, {@code py}: every step
 * Python). {@code runtime} names the runtime the fork must be on; it cannot change the JVM
 * flags, so {@link BenchMain} starts one run per runtime with the matching flags, and
 * {@link #setup()} refuses to measure when the engine in the fork is not what {@code runtime}
 * says. Run it through {@code bench/run}, not through the JMH main directly.
 *
 * <p>Before measuring, setup checks that the chain's output for the six records is exactly
 * the sample's expected output; teardown fails the run if any record failed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 10, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 5, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "-Dpolyglot.engine.WarnInterpreterOnly=false"})
public class OrdersChainBench {
    /** System property: file the fork appends "chain runtime engine-name" to (set by BenchMain). */
    public static final String REPORT_PROPERTY = "catena.bench.report";

    @Param({"js", "py"})
    public String chain;

    @Param({"jit", "interpreter"})
    public String runtime;

    private Chain loaded;
    private Message[] records;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        Language language = chain.equals("js") ? Language.JS : Language.PYTHON;
        String engine = Engines.implementationName(language);
        boolean interpreted = Engines.isInterpreted(Engines.get(language));
        if (interpreted != runtime.equals("interpreter")) {
            throw new IllegalStateException("runtime=" + runtime + " but the " + language.displayName() + " engine in this JVM is '"
                    + engine + "': start the fork with the matching JVM flags (bench/run does)");
        }
        SandboxOptions sandbox = SandboxOptions.DEFAULT.withPoolSize(1);
        loaded = ChainLoader.load(OrdersChains.chainFile(chain), HostOptions.DEFAULT.withSandbox(sandbox));

        JsonCodec codec = new JsonCodec();
        List<String> lines = OrdersChains.input();
        records = new Message[lines.size()];
        for (int i = 0; i < records.length; i++) {
            records[i] = codec.decode(lines.get(i), "input line " + (i + 1));
        }
        List<String> produced = new ArrayList<>();
        for (Message m : records) {
            switch (loaded.apply(m)) {
                case Outcome.Emitted e -> e.messages().forEach(o -> produced.add(codec.encode(o.toBuilder().origin(null).build())));
                case Outcome.Dropped d -> { }
                case Outcome.Absorbed a -> { }
                case Outcome.Failed f -> throw new IllegalStateException("chain " + chain + " failed on " + m.describe() + ": "
                        + f.failure().getMessage(), f.failure());
            }
        }
        List<String> expected = OrdersChains.expected();
        if (!produced.equals(expected)) {
            throw new IllegalStateException("chain " + chain + " does not produce the sample's output.\nexpected:\n"
                    + String.join("\n", expected) + "\nproduced:\n" + String.join("\n", produced));
        }
        String line = chain + "\t" + runtime + "\t" + engine + "\t" + System.getProperty("java.vm.name") + " " + Runtime.version();
        System.out.println("# catena bench: " + line.replace('\t', ' '));
        String report = System.getProperty(REPORT_PROPERTY);
        if (report != null) {
            try {
                Files.writeString(Path.of(report), line + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One record through the chain. */
    @Benchmark
    public Outcome record() {
        Message m = records[next];
        next = next + 1 == records.length ? 0 : next + 1;
        return loaded.apply(m);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        var stats = loaded.stats();
        loaded.close();
        if (stats.failed() > 0) {
            throw new IllegalStateException("chain " + chain + ": " + stats.failed() + " of " + stats.in()
                    + " records failed during the run; the figures would be meaningless");
        }
        // two of every six records are dropped by drop-tests; anything else means the chain misbehaved
        long expectedDropped = stats.in() / 3;
        if (Math.abs(stats.dropped() - expectedDropped) > 2) {
            throw new IllegalStateException("chain " + chain + ": " + stats.dropped() + " of " + stats.in()
                    + " records dropped, expected about " + expectedDropped);
        }
    }
}
