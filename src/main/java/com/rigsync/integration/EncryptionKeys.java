package com.rigsync.integration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts stored secrets, and optionally the previous one during a rotation. A key is known by its id
 * (the first 8 hex characters of its SHA-256), which each ciphertext records; the key itself is never logged or
 * printed.
 */
final class EncryptionKeys {

    record Key(String id, SecretKey secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final Key current;
    private final Key previous;

    private EncryptionKeys(Key current, Key previous) {
        this.current = current;
        this.previous = previous;
    }

    /** From the base64 of 32 bytes each; {@code previousBase64} may be null or blank. */
    static EncryptionKeys of(String currentBase64, String previousBase64) {
        Key current = key("RIGSYNC_ENCRYPTION_KEY", currentBase64);
        Key previous = previousBase64 == null || previousBase64.isBlank() ? null
                : key("RIGSYNC_ENCRYPTION_KEY_PREVIOUS", previousBase64);
        if (previous != null && previous.id().equals(current.id())) {
            previous = null;
        }
        return new EncryptionKeys(current, previous);
    }

    Key current() {
        return current;
    }

    Optional<Key> previous() {
        return Optional.ofNullable(previous);
    }

    private static Key key(String name, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64; it must be the base64 of 32 random bytes.");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(name + " must be the base64 of exactly 32 random bytes (AES-256).");
        }
        return new Key(idOf(bytes), new SecretKeySpec(bytes, "AES"));
    }

    static String idOf(byte[] keyBytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBytes);
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "EncryptionKeys[current " + current.id() + (previous == null ? "" : ", previous " + previous.id()) + "]";
    }
}
