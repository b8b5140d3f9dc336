package dev.catena.connect;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;

/** Transforms configured with an inline chain (chain.inline), for tests in any package. */
public final class InlineChains {
    private InlineChains() {
    }

    /** A configured transform; {@code settings} are key, value pairs added to chain.inline. */
    public static <R extends ConnectRecord<R>> ChainTransform<R> transform(String yaml, String... settings) {
        ChainTransform<R> t = new ChainTransform<>();
        t.configure(props(yaml, settings));
        return t;
    }

    public static Map<String, String> props(String yaml, String... settings) {
        Map<String, String> props = new HashMap<>();
        props.put("chain.inline", yaml);
        for (int i = 0; i < settings.length; i += 2) {
            props.put(settings[i], settings[i + 1]);
        }
        return props;
    }
}
