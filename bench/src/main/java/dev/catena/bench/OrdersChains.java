package dev.catena.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The bench's chains and records, shipped as resources of this module: {@code orders-js/} and
 * {@code orders-py/} (the orders sample with every step in one language), the sample's six
 * input records and the output the sample expects of them.
 */
final class OrdersChains {
    private OrdersChains() {
    }

    /** The chain file of a variant ({@code js} or {@code py}), as a path ChainLoader can read (also inside the jar). */
    static Path chainFile(String variant) {
        if (!variant.equals("js") && !variant.equals("py")) {
            throw new IllegalArgumentException("unknown chain variant '" + variant + "': expected js or py");
        }
        String name = "/orders-" + variant + "/chain.yaml";
        URL url = OrdersChains.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("resource " + name + " is missing from the class path");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    FileSystems.newFileSystem(uri, Map.of());
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    /** The sample's input records, one JSON line each. */
    static List<String> input() {
        return lines("/orders-input.jsonl");
    }

    /** What the orders chain makes of {@link #input()}, one JSON line per emitted record. */
    static List<String> expected() {
        return lines("/orders-expected.jsonl");
    }

    private static List<String> lines(String name) {
        try (InputStream in = OrdersChains.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
