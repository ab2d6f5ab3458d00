package com.rigsync.integration;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.department.DepartmentService;
import com.rigsync.samsara.InvalidTokenException;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.TokenSource;
import com.rigsync.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other features reach Samsara for a department: apparatus lookups (signed-in user) and sync (background). A
 * session exists only when the department is entitled, the integration is enabled and a token is saved; switching
 * the entitlement off stops every call while the saved connection is kept.
 */
@Service
public class SamsaraConnections {

    private static final Logger log = LoggerFactory.getLogger(SamsaraConnections.class);

    private final SamsaraConnectionRepository connections;
    private final DepartmentService departments;
    private final SamsaraRegions regions;
    private final SamsaraClients clients;
    private final TokenVault vault;
    private final OAuthRefresher oauth;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditService audit;

    SamsaraConnections(SamsaraConnectionRepository connections, DepartmentService departments,
                       SamsaraRegions regions, SamsaraClients clients, TokenVault vault, OAuthRefresher oauth,
                       CurrentUser currentUser, Clock clock, AuditService audit) {
        this.audit = audit;
        this.connections = connections;
        this.departments = departments;
        this.regions = regions;
        this.clients = clients;
        this.vault = vault;
        this.oauth = oauth;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The signed-in user's department's Samsara, for lookups from screens (any role of the department). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<ConnectedSamsara> sessionForCurrentDepartment() {
        return sessionFor(currentUser.departmentId());
    }

    /**
     * A department's Samsara for background work (the scheduled sync), where no user is signed in. It takes the
     * department as a parameter and has no role check, so it must never be reachable with an id a browser chose:
     * ArchitectureTest forbids calling it from any {@code ui} package; screens use
     * {@link #sessionForCurrentDepartment()}.
     * <p>
     * An OAuth connection whose grant Samsara refused ("reconnect needed") gives no session, so sync pauses until
     * someone connects again; its session's token source refreshes an expired access token just in time.
     */
    @Transactional(readOnly = true)
    public Optional<ConnectedSamsara> sessionFor(long departmentId) {
        return connections.findById(departmentId)
                .filter(c -> c.isEnabled() && c.hasSecret() && regions.exists(c.getRegion()))
                .filter(c -> c.getHealth() != ConnectionHealth.RECONNECT_NEEDED)
                .filter(c -> departments.samsaraEntitled(departmentId))
                .map(c -> new ConnectedSamsara(departmentId, c.getRegion(), c.getOrgId(), c.getOrgName(),
                        c.getTagFilter(), c.getSyncIntervalMinutes(),
                        clients.forBaseUrl(regions.baseUrl(c.getRegion())).session(tokenSource(c), c.getOrgId()),
                        c.getSecretCiphertext(), c.getAuthKind()));
    }

    /** Whether the department's sync may run now, for the scheduler (no user signed in; never from a screen). */
    @Transactional(readOnly = true)
    public SyncStanding syncStanding(long departmentId) {
        return connections.findById(departmentId)
                .map(c -> new SyncStanding(departmentId,
                        c.isEnabled() && c.hasSecret() && regions.exists(c.getRegion())
                                && departments.samsaraEntitled(departmentId),
                        c.getHealth(), c.getSyncIntervalMinutes()))
                .orElse(new SyncStanding(departmentId, false, ConnectionHealth.NOT_CONNECTED,
                        SamsaraConnection.DEFAULT_SYNC_INTERVAL_MINUTES));
    }

    /** The signed-in user's department's sync standing, for the Sync tab. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public SyncStanding syncStandingForCurrentDepartment() {
        return syncStanding(currentUser.departmentId());
    }

    /** Sets how often the signed-in user's department syncs; false when it has no connection to set it on. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public boolean changeSyncInterval(int minutes) {
        return connections.findById(currentUser.departmentId()).map(c -> {
            c.setSyncIntervalMinutes(minutes);
            return true;
        }).orElse(false);
    }

    /** Departments whose sync may be scheduled: entitled, enabled and holding a token or grant. */
    @Transactional(readOnly = true)
    public List<Long> departmentsWithSync() {
        return connections.enabledWithSecret().stream().filter(departments::samsaraEntitled).toList();
    }

    /** The saved secret as a token source: fixed for an API token, refreshing for an OAuth grant. */
    TokenSource tokenSource(SamsaraConnection c) {
        return c.getAuthKind() == AuthKind.OAUTH
                ? oauth.tokenSource(c.getDepartmentId(), c.getSecretCiphertext(), c.getAccessExpiresAt())
                : vault.tokenSource(SecretSlot.secret(c.getDepartmentId()), c.getSecretCiphertext());
    }

    /** Calls with this session worked: sets "last used" and clears a "not yet verified" or "needs attention" mark. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(ConnectedSamsara session) {
        ConnectionHealth before = connections.healthOf(session.departmentId(), session.secretCiphertext).orElse(null);
        connections.markUsed(session.departmentId(), session.secretCiphertext, clock.instant());
        if (before == ConnectionHealth.NEEDS_ATTENTION || before == ConnectionHealth.RECONNECT_NEEDED) {
            audit.record(session.departmentId(), AuditAction.SAMSARA_CONNECTION_STATE_CHANGED, "Samsara connection",
                    before.label() + " → " + ConnectionHealth.OK.label());
        }
    }

    /**
     * A call with this session failed. A 401 on an API token marks the connection "needs attention" (the token must
     * be replaced). An OAuth session has already refreshed once and retried before a 401 reaches here, so the grant
     * is dead: "reconnect needed" (a refused refresh is marked by {@link OAuthRefresher} itself). Other failures say
     * nothing about the token and change nothing here.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(ConnectedSamsara session, SamsaraException failure) {
        if (!(failure instanceof InvalidTokenException)) {
            return;
        }
        if (session.authKind() == AuthKind.OAUTH) {
            if (connections.markOAuthHealth(session.departmentId(), ConnectionHealth.RECONNECT_NEEDED) > 0) {
                log.warn("Samsara rejected department {}'s OAuth access token after a refresh (401): connection "
                        + "marked as needing a reconnect", session.departmentId());
                audit.record(session.departmentId(), AuditAction.SAMSARA_CONNECTION_STATE_CHANGED,
                        "Samsara connection", ConnectionHealth.RECONNECT_NEEDED.label()
                                + "; scheduled syncs are paused until someone connects with Samsara again");
            }
            return;
        }
        int changed = connections.markHealth(session.departmentId(), session.secretCiphertext,
                ConnectionHealth.NEEDS_ATTENTION);
        if (changed > 0) {
            log.warn("Samsara rejected department {}'s token (401): connection marked as needing attention",
                    session.departmentId());
            audit.record(session.departmentId(), AuditAction.SAMSARA_CONNECTION_STATE_CHANGED,
                    "Samsara connection", ConnectionHealth.NEEDS_ATTENTION.label()
                            + "; scheduled syncs are paused until the token is replaced");
        }
    }

    /** Each department's integration state, for Client Success's Departments screen: no data and no token. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public Map<Long, IntegrationState> stateOfDepartments() {
        Map<Long, SamsaraConnection> byDepartment = new HashMap<>();
        connections.findAll().forEach(c -> byDepartment.put(c.getDepartmentId(), c));
        Map<Long, IntegrationState> states = new HashMap<>();
        departments.departments().forEach(d -> states.put(d.id(),
                IntegrationState.of(d.samsaraEntitled(), byDepartment.get(d.id()))));
        return states;
    }

    /** A department's integration state for alerts, which are evaluated with nobody signed in. */
    @Transactional(readOnly = true)
    public IntegrationState stateOf(long departmentId) {
        return IntegrationState.of(departments.samsaraEntitled(departmentId),
                connections.findById(departmentId).orElse(null));
    }

    /** The signed-in user's department's integration state, for the read-only sync summary (any role). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public IntegrationState stateOfCurrentDepartment() {
        long departmentId = currentUser.departmentId();
        return IntegrationState.of(departments.samsaraEntitled(departmentId),
                connections.findById(departmentId).orElse(null));
    }

    /**
     * Why the signed-in user's department's scheduled syncs are paused, for the banner on every screen; empty when
     * they are not. One small query on every navigation (the entitlement is read only when paused).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public Optional<String> pausedReasonForCurrentDepartment() {
        long departmentId = currentUser.departmentId();
        return connections.findById(departmentId)
                .filter(c -> c.isEnabled() && c.hasSecret())
                .map(c -> new SyncStanding(departmentId, true, c.getHealth(), c.getSyncIntervalMinutes()))
                .filter(SyncStanding::paused)
                .filter(standing -> departments.samsaraEntitled(departmentId))
                .map(SyncStanding::pausedReason);
    }
}
