package dev.catena.sandbox;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bounded pool of sandboxed contexts for one language. A borrower has its context to itself
 * until it gives it back; a context that was interrupted, cancelled or failed internally is
 * discarded (closed off the caller's thread) and a fresh one takes its place on demand.
 */
final class ContextPool implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ContextPool.class.getName());

    private final Language language;
    private final SandboxOptions options;
    /** Idle contexts, most recently used first. */
    private final BlockingDeque<PooledContext> idle;
    private final Semaphore permits;
    private final Executor closer;
    private volatile boolean closed;

    ContextPool(Language language, SandboxOptions options, Executor closer) {
        this.language = language;
        this.options = options;
        this.idle = new LinkedBlockingDeque<>(options.poolSize());
        this.permits = new Semaphore(options.poolSize(), true);
        this.closer = closer;
    }

    /** Creates every context now, so the first records do not pay for it. */
    void prewarm() {
        for (int i = idle.size(); i < options.poolSize(); i++) {
            idle.offerLast(new PooledContext(language, options));
        }
    }

    PooledContext borrow() {
        if (closed) {
            throw new IllegalStateException("the " + language.displayName() + " context pool is closed");
        }
        permits.acquireUninterruptibly();
        PooledContext pc = takeIdle(Thread.currentThread());
        if (pc != null) {
            return pc;
        }
        try {
            pc = new PooledContext(language, options);
            pc.lastUser = Thread.currentThread();
            return pc;
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * An idle context: the one this thread used last if it is idle (context affinity: its
     * caches and the CPU's are warm for this thread), else the most recently used one.
     */
    private PooledContext takeIdle(Thread me) {
        PooledContext head = idle.pollFirst();
        if (head == null || head.lastUser == me) {
            return head;   // one thread, or this thread's context on top: no search
        }
        for (PooledContext c : idle) {
            if (c.lastUser == me && idle.removeFirstOccurrence(c)) {
                idle.offerFirst(head);
                return c;
            }
        }
        head.lastUser = me;
        return head;
    }

    void release(PooledContext pc) {
        try {
            if (pc.poisoned || closed) {
                discard(pc);
            } else {
                idle.offerFirst(pc);
            }
        } finally {
            permits.release();
        }
    }

    private void discard(PooledContext pc) {
        closer.execute(() -> {
            try {
                pc.context.close(true);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a discarded context failed", e);
            }
        });
    }

    int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        closed = true;
        PooledContext pc;
        while ((pc = idle.poll()) != null) {
            try {
                pc.context.close(true);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a context failed", e);
            }
        }
    }
}
