package dev.catena.bindings.guest;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/** A live view of a neutral list: a JavaScript array-like, a Python sequence. */
final class ListView implements ProxyArray {
    private final List<Object> list;
    private final boolean readOnly;

    ListView(List<Object> list, boolean readOnly) {
        this.list = list;
        this.readOnly = readOnly;
    }

    List<Object> list() {
        return list;
    }

    @Override
    public Object get(long index) {
        checkIndex(index, list.size());
        return GuestValues.wrap(list.get((int) index), readOnly);
    }

    @Override
    public void set(long index, Value value) {
        if (readOnly) {
            throw new UnsupportedOperationException("this list is read-only");
        }
        checkIndex(index, list.size() + 1);
        Object v = GuestValues.unwrap(value);
        if (index == list.size()) {
            list.add(v);
        } else {
            list.set((int) index, v);
        }
    }

    @Override
    public boolean remove(long index) {
        if (readOnly) {
            throw new UnsupportedOperationException("this list is read-only");
        }
        checkIndex(index, list.size());
        list.remove((int) index);
        return true;
    }

    @Override
    public long getSize() {
        return list.size();
    }

    private static void checkIndex(long index, int bound) {
        if (index < 0 || index >= bound) {
            throw new ArrayIndexOutOfBoundsException("index " + index + " out of bounds for length " + (bound));
        }
    }
}
