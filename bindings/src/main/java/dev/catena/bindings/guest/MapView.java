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
 * Writes go straight into the map, converted by {@link GuestValues#unwrap}.
 */
final class MapView implements ProxyObject, ProxyHashMap {
    private final Map<String, Object> map;
    private final boolean readOnly;

    MapView(Map<String, Object> map, boolean readOnly) {
        this.map = map;
        this.readOnly = readOnly;
    }

    Map<String, Object> map() {
        return map;
    }

    private void checkWritable() {
        if (readOnly) {
            throw new UnsupportedOperationException("this map is read-only");
        }
    }

    @Override
    public Object getMember(String key) {
        return GuestValues.wrap(map.get(key), readOnly);
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromList(new ArrayList<>(map.keySet()));
    }

    @Override
    public boolean hasMember(String key) {
        return map.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        checkWritable();
        map.put(key, GuestValues.unwrap(value));
    }

    @Override
    public boolean removeMember(String key) {
        checkWritable();
        boolean had = map.containsKey(key);
        map.remove(key);
        return had;
    }

    @Override
    public long getHashSize() {
        return map.size();
    }

    @Override
    public boolean hasHashEntry(Value key) {
        return map.containsKey(GuestValues.keyOf(key));
    }

    @Override
    public Object getHashValue(Value key) {
        return GuestValues.wrap(map.get(GuestValues.keyOf(key)), readOnly);
    }

    @Override
    public void putHashEntry(Value key, Value value) {
        checkWritable();
        map.put(GuestValues.keyOf(key), GuestValues.unwrap(value));
    }

    @Override
    public boolean removeHashEntry(Value key) {
        checkWritable();
        String k = GuestValues.keyOf(key);
        boolean had = map.containsKey(k);
        map.remove(k);
        return had;
    }

    @Override
    public Object getHashEntriesIterator() {
        Iterator<Map.Entry<String, Object>> it = new ArrayList<>(map.entrySet()).iterator();
        return new ProxyIterator() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object getNext() {
                Map.Entry<String, Object> e = it.next();
                return ProxyArray.fromArray(e.getKey(), GuestValues.wrap(e.getValue(), readOnly));
            }
        };
    }
}
