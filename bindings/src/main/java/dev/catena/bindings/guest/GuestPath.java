package dev.catena.bindings.guest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a view's map or list lives in a record: a root (the message's key or value) and a path
 * of keys and indexes. Views resolve their container from the root on every access and copy on
 * first write: the written container and each container above it is copied once (shallow) and
 * put in place of the original, so a script that changes two fields of a large record copies two
 * small maps, and the input record is never changed.
 *
 * <p>A view follows its container as the guest would expect of an object reference: when the
 * record's entry is replaced by the copy made on write, the view follows the copy; when the entry
 * is removed or replaced by something else (a field deleted or moved, a list element shifted),
 * the view detaches and keeps the container it had, so moving a map keeps its content.
 */
final class GuestPath {
    /** The containers one message view has copied, and may therefore change in place. */
    static final class Owner {
        /** Copies made on write, each to the container it was copied from. */
        private final Map<Object, Object> copiedFrom = new IdentityHashMap<>();

        boolean owns(Object container) {
            return copiedFrom.containsKey(container);
        }

        void own(Object copy, Object original) {
            copiedFrom.put(copy, original);
        }

        /** Whether {@code now} is the copy made of {@code before} (or {@code before} itself). */
        boolean same(Object now, Object before) {
            return now == before || now != null && copiedFrom.get(now) == before;
        }
    }

    private final GuestPath parent;
    private final Object step;
    private final Supplier<Object> rootGet;
    private final Consumer<Object> rootSet;
    private final Owner owner;
    /** The container this view saw last; kept when the record no longer holds it (detached). */
    private Object last;
    private boolean detached;

    private GuestPath(GuestPath parent, Object step, Supplier<Object> rootGet, Consumer<Object> rootSet, Owner owner, Object container) {
        this.parent = parent;
        this.step = step;
        this.rootGet = rootGet;
        this.rootSet = rootSet;
        this.owner = owner;
        this.last = container;
    }

    /** A writable root (a message's key or value). */
    static GuestPath root(Supplier<Object> get, Consumer<Object> set, Owner owner) {
        return new GuestPath(null, null, get, set, owner, get.get());
    }

    /** A read-only root on a fixed container (parameters, conditions). */
    static GuestPath fixed(Object container) {
        return new GuestPath(null, null, () -> container, null, null, container);
    }

    /** The path of an entry of this container, which holds {@code container} there now. */
    GuestPath child(Object keyOrIndex, Object container) {
        return new GuestPath(this, keyOrIndex, rootGet, rootSet, owner, container);
    }

    boolean writable() {
        return owner != null;
    }

    /** The container as it is now: the record's, or the one this view kept after it was moved away. */
    Object resolve() {
        if (detached) {
            return last;
        }
        Object cur = parent == null ? rootGet.get() : get(parent.resolve(), step);
        if (last == null || owner == null) {
            last = cur;
        } else if (owner.same(cur, last)) {
            last = cur;
        } else {
            detached = true;   // removed or replaced: keep what this view referred to
        }
        return last;
    }

    /** The container, copied first if this message view does not own it yet. */
    Object forWrite() {
        if (owner == null) {
            throw new UnsupportedOperationException("read-only");
        }
        Object cur = resolve();
        if (cur == null) {
            throw new IllegalStateException("this part of the record is no longer a map or a list");
        }
        if (owner.owns(cur)) {
            return cur;
        }
        Object copy = copy(cur);
        owner.own(copy, cur);
        if (!detached) {
            if (parent == null) {
                rootSet.accept(copy);
            } else {
                put(parent.forWrite(), step, copy);
            }
        }
        last = copy;
        return copy;
    }

    /**
     * The container to place elsewhere in the record when a script assigns this view: owned (copied
     * once if need be), so that later writes through this view show wherever it was placed, as
     * with an object reference. A read-only view gives its container as it is.
     */
    Object forPlacement() {
        if (owner == null) {
            return resolve();
        }
        Object cur = resolve();
        return cur == null ? null : forWrite();
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
