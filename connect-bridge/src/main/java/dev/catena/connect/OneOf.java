package dev.catena.connect;

import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A ConfigDef validator for a string that is one of a few names, in any case; documented in their order. */
final class OneOf implements ConfigDef.Validator {
    private final List<String> names;

    private OneOf(List<String> names) {
        this.names = names;
    }

    static OneOf of(String... names) {
        return new OneOf(List.of(names));
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || !names.contains(value.toString().toLowerCase(Locale.ROOT))) {
            throw new ConfigException(name, value, "must be one of " + String.join(", ", names));
        }
    }

    @Override
    public String toString() {
        return "one of " + String.join(", ", names);
    }
}
