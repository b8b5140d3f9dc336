package dev.catena.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChainLoaderTest {

    private static List<String> problems(Path file) {
        ChainLoadException e = assertThrows(ChainLoadException.class, () -> ChainLoader.load(file, ChainTest.OPTIONS));
        return e.problems().stream().map(Problem::toString).collect(Collectors.toList());
    }

    @Test
    void load_reportsEveryProblemAtOnce_withFileLineColumn() {
        List<String> p = problems(ChainTest.BASE.resolve("broken.yaml"));
        String all = String.join("\n", p);
        // spec problems and the problems of the steps that parsed, all in one report
        assertTrue(all.contains("broken.yaml:13:5: unknown step key 'jss'; did you mean 'js'?"), all);
        assertTrue(all.contains("broken.yaml:12:5: a step needs one of [aggregate, branch, call,"), all);
        assertTrue(all.contains("broken.yaml:5:5: duplicate step id 'a'"), all);
        assertTrue(all.contains("steps/syntax.js:2:"), all);
        assertTrue(all.contains("broken.yaml:7:5: step 'gone': script not found"), all);
        assertTrue(all.contains("broken.yaml:9:5: step 'masked': lib mask-field has no parameter 'fieldz'"), all);
    }

    @Test
    void load_reportsScriptProblems_withScriptLocations() {
        String yaml = String.join("\n",
                "chain: scripts",
                "steps:",
                "  - id: a",
                "    js: steps/syntax.js",
                "  - id: b",
                "    py: steps/syntax.py",
                "  - id: gone",
                "    js: steps/missing.js",
                "  - id: masked",
                "    lib: mask-field",
                "    with: {fieldz: [x]}",
                "  - id: nolib",
                "    lib: no-such-step",
                "  - id: c",
                "    js: steps/mark.js",
                "    when: {js: \"msg.value.n >\"}",
                "");
        ChainLoadException e = assertThrows(ChainLoadException.class,
                () -> ChainLoader.fromText(yaml, "scripts.yaml", ChainTest.BASE, ChainTest.OPTIONS));
        String all = e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("steps/syntax.js:2:"), all);
        assertTrue(all.contains("steps/syntax.py:3") || all.contains("steps/syntax.py:2"), all);
        assertTrue(all.contains("scripts.yaml:7:5: step 'gone': script not found: steps/missing.js"), all);
        assertTrue(all.contains("scripts.yaml:9:5: step 'masked': lib mask-field has no parameter 'fieldz'"), all);
        assertTrue(all.contains("scripts.yaml:9:5: step 'masked': lib mask-field needs parameter 'fields'"), all);
        assertTrue(all.contains("scripts.yaml:12:5: step 'nolib': no library step named 'no-such-step'"), all);
        assertTrue(all.contains("scripts.yaml:16:"), "the when: expression's error is placed in the chain file: " + all);
        assertEquals(7, e.problems().size(), all);
    }

    @Test
    void load_refusesScriptWithoutTransform() {
        String yaml = "steps:\n  - id: x\n    js: steps/no_transform.js\n";
        try {
            java.nio.file.Files.writeString(ChainTest.BASE.resolve("steps/no_transform.js"), "export function other() {}\n");
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        ChainLoadException e = assertThrows(ChainLoadException.class,
                () -> ChainLoader.fromText(yaml, "t.yaml", ChainTest.BASE, ChainTest.OPTIONS));
        assertTrue(e.getMessage().contains("steps/no_transform.js: the script must export a function: export function transform(msg, ctx)"),
                e.getMessage());
    }

    @Test
    void load_reportsYamlSyntaxErrorWithPosition() {
        ChainLoadException e = assertThrows(ChainLoadException.class,
                () -> ChainLoader.fromText("steps:\n  - id: [unclosed\n", "y.yaml", ChainTest.BASE, ChainTest.OPTIONS));
        assertTrue(e.problems().get(0).toString().startsWith("y.yaml:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
    }
}
