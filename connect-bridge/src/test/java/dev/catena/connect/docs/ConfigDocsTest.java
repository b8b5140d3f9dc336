package dev.catena.connect.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.connect.ChainPredicate;
import dev.catena.connect.ChainTransform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * docs/connect-config.md is what ConfigDocs renders from the ConfigDefs. Run with
 * {@code -Dcatena.docs.write=true} to rewrite it after changing a ConfigDef.
 */
class ConfigDocsTest {
    /** The repository root: the tests run in connect-bridge/. */
    private static final Path DOC = Path.of("..").resolve(ConfigDocs.FILE);

    @Test
    void committedDoc_isWhatTheConfigDefsRender() throws IOException {
        String rendered = ConfigDocs.render();
        if (Boolean.getBoolean("catena.docs.write")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }

        assertEquals(rendered, Files.readString(DOC, StandardCharsets.UTF_8), ConfigDocs.FILE + " is out of date; regenerate it:"
                + " ./mvnw -o -q -pl connect-bridge test -Dtest=ConfigDocsTest -Dcatena.docs.write=true");
    }

    @Test
    void render_hasARowForEveryKeyOfBothPlugins() {
        String doc = ConfigDocs.render();

        for (ConfigDef def : new ConfigDef[] {ChainTransform.CONFIG_DEF, ChainPredicate.CONFIG_DEF}) {
            for (String key : def.names()) {
                assertTrue(doc.contains("\n| `" + key + "` | "), "no row for " + key);
            }
        }
        assertTrue(doc.contains("| `on.error` | string | `fail` | one of fail, skip, drop, dlq | medium | "), doc);
        assertTrue(doc.contains("| `condition` | string | (required) | "), doc);
    }
}
