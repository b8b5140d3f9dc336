package dev.catena.host;

import java.util.concurrent.atomic.LongAdder;

/**
 * Record counts of one chain. Every record that enters (an input, or a record an aggregate or
 * correlate step releases) ends as exactly one outcome:
 * {@code in + released == emitted + dropped + failed + absorbed}.
 */
public final class ChainStats {
    final LongAdder in = new LongAdder();
    final LongAdder released = new LongAdder();
    final LongAdder emitted = new LongAdder();
    final LongAdder out = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder absorbed = new LongAdder();

    public long in() {
        return in.sum();
    }

    /** Records released by stateful steps (aggregates, correlations), which then run the rest of the chain. */
    public long released() {
        return released.sum();
    }

    /** Records that came out (possibly split into several). */
    public long emittedInputs() {
        return emitted.sum();
    }

    /** Output records, counting each part of a split. */
    public long out() {
        return out.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** Records taken in by aggregate/correlate steps. */
    public long absorbed() {
        return absorbed.sum();
    }

    /** The sum of several chains' counts (the versions of a hot-swapped chain). */
    public static ChainStats sum(Iterable<ChainStats> all) {
        ChainStats t = new ChainStats();
        for (ChainStats s : all) {
            t.in.add(s.in());
            t.released.add(s.released());
            t.emitted.add(s.emittedInputs());
            t.out.add(s.out());
            t.dropped.add(s.dropped());
            t.failed.add(s.failed());
            t.absorbed.add(s.absorbed());
        }
        return t;
    }

    void reset() {
        for (LongAdder a : new LongAdder[] {in, released, emitted, out, dropped, failed, absorbed}) {
            a.reset();
        }
    }

    /** Whether the accounting identity holds. */
    public boolean balanced() {
        return in() + released() == emittedInputs() + dropped() + failed() + absorbed();
    }

    @Override
    public String toString() {
        return "in=" + in() + " released=" + released() + " out=" + out() + " dropped=" + dropped() + " failed=" + failed()
                + " absorbed=" + absorbed();
    }
}
