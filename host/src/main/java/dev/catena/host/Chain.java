package dev.catena.host;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import dev.catena.host.exec.Trace;
import dev.catena.host.step.MemoizedStep;
import dev.catena.host.step.Sequence;
import dev.catena.host.step.StatefulStep;
import dev.catena.host.step.Step;
import dev.catena.sandbox.Sandbox;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded chain: its step graph, ready to run records. Thread-safe for chains without
 * stateful steps; a chain with {@code aggregate}/{@code correlate} serialises their state.
 *
 * <pre>{@code
 * try (Chain chain = ChainLoader.load(Path.of("samples/orders/chain.yaml"), HostOptions.DEFAULT)) {
 *     Outcome o = chain.apply(message);
 * }
 * }</pre>
 */
public final class Chain implements RecordProcessor {
    private final String name;
    private final String file;
    private final List<Step> steps;
    private final HostOptions options;
    /** The sandbox this chain owns and closes, or null when it runs in a shared one. */
    private final Sandbox sandbox;
    private final List<MemoizedStep> memoized;
    private final ChainStats stats = new ChainStats();
    private final Deque<Pending> pending = new ArrayDeque<>();

    /** A record released by a stateful step, to run from the step after it. */
    private record Pending(Message message, int from) {
    }

    private final List<AutoCloseable> resources;

    Chain(String name, String file, List<Step> steps, HostOptions options, Sandbox sandbox, List<MemoizedStep> memoized,
            List<AutoCloseable> resources) {
        this.resources = List.copyOf(resources);
        this.name = name;
        this.file = file;
        this.steps = List.copyOf(steps);
        this.options = options;
        this.sandbox = sandbox;
        this.memoized = List.copyOf(memoized);
    }

    @Override
    public String name() {
        return name;
    }

    /** The chain file's display name. */
    public String file() {
        return file;
    }

    /** Top-level steps after folding and fusion. */
    public List<Step> steps() {
        return steps;
    }

    @Override
    public ChainStats stats() {
        return stats;
    }

    /** Forgets the counts so far (after a new version's fixture run, before it serves). */
    public void resetStats() {
        stats.reset();
    }

    /** Whether any step may turn one record into several ({@code split: true}). */
    public boolean canSplit() {
        return steps.stream().anyMatch(Step::canSplit);
    }

    /** Ids of the steps that may split records. */
    public List<String> splittingSteps() {
        List<String> ids = new ArrayList<>();
        collect(steps, ids);
        return ids;
    }

    /** Ids of aggregate/correlate steps (they hold records across inputs). */
    public List<String> statefulSteps() {
        List<String> ids = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof StatefulStep) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    private static void collect(List<Step> steps, List<String> ids) {
        for (Step s : steps) {
            if (!s.canSplit()) {
                continue;   // e.g. a foreach: its body may split elements, the step returns one record
            }
            if (s.children().isEmpty()) {
                ids.add(s.id());
            }
            collect(s.children(), ids);
        }
    }

    /** Cache statistics of every memoized step, by step id. */
    @Override
    public Map<String, CacheStats> memoStats() {
        Map<String, CacheStats> m = new LinkedHashMap<>();
        for (MemoizedStep s : memoized) {
            m.put(s.id(), s.stats());
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Runs the chain on one record. Never throws for a record's failure: that is an
     * {@link Outcome.Failed} carrying the record as it entered the chain.
     */
    public Outcome apply(Message input) {
        return apply(input, null);
    }

    /** Runs the chain on one record, recording what each step did into {@code trace} (may be null). */
    @Override
    public Outcome apply(Message input, Trace trace) {
        stats.in.increment();
        return run(input, 0, exec(trace));
    }

    private Exec exec(Trace trace) {
        return new Exec(name, options.clock(), options.sleeper(), trace);
    }

    private Outcome run(Message input, int from, Exec x) {
        List<Message> current = List.of(input);
        try {
            for (int i = from; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (step instanceof StatefulStep st) {
                    synchronized (pending) {
                        for (Message m : current) {
                            for (Message r : st.accept(m, x)) {
                                pending.add(new Pending(r, i + 1));
                            }
                        }
                    }
                    stats.absorbed.increment();
                    return new Outcome.Absorbed(st.id());
                }
                current = Sequence.run(List.of(step), current.size() == 1 ? current.get(0) : null, current, x);
                if (current.isEmpty()) {
                    stats.dropped.increment();
                    return new Outcome.Dropped(x.droppedBy() == null ? step.id() : x.droppedBy());
                }
            }
        } catch (StepFailure f) {
            stats.failed.increment();
            return new Outcome.Failed(input, f);
        }
        stats.emitted.increment();
        stats.out.add(current.size());
        return new Outcome.Emitted(current);
    }

    /** Runs the records stateful steps have released so far through the rest of the chain. */
    @Override
    public List<Outcome> drain() {
        return drain(null);
    }

    public List<Outcome> drain(Trace trace) {
        List<Outcome> out = new ArrayList<>();
        while (true) {
            Pending p;
            synchronized (pending) {
                p = pending.poll();
            }
            if (p == null) {
                return out;
            }
            stats.released.increment();
            out.add(run(p.message(), p.from(), exec(trace)));
        }
    }

    /** End of input: every stateful step releases what it holds, in chain order; the outcomes of running them on. */
    @Override
    public List<Outcome> flush() {
        List<Outcome> out = new ArrayList<>(drain());
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof StatefulStep st) {
                synchronized (pending) {
                    for (Message r : st.flush(exec(null))) {
                        pending.add(new Pending(r, i + 1));
                    }
                }
                out.addAll(drain());
            }
        }
        return out;
    }

    @Override
    public void close() {
        dev.catena.host.compile.CompiledChain.closeAll(resources);
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
