package com.rigsync.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.rigsync.SpringAppTest;
import com.rigsync.audit.AuditService;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.samsara.InvalidGrantException;
import com.rigsync.samsara.Organization;
import com.rigsync.testing.SignIn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Just-in-time refresh of OAuth access tokens against a MockWebServer Samsara: an expired token is refreshed before
 * the call, a 401 triggers one refresh and one retry, concurrent callers in one JVM share one refresh, two app
 * instances (two refreshers over the same database) refresh once between them, a refused grant marks the connection
 * "reconnect needed"; and Disconnect revokes, then forgets.
 */
@SpringAppTest
@ExtendWith(OutputCaptureExtension.class)
class OAuthRefreshTest {

    private static final String REGION = "test-oauth-mock";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SamsaraConnections connections;
    @Autowired
    private SamsaraConnectionRepository repository;
    @Autowired
    private TokenVault vault;
    @Autowired
    private SamsaraOAuthApp app;
    @Autowired
    private SamsaraRegions regions;
    @Autowired
    private SamsaraClients clients;
    @Autowired
    private AuditService audit;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private OAuthRefresher refresher;
    @Autowired
    private SamsaraOAuthService oauth;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private SamsaraSettingsService settings;

    private FakeOAuthSamsara samsara;
    private TestDepartments department;

    @BeforeEach
    void connectDepartment() {
        samsara = new FakeOAuthSamsara("Shelbyville Fire (OAuth test)");
        regions.register(REGION, "OAuth mock (test)", samsara.baseUrl());
        department = TestDepartments.create(jdbc, true);
        jdbc.update("insert into samsara_connection (department_id, enabled, region, auth_kind, secret_ciphertext, "
                        + "refresh_ciphertext, access_expires_at, oauth_scope, org_id, org_name, health, updated_by, "
                        + "updated_at) values (?, true, ?, 'OAUTH', ?, ?, ?, 'admin:read', ?, ?, 'OK', 'test', now())",
                department.id(), REGION, vault.encrypt(SecretSlot.secret(department.id()), "fake-at-0"),
                vault.encrypt(SecretSlot.refresh(department.id()), "fake-rt-0"),
                Timestamp.from(Instant.now().plus(Duration.ofMinutes(50))), uniqueOrgId(), samsara.orgName);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        samsara.close();
        department.delete(jdbc);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeTheCallAndTheNewPairIsStoredEncrypted() {
        expireAccessToken();

        Organization org = connections.sessionFor(department.id()).orElseThrow().samsara().me();

        assertThat(org.id()).isEqualTo(FakeOAuthSamsara.ORG_ID);
        assertThat(samsara.tokenRequests).hasValue(1);
        assertThat(samsara.meRequests).hasValue(1); // no 401 first: refreshed just in time
        assertThat(samsara.tokenForms.getFirst()).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "fake-rt-0");
        assertThat(samsara.authorizations.getFirst()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (SimulatedSamsara.OAUTH_CLIENT_ID + ":" + SimulatedSamsara.OAUTH_CLIENT_SECRET).getBytes()));
        assertThat(stored("secret_ciphertext")).startsWith("v2:").doesNotContain("fake-at-1");
        assertThat(decrypt(stored("secret_ciphertext"))).isEqualTo("fake-at-1");
        assertThat(decrypt(stored("refresh_ciphertext"))).isEqualTo("fake-rt-1");
        assertThat(jdbc.queryForObject("select access_expires_at from samsara_connection where department_id = ?",
                Timestamp.class, department.id()).toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(health()).isEqualTo("OK");
    }

    @Test
    void aTokenSamsaraAnswersWith401IsRefreshedOnceAndTheCallRetriedOnce() {
        samsara.validAccessToken = "revoked-meanwhile"; // at-0 is not expired by the clock but Samsara refuses it

        Organization org = connections.sessionFor(department.id()).orElseThrow().samsara().me();

        assertThat(org.name()).isEqualTo(samsara.orgName);
        assertThat(samsara.meRequests).hasValue(2);
        assertThat(samsara.tokenRequests).hasValue(1);
        assertThat(decrypt(stored("refresh_ciphertext"))).isEqualTo("fake-rt-1");
    }

    @Test
    void twentyConcurrentCallersAtExpiryShareOneRefresh() throws Exception {
        expireAccessToken();
        samsara.holdTokenAnswer = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Organization>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                var session = connections.sessionFor(department.id()).orElseThrow();
                calls.add(CompletableFuture.supplyAsync(() -> session.samsara().me(), callers));
            }
            // one caller is at the token endpoint; the other 19 wait for its answer, holding no database connection
            await().atMost(Duration.ofSeconds(30)).until(() -> refresher.waitingCallers() == 19);
            assertThat(samsara.tokenRequests).hasValue(1);
            samsara.holdTokenAnswer.countDown();

            for (var call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).id()).isEqualTo(FakeOAuthSamsara.ORG_ID);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(samsara.tokenRequests).hasValue(1);
        assertThat(samsara.meRequests).hasValue(20);
        assertThat(decrypt(stored("refresh_ciphertext"))).isEqualTo("fake-rt-1");
    }

    @Test
    void twoAppInstancesRefreshingAtOnceSendOneRefreshTheSecondWaitsForTheDatabaseLock() throws Exception {
        expireAccessToken();
        String seen = stored("secret_ciphertext");
        // a second instance: its own refresher (so its own in-JVM single flight) over the same database
        OAuthRefresher otherInstance = new OAuthRefresher(repository, vault, app, regions, clients, audit,
                transactions, Clock.systemUTC(), new SimpleMeterRegistry());
        samsara.holdTokenAnswer = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            var first = CompletableFuture.supplyAsync(() -> refresher.refresh(department.id(), seen), instances);
            await().atMost(Duration.ofSeconds(30)).until(() -> samsara.tokenRequests.get() == 1);
            var second = CompletableFuture.supplyAsync(() -> otherInstance.refresh(department.id(), seen), instances);
            // the second instance waits on the row lock the first holds while Samsara answers
            await().atMost(Duration.ofSeconds(30)).until(() -> lockWaits() >= 1);
            samsara.holdTokenAnswer.countDown();

            OAuthRefresher.Fresh a = first.get(30, TimeUnit.SECONDS);
            OAuthRefresher.Fresh b = second.get(30, TimeUnit.SECONDS);
            assertThat(b.accessCiphertext()).isEqualTo(a.accessCiphertext());
            assertThat(decrypt(b.accessCiphertext())).isEqualTo("fake-at-1");
        } finally {
            instances.shutdownNow();
        }
        assertThat(samsara.tokenRequests).hasValue(1);
        assertThat(otherInstance.refreshCalls()).isZero();
    }

    @Test
    void aRefusedRefreshMarksTheConnectionReconnectNeededAndSyncGetsNoSession(CapturedOutput log) {
        expireAccessToken();
        samsara.invalidGrant = true;
        var session = connections.sessionFor(department.id()).orElseThrow();

        Throwable refused = catchThrowable(() -> session.samsara().me());
        assertThat(refused).isInstanceOf(InvalidGrantException.class);
        assertThat(((InvalidGrantException) refused).userMessage()).contains("Connect to Samsara again");
        // neither the tokens nor the app's secret are in the exception, the session or the log
        for (String secret : List.of("fake-at-0", "fake-rt-0", SimulatedSamsara.OAUTH_CLIENT_SECRET)) {
            assertThat(refused.getMessage()).doesNotContain(secret);
            assertThat(refused.toString()).doesNotContain(secret);
            assertThat(session.toString()).doesNotContain(secret);
            assertThat(session.samsara().toString()).doesNotContain(secret);
            assertThat(log.getAll()).doesNotContain(secret);
        }

        assertThat(health()).isEqualTo("RECONNECT_NEEDED");
        assertThat(connections.sessionFor(department.id())).isEmpty();
        assertThat(jdbc.queryForList("select action from audit_event where department_id = ?", String.class,
                department.id())).contains("SAMSARA_OAUTH_RECONNECT_NEEDED");
        // a later 401 on an old session never turns it into the milder "needs attention"
        connections.recordFailure(session, invalidToken());
        assertThat(health()).isEqualTo("RECONNECT_NEEDED");
    }

    @Test
    void disconnectRevokesAtSamsaraThenForgetsTheTokens() throws Exception {
        SignIn.as(users, department.admin());

        String message = oauth.disconnect().get(30, TimeUnit.SECONDS);

        assertThat(message).isEqualTo("Disconnected from Samsara: RigSync revoked its access and forgot the "
                + "connection.");
        assertThat(samsara.revoked).containsExactly("fake-rt-0");
        assertThat(stored("secret_ciphertext")).isNull();
        assertThat(stored("refresh_ciphertext")).isNull();
        assertThat(stored("auth_kind")).isNull();
        assertThat(health()).isEqualTo("NOT_CONNECTED");
        assertThat(connections.sessionFor(department.id())).isEmpty();
        assertThat(jdbc.queryForList("select detail from audit_event where department_id = ? and action = ?",
                String.class, department.id(), "SAMSARA_OAUTH_DISCONNECTED")).containsExactly("revoked at Samsara");
    }

    @Test
    void aFailedRevokeStillForgetsTheTokensAndSaysSo() throws Exception {
        samsara.revokeFails = true;
        SignIn.as(users, department.admin());

        String message = oauth.disconnect().get(30, TimeUnit.SECONDS);

        assertThat(message).isEqualTo("RigSync forgot the connection, but Samsara could not be told; revoke the app "
                + "in the Samsara dashboard.");
        assertThat(samsara.revokeRequests).hasValue(1);
        assertThat(stored("secret_ciphertext")).isNull();
        assertThat(stored("refresh_ciphertext")).isNull();
    }

    @Test
    void anOAuthConnectionKeepsItsRegionAndIsEndedWithDisconnectNotRemoveToken() {
        SignIn.as(users, department.admin());
        Long version = jdbc.queryForObject("select version from samsara_connection where department_id = ?",
                Long.class, department.id());

        SaveResult moved = settings.save(new SettingsChange(true, SamsaraRegions.US, List.of(), null, false, false,
                version));
        SaveResult removed = settings.removeToken(version);

        assertThat(moved).isEqualTo(new SaveResult.Refused("The Samsara connection belongs to its region. To use "
                + "another region, disconnect from Samsara first, then choose the region and connect again."));
        assertThat(removed).isEqualTo(new SaveResult.Refused("RigSync is connected with Samsara, not with a token: "
                + "use Disconnect to end the connection."));
        assertThat(stored("auth_kind")).isEqualTo("OAUTH");
        assertThat(stored("region")).isEqualTo(REGION);
        assertThat(samsara.tokenRequests.get() + samsara.meRequests.get()).isZero();
    }

    private com.rigsync.samsara.SamsaraException invalidToken() {
        try {
            clients.forBaseUrl(samsara.baseUrl()).session(com.rigsync.samsara.TokenSource.of("x-unknown-token"))
                    .me();
        } catch (com.rigsync.samsara.SamsaraException e) {
            return e;
        }
        throw new AssertionError("the fake accepted an unknown token");
    }

    private int lockWaits() {
        return jdbc.queryForObject("select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'",
                Integer.class);
    }

    private void expireAccessToken() {
        jdbc.update("update samsara_connection set access_expires_at = ? where department_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))), department.id());
    }

    private String stored(String column) {
        return jdbc.queryForObject("select " + column + " from samsara_connection where department_id = ?",
                String.class, department.id());
    }

    private String health() {
        return stored("health");
    }

    private String decrypt(String ciphertext) {
        try {
            return vault.tokenSource(SecretSlot.secret(department.id()), ciphertext).accessToken();
        } catch (UnreadableSecretException e) {
            return vault.tokenSource(SecretSlot.refresh(department.id()), ciphertext).accessToken();
        }
    }

    private static String uniqueOrgId() {
        return "77" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }
}
