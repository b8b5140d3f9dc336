package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catena.bindings.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two threads share a pool of two contexts; every call sees only its own record. */
class SandboxConcurrencyTest {
    private static final int THREADS = 2;
    private static final int CALLS = 200;

    private static final Script SCRIPT = Script.of(Language.JS, "steps/tag.js", """
            export function transform(msg, ctx) {
              msg.value.out = msg.value.thread * 1000000 + msg.value.i * 2 + 1;
              msg.headers.set("seen", String(msg.value.i));
              return msg;
            }
            """);

    @Test
    void call_fromTwoThreads_returnsEachCallersOwnResult() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Sandbox sandbox = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(2).withTimeLimit(Duration.ofSeconds(20)))) {
            CyclicBarrier together = new CyclicBarrier(THREADS);
            List<Future<List<Message>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long thread = t;
                futures.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    List<Message> out = new ArrayList<>(CALLS);
                    for (long i = 0; i < CALLS; i++) {
                        Message in = Message.builder().value(new java.util.LinkedHashMap<>(Map.of("thread", thread, "i", i))).build();
                        List<Message> result = Fixtures.transform(sandbox, SCRIPT, in);
                        assertEquals(1, result.size());
                        out.add(result.get(0));
                    }
                    return out;
                }));
            }

            for (int t = 0; t < THREADS; t++) {
                List<Message> out = futures.get(t).get(60, TimeUnit.SECONDS);
                assertEquals(CALLS, out.size());
                for (int i = 0; i < CALLS; i++) {
                    Message m = out.get(i);
                    assertEquals(Map.of("thread", (long) t, "i", (long) i, "out", t * 1_000_000L + i * 2L + 1), m.value());
                    assertEquals(String.valueOf(i), m.headers().get("seen"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
