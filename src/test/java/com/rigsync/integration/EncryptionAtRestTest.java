package com.rigsync.integration;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.samsara.TagFilter;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored secret as the database holds it: not the token, readable only with the right key, and rotatable. */
@SpringAppTest
class EncryptionAtRestTest {

    private static final String TOKEN = SimulatedSamsara.GLOBAL_READ_TOKEN;

    @Autowired
    private SamsaraSettingsService settings;
    @Autowired
    private SamsaraRegions regions;
    @Autowired
    private SamsaraConnectionRepository repository;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Value("${rigsync.encryption.key}")
    private String testKey;

    @BeforeEach
    void fakes() {
        TestSamsara.setUp(regions);
    }

    private final List<TestDepartments> created = new ArrayList<>();

    @AfterEach
    void signOutAndRemoveTestDepartments() {
        SecurityContextHolder.clearContext();
        created.forEach(d -> d.delete(jdbc));
    }

    private TestDepartments departmentWithSavedToken() {
        TestDepartments department = track(TestDepartments.create(jdbc, true));
        signInAs(department.admin());
        SaveResult result = settings.save(new SettingsChange(true, TestSamsara.SIMULATED, List.of(), TOKEN, false,
                false, null));
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return department;
    }

    @Test
    void theStoredColumnIsNotTheTokenAndDecryptsOnlyWithTheRightKey() {
        TestDepartments department = departmentWithSavedToken();
        String stored = storedSecret(department);

        String keyId = EncryptionKeys.of(testKey, null).current().id();
        assertThat(stored).startsWith("v2:" + keyId + ":").doesNotContain(TOKEN)
                .doesNotContain(Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)));
        assertThat(Base64.getDecoder().decode(stored.split(":")[2])).hasSizeGreaterThan(TOKEN.length());
        assertThat(jdbc.queryForObject("select secret_last4 from samsara_connection where department_id = ?",
                String.class, department.id())).isEqualTo("read");

        assertThat(new TokenVault(EncryptionKeys.of(testKey, null)).tokenSource(SecretSlot.secret(department.id()), stored).accessToken()).isEqualTo(TOKEN);

        String otherKey = randomKey();
        TokenVault wrongVault = new TokenVault(EncryptionKeys.of(otherKey, null));
        assertThatThrownBy(() -> wrongVault.tokenSource(SecretSlot.secret(department.id()), stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keyId).hasMessageNotContaining(TOKEN);
        // even a ciphertext relabelled with the wrong key's id does not open: GCM checks the key
        String relabelled = "v2:" + EncryptionKeys.of(otherKey, null).current().id() + ":" + stored.split(":")[2];
        assertThatThrownBy(() -> wrongVault.tokenSource(SecretSlot.secret(department.id()), relabelled).accessToken()).isInstanceOf(RuntimeException.class);
        // the same token encrypts differently each time (fresh nonce)
        TokenVault vault = new TokenVault(EncryptionKeys.of(testKey, null));
        assertThat(vault.encrypt(SecretSlot.secret(1), TOKEN)).isNotEqualTo(vault.encrypt(SecretSlot.secret(1), TOKEN));
    }

    @Test
    void aSecretMovedToAnotherDepartmentOrColumnRefusesToDecryptAndAsksForANewToken() {
        TestDepartments owner = departmentWithSavedToken();
        TestDepartments other = departmentWithSavedToken();
        String ownersSecret = storedSecret(owner);
        TokenVault vault = new TokenVault(EncryptionKeys.of(testKey, null));

        // someone with write access to the database copies the owner's token into the other department's row
        jdbc.update("update samsara_connection set secret_ciphertext = ? where department_id = ?", ownersSecret,
                other.id());
        signInAs(other.admin());
        assertThatThrownBy(() -> settings.testConnection(null, TestSamsara.SIMULATED, TagFilter.none()))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessage("The saved Samsara token cannot be used: it was not saved for this department. Paste a "
                        + "new access token (or connect to Samsara again) under Setup > Settings and save it.")
                .hasMessageNotContaining(TOKEN);
        // nor does it open as the owner's refresh token; in its own place it still works
        assertThatThrownBy(() -> vault.tokenSource(SecretSlot.refresh(owner.id()), ownersSecret))
                .isInstanceOf(UnreadableSecretException.class);
        assertThat(vault.tokenSource(SecretSlot.secret(owner.id()), ownersSecret).accessToken()).isEqualTo(TOKEN);
    }

    @Test
    void secretsFromBeforeTheBindingAreReencryptedBoundAtStartUp() {
        TestDepartments department = departmentWithSavedToken();
        EncryptionKeys key = EncryptionKeys.of(testKey, null);
        // the format before secrets were bound: the same AES-GCM layout without associated data
        String unbound = "v1:" + key.current().id() + ":" + Base64.getEncoder().encodeToString(
                new org.springframework.security.crypto.encrypt.AesBytesEncryptor(key.current().secret(),
                        org.springframework.security.crypto.keygen.KeyGenerators.secureRandom(12),
                        org.springframework.security.crypto.encrypt.AesBytesEncryptor.CipherAlgorithm.GCM)
                        .encrypt(TOKEN.getBytes(StandardCharsets.UTF_8)));
        jdbc.update("update samsara_connection set secret_ciphertext = ? where department_id = ?", unbound,
                department.id());
        TokenVault vault = new TokenVault(key);
        assertThatThrownBy(() -> vault.tokenSource(SecretSlot.secret(department.id()), unbound))
                .isInstanceOf(UnreadableSecretException.class);

        assertThat(new KeyRotation(repository, vault, key, transactions).reencryptAll()).isPositive();
        String bound = storedSecret(department);
        assertThat(bound).startsWith("v2:" + key.current().id() + ":");
        assertThat(vault.tokenSource(SecretSlot.secret(department.id()), bound).accessToken()).isEqualTo(TOKEN);
    }

    @Test
    void aKeyRotationReencryptsEverySecretOnceEvenWithTwoInstancesAtOnce() throws Exception {
        TestDepartments first = departmentWithSavedToken();
        TestDepartments second = departmentWithSavedToken();
        long versionBefore = version(first);
        String newKey = randomKey();
        EncryptionKeys rotated = EncryptionKeys.of(newKey, testKey);
        int withSecrets = jdbc.queryForObject("select count(*) from samsara_connection where secret_ciphertext is not null",
                Integer.class);
        try {
            // two instances start with the new key at the same moment: the row locks let one do the work
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Callable<Integer>> instances = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                instances.add(() -> new KeyRotation(repository, new TokenVault(rotated), rotated, transactions)
                        .reencryptAll());
            }
            int changed = 0;
            for (Future<Integer> result : pool.invokeAll(instances)) {
                changed += result.get();
            }
            pool.shutdown();
            assertThat(changed).isEqualTo(withSecrets);

            String newKeyId = rotated.current().id();
            for (TestDepartments department : List.of(first, second)) {
                String stored = storedSecret(department);
                assertThat(stored).startsWith("v2:" + newKeyId + ":").doesNotContain(TOKEN);
                assertThat(new TokenVault(EncryptionKeys.of(newKey, null)).tokenSource(SecretSlot.secret(department.id()), stored).accessToken())
                        .isEqualTo(TOKEN);
                assertThatThrownBy(() -> new TokenVault(EncryptionKeys.of(testKey, null)).tokenSource(SecretSlot.secret(department.id()), stored))
                        .isInstanceOf(IllegalStateException.class);
            }
            assertThat(version(first)).as("a re-encryption is not a person's change").isEqualTo(versionBefore);
            // with the old key gone entirely, the new one alone still reads every secret
            assertThat(new KeyRotation(repository, new TokenVault(EncryptionKeys.of(newKey, null)),
                    EncryptionKeys.of(newKey, null), transactions).reencryptAll()).isZero();
        } finally {
            // rotate back, so the rest of this test JVM reads the shared database with the test key
            EncryptionKeys back = EncryptionKeys.of(testKey, newKey);
            new KeyRotation(repository, new TokenVault(back), back, transactions).reencryptAll();
        }
        assertThat(storedSecret(first)).startsWith("v2:" + EncryptionKeys.of(testKey, null).current().id() + ":");
    }

    @Test
    void twoConcurrentSaversOfTheSameVersionSaveOnceAndTheOtherIsToldWho() throws Exception {
        TestDepartments department = track(TestDepartments.create(jdbc, true));
        for (Long expected : new Long[] {null, 0L}) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Callable<SaveResult>> savers = List.of(
                    () -> saveAs(department.admin(), new SettingsChange(true, TestSamsara.SIMULATED, List.of(), null,
                            false, false, expected)),
                    () -> saveAs(department.manager(), new SettingsChange(false, TestSamsara.SIMULATED, List.of(), null,
                            false, false, expected)));
            List<SaveResult> results = new ArrayList<>();
            for (Future<SaveResult> f : pool.invokeAll(savers)) {
                results.add(f.get());
            }
            pool.shutdown();
            assertThat(results).filteredOn(SaveResult.Saved.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(SaveResult.ChangedMeanwhile.class::isInstance).hasSize(1);
            String winner = jdbc.queryForObject("select updated_by from samsara_connection where department_id = ?",
                    String.class, department.id());
            SaveResult.ChangedMeanwhile loser = (SaveResult.ChangedMeanwhile) results.stream()
                    .filter(SaveResult.ChangedMeanwhile.class::isInstance).findFirst().orElseThrow();
            if (expected != null) {
                // the loser of the very first save may see only the duplicate row, before the winner commits
                assertThat(loser.changedBy()).isEqualTo(winner);
            }
            assertThat(version(department)).isEqualTo(expected == null ? 0 : 1);
        }
    }

    private SaveResult saveAs(String username, SettingsChange change) {
        signInAs(username);
        try {
            return settings.save(change);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private TestDepartments track(TestDepartments department) {
        created.add(department);
        return department;
    }

    private void signInAs(String username) {
        SignIn.as(users, username);
    }

    private String storedSecret(TestDepartments department) {
        return jdbc.queryForObject("select secret_ciphertext from samsara_connection where department_id = ?",
                String.class, department.id());
    }

    private long version(TestDepartments department) {
        return jdbc.queryForObject("select version from samsara_connection where department_id = ?", Long.class,
                department.id());
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
