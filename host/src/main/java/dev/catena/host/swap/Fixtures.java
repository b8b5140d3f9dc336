package dev.catena.host.swap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.Chain;
import dev.catena.host.Outcome;
import dev.catena.host.exec.FileSource;
import dev.catena.host.spec.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain's own tests, run on every new version before it may serve: {@code fixtures: tests/}
 * names a directory of JSON files {@code {"description", "input": <envelope>, "expected":
 * <envelope> | [<envelopes>] | null}} (null: the record is dropped).
 */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonCodec CODEC = new JsonCodec();

    private Fixtures() {
    }

    /** The failures, empty when all pass (or the chain declares no fixtures). */
    static List<String> run(YamlNode root, Path chainFile, Chain chain, FileSource files) throws IOException {
        YamlNode f = root.get("fixtures");
        if (f == null || !(f.scalar() instanceof String dirName)) {
            return List.of();
        }
        Path dir = chainFile.toAbsolutePath().getParent().resolve(dirName).normalize();
        List<String> failures = new ArrayList<>();
        List<Path> cases = files.list(dir).stream().filter(p -> p.toString().endsWith(".json")).toList();
        for (Path c : cases) {
            JsonNode fixture = JSON.readTree(files.read(c));
            Message input = CODEC.decode(JSON.writeValueAsString(fixture.get("input")), "fixture " + c.getFileName());
            Outcome o = chain.apply(input);
            List<String> got = switch (o) {
                case Outcome.Emitted e -> e.messages().stream().map(m -> CODEC.encode(m.toBuilder().origin(null).build())).toList();
                case Outcome.Dropped d -> List.of();
                case Outcome.Absorbed a -> List.of();
                case Outcome.Failed x -> List.of("failed: " + x.failure().getMessage());
            };
            JsonNode exp = fixture.get("expected");
            List<String> want = new ArrayList<>();
            if (exp != null && !exp.isNull()) {
                for (JsonNode e : exp.isArray() ? exp : JSON.createArrayNode().add(exp)) {
                    want.add(CODEC.encode(CODEC.decode(JSON.writeValueAsString(e), "expected").toBuilder().origin(null).build()));
                }
            }
            if (!want.equals(got)) {
                failures.add("fixture " + c.getFileName() + " (" + fixture.path("description").asText("") + "): expected " + want + ", got " + got);
            }
        }
        return failures;
    }
}
