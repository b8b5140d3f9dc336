package dev.catena.host;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.catena.bindings.Message;
import dev.catena.host.exec.Trace;
import java.util.List;
import java.util.Map;

/** What a host drives: a loaded {@link Chain}, or a {@link dev.catena.host.swap.LiveChain} that swaps versions. */
public interface RecordProcessor extends AutoCloseable {
    String name();

    /** Runs one record; {@code trace} may be null. */
    Outcome apply(Message input, Trace trace);

    /** Records released by stateful steps since the last call, run through the rest of the chain. */
    List<Outcome> drain();

    /** End of input: everything still held, released and run on. */
    List<Outcome> flush();

    ChainStats stats();

    Map<String, CacheStats> memoStats();

    @Override
    void close();
}
