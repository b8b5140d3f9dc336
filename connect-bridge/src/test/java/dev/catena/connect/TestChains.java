package dev.catena.connect;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;

/** Chain files under src/test/resources/chains and transforms configured with them. */
final class TestChains {
    private TestChains() {
    }

    static Path path(String fileName) {
        URL url = TestChains.class.getResource("/chains/" + fileName);
        if (url == null) {
            throw new IllegalArgumentException("no test chain " + fileName);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A configured transform; {@code settings} are key, value pairs added to chain.file. */
    static <R extends ConnectRecord<R>> ChainTransform<R> transform(String chainFile, String... settings) {
        Map<String, String> props = new HashMap<>();
        props.put("chain.file", path(chainFile).toString());
        for (int i = 0; i < settings.length; i += 2) {
            props.put(settings[i], settings[i + 1]);
        }
        ChainTransform<R> t = new ChainTransform<>();
        t.configure(props);
        return t;
    }
}
