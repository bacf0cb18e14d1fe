package org.footdrop.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key pair that signs access tokens. Generated at start; with a key directory it is written
 * there once and read back on every later start, so tokens issued before a restart stay valid and the
 * services' cached JWKS stays right.
 */
final class SigningKeys {

    static final String FILE_NAME = "signing-key.jwk.json";
    static final int KEY_SIZE = 2048;

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {}

    /** A fresh RS256 signing key; its id is its thumbprint, so the same key always has the same id. */
    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    /** The key kept in {@code dir}, created there on first use. An unreadable key fails the start: never replace it silently. */
    static RSAKey loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                RSAKey key = parse(file);
                log.info("Signing key {} read from {}", key.getKeyID(), file);
                return key;
            }
            RSAKey key = generate();
            write(dir, file, key);
            log.info("Signing key {} generated and kept in {}", key.getKeyID(), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the signing key in " + dir, e);
        }
    }

    private static RSAKey parse(Path file) throws IOException {
        JWK jwk;
        try {
            jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JSON Web Key: " + e.getMessage(), e);
        }
        if (!(jwk instanceof RSAKey key) || !key.isPrivate() || key.size() < KEY_SIZE) {
            throw new IllegalStateException(file + " must hold a private RSA key of at least " + KEY_SIZE + " bits");
        }
        return key;
    }

    /** Owner-only, and written whole or not at all: a crash mid-write must not leave half a key behind. */
    private static void write(Path dir, Path file, RSAKey key) throws IOException {
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(dir, FILE_NAME, ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
