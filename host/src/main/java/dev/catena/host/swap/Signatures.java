package dev.catena.host.swap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Detached Ed25519 signatures of chain and script files, with the JDK's own provider. A file
 * {@code x.js} is signed by {@code x.js.sig} (base64 of the signature over its bytes); keys are
 * stored as base64 of their standard encodings (X.509 public, PKCS#8 private), one per file.
 */
public final class Signatures {
    public static final String SUFFIX = ".sig";

    private Signatures() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable in this JDK", e);
        }
    }

    public static void writeKeys(KeyPair keys, Path publicFile, Path privateFile) throws IOException {
        Files.writeString(publicFile, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n");
        Files.writeString(privateFile, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n");
    }

    public static PublicKey readPublic(Path file) throws IOException {
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(file).strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 public key (base64 X.509): " + e.getMessage(), e);
        }
    }

    public static PrivateKey readPrivate(Path file) throws IOException {
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(file).strip());
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 private key (base64 PKCS#8): " + e.getMessage(), e);
        }
    }

    /** Writes {@code file.sig}. */
    public static Path sign(PrivateKey key, Path file) throws IOException {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(Files.readAllBytes(file));
            Path sig = file.resolveSibling(file.getFileName() + SUFFIX);
            Files.writeString(sig, Base64.getEncoder().encodeToString(s.sign()) + "\n", StandardCharsets.US_ASCII);
            return sig;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code data} by {@code key}. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
