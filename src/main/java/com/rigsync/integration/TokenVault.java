package com.rigsync.integration;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.rigsync.samsara.TokenSource;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * The only class that decrypts stored secrets (ArchitectureTest enforces it). AES-256-GCM through
 * spring-security-crypto with a fresh 12-byte nonce per secret. A ciphertext reads {@code v1:<key id>:<base64 of
 * nonce, ciphertext and tag>}, so a secret made with the previous key still decrypts during a rotation. Plain secrets
 * leave this class only inside a {@link TokenSource}, asked once per Samsara call.
 */
@Component
class TokenVault {

    private static final String FORMAT = "v1";

    private final EncryptionKeys keys;
    private final BytesEncryptor current;
    private final BytesEncryptor previous;

    TokenVault(EncryptionKeys keys) {
        this.keys = keys;
        this.current = encryptor(keys.current());
        this.previous = keys.previous().map(TokenVault::encryptor).orElse(null);
    }

    private static BytesEncryptor encryptor(EncryptionKeys.Key key) {
        return new AesBytesEncryptor(key.secret(), KeyGenerators.secureRandom(12), AesBytesEncryptor.CipherAlgorithm.GCM);
    }

    String encrypt(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("nothing to encrypt");
        }
        byte[] sealed = current.encrypt(secret.getBytes(StandardCharsets.UTF_8));
        return FORMAT + ":" + keys.current().id() + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /** The token for Samsara calls; decrypted at each call, so no plain copy lives in long-lived objects. */
    TokenSource tokenSource(String ciphertext) {
        requireReadable(ciphertext);
        return new TokenSource() {
            @Override
            public String accessToken() {
                return decrypt(ciphertext);
            }

            @Override
            public String toString() {
                return "TokenSource[stored secret, redacted]";
            }
        };
    }

    /**
     * Hands the plain secret to {@code use} for one server-side call (an OAuth refresh or revoke sends the refresh
     * token) and returns its answer; the plain secret is kept nowhere.
     */
    <T> T withSecret(String ciphertext, java.util.function.Function<String, T> use) {
        return use.apply(decrypt(ciphertext));
    }

    /** True when the secret was made with the current key (a rotation re-encrypts the others). */
    boolean isCurrent(String ciphertext) {
        return keyIdOf(ciphertext).filter(keys.current().id()::equals).isPresent();
    }

    /** The same secret under the current key. */
    String reencrypt(String ciphertext) {
        return encrypt(decrypt(ciphertext));
    }

    /** Refuses a ciphertext no configured key made, naming only the key id. */
    void requireReadable(String ciphertext) {
        encryptorFor(ciphertext);
    }

    private String decrypt(String ciphertext) {
        String[] parts = ciphertext.split(":", 3);
        byte[] plain = encryptorFor(ciphertext).decrypt(Base64.getDecoder().decode(parts[2]));
        return new String(plain, StandardCharsets.UTF_8);
    }

    private BytesEncryptor encryptorFor(String ciphertext) {
        String id = keyIdOf(ciphertext).orElseThrow(() -> new IllegalStateException(
                "A stored Samsara secret is not in RigSync's encrypted format."));
        if (id.equals(keys.current().id())) {
            return current;
        }
        if (previous != null && id.equals(keys.previous().orElseThrow().id())) {
            return previous;
        }
        throw new IllegalStateException("A stored Samsara secret was encrypted with key " + id + ", which is neither "
                + "RIGSYNC_ENCRYPTION_KEY nor RIGSYNC_ENCRYPTION_KEY_PREVIOUS; configure that key as the previous one.");
    }

    static Optional<String> keyIdOf(String ciphertext) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        String[] parts = ciphertext.split(":", 3);
        return parts.length == 3 && FORMAT.equals(parts[0]) ? Optional.of(parts[1]) : Optional.empty();
    }

    @Override
    public String toString() {
        return "TokenVault[" + keys + "]";
    }
}
