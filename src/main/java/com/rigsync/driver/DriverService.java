package com.rigsync.driver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.base.BackgroundCalls;
import com.rigsync.department.DepartmentService;
import com.rigsync.integration.AuthKind;
import com.rigsync.integration.ConnectedSamsara;
import com.rigsync.integration.PaidFeature;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.integration.SamsaraSettingsService;
import com.rigsync.samsara.DriverAuthToken;
import com.rigsync.samsara.DriverQuery;
import com.rigsync.samsara.InvalidTokenException;
import com.rigsync.samsara.MissingScopeException;
import com.rigsync.samsara.NetworkException;
import com.rigsync.samsara.NotFoundException;
import com.rigsync.samsara.RateLimitedException;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.SamsaraUnavailableException;
import com.rigsync.samsara.TagFilter;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Assets > Setup > Drivers: the drivers of the department's Samsara organisation, and driver login tokens.
 * <p>
 * The list is read from Samsara (active and deactivated drivers, limited to the department's Samsara tags) and kept
 * per department for {@link #FRESH_FOR}, so paging, searching and reopening the screen cost no Samsara calls; Refresh
 * reads it again. A login token is issued only to an administrator, for a driver of that list, with a fresh random
 * code; the token and the code go back to the screen once and are never stored, logged or audited.
 * <p>
 * Samsara calls run outside any transaction, on the bounded "samsara-check" pool (the {@code ...InBackground}
 * methods, which check the caller's role on the caller's thread and run with the caller's security context).
 */
@Service
public class DriverService {

    /** How long a listed set of drivers is shown without asking Samsara again (Refresh always asks). */
    static final Duration FRESH_FOR = Duration.ofMinutes(5);
    static final String NOT_ENTITLED = PaidFeature.NOT_ENTITLED;
    static final String BUSY = "RigSync is talking to Samsara for many people right now. Try again in a minute.";
    private static final Logger log = LoggerFactory.getLogger(DriverService.class);

    private final SamsaraConnections connections;
    private final SamsaraSettingsService settings;
    private final DepartmentService departments;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final LoginCodes codes;
    private final Clock clock;
    private final BackgroundCalls background;
    private final Map<Long, Listed> listed = new ConcurrentHashMap<>();

    /** A department's list, with what it was read through: another region, organisation or tag filter reads anew. */
    private record Listed(String regionKey, String organizationId, TagFilter tags, DriverDirectory directory) {

        boolean servesFor(ConnectedSamsara samsara, Instant now) {
            return Objects.equals(regionKey, samsara.regionKey())
                    && Objects.equals(organizationId, samsara.organizationId())
                    && tags.equals(samsara.tags())
                    && directory.listedAt().isAfter(now.minus(FRESH_FOR));
        }
    }

    DriverService(SamsaraConnections connections, SamsaraSettingsService settings, DepartmentService departments,
                  AuditService audit, CurrentUser currentUser, LoginCodes codes, Clock clock,
                  // the Settings checks' pool ("samsara-check-N"): bounded, refuses rather than running on the caller
                  @Qualifier("samsaraCheckExecutor") TaskExecutor checkPool) {
        this.connections = connections;
        this.settings = settings;
        this.departments = departments;
        this.audit = audit;
        this.currentUser = currentUser;
        this.codes = codes;
        this.clock = clock;
        this.background = new BackgroundCalls(checkPool, "Samsara driver call", BUSY);
    }

    /** Whether the signed-in user may issue driver login tokens (administrators only); the screen shows the button. */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public boolean mayIssueLoginTokens() {
        return currentUser.get().map(u -> u.role() == Role.ADMINISTRATOR).orElse(false);
    }

    /**
     * The department's Samsara drivers: from the list read in the last {@link #FRESH_FOR} unless {@code refresh}, else
     * from Samsara (every page). Says instead why there is no list: not entitled, not connected, or Samsara's error.
     */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public DriverListing list(boolean refresh) {
        long departmentId = currentUser.departmentId();
        if (!departments.samsaraEntitled(departmentId)) {
            listed.remove(departmentId);
            return new DriverListing.NotEntitled(NOT_ENTITLED);
        }
        Optional<ConnectedSamsara> connection = connections.sessionForCurrentDepartment();
        if (connection.isEmpty()) {
            listed.remove(departmentId);
            return new DriverListing.NotConnected(notConnected());
        }
        ConnectedSamsara samsara = connection.get();
        try {
            return new DriverListing.Loaded(directory(samsara, refresh));
        } catch (SamsaraException e) {
            connections.recordFailure(samsara, e);
            logFailure("listing drivers", samsara, e);
            return new DriverListing.Failed(listingFailure(samsara.authKind(), e));
        }
    }

    /** {@link #list} off the caller's thread; fails with {@link #BUSY} when too many Samsara calls are running. */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public CompletableFuture<DriverListing> listInBackground(boolean refresh) {
        currentUser.departmentId(); // refuses a caller without a department here, not later in the pool
        return background.asCaller(currentUser.departmentId(), () -> list(refresh));
    }

    /**
     * Issues a short-lived Samsara login token for one active driver of the department's list, paired with a fresh
     * random code, and records who issued it for whom (never the token or the code).
     */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public LoginTokenResult issueLoginToken(String driverId) {
        long departmentId = currentUser.departmentId();
        if (!departments.samsaraEntitled(departmentId)) {
            return new LoginTokenResult.Refused(NOT_ENTITLED);
        }
        Optional<ConnectedSamsara> connection = connections.sessionForCurrentDepartment();
        if (connection.isEmpty()) {
            return new LoginTokenResult.Refused(notConnected());
        }
        ConnectedSamsara samsara = connection.get();
        SamsaraDriver driver;
        try {
            driver = directory(samsara, false).find(driverId).orElse(null);
        } catch (SamsaraException e) {
            connections.recordFailure(samsara, e);
            logFailure("listing drivers before issuing a login token", samsara, e);
            return new LoginTokenResult.Refused(listingFailure(samsara.authKind(), e));
        }
        Long samsaraId = driver == null ? null : numeric(driver.id());
        if (samsaraId == null) {
            return new LoginTokenResult.Refused("Samsara lists no such driver for your department. Refresh the list "
                    + "and try again.");
        }
        if (!driver.active()) {
            return new LoginTokenResult.Refused(driver.label() + " is deactivated in Samsara, so no login token can "
                    + "be issued. Reactivate the driver in the Samsara dashboard first.");
        }
        String code = codes.next();
        DriverAuthToken token;
        try {
            token = samsara.samsara().issueDriverAuthToken(samsaraId, code);
        } catch (SamsaraException e) {
            connections.recordFailure(samsara, e);
            logFailure("issuing a login token for Samsara driver " + samsaraId, samsara, e);
            return new LoginTokenResult.Refused(issueFailure(samsara.authKind(), e));
        }
        connections.recordSuccess(samsara);
        audit.record(departmentId, AuditAction.DRIVER_LOGIN_TOKEN_ISSUED,
                driver.name() + " (Samsara driver " + driver.id() + ")",
                "Username " + driver.username() + (token.expiresAt() == null ? ""
                        : "; the token expires at " + token.expiresAt()));
        log.info("Driver login token issued for Samsara driver {} of department {}", samsaraId, departmentId);
        return new LoginTokenResult.Issued(new IssuedLoginToken(driver, token.token(), code, token.expiresAt()));
    }

    /** {@link #issueLoginToken} off the caller's thread; fails with {@link #BUSY} when the pool is full. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public CompletableFuture<LoginTokenResult> issueLoginTokenInBackground(String driverId) {
        currentUser.departmentId();
        return background.asCaller(currentUser.departmentId(), () -> issueLoginToken(driverId));
    }

    private DriverDirectory directory(ConnectedSamsara samsara, boolean refresh) {
        long departmentId = samsara.departmentId();
        Instant now = clock.instant();
        Listed known = listed.get(departmentId);
        if (!refresh && known != null && known.servesFor(samsara, now)) {
            return known.directory();
        }
        TagFilter tags = samsara.tags();
        List<SamsaraDriver> drivers = new ArrayList<>();
        Stream.concat(samsara.samsara().drivers(DriverQuery.active().withTags(tags)),
                        samsara.samsara().drivers(DriverQuery.deactivated().withTags(tags)))
                .map(SamsaraDriver::of).forEach(drivers::add);
        drivers.sort(Comparator.comparing((SamsaraDriver d) -> d.name() == null ? "" : d.name(),
                String.CASE_INSENSITIVE_ORDER).thenComparing(d -> d.username() == null ? "" : d.username()));
        connections.recordSuccess(samsara);
        DriverDirectory directory = new DriverDirectory(drivers, clock.instant(), !tags.isEmpty());
        listed.values().removeIf(l -> l.directory().listedAt().isBefore(now.minus(FRESH_FOR)));
        listed.put(departmentId, new Listed(samsara.regionKey(), samsara.organizationId(), tags,
                directory));
        log.info("Listed {} Samsara drivers for department {} in {} requests", drivers.size(), departmentId,
                samsara.samsara().requestCount());
        return directory;
    }

    private String notConnected() {
        boolean enabled = settings.settings().enabled();
        return enabled
                ? "Samsara is not connected for your department. An administrator or data manager connects it under "
                        + "Setup > Settings."
                : "The Samsara integration is switched off for your department. An administrator or data manager "
                        + "switches it on and connects Samsara under Setup > Settings.";
    }

    /** "in 1 second", "in 40 seconds", "in 2 minutes": Samsara's Retry-After, rounded up. */
    static String inWords(java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return "in " + seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return "in " + minutes + " minutes";
    }

    static String listingFailure(AuthKind kind, SamsaraException e) {
        return switch (e) {
            case MissingScopeException missing -> kind == AuthKind.OAUTH
                    ? "Samsara did not allow RigSync to read drivers: the connection may not have been granted "
                            + "it (connect with Samsara again under Setup > Settings), or your organisation's Samsara "
                            + "licence may not include drivers (your Samsara account team can tell you)."
                    : "Samsara refused to let your department's token read drivers. " + missing.whatToCheck()
                            + " Then save the token again under Setup > Settings if you made a new one.";
            case InvalidTokenException _ -> rejected(kind);
            case RateLimitedException _ -> "Samsara is receiving too many requests for your organisation right "
                    + "now. Try again in a minute.";
            case SamsaraUnavailableException _, NetworkException _ ->
                    "Samsara cannot be reached right now. Try again later.";
            default -> e.userMessage();
        };
    }

    static String issueFailure(AuthKind kind, SamsaraException e) {
        return switch (e) {
            case MissingScopeException missing -> kind == AuthKind.OAUTH
                    ? "RigSync's Samsara connection may only read, and issuing driver login tokens needs the "
                            + "'admin:write' grant. Connect with Samsara again under Setup > Settings and let Samsara "
                            + "grant RigSync write access. No login token was issued."
                    : "Samsara refused to let your department's token issue driver login tokens. "
                            + missing.whatToCheck() + " No login token was issued.";
            case InvalidTokenException _ -> rejected(kind) + " No login token was issued.";
            case RateLimitedException limited -> "Samsara limits how many login tokens your organisation can "
                    + "issue a minute, and that limit is reached. No login token was issued; try again "
                    + limited.retryAfter().map(DriverService::inWords).orElse("in a minute") + ".";
            case NotFoundException _ -> "Samsara no longer knows this driver. Refresh the list and try again.";
            case SamsaraUnavailableException _ -> "Samsara cannot be reached right now, so no login token was "
                    + "issued. Try again later.";
            case NetworkException _ -> "Samsara did not answer, so RigSync shows no login token. Try again later; "
                    + "a token Samsara may have issued meanwhile is useless without its code, which RigSync did not "
                    + "keep.";
            default -> e.userMessage() + " No login token was issued.";
        };
    }

    private static String rejected(AuthKind kind) {
        return kind == AuthKind.OAUTH
                ? "Samsara rejected RigSync's connection: it was revoked. Connect with Samsara again under Setup > "
                        + "Settings."
                : "Samsara rejected your department's token: it was regenerated or revoked. An administrator or data "
                        + "manager saves a new token under Setup > Settings.";
    }

    private static void logFailure(String what, ConnectedSamsara samsara, SamsaraException e) {
        // the exception's own message is already free of tokens and codes; status and request id are what support needs
        log.warn("Samsara failed while {} for department {}: {} (HTTP {}, requestId {})", what,
                samsara.departmentId(), e.getClass().getSimpleName(),
                e.httpStatus().isPresent() ? e.httpStatus().getAsInt() : "none", e.requestId().orElse("none"));
    }

    private static Long numeric(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(id);
    }

    /**
     * For tests: waits until every call handed to the pool has run to its end, including what its callers chained to
     * it on the worker thread (the screen's {@code ui.access} hand-over).
     */
    void awaitBackgroundWork(Duration timeout) throws InterruptedException, TimeoutException {
        background.awaitIdle(timeout);
    }

    /** For tests: forgets the listed drivers, so the next screen reads them from Samsara. */
    void forgetListedDrivers() {
        listed.clear();
    }
}
