package dev.catena.host.orchestration;

import static dev.catena.host.orchestration.Fixtures.BASE;
import static dev.catena.host.orchestration.Fixtures.OPTIONS;
import static dev.catena.host.orchestration.Fixtures.assertBalanced;
import static dev.catena.host.orchestration.Fixtures.failure;
import static dev.catena.host.orchestration.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.sandbox.Sandbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code memoize} on a pure JS step that counts its calls per run in a module global
 * ({@code steps/price.js}; pool size 1, so one context and one counter): a hit does not run the
 * step, so the counter in the output tells hits from misses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoizeTest {
    private static final long START = 1_700_000_000_000L;
    private static final JsonCodec JSON = new JsonCodec();
    private static final String CHAIN = """
            chain: memo
            steps:
              - id: price
                js: steps/price.js
                pure: true
                memoize: {key: value.sku, ttl: 10m, max-size: 100}
            """;
    private final Sandbox sandbox = new Sandbox(OPTIONS.sandbox());

    @AfterAll
    void closeSandbox() {
        sandbox.close();
    }

    private Chain chain(FakeClock clock) {
        return ChainLoader.fromText(CHAIN, "memo.yaml", BASE, OPTIONS.withClock(clock, clock), sandbox);
    }

    private static Message rec(TestInfo info, int line, String sku, boolean fail) {
        String v = "{\"run\": \"" + info.getDisplayName() + "\", \"sku\": \"" + sku + "\"" + (fail ? ", \"fail\": true" : "") + "}";
        return Message.builder().key("order-" + line).topic("orders").offset((long) line).value(JSON.decodeValue(v))
                .origin("input line " + line).build();
    }

    private static Object price(Message m) {
        return ((java.util.Map<?, ?>) m.value()).get("price");
    }

    private static Object calls(Message m) {
        return ((java.util.Map<?, ?>) m.value()).get("calls");
    }

    @Test
    void memoize_reusesOutput_forSameKey_andRunsStep_forNewKey(TestInfo info) {
        try (Chain c = chain(new FakeClock(START))) {
            Message first = only(c.apply(rec(info, 1, "AB", false)));
            Message hit = only(c.apply(rec(info, 2, "AB", false)));
            Message miss = only(c.apply(rec(info, 3, "XYZ", false)));
            assertEquals(1L, calls(first));
            assertEquals(200L, price(first));
            assertEquals(first.value(), hit.value(), "a hit gives the stored output: the step did not run again");
            assertEquals("input line 2", hit.origin(), "a hit keeps the current record's origin");
            assertEquals(2L, hit.offset(), "a hit keeps the current record's offset");
            assertEquals(2L, calls(miss), "a new key runs the step: its second call");
            assertEquals(300L, price(miss));
            CacheStats s = c.memoStats().get("price");
            assertEquals(1, s.hitCount());
            assertEquals(2, s.missCount());
            assertBalanced(c);
        }
    }

    @Test
    void memoize_neverCachesFailure(TestInfo info) {
        try (Chain c = chain(new FakeClock(START))) {
            failure(c.apply(rec(info, 1, "AB", true)));
            Message after = only(c.apply(rec(info, 2, "AB", false)));
            assertEquals(2L, calls(after), "the step ran again for the key that failed");
            Message hit = only(c.apply(rec(info, 3, "AB", false)));
            assertEquals(2L, calls(hit));
            CacheStats s = c.memoStats().get("price");
            assertEquals(1, s.hitCount());
            assertEquals(2, s.missCount());
            assertEquals(1, c.stats().failed());
            assertBalanced(c);
        }
    }

    @Test
    void memoize_missesAgain_afterTtl(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        try (Chain c = chain(clock)) {
            assertEquals(1L, calls(only(c.apply(rec(info, 1, "AB", false)))));
            clock.advance(Duration.ofMinutes(10).minusMillis(1));
            assertEquals(1L, calls(only(c.apply(rec(info, 2, "AB", false)))), "still within ttl: a hit");
            clock.advance(Duration.ofMillis(2));
            assertEquals(2L, calls(only(c.apply(rec(info, 3, "AB", false)))), "past ttl: the step runs again");
            CacheStats s = c.memoStats().get("price");
            assertEquals(1, s.hitCount());
            assertEquals(2, s.missCount());
            assertBalanced(c);
        }
    }

    @Test
    void memoize_withoutPure_isRefusedAtLoad() {
        String yaml = """
                chain: memo
                steps:
                  - id: price
                    js: steps/price.js
                    memoize: {key: value.sku, ttl: 10m}
                """;
        ChainLoadException e = assertThrows(ChainLoadException.class,
                () -> ChainLoader.fromText(yaml, "memo.yaml", BASE, OPTIONS, sandbox));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem p = e.problems().get(0);
        assertEquals("memo.yaml:5:14: 'memoize' needs 'pure: true' on the step: only a step whose output depends on its input alone can be cached",
                p.toString());
    }
}
