package com.rigsync.integration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.base.BackgroundCalls;
import com.rigsync.department.DepartmentService;
import com.rigsync.samsara.ClientCredentials;
import com.rigsync.samsara.OAuthTokens;
import com.rigsync.samsara.Organization;
import com.rigsync.samsara.SamsaraClient;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.TokenSource;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Connect with Samsara" (OAuth 2.0 authorization code grant), Disconnect, and the Direct Install page.
 * <p>
 * The {@code state} of a started connection is kept server-side in the user's HTTP session (the screens put the
 * {@link PendingConnection} there and the callback takes it out): that binds it to the browser session by
 * construction, makes it single use, and needs no table. Behind a load balancer the instances use sticky sessions
 * (Vaadin needs them anyway), so the callback reaches the instance that holds the session; a session lost to a
 * restart only means "start again", which the callback says.
 * <p>
 * Samsara calls (code exchange, {@code /me}, revoke) run on the bounded "samsara-check" pool with the caller's
 * security context, never on the UI request thread; the screens apply the answer through push.
 */
@Service
public class SamsaraOAuthService {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    static final String NOT_OFFERED = "Connecting with Samsara is not set up on this RigSync server. Save a Samsara "
            + "API token on Assets > Setup > Settings instead, or ask your RigSync operator to configure the Samsara "
            + "app.";
    static final String ONLY_MANAGERS = "Only a department administrator or data manager can connect RigSync to "
            + "Samsara. Ask your department's administrator to open this link.";
    static final String ELSEWHERE = "This Samsara organisation is already connected to another department. A Samsara "
            + "organisation can be connected to one RigSync department only; if this seems wrong, contact your "
            + "Client Success Manager.";
    static final String MISSING_STATE = "This page was opened without the check code RigSync gives each connection "
            + "request, so nothing was connected. Start again with Connect with Samsara on Assets > Setup > Settings.";
    static final String UNKNOWN_STATE = "This connection request is unknown to this browser session: it was already "
            + "used, or it was started in another browser or before you signed in again. Nothing was connected. Start "
            + "again with Connect with Samsara on Assets > Setup > Settings.";
    static final String OTHER_USER = "This connection request was started by another user or for another "
            + "department. Nothing was connected. Start again with Connect with Samsara on Assets > Setup > Settings.";
    static final String EXPIRED = "This connection request expired (requests are valid for 10 minutes). Nothing was "
            + "connected. Start again with Connect with Samsara on Assets > Setup > Settings.";

    private static final Logger log = LoggerFactory.getLogger(SamsaraOAuthService.class);

    private final SamsaraConnectionRepository connections;
    private final DepartmentService departments;
    private final SamsaraRegions regions;
    private final SamsaraClients clients;
    private final TokenVault vault;
    private final SamsaraOAuthApp app;
    private final OAuthRefresher refresher;
    private final GrantStore grants;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final BackgroundCalls background;
    private final SecureRandom random = new SecureRandom();

    SamsaraOAuthService(SamsaraConnectionRepository connections, DepartmentService departments,
                        SamsaraRegions regions, SamsaraClients clients, TokenVault vault, SamsaraOAuthApp app,
                        OAuthRefresher refresher, GrantStore grants, AuditService audit, CurrentUser currentUser,
                        Clock clock, PlatformTransactionManager transactions,
                        @Qualifier(SamsaraClientConfiguration.SAMSARA_CHECKS) TaskExecutor pool) {
        this.connections = connections;
        this.departments = departments;
        this.regions = regions;
        this.clients = clients;
        this.vault = vault;
        this.app = app;
        this.refresher = refresher;
        this.grants = grants;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.background = new BackgroundCalls(pool, "Samsara OAuth call", SamsaraSettingsService.BUSY);
    }

    /** True when the server has OAuth app credentials, so "Connect with Samsara" is offered. */
    @PreAuthorize("isAuthenticated()")
    public boolean available() {
        return app.configured();
    }

    /**
     * Starts a connection in {@code regionKey}: a fresh random state (32 bytes from SecureRandom, base64url) bound to
     * the caller's department and user, valid for 10 minutes, and the URL of Samsara's authorize page. The caller
     * keeps the returned object in the HTTP session under its state and sends the browser to its URL.
     */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public PendingConnection begin(String regionKey) {
        SignedInUser user = currentUser.require();
        long departmentId = currentUser.departmentId();
        if (!app.configured()) {
            throw new IllegalStateException(NOT_OFFERED);
        }
        if (!departments.samsaraEntitled(departmentId)) {
            throw new IllegalStateException(SamsaraSettingsService.NOT_ENTITLED);
        }
        if (!regions.exists(regionKey)) {
            throw new IllegalArgumentException("Choose the Samsara region of your organisation (US or EU).");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", app.clientId());
        query.put("state", state);
        query.put("response_type", "code");
        query.put("redirect_uri", app.redirectUri());
        StringBuilder url = new StringBuilder(regions.baseUrl(regionKey)).append("/oauth2/authorize");
        char separator = '?';
        for (var param : query.entrySet()) {
            url.append(separator).append(param.getKey()).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        log.info("Samsara OAuth for department {}: connection started by user {} ({})", departmentId,
                user.userId(), regionKey);
        return new PendingConnection(state, departmentId, user.userId(), regionKey,
                clock.instant().plus(STATE_LIFETIME), url.toString());
    }

    /**
     * Samsara's answer at the callback. {@code pending} is what the HTTP session held under the returned
     * {@code state} (null when it held nothing: reused, another session, never started). Refuses a missing, unknown,
     * foreign or expired state at once; shows Samsara's {@code error_description} when the user cancelled; else
     * exchanges the code (HTTP Basic client credentials), asks {@code GET /me} which organisation it is, and stores
     * the grant encrypted, off the caller's thread.
     */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public CompletableFuture<ConnectOutcome> complete(PendingConnection pending, Map<String, String> answer) {
        SignedInUser user = currentUser.require();
        long departmentId = currentUser.departmentId();
        String state = answer.get("state");
        if (state == null || state.isBlank()) {
            return refused(MISSING_STATE);
        }
        if (pending == null || !MessageDigest.isEqual(pending.state().getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            return refused(UNKNOWN_STATE);
        }
        if (pending.userId() != user.userId() || pending.departmentId() != departmentId) {
            return refused(OTHER_USER);
        }
        if (!clock.instant().isBefore(pending.expiresAt())) {
            return refused(EXPIRED);
        }
        String error = answer.get("error");
        if (error != null && !error.isBlank()) {
            String description = answer.get("error_description");
            String reason = description == null || description.isBlank() ? error : description;
            log.info("Samsara OAuth for department {}: Samsara answered {}", departmentId, error);
            return refused("Samsara did not connect RigSync: " + reason.strip() + (reason.strip().endsWith(".")
                    ? "" : ".") + " Nothing was changed. To connect, start again and choose Allow on Samsara's page.");
        }
        String code = answer.get("code");
        if (code == null || code.isBlank()) {
            return refused("Samsara's answer carried no authorization code, so nothing was connected. Start again "
                    + "with Connect with Samsara.");
        }
        if (!app.configured()) {
            return refused(NOT_OFFERED);
        }
        if (!departments.samsaraEntitled(departmentId)) {
            return refused(SamsaraSettingsService.NOT_ENTITLED);
        }
        return background.asCaller(pending.departmentId(), () -> exchange(pending, code));
    }

    /** Stores a grant of another organisation after the user confirmed it; the department's links are flagged. */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public ConnectOutcome confirmOrganisationChange(ObtainedGrant grant) {
        return store(grant, true);
    }

    /** The user did not confirm a grant of another organisation: it is revoked at Samsara, nothing is stored. */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public CompletableFuture<Boolean> discard(ObtainedGrant grant) {
        requireOwn(grant);
        return background.asCaller(grant.departmentId(),
                () -> refresher.revoke(grant.departmentId(), grant.regionKey(), grant.refreshCiphertext));
    }

    /**
     * Revokes the department's OAuth grant at Samsara, then forgets its tokens; a revoke that fails still forgets
     * them, and the answer says so. Runs under the connection's row lock (no refresh in between), off the caller's
     * thread.
     */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public CompletableFuture<String> disconnect() {
        currentUser.departmentId();
        return background.asCaller(currentUser.departmentId(), this::disconnectNow);
    }

    /** The Direct Install page: who may connect, the department and its connection now. */
    @PreAuthorize("isAuthenticated()")
    public InstallPage installPage() {
        SignedInUser user = currentUser.require();
        if (user.departmentId() == null || (user.role() != Role.ADMINISTRATOR && user.role() != Role.DATA_MANAGER)) {
            return new InstallPage.Refused(ONLY_MANAGERS);
        }
        if (!app.configured()) {
            return new InstallPage.Refused(NOT_OFFERED);
        }
        long departmentId = user.departmentId();
        var department = departments.myDepartment();
        if (!department.samsaraEntitled()) {
            return new InstallPage.NotEntitled(SamsaraSettingsService.NOT_ENTITLED);
        }
        return transaction.execute(status -> {
            SamsaraConnection c = connections.findById(departmentId).orElse(null);
            String current;
            boolean token = false;
            if (c == null || !c.hasSecret()) {
                current = "none";
            } else if (c.getAuthKind() == AuthKind.OAUTH) {
                current = "connected with Samsara to " + Organisations.describe(c.getOrgName(), c.getOrgId())
                        + (c.getHealth() == ConnectionHealth.RECONNECT_NEEDED ? " (reconnect needed)" : "");
            } else {
                token = true;
                current = "API token ending in …" + c.getSecretLast4();
            }
            String region = c != null && regions.exists(c.getRegion()) ? c.getRegion() : SamsaraRegions.US;
            return new InstallPage.Ready(department.name(), current, token, regions.all(), region);
        });
    }

    private ConnectOutcome exchange(PendingConnection pending, String code) {
        ClientCredentials credentials = app.credentials().orElse(null);
        if (credentials == null) {
            return new ConnectOutcome.Refused(NOT_OFFERED);
        }
        SamsaraClient client = clients.forBaseUrl(regions.baseUrl(pending.regionKey()));
        OAuthTokens tokens;
        try {
            tokens = client.oauth().exchangeCode(credentials, code, app.redirectUri());
        } catch (SamsaraException e) {
            log.warn("Samsara OAuth for department {}: the code exchange failed ({})", pending.departmentId(),
                    e.getClass().getSimpleName());
            return new ConnectOutcome.Refused("Samsara did not accept the connection: " + e.userMessage()
                    + " Start again with Connect with Samsara.");
        }
        if (tokens.refreshToken() == null) {
            return new ConnectOutcome.Refused("Samsara's answer had no refresh token, so RigSync could not keep the "
                    + "connection. Try again; if it keeps happening, report it to RigSync support.");
        }
        String access = vault.encrypt(SecretSlot.secret(pending.departmentId()), tokens.accessToken());
        String refresh = vault.encrypt(SecretSlot.refresh(pending.departmentId()), tokens.refreshToken());
        Organization org;
        try {
            org = client.session(TokenSource.of(tokens.accessToken())).me();
        } catch (SamsaraException e) {
            refresher.revoke(pending.departmentId(), pending.regionKey(), refresh);
            return new ConnectOutcome.Refused("Samsara connected, but RigSync could not read which organisation it "
                    + "is: " + e.userMessage() + " Nothing was stored. Start again with Connect with Samsara.");
        }
        Instant expiresAt = tokens.expiresAt() != null ? tokens.expiresAt() : clock.instant().plus(Duration.ofHours(1));
        return store(new ObtainedGrant(pending.departmentId(), pending.userId(), pending.regionKey(), access, refresh,
                expiresAt, tokens.scope(), org.id(), org.name()), false);
    }

    private ConnectOutcome store(ObtainedGrant grant, boolean organisationChangeConfirmed) {
        return grants.store(grant, requireOwn(grant), organisationChangeConfirmed);
    }

    private String disconnectNow() {
        SignedInUser user = currentUser.require();
        long departmentId = currentUser.departmentId();
        return transaction.execute(status -> {
            SamsaraConnection c = connections.lockById(departmentId).orElse(null);
            if (c == null || c.getAuthKind() != AuthKind.OAUTH) {
                return "RigSync is not connected with Samsara, so there is nothing to disconnect.";
            }
            String org = Organisations.describe(c.getOrgName(), c.getOrgId());
            boolean revoked = refresher.revoke(departmentId, c.getRegion(), c.getRefreshCiphertext());
            c.removeSecret();
            c.touch(user.displayName(), clock.instant());
            connections.saveAndFlush(c);
            audit.record(departmentId, AuditAction.SAMSARA_OAUTH_DISCONNECTED, org, revoked
                    ? "revoked at Samsara" : "forgotten by RigSync; Samsara could not be told");
            return revoked
                    ? "Disconnected from Samsara: RigSync revoked its access and forgot the connection."
                    : "RigSync forgot the connection, but Samsara could not be told; revoke the app in the Samsara "
                            + "dashboard.";
        });
    }

    private SignedInUser requireOwn(ObtainedGrant grant) {
        SignedInUser user = currentUser.require();
        if (grant.departmentId() != currentUser.departmentId() || grant.userId() != user.userId()) {
            throw new IllegalArgumentException(OTHER_USER);
        }
        return user;
    }

    private static CompletableFuture<ConnectOutcome> refused(String message) {
        return CompletableFuture.completedFuture(new ConnectOutcome.Refused(message));
    }

    /** For tests: waits until every call handed to the pool has run to its end (the screens' hand-over included). */
    void awaitBackground(Duration timeout) throws InterruptedException, TimeoutException {
        background.awaitIdle(timeout);
    }
}
