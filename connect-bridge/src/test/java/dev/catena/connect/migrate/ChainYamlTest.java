package dev.catena.connect.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catena.host.spec.YamlNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strings written by ChainYaml read back as the same strings. */
class ChainYamlTest {

    @Test
    void scalar_readsBackAsTheSameString_forValuesYamlWouldOtherwiseRetype() {
        for (String s : List.of("web", "org.apache.kafka.connect.transforms.InsertField$Value", "true", "No", "null", "~",
                "1", "0x1F", "1.5", "${topic}-${timestamp}", "orders.*", "a: b", "#x", "- x", "[a]", "{a}", "'q'", "\"dq\"",
                "back\\slash", "tab\tand\nnewline", "", " padded ", "yyyy-MM-dd'T'HH:mm", "ünïcode")) {
            YamlNode n = YamlNode.parse("k: " + ChainYaml.scalar(s) + "\n", "t.yaml").get("k");

            assertEquals(s, n.scalar(), "written as " + ChainYaml.scalar(s));
        }
    }

    @Test
    void scalar_leavesPlainIdentifiersUnquoted() {
        assertEquals("static.value", ChainYaml.scalar("static.value"));
        assertEquals("\"true\"", ChainYaml.scalar("true"));
    }
}
