package dev.catena.connect.parity;

import dev.catena.connect.parity.Samples.Sample;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * One configuration of one built-in SMT and its script-lib equivalent: the Kafka class and
 * its properties, the {@code with:} the Catena step gets (by default the same properties
 * verbatim, plus {@code target: key} for a {@code $Key} class) and the sample records it runs
 * on. {@link #difference} marks a case whose outputs are known to differ; a named test states
 * the difference instead of the parity test.
 */
final class SmtCase {
    final String lib;
    final String label;
    private final Supplier<? extends Transformation<?>> kafka;
    final Map<String, String> config = new LinkedHashMap<>();
    final Map<String, Object> with = new LinkedHashMap<>();
    List<Sample> samples = List.of();
    boolean difference;

    private SmtCase(String lib, String label, Supplier<? extends Transformation<?>> kafka) {
        this.lib = lib;
        this.label = label;
        this.kafka = kafka;
    }

    /** A case; {@code config} are Kafka property names and values, also used as {@code with:}. */
    static SmtCase of(String lib, String label, Supplier<? extends Transformation<?>> kafka, String... config) {
        SmtCase c = new SmtCase(lib, label, kafka);
        for (int i = 0; i < config.length; i += 2) {
            c.config.put(config[i], config[i + 1]);
            c.with.put(config[i], config[i + 1]);
        }
        if (kafka.get().getClass().getSimpleName().equals("Key")) {
            c.with.put("target", "key");
        }
        return c;
    }

    /** Replaces or adds a {@code with:} entry (a YAML-native value, e.g. a list for a Kafka list property). */
    SmtCase with(String name, Object value) {
        with.put(name, value);
        return this;
    }

    SmtCase on(Sample... records) {
        samples = Arrays.asList(records);
        return this;
    }

    /** Marks the case as a documented difference (excluded from the parity test). */
    SmtCase difference() {
        difference = true;
        return this;
    }

    /** Runs the built-in SMT on a record, configuring a fresh instance. */
    Outcome kafka(ConnectRecord<?> record) {
        @SuppressWarnings("rawtypes")
        Transformation t = kafka.get();
        try {
            @SuppressWarnings("unchecked")
            Transformation<?> configured = t;
            configured.configure(config);
        } catch (RuntimeException e) {
            return new Outcome.Failed(e);
        }
        try {
            @SuppressWarnings("unchecked")
            ConnectRecord<?> out = (ConnectRecord<?>) t.apply(record);
            return out == null ? new Outcome.Dropped() : new Outcome.Emitted(out);
        } catch (RuntimeException e) {
            return new Outcome.Failed(e);
        } finally {
            t.close();
        }
    }

    String name() {
        return lib + " [" + label + "]";
    }

    @Override
    public String toString() {
        return name();
    }
}
