package com.rigsync.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Where the encryption keys come from: {@code RIGSYNC_ENCRYPTION_KEY} (and {@code RIGSYNC_ENCRYPTION_KEY_PREVIOUS}
 * during a rotation). Only the demo, which sets {@code rigsync.encryption.demo-key-file}, makes its own key once and
 * keeps it beside its database, readable by its owner only. Outside the demo StartupChecks has already refused a
 * start without a key.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

    @Bean
    EncryptionKeys encryptionKeys(@Value("${rigsync.encryption.key:}") String key,
                                  @Value("${rigsync.encryption.previous-key:}") String previousKey,
                                  @Value("${rigsync.encryption.demo-key-file:}") String demoKeyFile) {
        if (StringUtils.hasText(key)) {
            return EncryptionKeys.of(key, previousKey);
        }
        if (!StringUtils.hasText(demoKeyFile)) {
            throw new IllegalStateException("RigSync has no encryption key: set RIGSYNC_ENCRYPTION_KEY to the base64 "
                    + "of 32 random bytes (head -c 32 /dev/urandom | base64).");
        }
        EncryptionKeys keys = EncryptionKeys.of(demoKey(Path.of(demoKeyFile)), previousKey);
        log.info("Demo: Samsara tokens are encrypted with the demo's own key {} (file {})", keys.current().id(),
                demoKeyFile);
        return keys;
    }

    /** Reads the demo's key file, making it first (owner read/write only) when it does not exist yet. */
    static String demoKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Path folder = file.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException e) {
                    // another instance made it first: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("The demo's encryption key file " + file + " could not be read or made", e);
        }
    }
}
