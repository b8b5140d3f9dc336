package dev.catena.sandbox;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces the wall-time limit: when a call overruns, {@code Context.interrupt(grace)} stops it;
 * if the interrupt itself times out, the context is closed with {@code close(true)}. Both happen
 * on watchdog threads, never on the caller's.
 */
final class Watchdog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());

    private final ScheduledThreadPoolExecutor timer = timer();
    private final ExecutorService stopper = Executors.newCachedThreadPool(r -> daemon(r, "catena-watchdog-stop"));

    /** One timer thread; cancelled guards leave its queue at once (most calls end long before their limit). */
    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "catena-watchdog"));
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /**
     * A running call's guard; {@link #disarm()} when the call returns. Firing and disarming race
     * through one state word: if the timer wins, the context is poisoned before the caller can
     * give it back, so an interrupt never lands on a context another call has borrowed since.
     */
    final class Guard {
        private static final int ARMED = 0;
        private static final int FIRED = 1;
        private static final int DISARMED = 2;

        private final AtomicInteger state = new AtomicInteger(ARMED);
        private final PooledContext pc;
        private final ScheduledFuture<?> future;

        private Guard(PooledContext pc, Duration limit, Duration grace) {
            this.pc = pc;
            this.future = timer.schedule(() -> {
                if (state.compareAndSet(ARMED, FIRED)) {
                    pc.poisoned = true;
                    stopper.execute(() -> stop(pc, grace));
                }
            }, limit.toNanos(), TimeUnit.NANOSECONDS);
        }

        boolean fired() {
            return state.get() == FIRED;
        }

        void disarm() {
            if (!state.compareAndSet(ARMED, DISARMED) && state.get() == FIRED) {
                pc.poisoned = true;
            }
            future.cancel(false);
        }
    }

    Guard arm(PooledContext pc, Duration limit, Duration grace) {
        return new Guard(pc, limit, grace);
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
        timer.shutdownNow();
        stopper.shutdownNow();
    }
}
