package dev.catena.sandbox;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces the wall-time limit: when a call overruns, {@code Context.interrupt(grace)} stops it;
 * if the interrupt itself times out, the context is closed with {@code close(true)}. Both happen
 * on watchdog threads, never on the caller's.
 *
 * <p>Arming costs the caller two field writes: each context has one reusable {@link Guard}, and
 * one timer thread scans the guards. The timer never needs waking: it sleeps at most the
 * shortest limit it has seen, so it is up before any deadline armed while it slept (a call armed
 * at {@code t} ends no earlier than {@code t + shortest limit}). A per-call scheduled task cost
 * a lock, a heap insert and often a wake-up of the timer thread, on every record.
 */
final class Watchdog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());
    /** Floor of the timer's sleep, so a tiny limit does not turn the timer into a spin. */
    private static final long MIN_TICK = Duration.ofMillis(1).toNanos();

    private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
    private final ExecutorService stopper = Executors.newCachedThreadPool(r -> daemon(r, "catena-watchdog-stop"));
    private final Thread timer;
    private volatile long tick = Duration.ofSeconds(1).toNanos();
    private volatile boolean closed;

    Watchdog() {
        timer = daemon(this::scan, "catena-watchdog");
        timer.start();
    }

    /**
     * A context's guard, armed for one call at a time. Its state word holds a call number and a
     * state: the timer fires a call only by a compare-and-set on the word it read, so it can never
     * fire a later call of the same context. If the timer wins the race with {@link #disarm()},
     * the context is poisoned before the caller can give it back, so an interrupt never lands on
     * a context another call has borrowed since.
     */
    final class Guard {
        private static final long IDLE = 0;
        private static final long ARMED = 1;
        private static final long FIRED = 2;
        private static final long STATE = 3;

        private final PooledContext pc;
        private final AtomicLong word = new AtomicLong(IDLE);
        private volatile long deadline;
        private volatile Duration grace;

        private Guard(PooledContext pc) {
            this.pc = pc;
        }

        private void arm(Duration limit, Duration g) {
            grace = g;
            deadline = System.nanoTime() + limit.toNanos();
            // a new call number, armed; written after the deadline the timer reads with it
            word.set(((word.get() >>> 2) + 1) << 2 | ARMED);
        }

        boolean fired() {
            return (word.get() & STATE) == FIRED;
        }

        void disarm() {
            long w = word.get();
            if ((w & STATE) == ARMED && word.compareAndSet(w, (w & ~STATE) | IDLE)) {
                return;
            }
            if ((word.get() & STATE) == FIRED) {
                pc.poisoned = true;
            }
        }

        /** Fires the call if it is still the one read and past its deadline; true when fired. */
        private boolean expire(long now) {
            long w = word.get();
            if ((w & STATE) != ARMED || now - deadline < 0 || !word.compareAndSet(w, (w & ~STATE) | FIRED)) {
                return false;
            }
            pc.poisoned = true;
            Duration g = grace;
            stopper.execute(() -> stop(pc, g));
            return true;
        }
    }

    Guard arm(PooledContext pc, Duration limit, Duration grace) {
        long nanos = Math.max(MIN_TICK, limit.toNanos());
        if (nanos < tick) {
            tick = nanos;
            LockSupport.unpark(timer);   // once per shorter limit, not per call
        }
        Guard g = pc.guard;
        if (g == null) {
            g = new Guard(pc);
            pc.guard = g;
            guards.add(g);
        }
        g.arm(limit, grace);
        return g;
    }

    private void scan() {
        while (!closed) {
            long now = System.nanoTime();
            long next = now + tick;
            for (Guard g : guards) {
                if (g.expire(now)) {
                    continue;
                }
                long w = g.word.get();
                if ((w & Guard.STATE) == Guard.ARMED) {
                    long d = g.deadline;
                    if (d - next < 0) {
                        next = d;
                    }
                } else if (g.pc.poisoned) {
                    guards.remove(g);   // a poisoned context is never borrowed again
                }
            }
            LockSupport.parkNanos(this, Math.max(MIN_TICK, next - System.nanoTime()));
        }
    }

    private static void stop(PooledContext pc, Duration grace) {
        try {
            pc.context.interrupt(grace);
        } catch (TimeoutException e) {
            LOG.warning("a script did not stop within " + grace.toMillis() + " ms of its interrupt; closing its context by force");
            try {
                pc.context.close(true);
            } catch (RuntimeException closeFailure) {
                LOG.log(Level.FINE, "forced close failed", closeFailure);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "interrupt failed (context already closed?)", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(timer);
        stopper.shutdownNow();
        guards.clear();
    }
}
