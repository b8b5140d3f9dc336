package dev.catena.bindings.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Headers.Header;
import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The message and context views as a Python function sees them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonGuestViewTest {
    private Context context;
    private final List<String> logs = new ArrayList<>();

    @BeforeAll
    void createContext() {
        context = GuestContexts.python();
    }

    @AfterAll
    void closeContext() {
        context.close();
    }

    /** Evaluates {@code body} (lines, without indentation) as the body of {@code def transform(msg, ctx)} and calls it. */
    private Value run(MessageView msg, String... body) {
        return run(msg, GuestContexts.params(), body);
    }

    private Value run(MessageView msg, Map<String, Object> params, String... body) {
        StringBuilder code = new StringBuilder("def transform(msg, ctx):\n");
        for (String line : body) {
            code.append("    ").append(line).append('\n');
        }
        code.append("transform\n");
        Value transform = context.eval(Source.create("python", code.toString()));
        StepContextView ctx = new StepContextView(params, "orders-chain", "step-1", () -> 1234L,
                (level, text) -> logs.add(level + ":" + text));
        return transform.execute(msg, ctx);
    }

    private static MessageView view() {
        return new MessageView(GuestContexts.sample());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> valueOf(MessageView view) {
        return (Map<String, Object>) view.toMessage().value();
    }

    @Test
    void value_readsNestedItems() {
        assertEquals(5L, run(view(), "return msg.value['a']['b']").asLong());
    }

    @Test
    void value_writesNestedItems_intoTheResult() {
        MessageView msg = view();

        run(msg, "msg.value['a']['b'] = 7", "msg.value['a']['added'] = 'new'");

        assertEquals(Map.of("b", 7L, "added", "new"), valueOf(msg).get("a"));
    }

    @Test
    void inOperator_reportsPresentKeys() {
        assertEquals("True,True,False", run(view(),
                "return ','.join(str(x) for x in ['a' in msg.value, 'b' in msg.value['a'], 'zz' in msg.value])").asString());
    }

    @Test
    void get_returnsTheItemOrTheDefault() {
        assertEquals("text|dflt|None", run(view(),
                "return '|'.join(str(x) for x in [msg.value.get('c'), msg.value.get('zz', 'dflt'), msg.value.get('zz')])").asString());
    }

    @Test
    void items_iteratesInOrder() {
        assertEquals("a,c=text,items", run(view(),
                "return ','.join(k + ('=' + v if isinstance(v, str) else '') for k, v in msg.value.items())").asString());
    }

    @Test
    void len_andKeys_matchTheMap() {
        assertEquals("3 a,c,items", run(view(), "return str(len(msg.value)) + ' ' + ','.join(msg.value.keys())").asString());
    }

    @Test
    void del_removesTheItem() {
        MessageView msg = view();

        run(msg, "del msg.value['a']");

        assertEquals(List.of("c", "items"), List.copyOf(valueOf(msg).keySet()));
    }

    @Test
    void lists_supportAppendLenAndIteration() {
        MessageView msg = view();

        Value r = run(msg, "items = msg.value['items']", "items.append(4)",
                "return str(len(items)) + ':' + ','.join(str(x * 10) for x in items)");

        assertEquals("4:10,20,30,40", r.asString());
        assertEquals(List.of(1L, 2L, 3L, 4L), valueOf(msg).get("items"));
    }

    @Test
    void lists_acceptIndexWrites() {
        MessageView msg = view();

        run(msg, "msg.value['items'][0] = 'first'");

        assertEquals(List.of("first", 2L, 3L), valueOf(msg).get("items"));
    }

    @Test
    void assigningADict_storesANeutralLinkedHashMap_withListsForListsAndTuples() {
        MessageView msg = view();

        run(msg, "msg.value = {'n': 1, 'f': 1.5, 's': 'x', 't': True, 'nil': None,"
                + " 'nested': {'l': [1, 2.5, 'z'], 'tup': (3, 'y')}, 'big': 2 ** 70}");

        Object value = msg.toMessage().value();
        Map<?, ?> map = assertInstanceOf(LinkedHashMap.class, value);
        assertEquals(List.of("n", "f", "s", "t", "nil", "nested", "big"), List.copyOf(map.keySet()));
        assertInstanceOf(Long.class, map.get("n"));
        assertInstanceOf(Double.class, map.get("f"));
        assertInstanceOf(Boolean.class, map.get("t"));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("l", List.of(1L, 2.5, "z"));
        nested.put("tup", List.of(3L, "y"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 1L);
        expected.put("f", 1.5);
        expected.put("s", "x");
        expected.put("t", true);
        expected.put("nil", null);
        expected.put("nested", nested);
        expected.put("big", java.math.BigInteger.TWO.pow(70));
        assertTrue(Values.deepEquals(expected, value), value::toString);
    }

    @Test
    void assigningADictWithIntegerKeys_storesStringKeys() {
        MessageView msg = view();

        run(msg, "msg.value = {1: 'one', 2: 'two'}");

        assertEquals(Map.of("1", "one", "2", "two"), msg.toMessage().value());
    }

    @Test
    void headers_getSetRemoveHas() {
        MessageView msg = view();

        Value r = run(msg, "msg.headers.set('n', 'v')", "removed = msg.headers.remove('trace')",
                "return '|'.join(str(x) for x in [msg.headers.get('source'), msg.headers.has('trace'), removed,"
                        + " msg.headers.get('missing')])");

        assertEquals("web|False|True|None", r.asString());
        assertEquals(List.of(new Header("source", "web"), new Header("n", "v")), msg.toMessage().headers().entries());
    }

    @Test
    void topicTimestampAndKey_areWritable() {
        MessageView msg = view();

        run(msg, "msg.topic = 'out'", "msg.timestamp = 123", "msg.key = {'id': 9}");

        Message out = msg.toMessage();
        assertEquals("out", out.topic());
        assertEquals(123L, out.timestamp());
        assertEquals(Map.of("id", 9L), out.key());
    }

    @Test
    void assigningANumberToTopic_fails() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> run(view(), "msg.topic = 5"));

        assertTrue(e.isHostException(), e::getMessage);
        assertEquals("msg.topic must be a string, got 5", e.asHostException().getMessage());
    }

    @Test
    void params_areReadable() {
        assertEquals("10 x,y orders-chain step-1", run(view(),
                "return ' '.join([str(ctx.params['limit']), ','.join(ctx.params['names']), ctx.chain, ctx.step])").asString());
    }

    @Test
    void params_refuseWrites_insideTheGuest() {
        Map<String, Object> params = GuestContexts.params();

        Value r = run(view(), params,
                "out = []",
                "try:",
                "    ctx.params['limit'] = 1",
                "    out.append('set')",
                "except Exception as e:",
                "    out.append(type(e).__name__)",
                "try:",
                "    del ctx.params['limit']",
                "    out.append('deleted')",
                "except Exception as e:",
                "    out.append(type(e).__name__)",
                "try:",
                "    ctx.params['names'].append('z')",
                "    out.append('appended')",
                "except Exception as e:",
                "    out.append(type(e).__name__)",
                "try:",
                "    ctx.params = {}",
                "    out.append('replaced')",
                "except Exception as e:",
                "    out.append(type(e).__name__)",
                "return ','.join(out)");

        // GraalPy reports a refused write on a foreign mapping as AttributeError and a refused append as IndexError.
        assertEquals("AttributeError,AttributeError,IndexError,AttributeError", r.asString());
        assertEquals(GuestContexts.params(), params);
    }

    @Test
    void ctx_nowAndLog_reachTheHost() {
        logs.clear();

        long now = run(view(), "ctx.log('hello')", "ctx.log('warn', 'careful')", "return ctx.now()").asLong();

        assertEquals(1234L, now);
        assertEquals(List.of("info:hello", "warn:careful"), logs);
    }

    @Test
    void script_neverMutatesTheInputMessage() {
        Message input = GuestContexts.sample();
        Object valueBefore = Values.deepCopy(input.value());
        MessageView msg = new MessageView(input);

        run(msg, "msg.value['a']['b'] = 99", "msg.value['items'].append(4)", "del msg.value['c']",
                "msg.headers.set('source', 'changed')", "msg.topic = 'other'", "msg.key = 'k2'");

        assertTrue(Values.deepEquals(valueBefore, input.value()), () -> "input value became " + input.value());
        assertEquals("orders", input.topic());
        assertEquals("k1", input.key());
        assertEquals("web", input.headers().get("source"));
        assertEquals(99L, Values.getPath(msg.toMessage().value(), "a.b"));
    }

    @Test
    void results_ofTheViewItself_isTheChangedMessage() {
        MessageView msg = view();

        List<Message> out = msg.results(run(msg, "msg.value['a']['b'] = 6", "return msg"));

        assertEquals(1, out.size());
        assertEquals(6L, Values.getPath(out.get(0).value(), "a.b"));
        assertTrue(out.get(0).sameContent(msg.toMessage()));
    }

    @Test
    void results_ofNone_isEmpty() {
        MessageView msg = view();

        assertEquals(List.of(), msg.results(run(msg, "return None")));
    }

    @Test
    void results_ofAList_splitsIntoMessages() {
        MessageView msg = view();

        List<Message> out = msg.results(run(msg, "return [msg, {'value': 2}]"));

        assertEquals(2, out.size());
        assertTrue(out.get(0).sameContent(GuestContexts.sample()));
        assertEquals(2L, out.get(1).value());
        assertEquals("orders", out.get(1).topic());
    }

    @Test
    void results_ofADictWithValue_isANewMessageKeepingTheOtherFields() {
        MessageView msg = view();

        Message out = msg.results(run(msg, "return {'value': 1}")).get(0);

        Message input = GuestContexts.sample();
        assertEquals(1L, out.value());
        assertEquals(input.key(), out.key());
        assertEquals(input.topic(), out.topic());
        assertEquals(input.timestamp(), out.timestamp());
        assertEquals(input.headers().entries(), out.headers().entries());
    }

    @Test
    void results_ofANumber_isRejectedNamingWhatWasReturned() {
        MessageView msg = view();
        Value returned = run(msg, "return 42");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> msg.results(returned));

        assertTrue(e.getMessage().startsWith("transform must return the message, null/None to drop it, or a list of messages;"
                + " it returned a"), e.getMessage());
        assertTrue(e.getMessage().endsWith("integer"), e.getMessage());
    }
}
