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
}
