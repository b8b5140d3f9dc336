package dev.catena.connect.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.catena.connect.fixtures.CloseCountingTransformation;
import dev.catena.host.ChainLoader;
import dev.catena.host.HostOptions;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Load-time problems of {@code smt:} steps, each at its place in the chain file. */
class SmtStepKindTest {

    private static List<String> problems(String yaml) {
        ChainLoadException e = assertThrows(ChainLoadException.class,
                () -> ChainLoader.fromText(yaml, "c.yaml", Path.of("."), HostOptions.DEFAULT).close());
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void load_reportsMissingClass_atTheSmtKey() {
        List<String> p = problems("""
                steps:
                  - id: add
                    smt: org.example.NoSuchTransform
                """);

        assertEquals(List.of("c.yaml:3:10: step 'add': class org.example.NoSuchTransform not found (looked in the thread's"
                + " context class loader and the Catena plugin's; is the plugin that has it installed on the worker?)"), p);
    }

    @Test
    void load_suggestsNestedClassName_whenWrittenWithADot() {
        List<String> p = problems("""
                steps:
                  - {id: add, smt: org.apache.kafka.connect.transforms.InsertField.Value}
                """);

        assertEquals(List.of("c.yaml:2:20: step 'add': class org.apache.kafka.connect.transforms.InsertField.Value not found;"
                + " did you mean org.apache.kafka.connect.transforms.InsertField$Value?"), p);
    }

    @Test
    void load_reportsAbstractTransformation_withItsConcreteVariants() {
        List<String> p = problems("""
                steps:
                  - {id: add, smt: org.apache.kafka.connect.transforms.InsertField}
                """);

        assertEquals(List.of("c.yaml:2:20: step 'add': org.apache.kafka.connect.transforms.InsertField is abstract; name a"
                + " concrete class such as org.apache.kafka.connect.transforms.InsertField$Value or"
                + " org.apache.kafka.connect.transforms.InsertField$Key"), p);
    }

    @Test
    void load_reportsClassThatIsNotATransformation() {
        List<String> p = problems("""
                steps:
                  - {id: add, smt: java.lang.StringBuilder}
                """);

        assertEquals(List.of("c.yaml:2:20: step 'add': java.lang.StringBuilder is not a Kafka Connect Transformation"
                + " (org.apache.kafka.connect.transforms.Transformation)"), p);
    }

    @Test
    void load_reportsConfigException_atTheSettingItNames() {
        List<String> p = problems("""
                steps:
                  - id: rename
                    smt: org.apache.kafka.connect.transforms.ReplaceField$Value
                    config:
                      renames: nocolon
                """);

        assertEquals(List.of("c.yaml:5:16: step 'rename': ReplaceField$Value refuses its config: Invalid value [nocolon]"
                + " for configuration renames: Invalid rename mapping: nocolon"), p);
    }

    @Test
    void load_reportsConfigValuesThatAreMaps_andUnknownStepKeys() {
        List<String> p = problems("""
                steps:
                  - id: add
                    smt: org.apache.kafka.connect.transforms.InsertField$Value
                    config: {static.field: {a: 1}}
                    params: {x: 1}
                """);

        assertEquals(List.of("c.yaml:4:28: setting 'static.field' must be a string, number, boolean or list of them, found a map",
                "c.yaml:5:5: unknown key 'params' for a smt step"), p);
    }

    @Test
    void load_closesTheSmtsItCreated_whenTheChainHasProblems() {
        int configured = CloseCountingTransformation.CONFIGURED.get();
        int closed = CloseCountingTransformation.CLOSED.get();

        problems("""
                steps:
                  - {id: ok, smt: dev.catena.connect.fixtures.CloseCountingTransformation}
                  - {id: bad, smt: org.example.Missing}
                """);

        assertEquals(configured + 1, CloseCountingTransformation.CONFIGURED.get());
        assertEquals(closed + 1, CloseCountingTransformation.CLOSED.get());
    }
}
