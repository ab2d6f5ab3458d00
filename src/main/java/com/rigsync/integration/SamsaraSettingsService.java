package com.rigsync.integration;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.base.BackgroundCalls;
import com.rigsync.department.DepartmentService;
import com.rigsync.integration.ConnectionTestReport.Verdict;
import com.rigsync.samsara.TagFilter;
import com.rigsync.samsara.TokenSource;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assets > Setup > Settings: the department's Samsara connection as administrators and data managers see and change
 * it. Tokens are checked against Samsara before they are saved; those calls run outside any database transaction
 * (they can take seconds), and the write that follows checks the version the user saw.
 * <p>
 * The screen uses the {@code ...InBackground} variants: they check the caller's role on the caller's thread, then run
 * the Samsara calls on the bounded "samsara-check" pool with the caller's security context (so the department, the
 * audit actor and "saved by" are the caller's), and never on the UI request thread. When the pool is full they fail
 * at once with {@link #BUSY} instead of running the call on the caller's thread.
 */
@Service
public class SamsaraSettingsService {

    static final String NOT_ENTITLED = PaidFeature.NOT_ENTITLED;
    private static final Logger log = LoggerFactory.getLogger(SamsaraSettingsService.class);
    static final String BUSY = "RigSync is checking many Samsara connections right now. Try again in a minute.";
    private static final int MAX_TAGS = 100;

    private final SamsaraConnectionRepository connections;
    private final DepartmentService departments;
    private final SamsaraRegions regions;
    private final SamsaraClients clients;
    private final TokenVault vault;
    private final SettingsStore store;
    private final OAuthRefresher oauth;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final ObjectProvider<ApparatusCount> apparatusCount;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final BackgroundCalls background;

    SamsaraSettingsService(SamsaraConnectionRepository connections, DepartmentService departments,
                           SamsaraRegions regions, SamsaraClients clients, TokenVault vault, SettingsStore store,
                           OAuthRefresher oauth, AuditService audit, CurrentUser currentUser,
                           ObjectProvider<ApparatusCount> apparatusCount, Clock clock,
                           PlatformTransactionManager transactions,
                           @Qualifier(SamsaraClientConfiguration.SAMSARA_CHECKS) TaskExecutor checkPool) {
        this.connections = connections;
        this.departments = departments;
        this.regions = regions;
        this.clients = clients;
        this.vault = vault;
        this.store = store;
        this.oauth = oauth;
        this.audit = audit;
        this.currentUser = currentUser;
        this.apparatusCount = apparatusCount;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.background = new BackgroundCalls(checkPool, "Samsara check", BUSY);
    }

    /** The department's settings as the screen shows them (no token, only its last four characters). */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public SamsaraSettings settings() {
        long departmentId = currentUser.departmentId();
        return readOnly.execute(status -> store.read(departmentId));
    }

    /**
     * Saves the toggle, region, tag filter and, when typed, a new token. A new token (or a saved token moved to
     * another region) is checked against Samsara first: a dead or under-scoped one is refused with the reason;
     * when Samsara cannot be reached the answer asks whether to save it "not yet verified"; a token of another
     * organisation asks for a confirmation, after which {@link SamsaraOrganisationChanged} is published.
     */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public SaveResult save(SettingsChange change) {
        SignedInUser user = currentUser.require();
        long departmentId = currentUser.departmentId();
        if (!departments.samsaraEntitled(departmentId)) {
            return new SaveResult.Refused(NOT_ENTITLED);
        }
        if (!regions.exists(change.regionKey())) {
            return new SaveResult.Refused("Choose the Samsara region of your organisation (US or EU).");
        }
        TagFilter tagIds = new TagFilter(cleanTags(change.tagIds()), cleanTags(change.parentTagIds()));
        if (tagIds.tagIds().size() + tagIds.parentTagIds().size() > MAX_TAGS) {
            return new SaveResult.Refused("Choose at most " + MAX_TAGS + " Samsara tags.");
        }
        String token = change.hasNewToken() ? change.newToken().strip() : null;
        if (token != null && (token.length() < 8 || token.length() > 1000 || token.chars().anyMatch(Character::isWhitespace))) {
            return new SaveResult.Refused("That does not look like a Samsara access token. Copy the whole token from "
                    + "the Samsara dashboard (Settings > API Tokens) and paste it here.");
        }
        SamsaraConnection before = connections.findById(departmentId).orElse(null);
        if (!Objects.equals(before == null ? null : before.getVersion(), change.expectedVersion())) {
            return new SaveResult.ChangedMeanwhile(before == null ? "someone" : before.getUpdatedBy());
        }

        if (token == null && before != null && before.hasSecret() && before.getAuthKind() == AuthKind.OAUTH
                && !change.regionKey().equals(before.getRegion())) {
            return new SaveResult.Refused("The Samsara connection belongs to its region. To use another region, "
                    + "disconnect from Samsara first, then choose the region and connect again.");
        }
        // an API token replaces an OAuth connection, whose grant is revoked once the token is stored
        String replacedGrant = token != null && before != null && before.getAuthKind() == AuthKind.OAUTH
                ? before.getRefreshCiphertext() : null;
        String replacedGrantRegion = before == null ? null : before.getRegion();

        // which token must Samsara confirm: a new one, or the saved one moved to another region
        TokenSource toCheck = null;
        if (token != null) {
            toCheck = TokenSource.of(token);
        } else if (before != null && before.hasSecret() && !change.regionKey().equals(before.getRegion())) {
            toCheck = vault.tokenSource(SecretSlot.secret(departmentId), before.getSecretCiphertext());
        }
        ConnectionTestReport report = null;
        if (toCheck != null) {
            report = check(departmentId, change.regionKey(), toCheck, tagIds);
            if (report.verdict() == Verdict.REFUSED) {
                recordTestFailure(departmentId, report, "saving");
                return new SaveResult.Refused("Not saved: " + report.reason() + ".");
            }
            if (report.verdict() == Verdict.UNREACHABLE && !change.saveUnverified()) {
                return new SaveResult.SamsaraUnreachable(report.reason());
            }
            String savedOrg = before == null ? null : before.getOrgId();
            if (report.passed() && savedOrg != null && !savedOrg.equals(report.organizationId())
                    && !change.confirmOrganisationChange()) {
                return new SaveResult.OtherOrganisation(Organisations.describe(before.getOrgName(), savedOrg),
                        Organisations.describe(report.organizationName(), report.organizationId()));
            }
        }
        ConnectionTestReport verified = report;
        try {
            SaveResult result = transaction.execute(status -> store.write(departmentId, user, change, tagIds, token,
                    verified));
            if (replacedGrant != null && result instanceof SaveResult.Saved saved) {
                boolean revoked = oauth.revoke(departmentId, replacedGrantRegion, replacedGrant);
                return new SaveResult.Saved(saved.settings(), saved.message() + (revoked
                        ? " The earlier Samsara connection was disconnected and revoked."
                        : " RigSync forgot the earlier Samsara connection, but Samsara could not be told; revoke "
                                + "the app in the Samsara dashboard."));
            }
            return result;
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
            return new SaveResult.ChangedMeanwhile(connections.findById(departmentId)
                    .map(SamsaraConnection::getUpdatedBy).orElse("someone"));
        }
    }

    /**
     * {@link #save} off the caller's thread: the returned future completes with the same result (or fails with the
     * same exception, or with {@link #BUSY} when too many checks are running).
     */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public CompletableFuture<SaveResult> saveInBackground(SettingsChange change) {
        // refuses a caller without a department here, not later in the pool; one department's calls take few places
        return background.asCaller(currentUser.departmentId(), () -> save(change));
    }

    /** Removes the saved token (the connection's other settings stay). */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public SaveResult removeToken(Long expectedVersion) {
        SignedInUser user = currentUser.require();
        long departmentId = currentUser.departmentId();
        try {
            return transaction.execute(status -> {
                SamsaraConnection connection = connections.findById(departmentId).orElse(null);
                if (connection == null || !Objects.equals(connection.getVersion(), expectedVersion)) {
                    return new SaveResult.ChangedMeanwhile(connection == null ? "someone" : connection.getUpdatedBy());
                }
                if (connection.getAuthKind() == AuthKind.OAUTH) {
                    return new SaveResult.Refused("RigSync is connected with Samsara, not with a token: use "
                            + "Disconnect to end the connection.");
                }
                if (connection.hasSecret()) {
                    audit.record(departmentId, AuditAction.SAMSARA_TOKEN_REMOVED,
                            "token ending in " + connection.getSecretLast4(), null);
                    connection.removeSecret();
                }
                connection.touch(user.displayName(), clock.instant());
                connections.saveAndFlush(connection);
                return new SaveResult.Saved(store.read(departmentId), "Token removed. RigSync no longer calls Samsara "
                        + "for your department until a new token is saved. Delete the token in the Samsara "
                        + "dashboard too if nothing else uses it.");
            });
        } catch (OptimisticLockingFailureException e) {
            return new SaveResult.ChangedMeanwhile(connections.findById(departmentId)
                    .map(SamsaraConnection::getUpdatedBy).orElse("someone"));
        }
    }

    /**
     * Runs the checks of saving without saving anything: on {@code typedToken} when one is typed, else on the
     * saved token. A test of the saved token in its own region also records the outcome (last used, or "needs
     * attention" on a 401). A failed test is an audit event.
     */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public ConnectionTestReport testConnection(String typedToken, String regionKey, TagFilter tagIds) {
        long departmentId = currentUser.departmentId();
        if (!departments.samsaraEntitled(departmentId)) {
            throw new IllegalStateException(NOT_ENTITLED);
        }
        if (!regions.exists(regionKey)) {
            throw new IllegalArgumentException("Choose the Samsara region of your organisation (US or EU).");
        }
        TagFilter tags = tagIds == null ? TagFilter.none()
                : new TagFilter(cleanTags(tagIds.tagIds()), cleanTags(tagIds.parentTagIds()));
        SamsaraConnection saved = connections.findById(departmentId).orElse(null);
        TokenSource tokens;
        boolean savedToken = typedToken == null || typedToken.isBlank();
        if (!savedToken) {
            tokens = TokenSource.of(typedToken.strip());
        } else if (saved != null && saved.hasSecret() && saved.getAuthKind() == AuthKind.OAUTH) {
            tokens = oauth.tokenSource(departmentId, saved.getSecretCiphertext(), saved.getAccessExpiresAt());
        } else if (saved != null && saved.hasSecret()) {
            tokens = vault.tokenSource(SecretSlot.secret(departmentId), saved.getSecretCiphertext());
        } else {
            throw new IllegalArgumentException("Paste an access token to test, or save one first.");
        }
        ConnectionTestReport report = check(departmentId, regionKey, tokens, tags);
        if (!report.passed()) {
            recordTestFailure(departmentId, report, "testing");
        }
        if (savedToken && saved.getRegion().equals(regionKey)) {
            String ciphertext = saved.getSecretCiphertext();
            transaction.executeWithoutResult(status -> {
                if (report.passed()) {
                    connections.markUsed(departmentId, ciphertext, clock.instant());
                } else if (report.verdict() == Verdict.REFUSED
                        && ConnectionCheck.REVOKED.equals(report.reason())) {
                    connections.markHealth(departmentId, ciphertext, ConnectionHealth.NEEDS_ATTENTION);
                }
            });
        }
        return report;
    }

    /**
     * {@link #testConnection} off the caller's thread: the returned future completes with the report, or fails with
     * the same exceptions (wrapped in a {@link java.util.concurrent.CompletionException}), or with {@link #BUSY}.
     */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public CompletableFuture<ConnectionTestReport> testConnectionInBackground(String typedToken, String regionKey,
                                                                             TagFilter tags) {
        long departmentId = currentUser.departmentId();
        return background.asCaller(departmentId, () -> testConnection(typedToken, regionKey, tags));
    }

    /**
     * For tests: waits until every check handed to the pool has run to its end, including what its callers chained
     * to it on the worker thread (the screen's {@code ui.access} hand-over).
     */
    void awaitBackgroundChecks(Duration timeout) throws InterruptedException, TimeoutException {
        background.awaitIdle(timeout);
    }

    private ConnectionTestReport check(long departmentId, String regionKey, TokenSource tokens, TagFilter tagIds) {
        ApparatusCount counter = apparatusCount.getIfAvailable();
        Long apparatus = counter == null ? null : counter.apparatusCount(departmentId);
        var session = clients.forBaseUrl(regions.baseUrl(regionKey)).session(tokens);
        ConnectionTestReport report = ConnectionCheck.run(session, tagIds, apparatus);
        log.info("Samsara check for department {} ({}): {} in {} ms, {} requests", departmentId, regionKey,
                report.verdict(), report.roundTripMillis(), session.requestCount());
        return report;
    }

    private void recordTestFailure(long departmentId, ConnectionTestReport report, String when) {
        audit.record(departmentId, AuditAction.SAMSARA_TEST_FAILED, "Samsara connection",
                "while " + when + ": " + report.reason());
    }

    private static List<String> cleanTags(List<String> tagIds) {
        if (tagIds == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(tagIds.stream().filter(Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.contains(",")).toList()));
    }
}
