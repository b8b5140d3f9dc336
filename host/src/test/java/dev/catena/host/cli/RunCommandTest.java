package dev.catena.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    static final Path CHAINS = Path.of("src/test/resources/chains");

    @TempDir
    Path tmp;

    record Run(int exit, List<String> out, List<String> dlq, String err) {
    }

    private Run run(String chainYaml, String input, boolean withDlq, String... extra) throws IOException {
        Path chain = CHAINS.resolve("cli-" + Integer.toHexString(chainYaml.hashCode()) + ".yaml");
        Files.writeString(chain, chainYaml);
        Path in = tmp.resolve("in.jsonl");
        Path out = tmp.resolve("out.jsonl");
        Path dlq = tmp.resolve("dlq.jsonl");
        Files.writeString(in, input);
        List<String> args = new java.util.ArrayList<>(List.of("run", chain.toString(), "--input", in.toString(), "--output", out.toString()));
        if (withDlq) {
            args.addAll(List.of("--dlq", dlq.toString()));
        }
        args.addAll(List.of(extra));
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = CatenaCli.execute(args.toArray(String[]::new));
        } finally {
            System.setErr(saved);
            Files.deleteIfExists(chain);
        }
        return new Run(exit, Files.exists(out) ? Files.readAllLines(out) : List.of(),
                Files.exists(dlq) ? Files.readAllLines(dlq) : List.of(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_processesOtherLines_andDeadLettersMalformedLine_andExits2() throws IOException {
        Run r = run("chain: c\nsteps:\n  - id: mark\n    js: steps/mark.js\n",
                "{\"n\": 1}\n{\"n\": 2\n{\"value\": {\"n\": 3}, \"key\": \"k\"}\n", true);
        assertEquals(CatenaCli.BAD_INPUT, r.exit(), r.err());
        assertEquals(List.of("{\"key\":null,\"value\":{\"n\":1,\"marked\":\"mark\"}}",
                "{\"key\":\"k\",\"value\":{\"n\":3,\"marked\":\"mark\"}}"), r.out());
        assertTrue(r.err().contains("chain c, input line 2, column"), r.err());
        assertEquals(1, r.dlq().size());
        Message dead = new JsonCodec().decode(r.dlq().get(0), "dlq");
        assertEquals("{\"n\": 2", dead.value());
        assertEquals("bad-data", dead.headers().get("catena.error.class"));
        assertEquals("input line 2", dead.headers().get("catena.error.record"));
        assertTrue(r.err().contains("3 in, 2 out, 0 dropped, 1 dead-lettered"), r.err());
    }

    @Test
    void run_exits2_forMalformedLine_evenWithoutDlq() throws IOException {
        Run r = run("steps:\n  - id: mark\n    js: steps/mark.js\n", "nope\n{\"n\": 1}\n", false);
        assertEquals(CatenaCli.BAD_INPUT, r.exit());
        assertEquals(1, r.out().size());
        assertTrue(r.err().contains("input line 1"), r.err());
    }

    @Test
    void run_deadLettersFailedRecord_withErrorHeaders_andGoesOn() throws IOException {
        Run r = run("chain: errs\nsteps:\n  - id: boom\n    py: steps/boom.py\n",
                "{\"n\": 1}\n{\"value\": {\"n\": 3}, \"headers\": {\"h\": \"v\"}, \"topic\": \"t\"}\n{\"n\": 5}\n", true);
        assertEquals(CatenaCli.OK, r.exit(), r.err());
        assertEquals(2, r.out().size());
        assertEquals(1, r.dlq().size());
        Message dead = new JsonCodec().decode(r.dlq().get(0), "dlq");
        assertEquals(Map.of("n", 3L), dead.value(), "the dead letter is the record as it entered the chain");
        assertEquals("v", dead.headers().get("h"));
        assertEquals("t", dead.topic());
        assertEquals("errs", dead.headers().get("catena.error.chain"));
        assertEquals("boom", dead.headers().get("catena.error.step"));
        assertEquals("script-error", dead.headers().get("catena.error.class"));
        assertTrue(((String) dead.headers().get("catena.error.location")).endsWith("steps/boom.py:4:9"), dead.headers().toString());
        assertEquals("input line 2", dead.headers().get("catena.error.record"));
        assertTrue(((String) dead.headers().get("catena.error.message")).contains("n must not be 3"));
        assertTrue(r.err().contains("chain errs, step boom ("), r.err());
        assertTrue(r.err().contains("3 in, 2 out, 0 dropped, 1 dead-lettered"), r.err());
    }

    @Test
    void run_exits1_whenRecordFails_withoutDlq() throws IOException {
        Run r = run("steps:\n  - id: boom\n    js: steps/boom.js\n", "{\"n\": 3}\n{\"n\": 4}\n", false);
        assertEquals(CatenaCli.RECORDS_FAILED, r.exit());
        assertEquals(1, r.out().size());
        assertTrue(r.err().contains("1 failed (no --dlq)"), r.err());
    }

    @Test
    void run_stopsEndlessLoop_withinTimeLimit_andProcessesFollowingRecords() throws IOException {
        Run r = run("steps:\n  - id: loop\n    py: steps/loop.py\n", "{\"n\": 1}\n{\"n\": 2}\n{\"n\": 3}\n", true,
                "--time-limit", "300");
        assertEquals(CatenaCli.OK, r.exit(), r.err());
        assertEquals(2, r.out().size());
        Message dead = new JsonCodec().decode(r.dlq().get(0), "dlq");
        assertEquals("timeout", dead.headers().get("catena.error.class"));
    }

    @Test
    void run_refusesToStart_onScriptSyntaxError() throws IOException {
        Run r = run("steps:\n  - id: s\n    js: steps/syntax.js\n", "{\"n\": 1}\n", false);
        assertEquals(CatenaCli.CHAIN_INVALID, r.exit());
        assertTrue(r.err().contains("steps/syntax.js:2:11: syntax error"), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void validate_exits0_forGoodChain_and3_forBrokenOne() {
        assertEquals(CatenaCli.OK, CatenaCli.execute("validate", CHAINS.resolve("../../../../../samples/orders/chain.yaml").normalize().toString()));
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(CatenaCli.CHAIN_INVALID, CatenaCli.execute("validate", CHAINS.resolve("broken.yaml").toString()));
        } finally {
            System.setErr(saved);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("steps/syntax.py:2:9: syntax error"), e);
        assertTrue(e.contains("9 problems"), e);
    }
}
