package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.record;
import static dev.catena.host.swap.SwapHarness.tagScript;
import static dev.catena.host.swap.SwapHarness.value;
import static dev.catena.host.swap.SwapHarness.versionOf;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import dev.catena.host.swap.SwapHarness.AuditEvents;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A broken change never replaces the running version: it is refused, audited with its place, and shown in the status. */
class RefusalTest {
    @TempDir
    Path dir;

    /**
     * One kind of broken change to the {@code tagged} chain.
     *
     * @param change  what to write into the copy
     * @param where   the place the refusal names (a path suffix with line, or a file name)
     * @param what    words of the reason
     */
    record Broken(Consumer<Path> change, String where, String what) {
    }

    static Stream<Arguments> brokenChanges() {
        return Stream.of(
                broken("syntax error in a script",
                        d -> write(d.resolve("steps/tag.js"), "export function transform(msg, ctx) {\n  return msg.value. ;\n}\n"),
                        "steps/tag.js:2:", "syntax error"),
                broken("missing script",
                        d -> write(d.resolve("chain.yaml"), "chain: hs\nsteps:\n  - id: tag\n    js: steps/tag.js\n  - id: gone\n    js: steps/gone.js\n"),
                        "chain.yaml:5:", "script not found: steps/gone.js"),
                broken("bad with: parameters of a library step",
                        d -> write(d.resolve("chain.yaml"), "chain: hs\nsteps:\n  - id: tag\n    js: steps/tag.js\n"
                                + "  - id: stamp\n    lib: insert-field\n    with: {fieldz: {a: 1}}\n"),
                        "chain.yaml:5:", "step 'stamp'"),
                broken("unresolved ${param}",
                        d -> write(d.resolve("chain.yaml"), "chain: hs\nsteps:\n  - id: tag\n    js: steps/tag.js\n"
                                + "    params: {owner: \"${owner}\"}\n"),
                        "chain.yaml:5:22", "no value for parameter 'owner'"),
                broken("unknown step kind",
                        d -> write(d.resolve("chain.yaml"), "chain: hs\nsteps:\n  - id: tag\n    jss: steps/tag.js\n"),
                        "chain.yaml:", "jss"));
    }

    private static Arguments broken(String name, Consumer<Path> change, String where, String what) {
        return Arguments.of(Named.of(name, new Broken(change, where, what)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenChanges")
    void brokenChange_isRefused_oldVersionServes_auditedOnce_withItsPlace(Broken b) {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            AuditEvents audit = new AuditEvents(w);
            String before = w.live().current().id();
            b.change().accept(dir);

            ChainWatcher.Result r = w.reload();

            assertEquals("refused", r.outcome(), r::toString);
            assertEquals(before, r.version(), "the result names the version that keeps serving");
            assertTrue(r.reason().contains(b.where()) && r.reason().contains(b.what()), r.reason());
            assertEquals(before, w.live().current().id());
            assertEquals("v0", versionOf(w, 1), "the old version keeps serving");
            List<Map<String, Object>> refusals = audit.of("refuse");
            assertEquals(1, refusals.size(), audit.all()::toString);
            assertEquals("refused", refusals.get(0).get("result"));
            assertEquals(before, refusals.get(0).get("previous"));
            assertEquals(r.reason(), refusals.get(0).get("reason"));
            assertEquals(r.reason(), w.live().status().get("lastRefusal"));

            assertEquals("unchanged", w.reload().outcome(), "the same broken files again");
            assertEquals(1, audit.of("refuse").size(), "refusing the same broken files twice audits once");
            assertEquals("v0", versionOf(w, 2));
        }
    }

    @Test
    void failingFixture_refusesChange_namingTheFixture_andOldVersionServes() {
        Path chain = copy("fixtured", dir);
        try (ChainWatcher w = open(chain)) {
            AuditEvents audit = new AuditEvents(w);
            String before = w.live().current().id();
            // a change the fixture catches: total = qty + price
            write(dir.resolve("steps/total.js"), "export function transform(msg, ctx) {\n"
                    + "  msg.value.total = msg.value.qty + msg.value.price;\n  return msg;\n}\n");

            ChainWatcher.Result r = w.reload();

            assertEquals("refused", r.outcome(), r::toString);
            assertTrue(r.reason().contains("fixture total.json (total is qty times price)"), r.reason());
            assertTrue(r.reason().contains("\"total\":15") && r.reason().contains("\"total\":8"), r.reason());
            assertEquals(before, w.live().current().id());
            Message m = record(1, "o9").withValue(new LinkedHashMap<>(Map.of("qty", 2L, "price", 7L)));
            assertEquals(14L, ((Number) value(w.live().apply(m, null)).get("total")).longValue(), "the old version keeps serving");
            assertEquals(1, audit.of("refuse").size());
            assertEquals(r.reason(), audit.of("refuse").get(0).get("reason"));
            assertEquals(r.reason(), w.live().status().get("lastRefusal"));

            // a change the fixture accepts goes live
            write(dir.resolve("steps/total.js"), "export function transform(msg, ctx) {\n"
                    + "  msg.value.total = msg.value.price * msg.value.qty;\n  return msg;\n}\n");
            assertEquals("swapped", w.reload().outcome());
        }
    }

    @Test
    void noRefusal_untilABrokenChange_inStatus() {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            assertNull(w.live().status().get("lastRefusal"));
            write(dir.resolve("steps/tag.js"), tagScript("v1"));
            assertEquals("swapped", w.reload().outcome());
            assertNull(w.live().status().get("lastRefusal"));
        }
    }

    /**
     * The same broken content, refused once, then fixed and swapped in, then written again is a new
     * broken change: it must be refused and audited again.
     */
    @Test
    void sameBrokenChange_afterAGoodOne_isRefusedAndAuditedAgain() {
        Path chain = copy("tagged", dir);
        String broken = "export function transform(msg, ctx) {\n  return msg.value. ;\n}\n";
        try (ChainWatcher w = open(chain)) {
            AuditEvents audit = new AuditEvents(w);
            write(dir.resolve("steps/tag.js"), broken);
            assertEquals("refused", w.reload().outcome());
            write(dir.resolve("steps/tag.js"), tagScript("v1"));
            assertEquals("swapped", w.reload().outcome());
            write(dir.resolve("steps/tag.js"), broken);

            ChainWatcher.Result r = w.reload();

            assertEquals("refused", r.outcome(), r::toString);
            assertEquals(2, audit.of("refuse").size(), audit.all()::toString);
        }
    }
}
