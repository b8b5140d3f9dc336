package dev.catena.bindings.guest;

import dev.catena.bindings.Headers;
import dev.catena.bindings.Headers.Header;
import dev.catena.bindings.Message;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;

/** Contexts configured as the sandbox configures them, and the record the view tests start from. */
final class GuestContexts {
    private GuestContexts() {
    }

    static Context javaScript() {
        return base("js").option("js.esm-eval-returns-exports", "true").build();
    }

    static Context python() {
        return base("python").build();
    }

    private static Context.Builder base(String language) {
        return Context.newBuilder(language)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream());
    }

    /** {@code {"a": {"b": 5}, "c": "text", "items": [1, 2, 3]}} on topic "orders", with two headers. */
    static Message sample() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 5L);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", a);
        value.put("c", "text");
        value.put("items", new ArrayList<>(List.of(1L, 2L, 3L)));
        return Message.builder()
                .topic("orders").partition(2).offset(40L).timestamp(1_700_000_000_000L)
                .key("k1").value(value)
                .headers(Headers.of(List.of(new Header("source", "web"), new Header("trace", "t1"))))
                .origin("input line 1")
                .build();
    }

    static Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", 10L);
        params.put("names", new ArrayList<>(List.of("x", "y")));
        return params;
    }
}
