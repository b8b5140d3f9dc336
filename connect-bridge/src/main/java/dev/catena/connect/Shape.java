package dev.catena.connect;

import java.util.List;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The shape of an output value against the schema it came in with: which parts still match
 * their declared schema, which fields were added (typed from their values) and which were
 * removed. Shapes are small immutable values, so they key the cache of derived schemas; a
 * shape {@link #build builds} its schema only on a cache miss.
 */
sealed interface Shape {

    /** The Connect schema for this shape; {@code optional} forces an optional schema. */
    Schema build(boolean optional);

    /** What the shape is, for error messages. */
    String describe();

    /** This part matches its declared schema exactly. */
    record Declared(Schema schema) implements Shape {
        @Override
        public Schema build(boolean optional) {
            return optional ? optionalCopy(schema) : schema;
        }

        @Override
        public String describe() {
            return FieldPath.expected(schema).replaceFirst("^an? ", "");
        }
    }

    /** Only nulls (or nothing) to type this part by: an optional string. */
    record Unknown() implements Shape {
        @Override
        public Schema build(boolean optional) {
            return Schema.OPTIONAL_STRING_SCHEMA;
        }

        @Override
        public String describe() {
            return "null";
        }
    }

    /** A primitive typed from its values, always optional; {@code decimalScale} is set for a Decimal. */
    record Scalar(Schema.Type type, Integer decimalScale) implements Shape {
        static final Scalar BOOLEAN = new Scalar(Schema.Type.BOOLEAN, null);
        static final Scalar INT64 = new Scalar(Schema.Type.INT64, null);
        static final Scalar FLOAT64 = new Scalar(Schema.Type.FLOAT64, null);
        static final Scalar STRING = new Scalar(Schema.Type.STRING, null);
        static final Scalar BYTES = new Scalar(Schema.Type.BYTES, null);

        static Scalar decimal(int scale) {
            return new Scalar(Schema.Type.BYTES, scale);
        }

        @Override
        public Schema build(boolean optional) {
            if (decimalScale != null) {
                return Decimal.builder(decimalScale).optional().build();
            }
            return switch (type) {
                case BOOLEAN -> Schema.OPTIONAL_BOOLEAN_SCHEMA;
                case INT64 -> Schema.OPTIONAL_INT64_SCHEMA;
                case FLOAT64 -> Schema.OPTIONAL_FLOAT64_SCHEMA;
                case STRING -> Schema.OPTIONAL_STRING_SCHEMA;
                case BYTES -> Schema.OPTIONAL_BYTES_SCHEMA;
                default -> SchemaBuilder.type(type).optional().build();
            };
        }

        @Override
        public String describe() {
            return decimalScale != null ? "Decimal" : type.name();
        }
    }

    /** A struct: the declared one with fields added or removed ({@code hint} set), or a new one typed from a map. */
    record StructShape(Schema hint, List<FieldShape> fields) implements Shape {
        @Override
        public Schema build(boolean optional) {
            SchemaBuilder b = describedAs(SchemaBuilder.struct(), hint, optional);
            for (FieldShape f : fields) {
                b.field(f.name(), f.shape().build(false));
            }
            return b.build();
        }

        @Override
        public String describe() {
            return "Struct";
        }

        Shape field(String name) {
            for (FieldShape f : fields) {
                if (f.name().equals(name)) {
                    return f.shape();
                }
            }
            return null;
        }
    }

    /** A struct field. */
    record FieldShape(String name, Shape shape) {
    }

    /** An array whose element shape differs from the declared one, or a new array. */
    record ArrayShape(Schema hint, Shape element) implements Shape {
        @Override
        public Schema build(boolean optional) {
            return describedAs(SchemaBuilder.array(element.build(false)), hint, optional).build();
        }

        @Override
        public String describe() {
            return "Array";
        }
    }

    /** A map whose value shape differs from the declared one. */
    record MapShape(Schema hint, Shape value) implements Shape {
        @Override
        public Schema build(boolean optional) {
            return describedAs(SchemaBuilder.map(hint.keySchema(), value.build(false)), hint, optional).build();
        }

        @Override
        public String describe() {
            return "Map";
        }
    }

    /** A part that some elements of an array (or values of a map) lack, so it must be optional. */
    record OptionalPart(Shape inner) implements Shape {
        static Shape of(Shape s) {
            return s instanceof OptionalPart ? s : new OptionalPart(s);
        }

        @Override
        public Schema build(boolean optional) {
            return inner.build(true);
        }

        @Override
        public String describe() {
            return inner.describe();
        }
    }

    /** A builder with the name, version, doc and parameters of the declared schema; optional like it, or when new. */
    private static SchemaBuilder describedAs(SchemaBuilder b, Schema hint, boolean optional) {
        if (hint == null) {
            return b.optional();
        }
        b.name(hint.name()).version(hint.version()).doc(hint.doc());
        if (hint.parameters() != null) {
            b.parameters(hint.parameters());
        }
        return hint.isOptional() || optional ? b.optional() : b;
    }

    /** The same schema, but optional (a field that some array elements do not have). */
    private static Schema optionalCopy(Schema s) {
        if (s.isOptional()) {
            return s;
        }
        SchemaBuilder b = switch (s.type()) {
            case STRUCT -> {
                SchemaBuilder sb = SchemaBuilder.struct();
                s.fields().forEach(f -> sb.field(f.name(), f.schema()));
                yield sb;
            }
            case ARRAY -> SchemaBuilder.array(s.valueSchema());
            case MAP -> SchemaBuilder.map(s.keySchema(), s.valueSchema());
            default -> SchemaBuilder.type(s.type());
        };
        b.name(s.name()).version(s.version()).doc(s.doc());
        if (s.parameters() != null) {
            b.parameters(s.parameters());
        }
        return b.optional().build();
    }

    /** Expands a declared container into its parts, so it can merge with a changed one of the same schema. */
    static Shape expand(Shape s) {
        if (!(s instanceof Declared(Schema schema))) {
            return s;
        }
        return switch (schema.type()) {
            case STRUCT -> new StructShape(schema, schema.fields().stream()
                    .map(f -> new FieldShape(f.name(), new Declared(f.schema()))).toList());
            case ARRAY -> new ArrayShape(schema, new Declared(schema.valueSchema()));
            case MAP -> new MapShape(schema, new Declared(schema.valueSchema()));
            default -> s;
        };
    }
}
