package dev.catena.host;

import dev.catena.bindings.Message;
import dev.catena.host.spec.OnError;
import dev.catena.host.step.Condition;
import dev.catena.host.step.Step;
import dev.catena.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded chain: its steps in order, each with an optional condition and a failure policy.
 * Thread-safe; records may be applied from several threads at once.
 *
 * <pre>{@code
 * try (Chain chain = ChainLoader.load(Path.of("samples/orders/chain.yaml"), HostOptions.DEFAULT)) {
 *     Outcome o = chain.apply(message);
 * }
 * }</pre>
 */
public final class Chain implements AutoCloseable {

    /** A step as placed in the chain. */
    public record Link(Step step, Condition when, OnError onError, boolean split) {
    }

    private final String name;
    private final String file;
    private final List<Link> links;
    /** The sandbox this chain owns and closes, or null when it runs in a shared one. */
    private final Sandbox sandbox;
    private final ChainStats stats = new ChainStats();

    Chain(String name, String file, List<Link> links, Sandbox sandbox) {
        this.name = name;
        this.file = file;
        this.links = List.copyOf(links);
        this.sandbox = sandbox;
    }

    public String name() {
        return name;
    }

    /** The chain file's display name. */
    public String file() {
        return file;
    }

    public List<Link> links() {
        return links;
    }

    public ChainStats stats() {
        return stats;
    }

    /** Whether any step may turn one record into several (declared {@code split: true}). */
    public boolean canSplit() {
        return links.stream().anyMatch(Link::split);
    }

    /**
     * Runs the chain on one record. Never throws for a record's failure: that is an
     * {@link Outcome.Failed} carrying the record as it entered the chain.
     */
    public Outcome apply(Message input) {
        stats.in.increment();
        List<Message> current = List.of(input);
        for (Link link : links) {
            List<Message> next = new ArrayList<>(current.size());
            for (Message m : current) {
                try {
                    if (link.when() != null && !link.when().test(m)) {
                        next.add(m);
                        continue;
                    }
                    List<Message> produced = link.step().apply(m);
                    if (produced.size() > 1 && !link.split()) {
                        throw new StepFailure(name, link.step().id(), ErrorClass.SCRIPT_ERROR, null, m.describe(),
                                "returned " + produced.size() + " records, but the step is not declared 'split: true'", null);
                    }
                    next.addAll(produced);
                } catch (StepFailure f) {
                    switch (link.onError()) {
                        case SKIP -> next.add(m);
                        case DROP -> { }
                        case FAIL, DLQ -> {
                            stats.failed.increment();
                            return new Outcome.Failed(input, f);
                        }
                    }
                }
            }
            if (next.isEmpty()) {
                stats.dropped.increment();
                return new Outcome.Dropped(link.step().id());
            }
            current = next;
        }
        stats.emittedInputs.increment();
        stats.out.add(current.size());
        return new Outcome.Emitted(current);
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
