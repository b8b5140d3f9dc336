package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Script identity, languages, locations and option validation: no contexts needed. */
class ScriptTest {

    @Test
    void id_isTheSame_forTheSameLanguageNameAndCode() {
        assertEquals(Script.of(Language.JS, "a.js", "x").id(), Script.of(Language.JS, "a.js", "x").id());
        assertEquals(32, Script.of(Language.JS, "a.js", "x").id().length());
    }

    @Test
    void id_differs_whenLanguageNameOrCodeDiffers() {
        String id = Script.of(Language.JS, "a.js", "x").id();

        assertNotEquals(id, Script.of(Language.PYTHON, "a.js", "x").id());
        assertNotEquals(id, Script.of(Language.JS, "b.js", "x").id());
        assertNotEquals(id, Script.of(Language.JS, "a.js", "y").id());
    }

    @Test
    void fromKey_acceptsExtensionsAndNames() {
        assertEquals(Language.JS, Language.fromKey("js"));
        assertEquals(Language.JS, Language.fromKey("MJS"));
        assertEquals(Language.JS, Language.fromKey("javascript"));
        assertEquals(Language.PYTHON, Language.fromKey("py"));
        assertEquals(Language.PYTHON, Language.fromKey("Python"));
    }

    @Test
    void fromKey_rejectsUnknownLanguages_namingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Language.fromKey("ruby"));

        assertEquals("unknown language 'ruby': expected js or py", e.getMessage());
    }

    @Test
    void sourceLocation_printsOnlyTheKnownParts() {
        assertEquals("a.js", new SourceLocation("a.js", 0, 0).toString());
        assertEquals("a.js:3", new SourceLocation("a.js", 3, 0).toString());
        assertEquals("a.js:3:9", new SourceLocation("a.js", 3, 9).toString());
    }

    @Test
    void scriptException_prefixesTheLocation() {
        ScriptException e = new ScriptException(ScriptException.Kind.GUEST_ERROR, new SourceLocation("a.js", 3, 9), "Error: boom", null);

        assertEquals("a.js:3:9: Error: boom", e.getMessage());
        assertEquals("Error: boom", e.guestMessage());
    }

    @Test
    void options_rejectInvalidValues_namingThem() {
        assertEquals("poolSize must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> SandboxOptions.DEFAULT.withPoolSize(0)).getMessage());
        assertEquals("timeLimit must be positive, got PT0S",
                assertThrows(IllegalArgumentException.class, () -> SandboxOptions.DEFAULT.withTimeLimit(Duration.ZERO)).getMessage());
        assertEquals("statementLimit must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> SandboxOptions.DEFAULT.withStatementLimit(-1)).getMessage());
    }
}
