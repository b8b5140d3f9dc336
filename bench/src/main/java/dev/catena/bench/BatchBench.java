package dev.catena.bench;

import dev.catena.bindings.Message;
import dev.catena.bindings.guest.MessageView;
import dev.catena.bindings.guest.StepContextView;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.SandboxOptions;
import dev.catena.sandbox.Script;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does batch execution pay? B1's five hand-written JS steps ({@code smt-js/}) on 64 records, in
 * the sandbox as a fused step runs them: {@code single}, one guest call (borrow, watchdog arm,
 * message view) per record, as Catena runs today; {@code host-loop}, one borrow for the 64
 * records and a Java loop over them; {@code guest-loop}, one guest call that receives the 64
 * views as an array and loops in JavaScript. One op = one record. Setup checks that the three
 * give identical outputs. Run through {@code bench/run suite} or {@code bench/run batch}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 6, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 5, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class BatchBench {
    static final int BATCH = 64;

    @Param({"single", "host-loop", "guest-loop"})
    public String mode;

    private static final Script DRIVER = Script.of(Language.JS, "batch-driver.js", """
            export function transform(fns, views, ctxs) {
              const n = views.length;
              for (let i = 0; i < n; i++) {
                const v = views[i];
                for (let j = 0; j < fns.length; j++) {
                  fns[j](v, ctxs[j]);
                }
              }
              return n;
            }
            """);

    private Sandbox sandbox;
    private List<Script> steps;
    private List<Script> withDriver;
    private StepContextView[] contexts;
    private Message[] records;
    private Message[] out;

    @Setup(Level.Trial)
    public void setup() {
        steps = new ArrayList<>();
        for (String n : List.of("insert", "rename", "mask", "cast", "route")) {
            steps.add(Script.of(Language.JS, n + ".js", resource("/smt-js/" + n + ".js")));
        }
        withDriver = new ArrayList<>(steps);
        withDriver.add(DRIVER);
        contexts = new StepContextView[steps.size()];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new StepContextView(Map.of(), "batch", "s" + i, System::currentTimeMillis, (level, text) -> { });
        }
        sandbox = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(1));
        records = new Message[BATCH];
        for (int i = 0; i < BATCH; i++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", "o-" + i);
            v.put("qty", (long) (i % 5 + 1));
            v.put("price", 9.5 + i);
            v.put("card", "4111111111111111");
            v.put("customer", "c" + (i % 7));
            records[i] = Message.builder().topic("orders-eu").partition(0).offset((long) i).value(v).build();
        }
        out = new Message[BATCH];
        Message[] expected = new Message[BATCH];
        single();
        System.arraycopy(out, 0, expected, 0, BATCH);
        Arrays.fill(out, null);
        run();
        for (int i = 0; i < BATCH; i++) {
            if (!expected[i].equals(out[i])) {
                throw new IllegalStateException(mode + " gave " + out[i] + " where one call per record gave " + expected[i]);
            }
        }
        if (!"routed-eu".equals(out[3].topic())) {
            throw new IllegalStateException("unexpected output " + out[3]);
        }
    }

    private static String resource(String name) {
        try (InputStream in = BatchBench.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        switch (mode) {
            case "single" -> single();
            case "host-loop" -> hostLoop();
            case "guest-loop" -> guestLoop();
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private void single() {
        for (int i = 0; i < BATCH; i++) {
            Message in = records[i];
            out[i] = sandbox.callAll(steps, fns -> {
                MessageView view = new MessageView(in);
                for (int j = 0; j < fns.size(); j++) {
                    fns.get(j).execute(view, contexts[j]);
                }
                return view.toMessage();
            });
        }
    }

    private void hostLoop() {
        sandbox.callAll(steps, fns -> {
            for (int i = 0; i < BATCH; i++) {
                MessageView view = new MessageView(records[i]);
                for (int j = 0; j < fns.size(); j++) {
                    fns.get(j).execute(view, contexts[j]);
                }
                out[i] = view.toMessage();
            }
            return null;
        });
    }

    private void guestLoop() {
        sandbox.callAll(withDriver, fns -> {
            MessageView[] views = new MessageView[BATCH];
            for (int i = 0; i < BATCH; i++) {
                views[i] = new MessageView(records[i]);
            }
            List<Value> transforms = fns.subList(0, steps.size());
            fns.get(steps.size()).execute(ProxyArray.fromList(new ArrayList<>(transforms)), ProxyArray.fromArray((Object[]) views),
                    ProxyArray.fromArray((Object[]) contexts));
            for (int i = 0; i < BATCH; i++) {
                out[i] = views[i].toMessage();
            }
            return null;
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Message batch() {
        run();
        return out[BATCH - 1];
    }

    @TearDown(Level.Trial)
    public void close() {
        sandbox.close();
    }
}
