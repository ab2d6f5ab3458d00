package com.rigsync.integration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DemoKeyFileTest {

    @Test
    void theDemoMakesItsKeyOnceReadableOnlyByItsOwner(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("data").resolve("encryption.key");
        String key = EncryptionConfiguration.demoKey(file);

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(EncryptionConfiguration.demoKey(file)).as("the same key at the next start").isEqualTo(key);
        assertThat(new EncryptionConfiguration().encryptionKeys("", "", file.toString()).current().id())
                .isEqualTo(EncryptionKeys.of(key, null).current().id());
    }
}
