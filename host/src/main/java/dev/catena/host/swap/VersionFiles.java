package dev.catena.host.swap;

import dev.catena.host.exec.FileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files one version of a chain was loaded from: what was read, with content hashes, kept in
 * memory so the version can be reloaded (rolled back to) after the files on disk changed. With a
 * trusted key, every file must carry a valid detached signature.
 */
public final class VersionFiles implements FileSource {
    private final Map<Path, String> contents = new TreeMap<>();
    private final Map<Path, Boolean> existence = new TreeMap<>();
    private final Map<Path, List<Path>> listings = new TreeMap<>();
    private final PublicKey trusted;
    private final Map<Path, String> replay;
    private final Map<Path, Boolean> replayExistence;
    private final Map<Path, List<Path>> replayListings;

    /** Reads the file system (checking signatures if {@code trusted} is set) and records what it read. */
    public VersionFiles(PublicKey trusted) {
        this.trusted = trusted;
        this.replay = null;
        this.replayExistence = null;
        this.replayListings = null;
    }

    private VersionFiles(Map<Path, String> replay, Map<Path, Boolean> existence, Map<Path, List<Path>> listings) {
        this.trusted = null;
        this.replay = replay;
        this.replayExistence = existence;
        this.replayListings = listings;
    }

    /** A source that serves exactly these contents, existence checks and listings again (for a rollback). */
    public synchronized VersionFiles replay() {
        return new VersionFiles(Map.copyOf(contents), Map.copyOf(existence), Map.copyOf(listings));
    }

    @Override
    public synchronized boolean exists(Path path) {
        Path key = path.toAbsolutePath().normalize();
        boolean e = replayExistence != null ? replayExistence.getOrDefault(key, false) : Files.exists(key);
        existence.put(key, e);
        return e;
    }

    @Override
    public synchronized List<Path> list(Path dir) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        List<Path> l;
        if (replayListings != null) {
            l = replayListings.get(key);
            if (l == null) {
                throw new NoSuchFileException(dir.toString(), null, "not part of this version");
            }
        } else {
            try (java.util.stream.Stream<Path> s = Files.list(key)) {
                l = s.map(p -> p.toAbsolutePath().normalize()).sorted().toList();
            }
        }
        listings.put(key, l);
        return l;
    }

    @Override
    public synchronized String read(Path path) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        String text;
        if (replay != null) {
            text = replay.get(key);
            if (text == null) {
                throw new NoSuchFileException(path.toString(), null, "not part of this version");
            }
        } else {
            byte[] bytes = Files.readAllBytes(key);
            if (trusted != null) {
                Path sig = key.resolveSibling(key.getFileName() + Signatures.SUFFIX);
                if (!Files.exists(sig)) {
                    contents.put(key, "rejected:" + sha256(new String(bytes, StandardCharsets.UTF_8)));
                    throw new IOException("unsigned: " + path + " has no " + sig.getFileName() + " and a trusted key is configured");
                }
                byte[] signature;
                try {
                    signature = Base64.getDecoder().decode(Files.readString(sig).strip());
                } catch (IllegalArgumentException e) {
                    throw new IOException("bad signature file " + sig + ": not base64");
                }
                if (!Signatures.verify(trusted, bytes, signature)) {
                    contents.put(key, "rejected:" + sha256(new String(bytes, StandardCharsets.UTF_8)));
                    throw new IOException("signature of " + path + " does not verify with the trusted key (file changed after signing?)");
                }
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        contents.put(key, text);
        return text;
    }

    /** Content hash of each file read, by path. */
    public synchronized Map<String, String> hashes() {
        Map<String, String> m = new TreeMap<>();
        contents.forEach((p, t) -> m.put(p.toString(), sha256(t).substring(0, 16)));
        return m;
    }

    /** The version id: a hash over every file's path and content, and which files existed. */
    public synchronized String versionId() {
        StringBuilder b = new StringBuilder();
        contents.forEach((p, t) -> b.append(p).append('\0').append(sha256(t)).append('\n'));
        existence.forEach((p, e) -> b.append(p).append('\0').append(e).append('\n'));
        listings.forEach((p, l) -> b.append(p).append('\0').append(l).append('\n'));
        return sha256(b.toString()).substring(0, 12);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
