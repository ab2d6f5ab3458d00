package com.rigsync.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import com.rigsync.samsara.TokenSource;
import org.springframework.stereotype.Component;

/**
 * The only class that decrypts stored secrets (ArchitectureTest enforces it). AES-256-GCM (the JDK's cipher) with a
 * fresh 12-byte nonce per secret and the secret's {@link SecretSlot} (department and column) as associated data, so a
 * ciphertext moved to another row or column refuses to decrypt. A ciphertext reads {@code v2:<key id>:<base64 of
 * nonce, ciphertext and tag>}, so a secret made with the previous key still decrypts during a rotation. The older
 * {@code v1} format (no associated data) is read only by the start-up rotation, which re-encrypts it as v2. Plain
 * secrets leave this class only inside a {@link TokenSource}, asked once per Samsara call.
 */
@Component
class TokenVault {

    private static final String FORMAT = "v2";
    private static final String UNBOUND_FORMAT = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final EncryptionKeys keys;
    private final SecureRandom random = new SecureRandom();

    TokenVault(EncryptionKeys keys) {
        this.keys = keys;
    }

    String encrypt(SecretSlot slot, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("nothing to encrypt");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, slot)
                .apply(secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return FORMAT + ":" + keys.current().id() + ":" + Base64.getEncoder().encodeToString(out);
    }

    /** The token for Samsara calls; decrypted at each call, so no plain copy lives in long-lived objects. */
    TokenSource tokenSource(SecretSlot slot, String ciphertext) {
        requireReadable(slot, ciphertext);
        return new TokenSource() {
            @Override
            public String accessToken() {
                return decrypt(slot, ciphertext);
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
    <T> T withSecret(SecretSlot slot, String ciphertext, java.util.function.Function<String, T> use) {
        return use.apply(decrypt(slot, ciphertext));
    }

    /** True when the secret was made with the current key and is bound to its slot (a rotation re-encrypts others). */
    boolean isCurrent(String ciphertext) {
        return ciphertext != null && ciphertext.startsWith(FORMAT + ":")
                && keyIdOf(ciphertext).filter(keys.current().id()::equals).isPresent();
    }

    /** The same secret under the current key, bound to its slot; reads the unbound v1 format too (rotation only). */
    String reencrypt(SecretSlot slot, String ciphertext) {
        String plain = ciphertext.startsWith(UNBOUND_FORMAT + ":")
                ? open(ciphertext, null) : decrypt(slot, ciphertext);
        return encrypt(slot, plain);
    }

    /**
     * Refuses a ciphertext no configured key made (naming only the key id), and one that does not belong to this
     * slot ({@link UnreadableSecretException}, asking for a new token).
     */
    void requireReadable(SecretSlot slot, String ciphertext) {
        decrypt(slot, ciphertext);
    }

    private String decrypt(SecretSlot slot, String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(FORMAT + ":")) {
            // an unbound (v1) secret is re-encrypted at start-up; one appearing later was put there by hand
            throw new UnreadableSecretException();
        }
        return open(ciphertext, slot);
    }

    private String open(String ciphertext, SecretSlot slot) {
        EncryptionKeys.Key key = keyFor(ciphertext);
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext.split(":", 3)[2]);
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException();
        }
        if (sealed.length <= NONCE_BYTES) {
            throw new UnreadableSecretException();
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return new String(cipher(Cipher.DECRYPT_MODE, key, nonce, slot).apply(body), StandardCharsets.UTF_8);
    }

    private static java.util.function.UnaryOperator<byte[]> cipher(int mode, EncryptionKeys.Key key, byte[] nonce,
                                                                   SecretSlot slot) {
        return input -> {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
                if (slot != null) {
                    cipher.updateAAD(slot.associatedData());
                }
                return cipher.doFinal(input);
            } catch (AEADBadTagException e) {
                // another row's or column's secret, or altered: never say more (and never the secret)
                throw new UnreadableSecretException();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available in this Java runtime.", e);
            }
        };
    }

    private EncryptionKeys.Key keyFor(String ciphertext) {
        String id = keyIdOf(ciphertext).orElseThrow(() -> new IllegalStateException(
                "A stored Samsara secret is not in RigSync's encrypted format."));
        if (id.equals(keys.current().id())) {
            return keys.current();
        }
        if (keys.previous().isPresent() && id.equals(keys.previous().orElseThrow().id())) {
            return keys.previous().orElseThrow();
        }
        throw new IllegalStateException("A stored Samsara secret was encrypted with key " + id + ", which is neither "
                + "RIGSYNC_ENCRYPTION_KEY nor RIGSYNC_ENCRYPTION_KEY_PREVIOUS; configure that key as the previous one.");
    }

    static Optional<String> keyIdOf(String ciphertext) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        String[] parts = ciphertext.split(":", 3);
        return parts.length == 3 && (FORMAT.equals(parts[0]) || UNBOUND_FORMAT.equals(parts[0]))
                ? Optional.of(parts[1]) : Optional.empty();
    }

    @Override
    public String toString() {
        return "TokenVault[" + keys + "]";
    }
}
