package dev.catena.bindings.guest;

import dev.catena.bindings.Headers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * {@code msg.headers} for guests: {@code get(name)}, {@code set(name, value)},
 * {@code remove(name)}, {@code has(name)}, {@code names()} and {@code toObject()}.
 */
final class HeadersView implements ProxyObject {
    private static final List<String> MEMBERS = List.of("get", "set", "remove", "has", "names", "toObject");

    private Headers headers;
    private final Map<String, ProxyExecutable> functions = new LinkedHashMap<>();

    HeadersView(Headers headers) {
        this.headers = headers;
        functions.put("get", args -> GuestValues.wrap(headers().get(name(args, "get")), true));
        functions.put("has", args -> headers().has(name(args, "has")));
        functions.put("set", args -> {
            if (args.length != 2) {
                throw new IllegalArgumentException("headers.set(name, value) takes 2 arguments, got " + args.length);
            }
            this.headers = this.headers.with(name(args, "set"), GuestValues.unwrap(args[1]));
            return null;
        });
        functions.put("remove", args -> {
            String n = name(args, "remove");
            boolean had = this.headers.has(n);
            this.headers = this.headers.without(n);
            return had;
        });
        functions.put("names", args -> {
            List<Object> names = new ArrayList<>();
            for (Headers.Header h : this.headers.entries()) {
                if (!names.contains(h.name())) {
                    names.add(h.name());
                }
            }
            return ProxyArray.fromList(names);
        });
        functions.put("toObject", args -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Headers.Header h : this.headers.entries()) {
                m.put(h.name(), h.value());
            }
            return GuestValues.wrap(m, true);
        });
    }

    Headers headers() {
        return headers;
    }

    private static String name(Value[] args, String fn) {
        if (args.length < 1 || !args[0].isString()) {
            throw new IllegalArgumentException("headers." + fn + " needs a header name (a string) as first argument");
        }
        return args[0].asString();
    }

    @Override
    public Object getMember(String key) {
        return functions.get(key);
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromList(new ArrayList<>(MEMBERS));
    }

    @Override
    public boolean hasMember(String key) {
        return functions.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("msg.headers has no writable member '" + key + "'; use msg.headers.set(name, value)");
    }
}
