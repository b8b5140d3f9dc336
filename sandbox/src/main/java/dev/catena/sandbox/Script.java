package dev.catena.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A script's text, identified by the hash of its content and language. Compiled once per
 * pooled context and cached there by {@link #id()}; two chains using the same file share it.
 *
 * @param language    guest language
 * @param name        display name used in error locations (path relative to the chain file)
 * @param code        the source text
 * @param lineOffset  added to guest line numbers when reporting (for expressions embedded in YAML)
 * @param columnOffset subtracted from columns on the first line (expression wrappers)
 * @param id          content hash (SHA-256 of language, name and code, hex)
 */
public record Script(Language language, String name, String code, int lineOffset, int columnOffset, String id) {

    public static Script of(Language language, String name, String code) {
        return new Script(language, name, code, 0, 0, hash(language, name, code));
    }

    /** A script whose reported positions are shifted (it was wrapped around an embedded expression). */
    public static Script embedded(Language language, String name, String code, int lineOffset, int columnOffset) {
        return new Script(language, name, code, lineOffset, columnOffset, hash(language, name, code));
    }

    private static String hash(Language language, String name, String code) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(language.id().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(name.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
