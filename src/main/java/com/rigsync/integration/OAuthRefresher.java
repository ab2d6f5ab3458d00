package com.rigsync.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.samsara.ClientCredentials;
import com.rigsync.samsara.InvalidGrantException;
import com.rigsync.samsara.OAuthTokens;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.TokenSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes OAuth access tokens just in time, once. Samsara's refresh tokens work once, so per connection exactly
 * one refresh runs at a time:
 * <ul>
 *   <li>in this JVM, callers for the same department wait on one in-flight refresh (a future per department); they
 *       wait holding no database connection and no transaction of ours;</li>
 *   <li>the refresh itself runs under a database lock ({@code SELECT ... FOR UPDATE} on the connection row, in its
 *       own transaction), so a refresh on another app instance waits too; after taking the lock it reads the row
 *       again, and when another instance refreshed meanwhile it uses the stored token without calling Samsara;</li>
 *   <li>the new pair is committed before anyone uses it (losing it would mean asking the customer to connect
 *       again).</li>
 * </ul>
 * A refresh Samsara refuses as an invalid grant marks the connection "reconnect needed" and the refusal reaches the
 * caller (a {@link SamsaraException} whose message says to connect again).
 */
@Component
class OAuthRefresher {

    /** Tokens this close to their expiry are refreshed before the call rather than answered with 401. */
    static final Duration EARLY = Duration.ofSeconds(30);
    static final String DISCONNECTED = "The department's Samsara connection was disconnected meanwhile. Connect with "
            + "Samsara again on Assets > Setup > Settings.";
    static final String NO_APP = "RigSync's Samsara app credentials are not configured any more, so the connection "
            + "cannot be renewed. Ask your RigSync operator to set SAMSARA_CLIENT_ID and SAMSARA_CLIENT_SECRET.";

    private static final Logger log = LoggerFactory.getLogger(OAuthRefresher.class);

    /** An access token as stored (ciphertext) and when it expires. */
    record Fresh(String accessCiphertext, Instant expiresAt) {
        @Override
        public String toString() {
            return "Fresh[access token redacted, expiresAt=" + expiresAt + "]";
        }
    }

    private record Outcome(Fresh fresh, RuntimeException failure) {
    }

    private final MeterRegistry metrics;
    private final SamsaraConnectionRepository connections;
    private final TokenVault vault;
    private final SamsaraOAuthApp app;
    private final SamsaraRegions regions;
    private final SamsaraClients clients;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Map<Long, CompletableFuture<Fresh>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong refreshCalls = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

    OAuthRefresher(SamsaraConnectionRepository connections, TokenVault vault, SamsaraOAuthApp app,
                   SamsaraRegions regions, SamsaraClients clients, AuditService audit,
                   PlatformTransactionManager transactions, Clock clock, MeterRegistry metrics) {
        this.metrics = metrics;
        this.connections = connections;
        this.vault = vault;
        this.app = app;
        this.regions = regions;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The token source of a stored OAuth connection: refreshes when the token expired or Samsara answered 401. */
    TokenSource tokenSource(long departmentId, String accessCiphertext, Instant expiresAt) {
        vault.requireReadable(SecretSlot.secret(departmentId), accessCiphertext);
        return new OAuthTokenSource(departmentId, new Fresh(accessCiphertext, expiresAt));
    }

    /**
     * A usable access token for the department, refreshing the one the caller saw ({@code seenAccessCiphertext})
     * unless someone (in this JVM or another instance) already did.
     */
    Fresh refresh(long departmentId, String seenAccessCiphertext) {
        CompletableFuture<Fresh> mine = new CompletableFuture<>();
        CompletableFuture<Fresh> running = inFlight.putIfAbsent(departmentId, mine);
        if (running != null) {
            waiting.incrementAndGet();
            try {
                return await(running);
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            Fresh fresh = refreshUnderLock(departmentId, seenAccessCiphertext);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(departmentId, mine);
        }
    }

    /**
     * Revokes a grant at Samsara ({@code POST /oauth2/revoke} with its refresh token); true when Samsara confirmed.
     * Never throws: the caller forgets the tokens either way and says whether Samsara was told.
     */
    boolean revoke(long departmentId, String regionKey, String refreshCiphertext) {
        ClientCredentials credentials = app.credentials().orElse(null);
        if (credentials == null || refreshCiphertext == null || !regions.exists(regionKey)) {
            return false;
        }
        try {
            var oauth = clients.forBaseUrl(regions.baseUrl(regionKey)).oauth();
            vault.withSecret(SecretSlot.refresh(departmentId), refreshCiphertext, refreshToken -> {
                oauth.revoke(credentials, refreshToken);
                return null;
            });
            return true;
        } catch (SamsaraException e) {
            log.warn("Samsara OAuth: revoking a grant failed ({})", e.getClass().getSimpleName());
            return false;
        } catch (RuntimeException e) {
            log.warn("Samsara OAuth: revoking a grant failed ({})", e.getClass().getName());
            return false;
        }
    }

    /** Callers in this JVM waiting right now for another caller's refresh (for tests). */
    int waitingCallers() {
        return waiting.get();
    }

    /** Refresh requests this refresher sent to Samsara (for tests and the log). */
    long refreshCalls() {
        return refreshCalls.get();
    }

    private static Fresh await(CompletableFuture<Fresh> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Fresh refreshUnderLock(long departmentId, String seenAccessCiphertext) {
        try {
            return lockAndRefresh(departmentId, seenAccessCiphertext);
        } catch (PessimisticLockingFailureException slowOtherInstance) {
            // another instance's refresh held the row longer than the database's lock wait (Samsara's token endpoint
            // may take most of a minute): wait once more; by then it has usually stored the new pair, which we use
            log.info("Samsara OAuth for department {}: waited long for another instance's refresh; waiting again",
                    departmentId);
            try {
                return lockAndRefresh(departmentId, seenAccessCiphertext);
            } catch (PessimisticLockingFailureException stillBusy) {
                throw new IllegalStateException("RigSync is still renewing the Samsara connection. Try again in a "
                        + "minute.");
            }
        }
    }

    private Fresh lockAndRefresh(long departmentId, String seenAccessCiphertext) {
        Outcome outcome = ownTransaction.execute(status -> {
            SamsaraConnection c = connections.lockById(departmentId).orElse(null);
            if (c == null || c.getAuthKind() != AuthKind.OAUTH || c.getRefreshCiphertext() == null) {
                return new Outcome(null, new IllegalStateException(DISCONNECTED));
            }
            Instant now = clock.instant();
            if (!c.getSecretCiphertext().equals(seenAccessCiphertext) && c.getHealth() != ConnectionHealth.RECONNECT_NEEDED
                    && (c.getAccessExpiresAt() == null || c.getAccessExpiresAt().isAfter(now.plus(EARLY)))) {
                log.debug("Samsara OAuth for department {}: already refreshed meanwhile, using the stored token",
                        departmentId);
                return new Outcome(new Fresh(c.getSecretCiphertext(), c.getAccessExpiresAt()), null);
            }
            ClientCredentials credentials = app.credentials().orElse(null);
            if (credentials == null) {
                return new Outcome(null, new IllegalStateException(NO_APP));
            }
            var oauth = clients.forBaseUrl(regions.baseUrl(c.getRegion())).oauth();
            String spent = c.getRefreshCiphertext();
            OAuthTokens tokens;
            refreshCalls.incrementAndGet();
            try {
                tokens = vault.withSecret(SecretSlot.refresh(departmentId), spent, refreshToken -> oauth.refresh(credentials, refreshToken));
            } catch (InvalidGrantException e) {
                int marked = connections.markReconnectNeeded(departmentId, spent);
                if (marked > 0) {
                    audit.record(departmentId, AuditAction.SAMSARA_OAUTH_RECONNECT_NEEDED, "Samsara connection",
                            "Samsara refused to renew the connection (" + e.error() + ")");
                }
                log.warn("Samsara OAuth for department {}: the refresh was refused ({}); reconnect needed",
                        departmentId, e.error());
                counted("refused");
                return new Outcome(null, e);
            } catch (SamsaraException e) {
                log.warn("Samsara OAuth for department {}: the refresh failed ({})", departmentId,
                        e.getClass().getSimpleName());
                counted("failed");
                return new Outcome(null, e);
            }
            String access = vault.encrypt(SecretSlot.secret(departmentId), tokens.accessToken());
            // Samsara always sends a new refresh token; should one not come, the old one stays the one to use
            String refresh = tokens.refreshToken() == null ? spent : vault.encrypt(SecretSlot.refresh(departmentId), tokens.refreshToken());
            Instant expiresAt = tokens.expiresAt() != null ? tokens.expiresAt() : now.plus(Duration.ofHours(1));
            connections.rotateOAuthTokens(departmentId, access, refresh, expiresAt, now);
            log.info("Samsara OAuth for department {}: access token refreshed, valid until {}", departmentId,
                    expiresAt);
            counted("refreshed");
            return new Outcome(new Fresh(access, expiresAt), null);
        });
        // committed: the new pair is stored before anyone uses it
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.fresh();
    }

    /**
     * An OAuth connection's tokens for one session: the access token it last knew (ciphertext; decrypted by the vault
     * at each call), refreshed through the refresher when expired or refused with 401.
     */
    private final class OAuthTokenSource implements TokenSource {

        private final long departmentId;
        private volatile Fresh current;

        OAuthTokenSource(long departmentId, Fresh current) {
            this.departmentId = departmentId;
            this.current = current;
        }

        @Override
        public String accessToken() {
            Fresh known = current;
            if (known.expiresAt() != null && !clock.instant().isBefore(known.expiresAt().minus(EARLY))) {
                known = refresh(departmentId, known.accessCiphertext());
                current = known;
            }
            return vault.tokenSource(SecretSlot.secret(departmentId), known.accessCiphertext()).accessToken();
        }

        @Override
        public java.util.Optional<String> refreshAfterUnauthorized(String rejectedToken) {
            Fresh known = current;
            String knownToken = vault.tokenSource(SecretSlot.secret(departmentId), known.accessCiphertext()).accessToken();
            if (!knownToken.equals(rejectedToken)) {
                // another call of this session refreshed meanwhile: retry with that token
                return java.util.Optional.of(knownToken);
            }
            Fresh fresh = refresh(departmentId, known.accessCiphertext());
            current = fresh;
            return java.util.Optional.of(vault.tokenSource(SecretSlot.secret(departmentId), fresh.accessCiphertext()).accessToken());
        }

        @Override
        public String toString() {
            return "TokenSource[OAuth, department " + departmentId + ", redacted]";
        }
    }

    /** {@code rigsync.samsara.oauth.refreshes} by outcome: refreshed, refused (reconnect needed), failed. */
    private void counted(String outcome) {
        Counter.builder("rigsync.samsara.oauth.refreshes")
                .description("OAuth access token refreshes sent to Samsara, by outcome")
                .tag("outcome", outcome)
                .register(metrics)
                .increment();
    }

    @Override
    public String toString() {
        return "OAuthRefresher[" + inFlight.size() + " refreshes in flight]";
    }
}
