package dev.catena.bindings.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.CodecException;
import dev.catena.bindings.Headers;
import dev.catena.bindings.Headers.Header;
import dev.catena.bindings.Message;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    private final JsonCodec codec = new JsonCodec();

    @Test
    void decode_readsEveryEnvelopeField() {
        Message m = codec.decode("{\"key\":\"k1\",\"value\":{\"qty\":2},\"headers\":{\"source\":\"web\"},"
                + "\"topic\":\"orders\",\"partition\":3,\"offset\":42,\"timestamp\":1700000000000}", "input line 1");

        assertEquals("k1", m.key());
        assertEquals(Map.of("qty", 2L), m.value());
        assertEquals(List.of(new Header("source", "web")), m.headers().entries());
        assertEquals("orders", m.topic());
        assertEquals(3, m.partition());
        assertEquals(42L, m.offset());
        assertEquals(1_700_000_000_000L, m.timestamp());
        assertEquals("input line 1", m.origin());
    }

    @Test
    void decode_treatsObjectWithOnlyValueAsEnvelope() {
        Message m = codec.decode("{\"value\":1}", "input line 1");

        assertEquals(1L, m.value());
        assertNull(m.key());
        assertNull(m.topic());
        assertTrue(m.headers().isEmpty());
    }

    @Test
    void decode_treatsObjectWithNonEnvelopeMemberAsBareValue() {
        Message m = codec.decode("{\"value\":1,\"other\":2}", "input line 1");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("value", 1L);
        expected.put("other", 2L);
        assertEquals(expected, m.value());
        assertNull(m.key());
    }

    @Test
    void decode_treatsObjectWithoutValueAsBareValue() {
        Message m = codec.decode("{\"key\":\"k\",\"topic\":\"t\"}", "input line 1");

        assertEquals(Map.of("key", "k", "topic", "t"), m.value());
        assertNull(m.key());
        assertNull(m.topic());
    }

    @Test
    void decode_treatsNonObjectsAsBareValues() {
        assertEquals(List.of(1L, "two", true), codec.decode("[1,\"two\",true]", "l").value());
        assertEquals("text", codec.decode("\"text\"", "l").value());
        assertEquals(7L, codec.decode("7", "l").value());
        assertNull(codec.decode("null", "l").value());
    }

    @Test
    void decode_keepsExplicitNullValueAsTombstone() {
        Message m = codec.decode("{\"key\":\"k\",\"value\":null}", "l");

        assertTrue(m.isTombstone());
        assertEquals("k", m.key());
    }

    @Test
    void decode_mapsNumbersToLongBigIntegerAndDouble() {
        Message m = codec.decode("{\"i\":5,\"neg\":-9223372036854775808,\"big\":9223372036854775808,"
                + "\"d\":1.5,\"whole\":2.0,\"exp\":1e3}", "l");
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) m.value();

        assertEquals(5L, assertInstanceOf(Long.class, v.get("i")));
        assertEquals(Long.MIN_VALUE, assertInstanceOf(Long.class, v.get("neg")));
        assertEquals(new BigInteger("9223372036854775808"), assertInstanceOf(BigInteger.class, v.get("big")));
        assertEquals(1.5, assertInstanceOf(Double.class, v.get("d")));
        assertEquals(2.0, assertInstanceOf(Double.class, v.get("whole")));
        assertEquals(1000.0, assertInstanceOf(Double.class, v.get("exp")));
    }

    @Test
    void decode_keepsHeaderOrderAndValues() {
        Message m = codec.decode("{\"value\":0,\"headers\":{\"z\":\"1\",\"a\":\"2\",\"m\":3,\"n\":null}}", "l");

        assertEquals(List.of(new Header("z", "1"), new Header("a", "2"), new Header("m", 3L), new Header("n", null)),
                m.headers().entries());
    }

    @Test
    void decode_keepsObjectMemberOrder() {
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) codec.decode("{\"value\":{\"z\":1,\"a\":2,\"m\":3}}", "l").value();

        assertEquals(List.of("z", "a", "m"), List.copyOf(v.keySet()));
    }

    @Test
    void decode_reportsOriginAndColumn_forMalformedJson() {
        CodecException e = assertThrows(CodecException.class, () -> codec.decode("{\"value\": }", "input line 7"));

        assertTrue(e.getMessage().startsWith("input line 7, column 11: malformed JSON: "), e.getMessage());
    }

    @Test
    void decode_reportsOriginAndColumn_forUnterminatedObject() {
        CodecException e = assertThrows(CodecException.class, () -> codec.decode("{\"value\": [1, 2", "input line 3"));

        assertTrue(e.getMessage().startsWith("input line 3, column "), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }

    @Test
    void decode_rejectsTrailingContentAfterTheValue() {
        CodecException e = assertThrows(CodecException.class, () -> codec.decode("{\"value\":1} {\"value\":2}", "input line 4"));

        assertTrue(e.getMessage().startsWith("input line 4, column "), e.getMessage());
    }

    @Test
    void decode_rejectsEmptyLine_namingOrigin() {
        CodecException e = assertThrows(CodecException.class, () -> codec.decode("", "input line 2"));

        assertEquals("input line 2: empty line is not a JSON value", e.getMessage());
    }

    @Test
    void decode_rejectsStringTimestamp_namingTheField() {
        CodecException e = assertThrows(CodecException.class,
                () -> codec.decode("{\"value\":1,\"timestamp\":\"yesterday\"}", "input line 5"));

        assertEquals("input line 5: \"timestamp\" must be an integer, found \"yesterday\"", e.getMessage());
    }

    @Test
    void decode_rejectsFractionalTimestamp_namingTheField() {
        CodecException e = assertThrows(CodecException.class,
                () -> codec.decode("{\"value\":1,\"timestamp\":1.5}", "input line 5"));

        assertEquals("input line 5: \"timestamp\" must be an integer, found 1.5", e.getMessage());
    }

    @Test
    void decode_rejectsArrayHeaders_namingTheField() {
        CodecException e = assertThrows(CodecException.class,
                () -> codec.decode("{\"value\":1,\"headers\":[\"a\"]}", "input line 6"));

        assertEquals("input line 6: \"headers\" must be an object of name to value, found ARRAY", e.getMessage());
    }

    @Test
    void decode_rejectsNumericTopic_namingTheField() {
        CodecException e = assertThrows(CodecException.class,
                () -> codec.decode("{\"value\":1,\"topic\":5}", "input line 8"));

        assertEquals("input line 8: \"topic\" must be a string, found NUMBER", e.getMessage());
    }

    @Test
    void decode_rejectsPartitionBeyondIntRange_namingTheField() {
        CodecException e = assertThrows(CodecException.class,
                () -> codec.decode("{\"value\":1,\"partition\":10000000000}", "input line 9"));

        assertEquals("input line 9: \"partition\" must be a 32-bit integer, found 10000000000", e.getMessage());
    }

    @Test
    void decode_treatsNullEnvelopeFieldsAsAbsent() {
        Message m = codec.decode("{\"value\":1,\"topic\":null,\"timestamp\":null,\"headers\":null}", "l");

        assertNull(m.topic());
        assertNull(m.timestamp());
        assertTrue(m.headers().isEmpty());
    }

    @Test
    void encode_writesKeyAndValueOnly_whenNothingElseIsSet() {
        assertEquals("{\"key\":null,\"value\":1}", codec.encode(Message.builder().value(1L).build()));
    }

    @Test
    void encode_writesTombstoneWithNullValue() {
        assertEquals("{\"key\":\"k\",\"value\":null}", codec.encode(Message.builder().key("k").build()));
    }

    @Test
    void encode_writesEveryFieldInFixedOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("qty", 2L);
        value.put("price", 9.5);
        Message m = Message.builder()
                .timestamp(1_700_000_000_000L).offset(42L).partition(3).topic("orders")
                .headers(Headers.of(List.of(new Header("source", "web"), new Header("n", 1L))))
                .value(value).key("k1").origin("ignored").build();

        assertEquals("{\"key\":\"k1\",\"value\":{\"qty\":2,\"price\":9.5},\"headers\":{\"source\":\"web\",\"n\":1},"
                + "\"topic\":\"orders\",\"partition\":3,\"offset\":42,\"timestamp\":1700000000000}", codec.encode(m));
    }

    @Test
    void encode_writesOnlyTheSetOptionalFields() {
        assertEquals("{\"key\":null,\"value\":\"v\",\"topic\":\"t\"}",
                codec.encode(Message.builder().value("v").topic("t").build()));
        assertEquals("{\"key\":null,\"value\":\"v\",\"offset\":0}",
                codec.encode(Message.builder().value("v").offset(0L).build()));
    }

    @Test
    void encode_collapsesRepeatedHeaderNames_intoOneMemberWithTheLastValue() {
        Headers repeated = Headers.of(List.of(new Header("a", "1"), new Header("b", "2"), new Header("a", "3")));

        assertEquals("{\"key\":null,\"value\":0,\"headers\":{\"a\":\"3\",\"b\":\"2\"}}",
                codec.encode(Message.builder().value(0L).headers(repeated).build()));
    }

    @Test
    void encodeValue_writesBytesAsBase64AndNonFiniteDoublesAsStrings() {
        assertEquals("\"AQID\"", codec.encodeValue(new byte[] {1, 2, 3}));
        assertEquals("[\"NaN\",\"Infinity\",\"-Infinity\"]",
                codec.encodeValue(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    @Test
    void encodeValue_writesNumbersAndBigIntegersExactly() {
        assertEquals("[1,2.0,-0.5,18446744073709551616,true,null,\"s\"]",
                codec.encodeValue(java.util.Arrays.asList(1L, 2.0, -0.5, BigInteger.TWO.pow(64), true, null, "s")));
    }

    @Test
    void decodeOfEncode_hasSameContent_forAFullMessage() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("list", List.of(1L, 2.5, "x", false));
        value.put("nested", Map.of("deep", Map.of("big", BigInteger.TEN.pow(30))));
        value.put("nothing", null);
        Message m = Message.builder().key(Map.of("id", 7L)).value(value).topic("t").partition(0).offset(1L)
                .timestamp(2L).headers(Headers.of(List.of(new Header("a", "1"), new Header("b", "2")))).build();

        Message back = codec.decode(codec.encode(m), "round trip");

        assertTrue(back.sameContent(m), () -> back + " vs " + m);
        assertEquals(0, back.partition());
        assertEquals(1L, back.offset());
    }

    @Test
    void decodeValue_reportsMalformedJson() {
        CodecException e = assertThrows(CodecException.class, () -> codec.decodeValue("[1,"));

        assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
    }
}
