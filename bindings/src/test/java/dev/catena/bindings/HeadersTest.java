package dev.catena.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Headers.Header;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {
    private static final Headers REPEATED = Headers.of(List.of(
            new Header("a", "1"), new Header("b", "2"), new Header("a", "3"), new Header("c", "4")));

    @Test
    void of_returnsTheSharedEmptyInstance_forNoEntries() {
        assertSame(Headers.EMPTY, Headers.of(List.of()));
        assertTrue(Headers.EMPTY.isEmpty());
        assertEquals(0, Headers.EMPTY.size());
    }

    @Test
    void of_copiesTheGivenList() {
        List<Header> source = new ArrayList<>(List.of(new Header("a", "1")));
        Headers headers = Headers.of(source);

        source.add(new Header("b", "2"));

        assertEquals(1, headers.size());
        assertThrows(UnsupportedOperationException.class, () -> headers.entries().add(new Header("c", "3")));
    }

    @Test
    void get_returnsTheLastValue_forARepeatedName() {
        assertEquals("3", REPEATED.get("a"));
        assertEquals("2", REPEATED.get("b"));
        assertNull(REPEATED.get("missing"));
    }

    @Test
    void has_findsPresentNamesOnly() {
        assertTrue(REPEATED.has("a"));
        assertTrue(REPEATED.has("c"));
        assertFalse(REPEATED.has("A"));
    }

    @Test
    void with_appendsANewName_atTheEnd() {
        Headers h = REPEATED.with("d", "5");

        assertEquals(List.of(new Header("a", "1"), new Header("b", "2"), new Header("a", "3"), new Header("c", "4"),
                new Header("d", "5")), h.entries());
        assertEquals(4, REPEATED.size());
    }

    @Test
    void with_replacesEveryRepeat_byOneEntryInPlaceOfTheFirst() {
        Headers h = REPEATED.with("a", "new");

        assertEquals(List.of(new Header("a", "new"), new Header("b", "2"), new Header("c", "4")), h.entries());
    }

    @Test
    void with_returnsAnImmutableResult() {
        Headers h = REPEATED.with("a", "new");

        assertThrows(UnsupportedOperationException.class, () -> h.entries().clear());
    }

    @Test
    void without_removesEveryRepeat() {
        assertEquals(List.of(new Header("b", "2"), new Header("c", "4")), REPEATED.without("a").entries());
    }

    @Test
    void without_returnsTheSameInstance_whenTheNameIsAbsent() {
        assertSame(REPEATED, REPEATED.without("zzz"));
    }

    @Test
    void without_returnsEmpty_whenTheLastNameGoes() {
        assertSame(Headers.EMPTY, Headers.of(List.of(new Header("a", "1"))).without("a"));
    }

    @Test
    void sameContent_isOrderSensitiveAndComparesValuesDeeply() {
        Headers ab = Headers.of(List.of(new Header("a", new byte[] {1}), new Header("b", 2L)));
        Headers abCopy = Headers.of(List.of(new Header("a", new byte[] {1}), new Header("b", 2L)));
        Headers ba = Headers.of(List.of(new Header("b", 2L), new Header("a", new byte[] {1})));

        assertTrue(ab.sameContent(abCopy));
        assertEquals(ab, abCopy);
        assertEquals(ab.hashCode(), abCopy.hashCode());
        assertFalse(ab.sameContent(ba));
        assertNotEquals(ab, ba);
        assertFalse(ab.sameContent(Headers.of(List.of(new Header("a", new byte[] {1})))));
    }

    @Test
    void header_rejectsNullName() {
        assertThrows(NullPointerException.class, () -> new Header(null, "v"));
    }
}
