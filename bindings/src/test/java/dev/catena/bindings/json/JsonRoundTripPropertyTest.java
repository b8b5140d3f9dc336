package dev.catena.bindings.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Headers;
import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated neutral values survive JSON encoding and decoding. The generator covers what the codec
 * promises to keep: null, booleans, longs (full range), finite doubles, BigIntegers beyond 64 bits,
 * strings (escapes, non-ASCII, surrogate pairs), lists and insertion-ordered maps, depth up to 4.
 */
class JsonRoundTripPropertyTest {
    private static final int CASES = 500;
    private static final long SEED = 0xCA7E7AL;
    private static final String ALPHABET = "aZ09 _-.\"\\/\n\t\u0000\u001f\u00e9\u4e2d\u20ac";

    private final JsonCodec codec = new JsonCodec();

    @Test
    void encodeValueThenDecodeValue_returnsAnEqualValue_forGeneratedValues() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            Object value = value(random, 4);
            String json = codec.encodeValue(value);

            Object back = codec.decodeValue(json);

            int n = i;
            assertTrue(Values.deepEquals(value, back), () -> "case " + n + ": " + json + " decoded to " + back);
            assertEquals(json, codec.encodeValue(back), () -> "case " + n + " re-encodes differently");
        }
    }

    @Test
    void encodeThenDecode_hasSameContent_forGeneratedMessages() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            List<Headers.Header> headers = new ArrayList<>();
            int headerCount = random.nextInt(3);
            for (int h = 0; h < headerCount; h++) {
                headers.add(new Headers.Header("h" + h + string(random), scalar(random)));
            }
            Message m = Message.builder()
                    .key(value(random, 2))
                    .value(value(random, 4))
                    .topic(random.nextBoolean() ? "topic-" + i : null)
                    .timestamp(random.nextBoolean() ? random.nextLong() : null)
                    .headers(Headers.of(headers))
                    .build();

            Message back = codec.decode(codec.encode(m), "case " + i);

            int n = i;
            assertTrue(back.sameContent(m), () -> "case " + n + ": " + codec.encode(m) + " decoded to " + back);
        }
    }

    @Test
    void decodeValue_returnsWholeDoublesAsDouble() {
        Object back = codec.decodeValue(codec.encodeValue(List.of(2.0, -0.0, 1e300)));

        assertEquals(List.of(2.0, -0.0, 1e300), back);
    }

    @Test
    void decodeValue_turnsBigDecimalIntoDouble_losingScaleAndPrecision() {
        String json = codec.encodeValue(new BigDecimal("1.10000000000000000001"));

        assertEquals("1.10000000000000000001", json);
        assertEquals(1.1, assertInstanceOf(Double.class, codec.decodeValue(json)));
    }

    @Test
    void decodeValue_turnsNonFiniteDoublesIntoStrings() {
        assertEquals(List.of("NaN", "Infinity"), codec.decodeValue(codec.encodeValue(List.of(Double.NaN, Double.POSITIVE_INFINITY))));
    }

    private static Object value(Random random, int depth) {
        int kinds = depth > 0 ? 8 : 6;
        return switch (random.nextInt(kinds)) {
            case 6 -> {
                int n = random.nextInt(5);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(value(random, depth - 1));
                }
                yield list;
            }
            case 7 -> {
                int n = random.nextInt(5);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(string(random), value(random, depth - 1));
                }
                yield map;
            }
            default -> scalar(random);
        };
    }

    private static Object scalar(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> (long) random.nextInt(100) - 50;
            case 4 -> switch (random.nextInt(4)) {
                case 0 -> (double) random.nextInt(1000);
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> -random.nextDouble();
                default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            };
            case 5 -> BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(random.nextInt(1000) + 2L))
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
            default -> string(random);
        };
    }

    private static String string(Random random) {
        int n = random.nextInt(8);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(10) == 0) {
                b.appendCodePoint(0x1F600 + random.nextInt(64));
            } else {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }
}
