package dev.catena.connect;

import dev.catena.bindings.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;

/**
 * Connect headers as Catena headers and back. Values become neutral values. On the way back a
 * header a step left unchanged is the original Connect header (schema and all); a changed value
 * keeps the schema the header had if it still fits, and otherwise gets a schema inferred from
 * the value (STRING, INT64, FLOAT64, BOOLEAN, BYTES, Decimal; Connect's inference for lists and
 * maps, or none).
 */
final class HeaderMapping {
    private HeaderMapping() {
    }

    static dev.catena.bindings.Headers neutral(Headers headers) {
        if (headers.isEmpty()) {
            return dev.catena.bindings.Headers.EMPTY;
        }
        List<dev.catena.bindings.Headers.Header> out = new ArrayList<>(headers.size());
        for (Header h : headers) {
            out.add(new dev.catena.bindings.Headers.Header(h.key(),
                    NeutralValues.read(h.value(), h.schema(), FieldPath.header(h.key()))));
        }
        return dev.catena.bindings.Headers.of(out);
    }

    /**
     * @param output        the headers as the chain left them
     * @param original      the record's Connect headers
     * @param originalNeutral the neutral form of {@code original} given to the chain
     */
    static Headers connect(dev.catena.bindings.Headers output, Headers original, dev.catena.bindings.Headers originalNeutral) {
        if (output == originalNeutral || output.sameContent(originalNeutral)) {
            return original;
        }
        // the k-th output header of a name pairs with the k-th input header of that name
        java.util.Map<String, List<Header>> byName = new java.util.HashMap<>();
        for (Header h : original) {
            byName.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(h);
        }
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        ConnectHeaders out = new ConnectHeaders();
        for (dev.catena.bindings.Headers.Header h : output.entries()) {
            int k = seen.merge(h.name(), 1, Integer::sum) - 1;
            List<Header> same = byName.getOrDefault(h.name(), List.of());
            Header before = k < same.size() ? same.get(k) : same.isEmpty() ? null : same.get(same.size() - 1);
            Object beforeValue = before == null ? null : NeutralValues.read(before.value(), before.schema(), FieldPath.header(before.key()));
            if (before != null && k < same.size() && Values.deepEquals(beforeValue, h.value())) {
                out.add(before);
            } else {
                add(out, h.name(), h.value(), before == null ? null : before.schema());
            }
        }
        return out;
    }

    private static void add(ConnectHeaders out, String name, Object value, Schema previous) {
        if (value == null) {
            out.add(name, null, previous != null && previous.isOptional() ? previous : null);
            return;
        }
        FieldPath path = FieldPath.header(name);
        if (previous != null) {
            try {
                out.add(name, ConnectValues.write(value, previous, path), previous);
                return;
            } catch (DataException changedType) {
                // the step stored another type under this name: infer a schema for it below
            }
        }
        Schema inferred = inferred(value);
        if (inferred != null && inferred.type() != Schema.Type.ARRAY && inferred.type() != Schema.Type.MAP) {
            out.add(name, ConnectValues.write(value, inferred, path), inferred);
            return;
        }
        try {
            out.add(name, value, inferred);
        } catch (DataException mixedContainer) {
            out.add(name, value, null);
        }
    }

    private static Schema inferred(Object value) {
        if (value instanceof BigDecimal d) {
            return Decimal.schema(Math.max(0, d.scale()));
        }
        if (value instanceof BigInteger) {
            return Decimal.schema(0);
        }
        return org.apache.kafka.connect.data.Values.inferSchema(value);
    }
}
