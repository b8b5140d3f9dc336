package dev.catena.connect.parity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.connect.ChainTransform;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * One {@link ChainTransform} per language over an inline chain ({@code chain.inline}) with a step for every case:
 * {@code {id: c12, lib: kafka.cast, lang: js, with: {...}, when: {field: partition, equals: 12}}}.
 * A record's partition is its case's index, so exactly one step runs on it, and the Python
 * context (slow to create) is made once for the whole suite. Tombstones reach the steps
 * ({@code tombstones=apply}), as they reach Kafka's SMTs.
 */
final class CatenaChains implements AutoCloseable {
    enum Lang {
        JS, PY;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    private final List<SmtCase> cases;
    private final Map<Lang, ChainTransform<?>> transforms = new EnumMap<>(Lang.class);

    CatenaChains(List<SmtCase> cases) {
        this.cases = cases;
        for (Lang lang : Lang.values()) {
            ChainTransform<?> t = new ChainTransform<>();
            t.configure(Map.of("chain.inline", yaml(lang), "tombstones", "apply", "time.limit.ms", "60000"));
            transforms.put(lang, t);
        }
    }

    /** The chain as YAML (JSON is YAML). */
    private String yaml(Lang lang) {
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            SmtCase c = cases.get(i);
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", "c" + i);
            step.put("lib", c.lib);
            step.put("lang", lang.id());
            step.put("with", c.with);
            step.put("when", Map.of("field", "partition", "equals", i));
            steps.add(step);
        }
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("chain", "parity-" + lang.id());
        chain.put("steps", steps);
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(chain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partition that selects a case's step. */
    int partitionOf(SmtCase c) {
        int i = cases.indexOf(c);
        if (i < 0) {
            throw new IllegalArgumentException("not in the chain: " + c);
        }
        return i;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Outcome apply(Lang lang, ConnectRecord<?> record) {
        ChainTransform t = transforms.get(lang);
        try {
            Object out = t.apply((ConnectRecord) record);
            return out == null ? new Outcome.Dropped() : new Outcome.Emitted((ConnectRecord<?>) out);
        } catch (RuntimeException e) {
            return new Outcome.Failed(e);
        }
    }

    @Override
    public void close() {
        transforms.values().forEach(ChainTransform::close);
    }
}
