package dev.catena.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import dev.catena.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every script-lib fixture (input, with, expected) on both implementations, JavaScript and
 * Python, through a real chain: the same data decides both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryFixturesTest {
    static final Path LIB = Path.of("../script-lib/src/main/resources/catena/lib");
    private final ObjectMapper json = new ObjectMapper();
    private final JsonCodec codec = new JsonCodec();
    // outputs are what is tested, not speed: a first, cold call on a loaded 2-core machine can take over 500 ms
    private final Sandbox sandbox = new Sandbox(ChainTest.OPTIONS.sandbox().withTimeLimit(java.time.Duration.ofSeconds(10)));

    @AfterAll
    void closeSandbox() {
        sandbox.close();
    }

    @TestFactory
    Stream<DynamicNode> fixtures() throws IOException {
        List<DynamicNode> steps = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(LIB)) {
            for (Path dir : dirs.sorted().toList()) {
                List<DynamicNode> cases = new ArrayList<>();
                try (Stream<Path> files = Files.list(dir.resolve("fixtures"))) {
                    for (Path f : files.sorted().toList()) {
                        for (String lang : List.of("js", "py")) {
                            cases.add(DynamicTest.dynamicTest(lang + ": " + f.getFileName(), () -> runFixture(dir, f, lang)));
                        }
                    }
                }
                if (cases.isEmpty()) {
                    fail("library step " + dir.getFileName() + " has no fixtures");
                }
                steps.add(DynamicContainer.dynamicContainer(dir.getFileName().toString(), cases));
            }
        }
        return steps.stream();
    }

    private void runFixture(Path dir, Path fixture, String lang) throws IOException {
        JsonNode f = json.readTree(fixture.toFile());
        String yaml = "chain: fixture\nsteps:\n  - id: s\n    lib: " + dir.getFileName() + "\n    lang: " + lang
                + "\n    with: " + json.writeValueAsString(f.path("with")) + "\n";
        try (Chain chain = ChainLoader.fromText(yaml, fixture.toString(), dir, ChainTest.OPTIONS, sandbox)) {
            check(f, chain);
        }
    }

    private void check(JsonNode f, Chain chain) throws IOException {
        Message input = codec.decode(json.writeValueAsString(f.get("input")), "fixture input");
        Outcome o = chain.apply(input);
        JsonNode expected = f.get("expected");
        if (expected == null || expected.isNull()) {
            assertInstanceOf(Outcome.Dropped.class, o, () -> f.path("description").asText() + ": expected a drop, got " + o);
            return;
        }
        Outcome.Emitted emitted = assertInstanceOf(Outcome.Emitted.class, o, () -> f.path("description").asText() + ": " + o);
        assertEquals(1, emitted.messages().size());
        String want = codec.encode(codec.decode(json.writeValueAsString(expected), "fixture expected").toBuilder().origin(null).build());
        String got = codec.encode(emitted.messages().get(0).toBuilder().origin(null).build());
        assertEquals(want, got, f.path("description").asText());
    }
}
