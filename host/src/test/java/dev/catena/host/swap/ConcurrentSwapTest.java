package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.await;
import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.record;
import static dev.catena.host.swap.SwapHarness.value;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.ChainStats;
import dev.catena.host.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records keep flowing through {@link LiveChain#apply} on several threads while the chain is swapped under them. */
class ConcurrentSwapTest {
    private static final int SWAPS = 20;
    private static final int WORKERS = 2;
    private static final int AFTER_LAST_SWAP = 100;
    /** Records each version serves before the next swap, so that swaps happen with records in flight. */
    private static final int PER_VERSION = 25;

    @TempDir
    Path dir;

    /** Stamps version {@code n} and the record id; drops ids = 3 (mod 7), fails ids = 5 (mod 11). */
    private static String script(int n) {
        return """
                const VERSION = %d;

                export function transform(msg, ctx) {
                  const id = msg.value.id;
                  if (id %% 7 === 3) {
                    return null;
                  }
                  if (id %% 11 === 5) {
                    throw new Error("record " + id + " refused on purpose");
                  }
                  msg.value.version = VERSION;
                  return msg;
                }
                """.formatted(n);
    }

    /** One record as it went: the swaps finished before it entered, the swaps begun when it left, what came out. */
    private record Run(long id, int swapsDoneBefore, int swapsBegunAfter, Outcome outcome) {
    }

    @Test
    void swapUnderLoad_processesEveryRecordExactlyOnce_onAVersionCurrentDuringItsRun() throws Exception {
        Path chain = copy("tagged", dir);
        Path script = dir.resolve("steps/tag.js");
        write(script, script(0));
        try (ChainWatcher w = open(chain)) {
            AtomicLong nextId = new AtomicLong();
            // begun: swaps whose file write has started; done: swaps whose reload() has returned
            AtomicLong begun = new AtomicLong();
            AtomicLong done = new AtomicLong();
            ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();
            Map<Integer, CompletableFuture<Void>> seen = new ConcurrentHashMap<>();
            Map<Integer, AtomicLong> served = new ConcurrentHashMap<>();
            for (int v = 0; v <= SWAPS; v++) {
                seen.put(v, new CompletableFuture<>());
                served.put(v, new AtomicLong());
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong afterLast = new AtomicLong();
            CompletableFuture<Void> enough = new CompletableFuture<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < WORKERS; t++) {
                workers.add(Thread.ofPlatform().name("apply-" + t).start(() -> {
                    while (!stop.get()) {
                        long id = nextId.getAndIncrement();
                        int before = (int) done.get();
                        Outcome o = w.live().apply(record(id), null);
                        int after = (int) begun.get();
                        runs.add(new Run(id, before, after, o));
                        if (before == SWAPS && afterLast.incrementAndGet() >= AFTER_LAST_SWAP) {
                            enough.complete(null);
                        }
                        if (o instanceof Outcome.Emitted) {
                            int v = ((Number) value(o).get("version")).intValue();
                            if (served.get(v).incrementAndGet() >= PER_VERSION) {
                                seen.get(v).complete(null);
                            }
                        }
                    }
                }));
            }
            for (int n = 1; n <= SWAPS; n++) {
                begun.incrementAndGet();
                write(script, script(n));
                ChainWatcher.Result r = w.reload();
                assertEquals("swapped", r.outcome(), () -> r.toString());
                done.incrementAndGet();
                // let records run on this version before the next swap, so that every version serves some
                await(seen.get(n), PER_VERSION + " records processed by version " + n);
            }
            await(enough, AFTER_LAST_SWAP + " records after the last swap");
            stop.set(true);
            for (Thread t : workers) {
                t.join();
            }

            long in = nextId.get();
            Set<Long> ids = new HashSet<>();
            long out = 0;
            long dropped = 0;
            long failed = 0;
            for (Run x : runs) {
                assertTrue(ids.add(x.id()), "record " + x.id() + " processed twice");
                switch (x.outcome()) {
                    case Outcome.Emitted e -> {
                        out++;
                        Map<String, Object> v = value(e);
                        assertEquals(x.id(), ((Number) v.get("id")).longValue());
                        int version = ((Number) v.get("version")).intValue();
                        assertTrue(version >= x.swapsDoneBefore() && version <= x.swapsBegunAfter(),
                                () -> "record " + x.id() + " ran on version " + version + " but versions " + x.swapsDoneBefore()
                                        + ".." + x.swapsBegunAfter() + " were current while it ran");
                        if (x.swapsDoneBefore() == SWAPS) {
                            assertEquals(SWAPS, version, "after the last swap every record runs on the last version");
                        }
                    }
                    case Outcome.Dropped d -> {
                        dropped++;
                        assertEquals(3, x.id() % 7, () -> "record " + x.id() + " dropped");
                    }
                    case Outcome.Failed f -> {
                        failed++;
                        assertEquals(5, x.id() % 11, () -> "record " + x.id() + " failed: " + f.failure().getMessage());
                    }
                    case Outcome.Absorbed a -> throw new AssertionError("absorbed " + x.id());
                }
            }
            assertEquals(in, ids.size(), "every record id handed to apply came back once");
            assertEquals(in, out + dropped + failed, "in = out + dropped + dead-lettered");
            assertTrue(runs.stream().filter(x -> x.swapsDoneBefore() == SWAPS).count() >= AFTER_LAST_SWAP);
            for (int v = 1; v <= SWAPS; v++) {
                assertTrue(served.get(v).get() >= PER_VERSION, "version " + v + " served records");
            }

            ChainStats s = w.live().stats();
            assertEquals(in, s.in(), s.toString());
            assertEquals(out, s.out(), s.toString());
            assertEquals(dropped, s.dropped(), s.toString());
            assertEquals(failed, s.failed(), s.toString());
            assertTrue(s.balanced(), s.toString());
        }
    }
}
