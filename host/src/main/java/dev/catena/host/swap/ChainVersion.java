package dev.catena.host.swap;

import dev.catena.host.Chain;
import dev.catena.host.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One loaded version of a chain. Records enter and leave it; once retired it takes no new
 * record, and it is closed when the last record in flight on it has left — so every record
 * finishes on the version it started on.
 */
public final class ChainVersion {
    private final String id;
    private final Chain chain;
    private final VersionFiles files;
    private final Rollout rollout;
    private final long loadedAt;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean retired;
    final LongAdder handled = new LongAdder();
    final LongAdder failed = new LongAdder();
    private final List<Outcome> leftovers = new ArrayList<>();

    ChainVersion(String id, Chain chain, VersionFiles files, Rollout rollout, long loadedAt) {
        this.id = id;
        this.chain = chain;
        this.files = files;
        this.rollout = rollout;
        this.loadedAt = loadedAt;
    }

    public String id() {
        return id;
    }

    public Chain chain() {
        return chain;
    }

    public Rollout rollout() {
        return rollout;
    }

    public long loadedAt() {
        return loadedAt;
    }

    public Map<String, String> fileHashes() {
        return files.hashes();
    }

    VersionFiles files() {
        return files;
    }

    /** Takes a record in; false once retired (the caller picks the current version again). */
    boolean enter() {
        inFlight.incrementAndGet();
        if (retired) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (inFlight.decrementAndGet() == 0 && retired) {
            closeOnce();
        }
    }

    /** No new records; closes when the ones in flight are done. What it still held is flushed first. */
    void retire() {
        retired = true;
        if (inFlight.get() == 0) {
            closeOnce();
        }
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) {
            List<Outcome> out = chain.flush();
            synchronized (leftovers) {
                leftovers.addAll(out);
            }
            chain.close();
        }
    }

    /** Outcomes of records the version still held when it was retired (aggregates), once. */
    List<Outcome> takeLeftovers() {
        synchronized (leftovers) {
            List<Outcome> l = new ArrayList<>(leftovers);
            leftovers.clear();
            return l;
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    long errorsPerThousand() {
        long h = handled.sum();
        return h == 0 ? 0 : failed.sum() * 1000 / h;
    }
}
