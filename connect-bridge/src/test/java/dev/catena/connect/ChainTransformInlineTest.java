package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** chain.inline and scripts.dir: a chain given as YAML text in the connector's config. */
class ChainTransformInlineTest {

    private static ConfigException configureFails(Map<String, String> props) {
        return assertThrows(ConfigException.class, () -> new ChainTransform<SinkRecord>().configure(props));
    }

    @Test
    void inlineChain_runsScriptsRelativeToScriptsDir_nextToSmtSteps() {
        String dir = TestChains.path("enrich.yaml").getParent().toString();
        ChainTransform<SinkRecord> t = InlineChains.transform("""
                {chain: inline, steps: [
                  {id: enrich, js: steps/enrich.js, params: {region: eu}},
                  {id: stamp, smt: org.apache.kafka.connect.transforms.InsertField$Value, config: {static.field: via, static.value: smt}}]}
                """, "scripts.dir", dir);
        try {
            Map<String, Object> value = new LinkedHashMap<>(Map.of("id", 1L));
            SinkRecord out = t.apply(new SinkRecord("orders", 0, null, "7", null, value, 1L));

            // enrich.js copies the (absent) source header as null; InsertField adds "via"
            assertEquals(Map.of("id", 1L, "region", "eu", "via", "smt"), withoutNulls(out.value()));
            assertTrue(((Map<?, ?>) out.value()).containsKey("source"));
            assertEquals("customer-7", out.key());
        } finally {
            t.close();
        }
    }

    private static Map<Object, Object> withoutNulls(Object value) {
        Map<Object, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void configure_reportsInlineChainProblems_asChainInlineLineColumn() {
        ConfigException e = configureFails(InlineChains.props("steps:\n  - {id: a, jss: x.js}\n"));

        assertTrue(e.getMessage().startsWith("Invalid value steps: - {id: a, jss: x.js} for configuration chain.inline:"
                + " must be a chain that loads;"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  chain.inline:2:13: unknown step key 'jss'"), e.getMessage());
    }

    @Test
    void configure_refusesChainFileAndChainInlineTogether() {
        Map<String, String> props = InlineChains.props("steps: [{noop: true}]", "chain.file", "/etc/c.yaml");

        assertEquals("Both chain.file and chain.inline are set; set exactly one of them", configureFails(props).getMessage());
    }

    @Test
    void configure_refusesScriptsDir_withChainFile() {
        ConfigException e = configureFails(Map.of("chain.file", "/etc/c.yaml", "scripts.dir", "/etc/scripts"));

        assertEquals("Invalid value /etc/scripts for configuration scripts.dir: is only used with chain.inline; the scripts"
                + " of chain.file are relative to the chain file's directory", e.getMessage());
    }
}
