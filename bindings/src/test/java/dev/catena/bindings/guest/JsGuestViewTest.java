package dev.catena.bindings.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Headers.Header;
import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import java.util.ArrayList;
import java.util.Arrays;
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

/** The message and context views as a JavaScript module sees them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsGuestViewTest {
    private Context context;
    private int modules;
    private final List<String> logs = new ArrayList<>();

    @BeforeAll
    void createContext() {
        context = GuestContexts.javaScript();
    }

    @AfterAll
    void closeContext() {
        context.close();
    }

    /** Evaluates {@code body} as the body of {@code export function transform(msg, ctx)} and calls it. */
    private Value run(MessageView msg, String body) {
        return run(msg, GuestContexts.params(), body);
    }

    private Value run(MessageView msg, Map<String, Object> params, String body) {
        Source source = Source.newBuilder("js", "export function transform(msg, ctx) {\n" + body + "\n}\n", "view" + modules++ + ".mjs")
                .mimeType("application/javascript+module")
                .buildLiteral();
        Value transform = context.eval(source).getMember("transform");
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
    void value_readsNestedMembers() {
        assertEquals(5L, run(view(), "return msg.value.a.b;").asLong());
    }

    @Test
    void value_writesNestedMembers_intoTheResult() {
        MessageView msg = view();

        run(msg, "msg.value.a.b = 7; msg.value.a.added = 'new';");

        assertEquals(Map.of("b", 7L, "added", "new"), valueOf(msg).get("a"));
    }

    @Test
    void objectKeys_listsValueMembersInOrder() {
        assertEquals("a,c,items", run(view(), "return Object.keys(msg.value).join(',');").asString());
    }

    @Test
    void jsonStringify_serializesTheValue() {
        assertEquals("{\"a\":{\"b\":5},\"c\":\"text\",\"items\":[1,2,3]}",
                run(view(), "return JSON.stringify(msg.value);").asString());
    }

    @Test
    void inOperator_reportsPresentMembers() {
        assertEquals("true,true,false", run(view(), "return ['a' in msg.value, 'b' in msg.value.a, 'zz' in msg.value].join(',');").asString());
    }

    @Test
    void delete_removesTheMember() {
        MessageView msg = view();

        assertEquals("c,items", run(msg, "delete msg.value.a; return Object.keys(msg.value).join(',');").asString());
        assertEquals(List.of("c", "items"), List.copyOf(valueOf(msg).keySet()));
    }

    @Test
    void arrays_supportPushLengthAndMap() {
        MessageView msg = view();

        Value r = run(msg, "const items = msg.value.items; items.push(4);"
                + " return items.length + ':' + items.map(x => x * 10).join(',');");

        assertEquals("4:10,20,30,40", r.asString());
        assertEquals(List.of(1L, 2L, 3L, 4L), valueOf(msg).get("items"));
    }

    @Test
    void arrays_acceptIndexWrites() {
        MessageView msg = view();

        run(msg, "msg.value.items[0] = 'first'; msg.value.items[3] = 4;");

        assertEquals(List.of("first", 2L, 3L, 4L), valueOf(msg).get("items"));
    }

    @Test
    void assigningAnObjectLiteral_storesANeutralLinkedHashMap() {
        MessageView msg = view();

        run(msg, "msg.value = {n: 1, f: 1.5, whole: 6 / 2, s: 'x', t: true, nil: null, nested: {l: [1, 2.5, 'z']}};");

        Object value = msg.toMessage().value();
        Map<?, ?> map = assertInstanceOf(LinkedHashMap.class, value);
        assertEquals(List.of("n", "f", "whole", "s", "t", "nil", "nested"), List.copyOf(map.keySet()));
        assertInstanceOf(Long.class, map.get("n"));
        assertInstanceOf(Double.class, map.get("f"));
        assertInstanceOf(Long.class, map.get("whole"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 1L);
        expected.put("f", 1.5);
        expected.put("whole", 3L);
        expected.put("s", "x");
        expected.put("t", true);
        expected.put("nil", null);
        expected.put("nested", Map.of("l", List.of(1L, 2.5, "z")));
        assertTrue(Values.deepEquals(expected, value), value::toString);
    }

    @Test
    void assigningAFunction_isRefused() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> run(view(), "msg.value = () => 1;"));

        assertTrue(e.isHostException());
        assertEquals("cannot store a function in a record", e.asHostException().getMessage());
    }

    @Test
    void headers_getSetRemoveHas() {
        MessageView msg = view();

        Value r = run(msg, "msg.headers.set('n', 'v'); const removed = msg.headers.remove('trace');"
                + " return [msg.headers.get('source'), msg.headers.has('trace'), removed, msg.headers.get('missing'),"
                + " msg.headers.remove('missing')].join('|');");

        assertEquals("web|false|true||false", r.asString());
        assertEquals(List.of(new Header("source", "web"), new Header("n", "v")), msg.toMessage().headers().entries());
    }

    @Test
    void topicTimestampAndKey_areWritable() {
        MessageView msg = view();

        run(msg, "msg.topic = 'out'; msg.timestamp = 123; msg.key = {id: 9};");

        Message out = msg.toMessage();
        assertEquals("out", out.topic());
        assertEquals(123L, out.timestamp());
        assertEquals(Map.of("id", 9L), out.key());
        assertEquals(2, out.partition());
        assertEquals(40L, out.offset());
    }

    @Test
    void partitionAndOffset_areReadable() {
        assertEquals("orders 2 40 1700000000000 k1", run(view(),
                "return [msg.topic, msg.partition, msg.offset, msg.timestamp, msg.key].join(' ');").asString());
    }

    @Test
    void assigningANumberToTopic_fails() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> run(view(), "msg.topic = 5;"));

        assertTrue(e.isHostException());
        assertEquals("msg.topic must be a string, got 5", e.asHostException().getMessage());
    }

    @Test
    void assigningAFractionToTimestamp_fails() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> run(view(), "msg.timestamp = 1.5;"));

        assertTrue(e.isHostException());
        assertEquals("msg.timestamp must be epoch milliseconds (an integer), got 1.5", e.asHostException().getMessage());
    }

    @Test
    void assigningPartition_throwsInsideTheGuest() {
        MessageView msg = view();

        assertEquals("refused", run(msg, "try { msg.partition = 1; return 'accepted'; } catch (e) { return 'refused'; }").asString());
        assertEquals(2, msg.toMessage().partition());
    }

    @Test
    void params_areReadable() {
        assertEquals("10 x,y orders-chain step-1", run(view(),
                "return [ctx.params.limit, ctx.params.names.join(','), ctx.chain, ctx.step].join(' ');").asString());
    }

    @Test
    void params_refuseWrites_insideTheGuest() {
        Map<String, Object> params = GuestContexts.params();

        Value r = run(view(), params, "const out = [];"
                + " try { ctx.params.limit = 1; out.push('set'); } catch (e) { out.push(e.name); }"
                + " try { delete ctx.params.limit; out.push('deleted'); } catch (e) { out.push(e.name); }"
                + " try { ctx.params.names.push('z'); out.push('pushed'); } catch (e) { out.push(e.name); }"
                + " try { ctx.params = {}; out.push('replaced'); } catch (e) { out.push(e.name); }"
                + " return out.join(',');");

        assertEquals("TypeError,TypeError,TypeError,TypeError", r.asString());
        assertEquals(GuestContexts.params(), params);
    }

    @Test
    void ctx_nowAndLog_reachTheHost() {
        logs.clear();

        long now = run(view(), "ctx.log('hello'); ctx.log('warn', 'careful'); ctx.log(42); return ctx.now();").asLong();

        assertEquals(1234L, now);
        assertEquals(List.of("info:hello", "warn:careful", "info:42"), logs);
    }

    @Test
    void script_neverMutatesTheInputMessage() {
        Message input = GuestContexts.sample();
        Object valueBefore = Values.deepCopy(input.value());
        MessageView msg = new MessageView(input);

        run(msg, "msg.value.a.b = 99; msg.value.items.push(4); delete msg.value.c; msg.value.items[0] = 0;"
                + " msg.headers.set('source', 'changed'); msg.headers.remove('trace');"
                + " msg.topic = 'other'; msg.key = 'k2'; msg.timestamp = 1;");

        assertTrue(Values.deepEquals(valueBefore, input.value()), () -> "input value became " + input.value());
        assertEquals("orders", input.topic());
        assertEquals("k1", input.key());
        assertEquals(1_700_000_000_000L, input.timestamp());
        assertEquals(List.of(new Header("source", "web"), new Header("trace", "t1")), input.headers().entries());
        assertEquals(99L, Values.getPath(msg.toMessage().value(), "a.b"));
    }

    @Test
    void results_ofTheViewItself_isTheChangedMessage() {
        MessageView msg = view();

        List<Message> out = msg.results(run(msg, "msg.value.a.b = 6; return msg;"));

        assertEquals(1, out.size());
        assertTrue(out.get(0).sameContent(msg.toMessage()));
        assertEquals(6L, Values.getPath(out.get(0).value(), "a.b"));
    }

    @Test
    void results_ofNullOrUndefined_isEmpty() {
        MessageView msg = view();

        assertEquals(List.of(), msg.results(run(msg, "return null;")));
        assertEquals(List.of(), msg.results(run(msg, "return;")));
    }

    @Test
    void results_ofAnArray_splitsIntoMessages_skippingNulls() {
        MessageView msg = view();

        List<Message> out = msg.results(run(msg, "return [msg, null, {value: 2}];"));

        assertEquals(2, out.size());
        assertTrue(out.get(0).sameContent(GuestContexts.sample()));
        assertEquals(2L, out.get(1).value());
        assertEquals("orders", out.get(1).topic());
    }

    @Test
    void results_ofAnObjectWithValue_isANewMessageKeepingTheOtherFields() {
        MessageView msg = view();

        Message out = msg.results(run(msg, "return {value: 1};")).get(0);

        Message input = GuestContexts.sample();
        assertEquals(1L, out.value());
        assertEquals(input.key(), out.key());
        assertEquals(input.topic(), out.topic());
        assertEquals(input.partition(), out.partition());
        assertEquals(input.offset(), out.offset());
        assertEquals(input.timestamp(), out.timestamp());
        assertEquals(input.headers().entries(), out.headers().entries());
        assertEquals(input.origin(), out.origin());
    }

    @Test
    void results_ofAnObjectWithFields_overridesThoseFields() {
        MessageView msg = view();

        Message out = msg.results(run(msg, "return {value: 'v', key: null, topic: 't2', timestamp: 5, headers: {x: '1'}};")).get(0);

        assertEquals("v", out.value());
        assertEquals(null, out.key());
        assertEquals("t2", out.topic());
        assertEquals(5L, out.timestamp());
        assertEquals(List.of(new Header("x", "1")), out.headers().entries());
    }

    @Test
    void results_ofANumber_isRejectedNamingWhatWasReturned() {
        MessageView msg = view();
        Value returned = run(msg, "return 42;");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> msg.results(returned));

        assertTrue(e.getMessage().startsWith("transform must return the message, null/None to drop it, or a list of messages;"
                + " it returned a"), e.getMessage());
        assertTrue(e.getMessage().endsWith("integer"), e.getMessage());
    }

    @Test
    void results_ofAnObjectWithoutValue_isRejected() {
        MessageView msg = view();
        Value returned = run(msg, "return {key: 1};");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> msg.results(returned));

        assertTrue(e.getMessage().endsWith("it returned a map without a 'value' member"), e.getMessage());
    }

    @Test
    void results_ofAnArrayWithAString_namesTheIndex() {
        MessageView msg = view();
        Value returned = run(msg, "return [msg, 'oops'];");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> msg.results(returned));

        assertTrue(e.getMessage().endsWith("it returned at index 1 a string"), e.getMessage());
    }

    @Test
    void keySchemaAndValueSchema_areNull_whenSchemaless() {
        assertEquals("null null", run(view(), "return [String(msg.keySchema), String(msg.valueSchema)].join(' ');").asString());
    }

    @Test
    void arraysFromTheHost_unwrapToTheSameNeutralList() {
        MessageView msg = view();

        run(msg, "msg.value.copy = msg.value.items; msg.value.copy.push(9);");

        assertEquals(Arrays.asList(1L, 2L, 3L, 9L), valueOf(msg).get("copy"));
    }

    @Test
    void value_isOneObjectUntilAssigned_andAnOldViewDetachesFromTheNewValue() {
        MessageView msg = view();

        Value r = run(msg, """
                const before = msg.value;
                const same = before === msg.value;
                msg.value = {fresh: true};
                before.a.b = 99;   // writes to the old value's copy, not to the new value
                return [same, before === msg.value, msg.value.fresh, before.a.b];
                """);

        assertTrue(r.getArrayElement(0).asBoolean());
        assertFalse(r.getArrayElement(1).asBoolean());
        assertTrue(r.getArrayElement(2).asBoolean());
        assertEquals(99L, r.getArrayElement(3).asLong());
        assertEquals(Map.of("fresh", true), valueOf(msg));
    }
}
