package dev.catena.bindings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Ordered, immutable record headers. A name may repeat (Kafka allows it); {@link #get}
 * returns the last value for a name, {@link #with} replaces every header of that name.
 * Values are neutral values (usually strings).
 */
public final class Headers {
    public static final Headers EMPTY = new Headers(List.of());

    /** One header. */
    public record Header(String name, Object value) {
        public Header {
            Objects.requireNonNull(name, "header name");
        }
    }

    private final List<Header> entries;

    private Headers(List<Header> entries) {
        this.entries = entries;
    }

    public static Headers of(List<Header> entries) {
        return entries.isEmpty() ? EMPTY : new Headers(List.copyOf(entries));
    }

    public List<Header> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    public boolean has(String name) {
        for (Header h : entries) {
            if (h.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The last value for {@code name}, or null. */
    public Object get(String name) {
        Object found = null;
        for (Header h : entries) {
            if (h.name.equals(name)) {
                found = h.value;
            }
        }
        return found;
    }

    /** Replaces every header named {@code name} by one with {@code value}, kept in place of the first. */
    public Headers with(String name, Object value) {
        List<Header> out = new ArrayList<>(entries.size() + 1);
        boolean placed = false;
        for (Header h : entries) {
            if (!h.name.equals(name)) {
                out.add(h);
            } else if (!placed) {
                out.add(new Header(name, value));
                placed = true;
            }
        }
        if (!placed) {
            out.add(new Header(name, value));
        }
        return new Headers(Collections.unmodifiableList(out));
    }

    public Headers without(String name) {
        if (!has(name)) {
            return this;
        }
        List<Header> out = new ArrayList<>(entries.size());
        for (Header h : entries) {
            if (!h.name.equals(name)) {
                out.add(h);
            }
        }
        return of(out);
    }

    public boolean sameContent(Headers other) {
        if (other.entries.size() != entries.size()) {
            return false;
        }
        for (int i = 0; i < entries.size(); i++) {
            Header a = entries.get(i);
            Header b = other.entries.get(i);
            if (!a.name.equals(b.name) || !Values.deepEquals(a.value, b.value)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && sameContent(h);
    }

    @Override
    public int hashCode() {
        return entries.size();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
