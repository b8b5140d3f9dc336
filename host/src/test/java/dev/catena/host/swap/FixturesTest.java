package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.value;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import dev.catena.host.Outcome;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chain's fixtures gate each version, and leave nothing behind in the version that then serves. */
class FixturesTest {
    @TempDir
    Path dir;

    private static Message customer(String customer, long n) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("customer", customer);
        v.put("n", n);
        return Message.builder().key(customer).value(v).origin("record " + n).build();
    }

    /**
     * The fixture's record went through the very chain that then serves; a stateful step must not
     * keep it: the first live record of customer "fx" is alone in its group.
     */
    @Test
    void fixtureRecords_doNotLeakIntoTheServingVersion_ofAStatefulChain() {
        Path chain = copy("aggregating", dir);
        try (ChainWatcher w = open(chain)) {
            assertInstanceOf(Outcome.Absorbed.class, w.live().apply(customer("fx", 1), null));
            List<Outcome> released = w.live().drain();
            assertTrue(released.isEmpty(), "a group of two released after one live record: " + released);
            List<Outcome> atEnd = w.live().flush();
            assertEquals(1, atEnd.size(), atEnd::toString);
            assertEquals(List.of(Map.of("customer", "fx", "n", 1L)), value(atEnd.get(0)).get("items"));
        }
    }

    @Test
    void missingFixturesDirectory_isRefused() {
        Path chain = copy("fixtured", dir);
        try (ChainWatcher w = open(chain)) {
            write(chain, SwapHarness.read(chain).replace("fixtures: tests/", "fixtures: nowhere/"));
            ChainWatcher.Result r = w.reload();
            assertEquals("refused", r.outcome(), r::toString);
            assertTrue(r.reason().contains("cannot run fixtures") && r.reason().contains("nowhere"), r.reason());
        }
    }

    @Test
    void fixtureExpectingADrop_passes_whenTheChangeDrops() {
        Path chain = copy("fixtured", dir);
        try (ChainWatcher w = open(chain)) {
            write(dir.resolve("tests/free.json"), "{\"description\": \"nothing to pay: dropped\","
                    + " \"input\": {\"value\": {\"qty\": 0, \"price\": 5}}, \"expected\": null}\n");
            assertEquals("refused", w.reload().outcome(), "the running script does not drop it");
            write(dir.resolve("steps/total.js"), "export function transform(msg, ctx) {\n"
                    + "  if (msg.value.qty === 0) {\n    return null;\n  }\n"
                    + "  msg.value.total = msg.value.qty * msg.value.price;\n  return msg;\n}\n");
            assertEquals("swapped", w.reload().outcome());
        }
    }
}
