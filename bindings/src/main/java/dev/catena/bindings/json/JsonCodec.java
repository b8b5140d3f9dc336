package dev.catena.bindings.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.bindings.CodecException;
import dev.catena.bindings.Headers;
import dev.catena.bindings.Message;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Lines codec. A line is either an <em>envelope</em> — a JSON object that has a
 * {@code "value"} member and no members besides {@code key, value, headers, topic, partition,
 * offset, timestamp} — or any other JSON value, taken as a bare record value.
 *
 * <pre>{"key": "k1", "value": {"qty": 2}, "headers": {"source": "web"}, "topic": "orders", "timestamp": 1700000000000}</pre>
 *
 * Output is always an envelope with {@code key} and {@code value} and, when present,
 * {@code headers}, {@code topic}, {@code partition}, {@code offset} and {@code timestamp}.
 * Byte arrays are written as base64 strings.
 */
public final class JsonCodec {
    private static final Set<String> ENVELOPE_FIELDS =
            Set.of("key", "value", "headers", "topic", "partition", "offset", "timestamp");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Decodes one line.
     *
     * @param line   the JSON text
     * @param origin where it came from ("input line 7"), used in messages and kept on the Message
     * @throws CodecException naming the origin and the column when the JSON is malformed
     */
    public Message decode(String line, String origin) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : ", column " + loc.getColumnNr();
            throw new CodecException(origin + where + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new CodecException(origin + ": empty line is not a JSON value");
        }
        if (!isEnvelope(node)) {
            return Message.builder().value(toNeutral(node)).origin(origin).build();
        }
        Message.Builder b = Message.builder().origin(origin)
                .key(toNeutral(node.get("key")))
                .value(toNeutral(node.get("value")));
        JsonNode topic = node.get("topic");
        if (topic != null && !topic.isNull()) {
            if (!topic.isTextual()) {
                throw new CodecException(origin + ": \"topic\" must be a string, found " + topic.getNodeType());
            }
            b.topic(topic.asText());
        }
        b.partition(intField(node, "partition", origin));
        b.offset(longField(node, "offset", origin));
        b.timestamp(longField(node, "timestamp", origin));
        JsonNode headers = node.get("headers");
        if (headers != null && !headers.isNull()) {
            if (!headers.isObject()) {
                throw new CodecException(origin + ": \"headers\" must be an object of name to value, found "
                        + headers.getNodeType());
            }
            List<Headers.Header> hs = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                hs.add(new Headers.Header(e.getKey(), toNeutral(e.getValue())));
            }
            b.headers(Headers.of(hs));
        }
        return b.build();
    }

    /** Encodes a message as one envelope line (no trailing newline). */
    public String encode(Message m) {
        ObjectNode out = mapper.createObjectNode();
        out.set("key", toNode(m.key()));
        out.set("value", toNode(m.value()));
        if (!m.headers().isEmpty()) {
            ObjectNode h = out.putObject("headers");
            for (Headers.Header header : m.headers().entries()) {
                h.set(header.name(), toNode(header.value()));
            }
        }
        if (m.topic() != null) {
            out.put("topic", m.topic());
        }
        if (m.partition() != null) {
            out.put("partition", m.partition());
        }
        if (m.offset() != null) {
            out.put("offset", m.offset());
        }
        if (m.timestamp() != null) {
            out.put("timestamp", m.timestamp());
        }
        try {
            return mapper.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new CodecException("cannot encode record from " + m.describe() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Encodes one neutral value as compact JSON. */
    public String encodeValue(Object value) {
        try {
            return mapper.writeValueAsString(toNode(value));
        } catch (JsonProcessingException e) {
            throw new CodecException("cannot encode value: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text into a neutral value. */
    public Object decodeValue(String json) {
        try {
            return toNeutral(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new CodecException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean isEnvelope(JsonNode node) {
        if (!node.isObject() || !node.has("value")) {
            return false;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!ENVELOPE_FIELDS.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    private static Integer intField(JsonNode node, String name, String origin) {
        Long v = longField(node, name, origin);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new CodecException(origin + ": \"" + name + "\" must be a 32-bit integer, found " + v);
        }
        return v == null ? null : v.intValue();
    }

    private static Long longField(JsonNode node, String name, String origin) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new CodecException(origin + ": \"" + name + "\" must be an integer, found " + v);
        }
        return v.asLong();
    }

    /** JSON tree to neutral value: integers to Long (BigInteger beyond 64 bits), decimals to Double. */
    public static Object toNeutral(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        switch (n.getNodeType()) {
            case STRING:
                return n.textValue();
            case BOOLEAN:
                return n.booleanValue();
            case NUMBER:
                if (n.isIntegralNumber()) {
                    return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
                }
                if (n.isBigDecimal()) {
                    return n.decimalValue();
                }
                return n.doubleValue();
            case ARRAY: {
                List<Object> out = new ArrayList<>(n.size());
                for (JsonNode e : n) {
                    out.add(toNeutral(e));
                }
                return out;
            }
            case OBJECT: {
                Map<String, Object> out = new LinkedHashMap<>(Math.max(4, n.size() * 2));
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(e.getKey(), toNeutral(e.getValue()));
                }
                return out;
            }
            case BINARY:
                try {
                    return n.binaryValue();
                } catch (java.io.IOException e) {
                    throw new CodecException("bad binary node: " + e.getMessage(), e);
                }
            default:
                throw new CodecException("unsupported JSON node " + n.getNodeType());
        }
    }

    private JsonNode toNode(Object v) {
        if (v == null) {
            return mapper.nullNode();
        }
        if (v instanceof byte[] b) {
            return mapper.getNodeFactory().textNode(Base64.getEncoder().encodeToString(b));
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return mapper.getNodeFactory().textNode(d.toString());
        }
        if (v instanceof BigDecimal d) {
            return mapper.getNodeFactory().numberNode(d);
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = mapper.createObjectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.set(String.valueOf(e.getKey()), toNode(e.getValue()));
            }
            return o;
        }
        if (v instanceof List<?> l) {
            var a = mapper.createArrayNode();
            for (Object o : l) {
                a.add(toNode(o));
            }
            return a;
        }
        return mapper.valueToTree(v);
    }
}
