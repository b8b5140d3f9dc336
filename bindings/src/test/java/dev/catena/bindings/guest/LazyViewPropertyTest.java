package dev.catena.bindings.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import dev.catena.bindings.json.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Copy-on-write views behave exactly like eager conversion: on random nested records, a random
 * program of reads, writes, deletes, pushes and replacements gives the same result run on the
 * lazy views as on a plain JavaScript copy of the record (JSON.parse), and never changes the
 * input record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LazyViewPropertyTest {
    private static final int TRIALS = 300;
    private final JsonCodec json = new JsonCodec();
    private Context js;

    @BeforeAll
    void start() {
        js = GuestContexts.javaScript();
    }

    @AfterAll
    void stop() {
        js.close();
    }

    @Test
    void lazyViews_giveTheSameResultAsEagerCopies_onRandomRecordsAndPrograms() {
        Random random = new Random(20261204L);
        for (int trial = 0; trial < TRIALS; trial++) {
            Map<String, Object> value = map(random, 0);
            List<String> paths = new ArrayList<>();
            collect(value, "v", paths);
            String program = program(random, paths);
            Message input = Message.builder().key("k").value(value).build();
            String before = json.encodeValue(input.value());

            Object lazy = run("lazy" + trial, "const v = msg.value;\n" + program + "\nmsg.value.__reads = out;", input);
            Object eager = run("eager" + trial, "const v = JSON.parse(ctx);\n" + program + "\nv.__reads = out;\nmsg.value = v;",
                    input.withValue(Values.deepCopy(value)), before);

            assertEquals(json.encodeValue(eager), json.encodeValue(lazy), "trial " + trial + ":\n" + before + "\n" + program);
            assertEquals(before, json.encodeValue(input.value()), "the input record is unchanged, trial " + trial);
        }
    }

    private Object run(String name, String body, Message input) {
        return run(name, body, input, null);
    }

    private Object run(String name, String body, Message input, String ctx) {
        String code = "export function transform(msg, ctx) {\n const out = [];\n" + body + "\n return msg;\n}\n";
        Value fn = js.eval(Source.newBuilder("js", code, name + ".mjs").mimeType("application/javascript+module").buildLiteral())
                .getMember("transform");
        MessageView view = new MessageView(input);
        List<Message> out = view.results(fn.execute(view, ctx));
        return out.get(0).value();
    }

    /** A JS program over {@code v} (the record value), pushing what it reads into {@code out}. */
    private static String program(Random r, List<String> paths) {
        StringBuilder b = new StringBuilder();
        int n = 3 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            String p = paths.get(r.nextInt(paths.size()));
            String guard = "(t => t !== null && typeof t === 'object' && !Array.isArray(t))";
            switch (r.nextInt(8)) {
                case 0 -> b.append("out.push(JSON.stringify(").append(optional(p)).append(" ?? null));\n");
                case 1 -> b.append("{ const t = ").append(optional(p)).append("; if (").append(guard).append("(t)) t.n")
                        .append(r.nextInt(3)).append(" = ").append(literal(r)).append("; }\n");
                case 2 -> b.append("{ const t = ").append(optional(p)).append("; if (").append(guard)
                        .append("(t)) { for (const k of Object.keys(t).slice(0, 1)) delete t[k]; } }\n");
                case 3 -> b.append("{ const t = ").append(optional(p)).append("; if (Array.isArray(t)) t.push(")
                        .append(literal(r)).append("); }\n");
                case 4 -> b.append("{ const t = ").append(optional(p)).append("; if (Array.isArray(t) && t.length > 0) t[0] = ")
                        .append(literal(r)).append("; }\n");
                case 5 -> b.append("{ const t = ").append(optional(p)).append("; if (").append(guard).append("(t)) t.obj = {x: [1, {y: ")
                        .append(r.nextInt(9)).append("}], s: 'q'}; }\n");
                // move an entry: read it, delete it, put it elsewhere (the view must keep its content)
                case 6 -> b.append("{ const t = ").append(optional(p)).append("; if (").append(guard)
                        .append("(t)) { const k = Object.keys(t)[0]; if (k !== undefined) { const m = t[k]; delete t[k]; t.moved")
                        .append(r.nextInt(3)).append(" = m; if (").append(guard).append("(m)) m.touched = true; } } }\n");
                // remove a list's first element while holding a view of its second
                default -> b.append("{ const t = ").append(optional(p)).append("; if (Array.isArray(t) && t.length > 1) {")
                        .append(" const second = t[1]; t.splice(0, 1); out.push(JSON.stringify(second)); } }\n");
            }
        }
        return b.toString();
    }

    private static String optional(String path) {
        return path.replace(".", "?.").replace("[", "?.[");
    }

    private static String literal(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Integer.toString(r.nextInt(100));
            case 1 -> "'s" + r.nextInt(10) + "'";
            case 2 -> "true";
            default -> "[" + r.nextInt(5) + ", 'x']";
        };
    }

    private static Map<String, Object> map(Random r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put("k" + r.nextInt(6), value(r, depth + 1));
        }
        return m;
    }

    private static Object value(Random r, int depth) {
        int kind = depth >= 3 ? r.nextInt(4) : r.nextInt(6);
        return switch (kind) {
            case 0 -> (long) r.nextInt(1000);
            case 1 -> "t" + r.nextInt(100);
            case 2 -> r.nextBoolean();
            case 3 -> r.nextDouble() < 0.3 ? null : 0.5 + r.nextInt(10);
            case 4 -> map(r, depth);
            default -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    l.add(value(r, depth + 1));
                }
                yield l;
            }
        };
    }

    private static void collect(Object v, String path, List<String> paths) {
        paths.add(path);
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                collect(e.getValue(), path + "." + e.getKey(), paths);
            }
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collect(l.get(i), path + "[" + i + "]", paths);
            }
        }
    }
}
