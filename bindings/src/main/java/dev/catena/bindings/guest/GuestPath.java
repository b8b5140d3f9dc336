package dev.catena.bindings.guest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a view's map or list lives in a record: a root (the message's key or value) and a path
 * of keys and indexes. Views resolve their container from the root on every access and copy on
 * first write: the written container and each container above it is copied once (shallow) and
 * put in place of the original, so a script that changes two fields of a large record copies two
 * small maps, and the input record is never changed. A view a script kept while the record
 * changed under it still sees the record as it is now.
 */
final class GuestPath {
    /** The containers one message view has copied, and may therefore change in place. */
    static final class Owner {
        private final Set<Object> owned = Collections.newSetFromMap(new IdentityHashMap<>());

        boolean owns(Object container) {
            return owned.contains(container);
        }

        void own(Object container) {
            owned.add(container);
        }
    }

    private final GuestPath parent;
    private final Object step;
    private final Supplier<Object> rootGet;
    private final Consumer<Object> rootSet;
    private final Owner owner;

    private GuestPath(GuestPath parent, Object step, Supplier<Object> rootGet, Consumer<Object> rootSet, Owner owner) {
        this.parent = parent;
        this.step = step;
        this.rootGet = rootGet;
        this.rootSet = rootSet;
        this.owner = owner;
    }

    /** A writable root (a message's key or value). */
    static GuestPath root(Supplier<Object> get, Consumer<Object> set, Owner owner) {
        return new GuestPath(null, null, get, set, owner);
    }

    /** A read-only root on a fixed container (parameters, conditions). */
    static GuestPath fixed(Object container) {
        return new GuestPath(null, null, () -> container, null, null);
    }

    GuestPath child(Object keyOrIndex) {
        return new GuestPath(this, keyOrIndex, rootGet, rootSet, owner);
    }

    boolean writable() {
        return owner != null;
    }

    /** The container as it is now, or null when the path no longer leads to one. */
    Object resolve() {
        if (parent == null) {
            return rootGet.get();
        }
        return get(parent.resolve(), step);
    }

    /** The container, copied first if this message view does not own it yet. */
    Object forWrite() {
        if (owner == null) {
            throw new UnsupportedOperationException("read-only");
        }
        if (parent == null) {
            Object cur = rootGet.get();
            if (!owner.owns(cur)) {
                cur = copy(cur);
                rootSet.accept(cur);
                owner.own(cur);
            }
            return cur;
        }
        Object container = parent.forWrite();
        Object cur = get(container, step);
        if (cur == null) {
            throw new IllegalStateException("this part of the record was removed or replaced");
        }
        if (!owner.owns(cur)) {
            cur = copy(cur);
            put(container, step, cur);
            owner.own(cur);
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    private static Object get(Object container, Object step) {
        if (container instanceof Map<?, ?> m && step instanceof String k) {
            Object v = m.get(k);
            return v instanceof Map || v instanceof List ? v : null;
        }
        if (container instanceof List<?> l && step instanceof Integer i && i >= 0 && i < l.size()) {
            Object v = l.get(i);
            return v instanceof Map || v instanceof List ? v : null;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Object container, Object step, Object value) {
        if (container instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put((String) step, value);
        } else {
            ((List<Object>) container).set((Integer) step, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object container) {
        if (container instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        if (container instanceof List<?> l) {
            return new ArrayList<>((List<Object>) l);
        }
        throw new IllegalStateException("this part of the record is no longer a map or a list");
    }
}
