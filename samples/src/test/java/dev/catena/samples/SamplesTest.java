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
    void orders_chainValidates() {
        assertEquals(0, CatenaCli.execute("validate", Path.of("orders/chain.yaml").toString()));
    }
}
