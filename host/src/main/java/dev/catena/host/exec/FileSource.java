package dev.catena.host.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a chain's files (chain YAML, scripts, called chains) are read. The hot-swap layer passes
 * one that records what was read (for the version's content hash) and checks signatures.
 */
@FunctionalInterface
public interface FileSource {
    FileSource PLAIN = p -> Files.readString(p, StandardCharsets.UTF_8);

    /**
     * @throws java.nio.file.NoSuchFileException when absent
     * @throws IOException when unreadable or refused (a signature check failed, say)
     */
    String read(Path path) throws IOException;

    /** Whether a file exists (overlays); a recorded version answers as it was. */
    default boolean exists(Path path) {
        return Files.exists(path);
    }

    /** The files of a directory, sorted (fixtures); a recorded version answers as it was. */
    default java.util.List<Path> list(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
