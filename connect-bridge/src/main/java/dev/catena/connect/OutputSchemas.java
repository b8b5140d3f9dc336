package dev.catena.connect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.catena.connect.Shape.ArrayShape;
import dev.catena.connect.Shape.Declared;
import dev.catena.connect.Shape.FieldShape;
import dev.catena.connect.Shape.MapShape;
import dev.catena.connect.Shape.OptionalPart;
import dev.catena.connect.Shape.Scalar;
import dev.catena.connect.Shape.StructShape;
import dev.catena.connect.Shape.Unknown;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * Chooses the schema of an output key or value. A value that still fits the schema it came in
 * with keeps that schema instance. Otherwise a schema is derived: fields a step added are typed
 * from their values and optional, fields it removed are gone, everything else (name, version,
 * doc, parameters, the types of kept fields) comes from the input schema. A field keeps its
 * declared type: a value that does not convert to it fails the record when written.
 *
 * <p>Derived schemas are cached per (input schema, output shape), so every record of one shape
 * gets the same schema instance, which downstream converters and registries rely on.
 */
final class OutputSchemas {
    private static final int CACHE_SIZE = 256;

    private record Key(Schema input, Shape shape) {
    }

    private final Cache<Key, Schema> derived = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

    /** The schema to write {@code value} with, given the schema it was declared with (not null). */
    Schema schemaFor(Object value, Schema declared, FieldPath path) {
        if (fits(value, declared)) {
            return declared;
        }
        Shape shape = shape(value, declared, path);
        if (shape instanceof Declared(Schema same)) {
            return same;
        }
        return derived.get(new Key(declared, shape), k -> k.shape().build(false));
    }

    /** Whether the value has exactly the declared structure (primitive types are checked when writing). */
    static boolean fits(Object value, Schema schema) {
        if (value == null) {
            return true;
        }
        switch (schema.type()) {
            case STRUCT -> {
                if (!(value instanceof Map<?, ?> m) || m.size() != schema.fields().size()) {
                    return false;
                }
                for (Field f : schema.fields()) {
                    if (!m.containsKey(f.name()) || !fits(m.get(f.name()), f.schema())) {
                        return false;
                    }
                }
                return true;
            }
            case ARRAY -> {
                if (!(value instanceof List<?> l)) {
                    return false;
                }
                for (Object e : l) {
                    if (!fits(e, schema.valueSchema())) {
                        return false;
                    }
                }
                return true;
            }
            case MAP -> {
                if (!(value instanceof Map<?, ?> m)) {
                    return false;
                }
                for (Object v : m.values()) {
                    if (!fits(v, schema.valueSchema())) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    /** The shape of a value against its declared schema, or typed from the value alone when there is none. */
    static Shape shape(Object value, Schema declared, FieldPath path) {
        if (declared == null) {
            return infer(value, path);
        }
        if (value == null) {
            return new Declared(declared);
        }
        return switch (declared.type()) {
            case STRUCT -> struct(value, declared, path);
            case ARRAY -> {
                if (!(value instanceof List<?> list)) {
                    throw path.mismatch(FieldPath.expected(declared), value);
                }
                Shape element = elements(list, declared.valueSchema(), path);
                yield element instanceof Declared(Schema s) && s == declared.valueSchema()
                        ? new Declared(declared) : new ArrayShape(declared, element);
            }
            case MAP -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw path.mismatch(FieldPath.expected(declared), value);
                }
                Shape merged = new Declared(declared.valueSchema());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    FieldPath at = path.entry((String) e.getKey());
                    merged = merge(merged, shape(e.getValue(), declared.valueSchema(), at), path);
                }
                yield merged instanceof Declared(Schema s) && s == declared.valueSchema()
                        ? new Declared(declared) : new MapShape(declared, merged);
            }
            default -> new Declared(declared);
        };
    }

    private static Shape struct(Object value, Schema declared, FieldPath path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw path.mismatch(FieldPath.expected(declared), value);
        }
        boolean same = map.size() == declared.fields().size();
        List<FieldShape> fields = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            Field f = declared.field(name);
            Shape s = f == null ? infer(e.getValue(), path.field(name)) : shape(e.getValue(), f.schema(), path.field(name));
            same &= f != null && s instanceof Declared(Schema fs) && fs == f.schema();
            fields.add(new FieldShape(name, s));
        }
        return same ? new Declared(declared) : new StructShape(declared, fields);
    }

    private static Shape elements(List<?> list, Schema declared, FieldPath path) {
        Shape merged = declared == null ? new Unknown() : new Declared(declared);
        for (int i = 0; i < list.size(); i++) {
            FieldPath at = path.element(i);
            merged = merge(merged, shape(list.get(i), declared, at), path);
        }
        return merged;
    }

    /** The shape of a value that has no declared schema (a field a step added); everything in it is optional. */
    static Shape infer(Object value, FieldPath path) {
        if (value == null) {
            return new Unknown();
        }
        if (value instanceof String) {
            return Scalar.STRING;
        }
        if (value instanceof Long) {
            return Scalar.INT64;
        }
        if (value instanceof Double) {
            return Scalar.FLOAT64;
        }
        if (value instanceof Boolean) {
            return Scalar.BOOLEAN;
        }
        if (value instanceof byte[]) {
            return Scalar.BYTES;
        }
        if (value instanceof BigDecimal d) {
            return Scalar.decimal(Math.max(0, d.scale()));
        }
        if (value instanceof BigInteger) {
            return Scalar.decimal(0);
        }
        if (value instanceof List<?> list) {
            return new ArrayShape(null, elements(list, null, path));
        }
        if (value instanceof Map<?, ?> map) {
            List<FieldShape> fields = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = (String) e.getKey();
                fields.add(new FieldShape(name, infer(e.getValue(), path.field(name))));
            }
            return new StructShape(null, fields);
        }
        throw new DataException(path + " has a " + value.getClass().getName() + ", which has no Connect type");
    }

    /** One shape for the elements of an array (or values of a map): the union of struct fields, the wider number. */
    static Shape merge(Shape a, Shape b, FieldPath path) {
        if (a.equals(b) || b instanceof Unknown) {
            return a;
        }
        if (a instanceof Unknown) {
            return b;
        }
        if (a instanceof OptionalPart(Shape x)) {
            return optional(merge(x, b, path));
        }
        if (b instanceof OptionalPart(Shape y)) {
            return optional(merge(a, y, path));
        }
        if (a instanceof Scalar x && b instanceof Scalar y) {
            return mergeNumbers(x, y, path);
        }
        Shape ea = Shape.expand(a);
        Shape eb = Shape.expand(b);
        if (ea instanceof StructShape x && eb instanceof StructShape y && Objects.equals(x.hint(), y.hint())) {
            return mergeStructs(x, y, path);
        }
        if (ea instanceof ArrayShape x && eb instanceof ArrayShape y && Objects.equals(x.hint(), y.hint())) {
            return new ArrayShape(x.hint(), merge(x.element(), y.element(), path));
        }
        if (ea instanceof MapShape x && eb instanceof MapShape y && Objects.equals(x.hint(), y.hint())) {
            return new MapShape(x.hint(), merge(x.value(), y.value(), path));
        }
        throw incompatible(a, b, path);
    }

    private static Shape mergeStructs(StructShape a, StructShape b, FieldPath path) {
        List<FieldShape> fields = new ArrayList<>(a.fields().size() + 1);
        for (FieldShape f : a.fields()) {
            Shape other = b.field(f.name());
            fields.add(new FieldShape(f.name(), other == null
                    ? optional(f.shape()) : merge(f.shape(), other, path.field(f.name()))));
        }
        for (FieldShape f : b.fields()) {
            if (a.field(f.name()) == null) {
                fields.add(new FieldShape(f.name(), optional(f.shape())));
            }
        }
        return new StructShape(a.hint(), fields);
    }

    private static Shape mergeNumbers(Scalar a, Scalar b, FieldPath path) {
        boolean aDecimal = a.decimalScale() != null;
        boolean bDecimal = b.decimalScale() != null;
        if (aDecimal && bDecimal) {
            return Scalar.decimal(Math.max(a.decimalScale(), b.decimalScale()));
        }
        if (aDecimal && b.equals(Scalar.INT64) || bDecimal && a.equals(Scalar.INT64)) {
            return aDecimal ? a : b;
        }
        if (isNumber(a) && isNumber(b)) {
            return Scalar.FLOAT64;
        }
        throw incompatible(a, b, path);
    }

    private static boolean isNumber(Scalar s) {
        return s.decimalScale() != null || s.equals(Scalar.INT64) || s.equals(Scalar.FLOAT64);
    }

    /** A part that may be missing; parts that build optional schemas anyway stay as they are. */
    private static Shape optional(Shape s) {
        if (s instanceof Declared(Schema schema) && schema.isOptional()
                || s instanceof Scalar || s instanceof Unknown
                || s instanceof StructShape st && st.hint() == null
                || s instanceof ArrayShape ar && ar.hint() == null) {
            return s;
        }
        return OptionalPart.of(s);
    }

    private static DataException incompatible(Shape a, Shape b, FieldPath path) {
        return new DataException("expected values of one type in " + path + ", found " + a.describe() + " and " + b.describe());
    }
}
