package dev.catena.bindings.guest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyHashMap;
import org.graalvm.polyglot.proxy.ProxyIterator;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A live view of a neutral map. It has members (so JavaScript sees an object: {@code v.a.b},
 * {@code Object.keys}, {@code JSON.stringify}, {@code "a" in v}) and hash entries (so Python
 * sees a dict: {@code v["a"]["b"]}, {@code in}, {@code .get}, {@code .items()}).
 * Writes are converted by {@link GuestValues#unwrap} and copy the map on first write (see
 * {@link GuestPath}): nothing is converted or copied that the script does not touch.
 */
final class MapView implements ProxyObject, ProxyHashMap {
    private final GuestPath path;

    MapView(GuestPath path) {
        this.path = path;
    }

    /** The map as it is now (empty if the record no longer has it there). */
    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
        Object m = path.resolve();
        return m instanceof Map<?, ?> ? (Map<String, Object>) m : Map.of();
    }

    /** The map, owned by the message view, to place elsewhere in the record (see {@link GuestPath#forPlacement()}). */
    @SuppressWarnings("unchecked")
    Map<String, Object> forPlacement() {
        Object m = path.forPlacement();
        return m instanceof Map<?, ?> ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> writable() {
        if (!path.writable()) {
            throw new UnsupportedOperationException("this map is read-only");
        }
        return (Map<String, Object>) path.forWrite();
    }

    @Override
    public Object getMember(String key) {
        return GuestValues.child(path, key, map().get(key));
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromList(new ArrayList<>(map().keySet()));
    }

    @Override
    public boolean hasMember(String key) {
        return map().containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        Object v = GuestValues.unwrap(value);
        writable().put(key, v);
    }

    @Override
    public boolean removeMember(String key) {
        if (!map().containsKey(key)) {
            writable();   // still refuse on a read-only map
            return false;
        }
        writable().remove(key);
        return true;
    }

    @Override
    public long getHashSize() {
        return map().size();
    }

    @Override
    public boolean hasHashEntry(Value key) {
        return map().containsKey(GuestValues.keyOf(key));
    }

    @Override
    public Object getHashValue(Value key) {
        String k = GuestValues.keyOf(key);
        return GuestValues.child(path, k, map().get(k));
    }

    @Override
    public void putHashEntry(Value key, Value value) {
        Object v = GuestValues.unwrap(value);
        writable().put(GuestValues.keyOf(key), v);
    }

    @Override
    public boolean removeHashEntry(Value key) {
        return removeMember(GuestValues.keyOf(key));
    }

    @Override
    public Object getHashEntriesIterator() {
        Iterator<Map.Entry<String, Object>> it = new ArrayList<>(map().entrySet()).iterator();
        return new ProxyIterator() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object getNext() {
                Map.Entry<String, Object> e = it.next();
                return ProxyArray.fromArray(e.getKey(), GuestValues.child(path, e.getKey(), e.getValue()));
            }
        };
    }
}
