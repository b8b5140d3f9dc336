package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.OPTIONS;
import static dev.catena.host.swap.SwapHarness.HISTORY;
import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.read;
import static dev.catena.host.swap.SwapHarness.tagScript;
import static dev.catena.host.swap.SwapHarness.versionOf;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.cli.CatenaCli;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.swap.SwapHarness.AuditEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a trusted key only signed files load; an unsigned or tampered file is refused and audited. */
class SignaturesTest {
    @TempDir
    Path dir;

    @TempDir
    Path keys;

    private PublicKey trusted;
    private PrivateKey signing;
    private Path chain;
    private Path script;

    @BeforeEach
    void signedChain() throws IOException {
        KeyPair pair = Signatures.generate();
        Signatures.writeKeys(pair, keys.resolve("catena.pub"), keys.resolve("catena.key"));
        trusted = Signatures.readPublic(keys.resolve("catena.pub"));
        signing = Signatures.readPrivate(keys.resolve("catena.key"));
        chain = copy("tagged", dir);
        script = dir.resolve("steps/tag.js");
        Signatures.sign(signing, chain);
        Signatures.sign(signing, script);
    }

    private ChainWatcher openTrusting() {
        return open(chain, OPTIONS, trusted, HISTORY);
    }

    @Test
    void signedFiles_load_andASignedChangeSwaps() throws IOException {
        try (ChainWatcher w = openTrusting()) {
            assertEquals("v0", versionOf(w, 1));
            write(script, tagScript("v1"));
            Signatures.sign(signing, script);
            assertEquals("swapped", w.reload().outcome());
            assertEquals("v1", versionOf(w, 2));
        }
    }

    @Test
    void tamperedFile_isRefused_andAudited_andOldVersionServes() {
        try (ChainWatcher w = openTrusting()) {
            AuditEvents audit = new AuditEvents(w);
            write(script, tagScript("evil"));

            ChainWatcher.Result r = w.reload();

            assertEquals("refused", r.outcome(), r::toString);
            assertTrue(r.reason().contains("steps/tag.js") && r.reason().contains("does not verify"), r.reason());
            assertEquals("v0", versionOf(w, 1));
            assertEquals(1, audit.of("refuse").size());
            assertEquals(r.reason(), audit.of("refuse").get(0).get("reason"));
        }
    }

    @Test
    void unsignedFile_isRefused_andAudited() throws IOException {
        try (ChainWatcher w = openTrusting()) {
            AuditEvents audit = new AuditEvents(w);
            write(dir.resolve("steps/extra.js"), tagScript("extra"));
            write(chain, read(chain) + "  - id: extra\n    js: steps/extra.js\n");
            Signatures.sign(signing, chain);

            ChainWatcher.Result r = w.reload();

            assertEquals("refused", r.outcome(), r::toString);
            assertTrue(r.reason().contains("unsigned") && r.reason().contains("steps/extra.js"), r.reason());
            assertEquals("v0", versionOf(w, 1));
            assertEquals(1, audit.of("refuse").size());
        }
    }

    @Test
    void unsignedChain_doesNotStart() throws IOException {
        Files.delete(dir.resolve("chain.yaml.sig"));
        ChainLoadException e = assertThrows(ChainLoadException.class, this::openTrusting);
        assertTrue(e.getMessage().contains("unsigned"), e.getMessage());
    }

    /**
     * Two different tamperings of the same file are two refusals: the second one must be audited too
     * (an attacker's second attempt is not "the same broken files again").
     */
    @Test
    void secondDifferentTampering_isAuditedToo() {
        try (ChainWatcher w = openTrusting()) {
            AuditEvents audit = new AuditEvents(w);
            write(script, tagScript("evil-1"));
            assertEquals("refused", w.reload().outcome());
            write(script, tagScript("evil-2"));

            ChainWatcher.Result r = w.reload();

            assertEquals("refused", r.outcome(), r::toString);
            assertEquals(2, audit.of("refuse").size(), audit.all()::toString);
        }
    }

    @Test
    void cliKeygenAndSign_produceKeysAndSignaturesTheWatcherTrusts() throws IOException {
        Path cliKeys = keys.resolve("cli");
        Path cliDir = dir.resolve("cli-signed");
        Path cliChain = copy("tagged", cliDir);
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            assertEquals(0, CatenaCli.execute("keygen", cliKeys.toString()));
            assertEquals(0, CatenaCli.execute("sign", "--key", cliKeys.resolve("catena.key").toString(),
                    cliChain.toString(), cliDir.resolve("steps/tag.js").toString()));
        } finally {
            System.setOut(saved);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertTrue(Files.exists(cliKeys.resolve("catena.pub")) && Files.exists(cliKeys.resolve("catena.key")), printed);
        assertTrue(printed.contains("signed " + cliChain + " -> " + cliChain + ".sig"), printed);
        assertTrue(Files.exists(cliDir.resolve("steps/tag.js.sig")), printed);

        PublicKey pub = Signatures.readPublic(cliKeys.resolve("catena.pub"));
        try (ChainWatcher w = open(cliChain, OPTIONS, pub, HISTORY)) {
            assertEquals("v0", versionOf(w, 1));
        }
        // a key the files were not signed with is not trusted
        assertThrows(ChainLoadException.class, () -> open(cliChain, OPTIONS, trusted, HISTORY).close());
    }
}
