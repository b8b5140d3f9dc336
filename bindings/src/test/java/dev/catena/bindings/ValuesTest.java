package dev.catena.bindings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void normalize_widensSmallIntegralsToLong() {
        assertEquals(5L, assertInstanceOf(Long.class, Values.normalize(5)));
        assertEquals(-3L, assertInstanceOf(Long.class, Values.normalize((short) -3)));
        assertEquals(7L, assertInstanceOf(Long.class, Values.normalize((byte) 7)));
    }

    @Test
    void normalize_widensFloatToDouble() {
        assertEquals(1.5, assertInstanceOf(Double.class, Values.normalize(1.5f)));
        assertEquals((double) 0.1f, Values.normalize(0.1f));
    }

    @Test
    void normalize_keepsNeutralScalarsAsTheyAre() {
        byte[] bytes = {1, 2};
        BigDecimal decimal = new BigDecimal("1.50");

        assertSame(bytes, Values.normalize(bytes));
        assertSame(decimal, Values.normalize(decimal));
        assertEquals("s", Values.normalize("s"));
        assertEquals(Boolean.TRUE, Values.normalize(true));
        assertNull(Values.normalize(null));
    }

    @Test
    void normalize_narrowsBigIntegerToLong_onlyWhenItFits() {
        assertEquals(Long.MAX_VALUE, assertInstanceOf(Long.class, Values.normalize(BigInteger.valueOf(Long.MAX_VALUE))));
        assertEquals(Long.MIN_VALUE, assertInstanceOf(Long.class, Values.normalize(BigInteger.valueOf(Long.MIN_VALUE))));
        BigInteger big = BigInteger.TWO.pow(63);
        assertEquals(big, assertInstanceOf(BigInteger.class, Values.normalize(big)));
    }

    @Test
    void normalize_turnsCharacterIntoString() {
        assertEquals("x", Values.normalize('x'));
    }

    @Test
    void normalize_copiesNestedContainers_intoInsertionOrderedMapsAndLists() {
        Map<Object, Object> inner = new TreeMap<>(Map.of("z", 1, "a", 2.5f));
        List<Object> list = new ArrayList<>(List.of(1, inner));
        Map<Object, Object> source = new LinkedHashMap<>();
        source.put(10, list);
        source.put("n", null);

        Object normalized = Values.normalize(source);

        Map<String, Object> expectedInner = new LinkedHashMap<>();
        expectedInner.put("a", 2.5);
        expectedInner.put("z", 1L);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("10", List.of(1L, expectedInner));
        expected.put("n", null);
        assertEquals(expected, normalized);
        Map<?, ?> out = assertInstanceOf(LinkedHashMap.class, normalized);
        assertEquals(List.of("10", "n"), List.copyOf(out.keySet()));
        List<?> outList = assertInstanceOf(ArrayList.class, out.get("10"));
        assertNotSame(list, outList);
        assertEquals(List.of("a", "z"), List.copyOf(((Map<?, ?>) outList.get(1)).keySet()));

        list.add(3);
        inner.put("b", 0);
        assertEquals(2, outList.size());
        assertEquals(2, ((Map<?, ?>) outList.get(1)).size());
    }

    @Test
    void normalize_turnsObjectArrayIntoList() {
        assertEquals(List.of(1L, "b"), Values.normalize(new Object[] {1, "b"}));
    }

    @Test
    void normalize_rejectsTypesWithoutNeutralForm_namingTheType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.normalize(new Object()));
        assertEquals("no neutral form for a value of type java.lang.Object", e.getMessage());

        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> Values.normalize(Map.of("s", Set.of(1))));
        assertTrue(nested.getMessage().startsWith("no neutral form for a value of type java.util."), nested.getMessage());
    }

    @Test
    void deepCopy_returnsIndependentContainersAndBytes() {
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("b", 1L));
        List<Object> list = new ArrayList<>(List.of("x", inner));
        byte[] bytes = {1, 2, 3};
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("list", list);
        original.put("bytes", bytes);
        original.put("s", "text");

        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) Values.deepCopy(original);

        assertTrue(Values.deepEquals(original, copy));
        @SuppressWarnings("unchecked")
        List<Object> copiedList = (List<Object>) copy.get("list");
        copiedList.add("y");
        @SuppressWarnings("unchecked")
        Map<String, Object> copiedInner = (Map<String, Object>) copiedList.get(1);
        copiedInner.put("b", 2L);
        ((byte[]) copy.get("bytes"))[0] = 9;
        copy.put("s", "changed");

        assertEquals(List.of("x", Map.of("b", 1L)), list);
        assertArrayEquals(new byte[] {1, 2, 3}, bytes);
        assertEquals("text", original.get("s"));
        assertSame(original.get("s"), Values.deepCopy(original.get("s")));
    }

    @Test
    void deepEquals_comparesNumbersByTypeAndValue() {
        assertTrue(Values.deepEquals(1L, 1L));
        assertFalse(Values.deepEquals(1L, 1.0));
        assertFalse(Values.deepEquals(1L, BigInteger.ONE));
        assertFalse(Values.deepEquals(null, 0L));
        assertFalse(Values.deepEquals(0L, null));
        assertTrue(Values.deepEquals(null, null));
    }

    @Test
    void deepEquals_comparesBytesByContent() {
        assertTrue(Values.deepEquals(new byte[] {1, 2}, new byte[] {1, 2}));
        assertFalse(Values.deepEquals(new byte[] {1, 2}, new byte[] {2, 1}));
        assertTrue(Values.deepEquals(List.of(new byte[] {5}), List.of(new byte[] {5})));
    }

    @Test
    void deepEquals_ignoresMapOrderButNotListOrder() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1L);
        ab.put("b", List.of(1L, 2L));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", List.of(1L, 2L));
        ba.put("a", 1L);

        assertTrue(Values.deepEquals(ab, ba));
        assertFalse(Values.deepEquals(List.of(1L, 2L), List.of(2L, 1L)));
        assertFalse(Values.deepEquals(Map.of("a", 1L), Map.of("b", 1L)));
        assertFalse(Values.deepEquals(Map.of("a", 1L), Map.of("a", 1L, "b", 2L)));
        assertFalse(Values.deepEquals(Collections.singletonMap("a", null), Map.of("b", 1L)));
        assertFalse(Values.deepEquals(List.of(1L), List.of(1L, 2L)));
    }

    @Test
    void getPath_readsThroughNestedMaps() {
        Map<String, Object> root = Map.of("a", Map.of("b", Map.of("c", 42L)), "top", "t");

        assertEquals(42L, Values.getPath(root, "a.b.c"));
        assertEquals(Map.of("c", 42L), Values.getPath(root, "a.b"));
        assertEquals("t", Values.getPath(root, "top"));
    }

    @Test
    void getPath_returnsNull_whenMissingOrNotAMap() {
        Map<String, Object> root = Map.of("a", Map.of("b", 1L), "l", List.of(1L));

        assertNull(Values.getPath(root, "x"));
        assertNull(Values.getPath(root, "a.x"));
        assertNull(Values.getPath(root, "a.b.c"));
        assertNull(Values.getPath(root, "l.0"));
        assertNull(Values.getPath("scalar", "a"));
        assertNull(Values.getPath(null, "a"));
    }

    @Test
    void hasPath_isTrueForPresentEntries_evenWithNullValue() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("nil", null);
        Map<String, Object> root = Map.of("a", inner, "b", 1L);

        assertTrue(Values.hasPath(root, "a.nil"));
        assertTrue(Values.hasPath(root, "a"));
        assertTrue(Values.hasPath(root, "b"));
        assertFalse(Values.hasPath(root, "a.other"));
        assertFalse(Values.hasPath(root, "b.c"));
        assertFalse(Values.hasPath(root, "x.y"));
        assertFalse(Values.hasPath("scalar", "a"));
    }

    @Test
    void estimateSize_addsUpScalarsAndContainers() {
        assertEquals(4, Values.estimateSize(null, Long.MAX_VALUE));
        assertEquals(11, Values.estimateSize("abc", Long.MAX_VALUE));
        assertEquals(8, Values.estimateSize(new byte[] {1, 2, 3}, Long.MAX_VALUE));
        assertEquals(24, Values.estimateSize(5L, Long.MAX_VALUE));
        assertEquals(2 + (3 + 4) + (3 + 2), Values.estimateSize(Map.of("a", "b"), Long.MAX_VALUE));
        assertEquals(2 + (1 + 4) + (1 + 5), Values.estimateSize(Arrays.asList(null, "x"), Long.MAX_VALUE));
    }

    @Test
    void estimateSize_stopsSoonAfterTheLimit_forLargeLists() {
        List<Object> huge = Collections.nCopies(10_000_000, "0123456789");

        long size = Values.estimateSize(huge, 100);

        assertTrue(size > 100 && size <= 100 + 33, "estimate " + size);
    }

    @Test
    void estimateSize_terminates_forCyclicMapsAndLists() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("self", map);
        List<Object> list = new ArrayList<>();
        list.add(list);

        assertTrue(Values.estimateSize(map, 10_000) > 10_000);
        assertTrue(Values.estimateSize(list, 10_000) > 10_000);
    }

    @Test
    void typeName_namesNeutralTypes() {
        assertEquals("null", Values.typeName(null));
        assertEquals("map", Values.typeName(Map.of()));
        assertEquals("list", Values.typeName(List.of()));
        assertEquals("string", Values.typeName(""));
        assertEquals("boolean", Values.typeName(true));
        assertEquals("integer", Values.typeName(1L));
        assertEquals("integer", Values.typeName(BigInteger.ONE));
        assertEquals("number", Values.typeName(1.0));
        assertEquals("bytes", Values.typeName(new byte[0]));
    }

    @Test
    void isNeutralScalar_acceptsOnlyNeutralScalars() {
        assertTrue(Values.isNeutralScalar(null));
        assertTrue(Values.isNeutralScalar(1L));
        assertTrue(Values.isNeutralScalar(new byte[0]));
        assertFalse(Values.isNeutralScalar(1));
        assertFalse(Values.isNeutralScalar(Map.of()));
    }
}
