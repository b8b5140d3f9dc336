package dev.catena.host;

import java.util.concurrent.atomic.LongAdder;

/** Record counts of one chain. Accounting: {@code in == emittedInputs + dropped + failed}. */
public final class ChainStats {
    final LongAdder in = new LongAdder();
    final LongAdder emittedInputs = new LongAdder();
    final LongAdder out = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder failed = new LongAdder();

    public long in() {
        return in.sum();
    }

    /** Input records that came out (possibly split into several). */
    public long emittedInputs() {
        return emittedInputs.sum();
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

    @Override
    public String toString() {
        return "in=" + in() + " out=" + out() + " dropped=" + dropped() + " failed=" + failed();
    }
}
