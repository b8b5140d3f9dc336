package dev.catena.bindings.guest;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/** A live view of a neutral list: a JavaScript array-like, a Python sequence; copied on first write (see {@link GuestPath}). */
final class ListView implements ProxyArray {
    private final GuestPath path;

    ListView(GuestPath path) {
        this.path = path;
    }

    /** The list as it is now (empty if the record no longer has it there). */
    @SuppressWarnings("unchecked")
    List<Object> list() {
        Object l = path.resolve();
        return l instanceof List<?> ? (List<Object>) l : List.of();
    }

    /** The list, owned by the message view, to place elsewhere in the record (see {@link GuestPath#forPlacement()}). */
    @SuppressWarnings("unchecked")
    List<Object> forPlacement() {
        Object l = path.forPlacement();
        return l instanceof List<?> ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private List<Object> writable() {
        if (!path.writable()) {
            throw new UnsupportedOperationException("this list is read-only");
        }
        return (List<Object>) path.forWrite();
    }

    @Override
    public Object get(long index) {
        List<Object> l = list();
        checkIndex(index, l.size());
        return GuestValues.child(path, (int) index, l.get((int) index));
    }

    @Override
    public void set(long index, Value value) {
        Object v = GuestValues.unwrap(value);
        List<Object> l = writable();
        checkIndex(index, l.size() + 1);
        if (index == l.size()) {
            l.add(v);
        } else {
            l.set((int) index, v);
        }
    }

    @Override
    public boolean remove(long index) {
        List<Object> l = writable();
        checkIndex(index, l.size());
        l.remove((int) index);
        return true;
    }

    @Override
    public long getSize() {
        return list().size();
    }

    private static void checkIndex(long index, int bound) {
        if (index < 0 || index >= bound) {
            throw new ArrayIndexOutOfBoundsException("index " + index + " out of bounds for length " + bound);
        }
    }
}
