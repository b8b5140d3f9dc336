package dev.catena.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.cli.CatenaCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each sample under samples/ runs through the catena CLI and prints exactly its expected.jsonl. */
class SamplesTest {
    @TempDir
    Path tmp;

    @Test
    void orders_printsExactlyTheExpectedRecords() throws IOException {
        Path dir = Path.of("orders");
        Path out = tmp.resolve("out.jsonl");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = CatenaCli.execute("run", dir.resolve("chain.yaml").toString(),
                    "--input", dir.resolve("input.jsonl").toString(), "--output", out.toString());
        } finally {
            System.setErr(saved);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, log);
        assertEquals(Files.readAllLines(dir.resolve("expected.jsonl")), Files.readAllLines(out));
        assertTrue(log.contains("chain orders: 6 in, 4 out, 2 dropped, 0 dead-lettered"), log);
    }

    @Test
    void payments_printsExpectedRecords_andDeadLettersWhatFails() throws IOException {
        Path dir = Path.of("payments");
        Path out = tmp.resolve("out.jsonl");
        Path dlq = tmp.resolve("dlq.jsonl");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = CatenaCli.execute("run", dir.resolve("chain.yaml").toString(),
                    "--input", dir.resolve("input.jsonl").toString(), "--output", out.toString(), "--dlq", dlq.toString());
        } finally {
            System.setErr(saved);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, log);
        assertEquals(Files.readAllLines(dir.resolve("expected.jsonl")), Files.readAllLines(out));
        // the failure time changes from run to run, and script paths depend on the working directory
        List<String> dead = Files.readAllLines(dlq).stream().map(l -> stable(l.replaceAll(",\"catena.error.time\":\"\\d+\"", ""))).toList();
        assertEquals(Files.readAllLines(dir.resolve("expected-dlq.jsonl")).stream().map(SamplesTest::stable).toList(), dead);
        assertTrue(log.contains("chain payments: 8 in, 5 out, 1 dropped, 2 dead-lettered"), log);
        // EUR, USD, JPY, CHF (failed, not cached) miss; the second EUR and USD hit
        assertTrue(log.contains("catena: memoize lookup-rate: 2 hits, 4 misses, 0 evictions"), log);
    }

    private static String stable(String line) {
        return line.replaceAll("\"catena.error.location\":\"[^\"]*?(steps/[^\"]+)\"", "\"catena.error.location\":\"$1\"");
    }

    @Test
    void orders_chainValidates() {
        assertEquals(0, CatenaCli.execute("validate", Path.of("orders/chain.yaml").toString()));
    }
}
