package com.rigsync.demo.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.rigsync.demo.simulator.SamsaraJson.error;

/**
 * A simulated Samsara organisation: the API calls RigSync uses, answered with the JSON shapes of api.samsara.com,
 * over the deterministic {@link SimulatedFleet}. Transport-agnostic ({@link #handle}) and thread-safe; its clock is a
 * base {@link Clock} plus an offset that {@link #advanceClock} moves forward. Fault switches let tests and the demo
 * show outages, slowness, malformed answers, empty pages, revoked tokens and changed vehicles.
 *
 * <p>This is the front: it holds the lock, the clock and the log lines. {@link SimulatedApi} routes requests to the
 * endpoints ({@link VehicleList}, {@link VehicleStats}, {@link Drivers}, {@link SimulatedOAuth}); the switches are
 * kept in {@link FaultSwitches}, the tokens in {@link ApiTokens}, the requests seen in {@link RequestLog}.
 */
public final class SimulatedSamsara {

    /** Every read scope ("Global Read"). */
    public static final String GLOBAL_READ_TOKEN = "samsara-demo-global-read";
    /** Every read scope except Read Vehicle Statistics. */
    public static final String NO_STATS_TOKEN = "samsara-demo-no-stats";
    /** Answers 401 everywhere, as a token regenerated in the dashboard does. */
    public static final String REVOKED_TOKEN = "samsara-demo-revoked";
    /** Every read scope plus Write Driver Auth Token. */
    public static final String DRIVER_TOKENS_TOKEN = "samsara-demo-driver-tokens";

    public static final String OAUTH_CLIENT_ID = "rigsync-demo-app";
    public static final String OAUTH_CLIENT_SECRET = "rigsync-demo-app-secret";
    public static final String DEFAULT_REDIRECT_URI = "http://localhost:8080/samsara/oauth/callback";
    public static final int DEFAULT_PAGE_SIZE = 512;
    public static final int MAX_STAT_TYPES = 3;

    private static final Logger log = LoggerFactory.getLogger(SimulatedSamsara.class);

    /** The fault switches as they stand, for a demo page that shows them. */
    public record Faults(int failuresLeft, int failureStatus, Duration responseDelay, int malformedLeft,
            int emptyPagesLeft, boolean rateLimitsEnabled, Duration clockOffset) {
    }

    /** One request as the simulator saw it; never holds the token. */
    public record LoggedRequest(Instant time, String method, String path, String query, int status,
            String requestId) {
    }

    private final Object lock = new Object();
    private final Clock baseClock;
    private final int pageSize;
    private final SimulatedFleet fleet;
    // these are not thread-safe: every call to them holds lock (issuing a token needs none)
    private final SimulatedOAuth oauth;
    private final ApiTokens tokens;
    private final FaultSwitches faults;
    private final VehicleList vehicles;
    private final VehicleStats stats;
    private final SimulatedApi api;
    private final RequestLog requestLog = new RequestLog();
    private Duration clockOffset = Duration.ZERO;
    /** Told the whole offset each time the clock moves forward (the demo keeps it across restarts). */
    private volatile java.util.function.Consumer<Duration> clockMoved = offset -> { };

    /** A simulator on the given clock with the default page size and redirect URI. */
    public SimulatedSamsara(Clock clock) {
        this(clock, DEFAULT_PAGE_SIZE, DEFAULT_REDIRECT_URI);
    }

    /**
     * @param pageSize    the most items a list page holds (a client's larger {@code limit} gets short pages)
     * @param redirectUri the redirect URI registered for the simulated OAuth app
     */
    public SimulatedSamsara(Clock clock, int pageSize, String redirectUri) {
        this(clock, pageSize, redirectUri, SimulatedFleet.demo(), System::nanoTime);
    }

    /**
     * @param rateLimitNanoTime the ticker of the rate limit buckets: {@code System::nanoTime} normally, a manual
     *                          one in tests that want exact {@code Retry-After} values
     */
    public SimulatedSamsara(Clock clock, int pageSize, String redirectUri, SimulatedFleet fleet,
            LongSupplier rateLimitNanoTime) {
        this(clock, pageSize, constant(Objects.requireNonNull(redirectUri)), fleet, rateLimitNanoTime);
    }

    /**
     * @param redirectUri the redirect URI registered for the simulated OAuth app, asked at each use (the demo knows
     *                    its own port only once its web server runs)
     */
    public SimulatedSamsara(Clock clock, int pageSize, Supplier<String> redirectUri, SimulatedFleet fleet,
            LongSupplier rateLimitNanoTime) {
        if (pageSize < 1 || pageSize > Pagination.MAX_LIMIT) {
            throw new IllegalArgumentException("page size must be between 1 and " + Pagination.MAX_LIMIT);
        }
        this.baseClock = Objects.requireNonNull(clock);
        this.pageSize = pageSize;
        this.fleet = fleet;
        this.oauth = new SimulatedOAuth(OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, Objects.requireNonNull(redirectUri));
        this.tokens = new ApiTokens(oauth);
        this.faults = new FaultSwitches(new RateLimits(rateLimitNanoTime));
        var pagination = new Pagination(pageSize, faults);
        this.vehicles = new VehicleList(fleet, pagination);
        this.stats = new VehicleStats(fleet, vehicles, pagination);
        this.api = new SimulatedApi(oauth, tokens, faults, vehicles, stats, new Drivers(fleet, vehicles, pagination));
        resetFleet();
    }

    private static Supplier<String> constant(String value) {
        return () -> value;
    }

    // ---- requests ----

    /** Answers one request. The transport waits {@link SimulatedResponse#delay()} before sending the answer. */
    public SimulatedResponse handle(SimulatedRequest request) {
        String requestId = UUID.randomUUID().toString();
        String path = normalize(request.path());
        SimulatedResponse response;
        synchronized (lock) {
            response = faults.failureFor(path, requestId);
            if (response == null) {
                try {
                    response = api.answer(request, path, requestId, now());
                } catch (BadRequest bad) {
                    response = error(400, bad.getMessage(), requestId);
                } catch (RuntimeException bug) {
                    // a defect in the simulator: answer as Samsara would, and leave the detail in the log
                    log.warn("simulated Samsara: {} {} failed (requestId {})", request.method(), path, requestId, bug);
                    response = error(500, "Internal error in the simulated Samsara.", requestId);
                }
            }
            response = faults.deliver(response);
            requestLog.record(request, path, response.status(), requestId, now());
        }
        if (!path.startsWith("/oauth2/") && request.header(RequestLog.VERSION_HEADER) == null) {
            log.warn("simulated Samsara: {} {} came without X-Samsara-Version; Samsara answers it in the token's "
                    + "own API version", request.method(), path);
        }
        log.debug("simulated Samsara: {} {} -> {} (requestId {})", request.method(), path, response.status(),
                requestId);
        return response;
    }

    private static String normalize(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return normalized.startsWith("/") ? normalized : "/" + normalized;
    }

    // ---- public switches: clock ----

    /** The simulator's time: the base clock plus the offset moved forward so far. */
    public Instant now() {
        synchronized (lock) {
            return baseClock.instant().plus(clockOffset);
        }
    }

    /** Moves the simulator's clock forward, e.g. an hour to expire OAuth access tokens without waiting. */
    public void advanceClock(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only moves forward");
        }
        Duration offset;
        synchronized (lock) {
            clockOffset = clockOffset.plus(amount);
            offset = clockOffset;
        }
        log.info("simulated Samsara: clock moved forward by {}", amount);
        clockMoved.accept(offset);
    }

    /** {@code listener} hears the whole offset whenever the clock moves forward. */
    public void whenClockMoves(java.util.function.Consumer<Duration> listener) {
        clockMoved = java.util.Objects.requireNonNull(listener);
    }

    public Duration clockOffset() {
        synchronized (lock) {
            return clockOffset;
        }
    }

    // ---- public switches: faults ----

    /** The next {@code count} requests answer 503 with the error body. */
    public void failNextRequests(int count) {
        failNextRequests(count, 503);
    }

    /** The next {@code count} requests answer {@code status} (a 5xx, or 408) with the error body. */
    public void failNextRequests(int count, int status) {
        failNextRequestsTo(null, count, status);
    }

    /**
     * The next {@code count} requests to {@code path} (e.g. {@code /fleet/vehicles/stats}; null: any path) answer
     * {@code status} (a 5xx, or 408) with the error body; requests to other paths are answered normally.
     */
    public void failNextRequestsTo(String path, int count, int status) {
        failRequestsTo(path, 0, count, status);
    }

    /**
     * After {@code after} more requests to {@code path} (null: any path) are answered normally, the next
     * {@code count} answer {@code status}: an outage in the middle of a sync.
     */
    public void failRequestsTo(String path, int after, int count, int status) {
        synchronized (lock) {
            faults.failRequestsTo(path == null ? null : normalize(path), after, count, status);
        }
        log.info("simulated Samsara: next {} requests answer {}", count, status);
    }

    /**
     * The next {@code count} requests to {@code path} (null: any path) answer 429 with {@code Retry-After:
     * retryAfter}, in seconds and possibly fractional as Samsara sends it (e.g. {@code 0.40235}).
     */
    public void rateLimitNextRequests(String path, int count, String retryAfter) {
        synchronized (lock) {
            faults.rateLimitNextRequests(path == null ? null : normalize(path), count, retryAfter);
        }
        log.info("simulated Samsara: next {} requests to {} answer 429 (Retry-After {})", count,
                path == null ? "any path" : path, retryAfter);
    }

    /**
     * Moves a vehicle's odometer by {@code deltaMeters} from now on, as a gateway swap (back) or a faulty reading
     * (forward) does; both odometer stats move. Reset with the fleet.
     */
    public void moveOdometer(String vehicleId, long deltaMeters) {
        synchronized (lock) {
            stats.moveOdometer(vehicleId, deltaMeters);
        }
        log.info("simulated Samsara: odometer of vehicle {} moved by {} m", vehicleId, deltaMeters);
    }

    /**
     * Lights a warning lamp on a vehicle: from now on it reports an active fault code with its lamp (J1939 oil
     * pressure on a heavy-duty vehicle, the OBD-II catalyst code with the check-engine light on a light one). Reset
     * with the fleet.
     */
    public void raiseFaultCode(String vehicleId) {
        synchronized (lock) {
            stats.changeProfile(vehicleId, p -> p.withFault(p.heavyDuty() ? VehicleProfile.Fault.J1939_OIL_PRESSURE
                    : VehicleProfile.Fault.OBDII_CATALYST)).faultCodesChanged(now());
        }
        log.info("simulated Samsara: vehicle {} reports a fault code with a warning lamp", vehicleId);
    }

    /** The vehicle's gateway goes quiet: its readings stay days old and its feed brings nothing. Reset with the fleet. */
    public void silenceVehicle(String vehicleId) {
        synchronized (lock) {
            stats.changeProfile(vehicleId, VehicleProfile::silenced);
        }
        log.info("simulated Samsara: vehicle {} went silent", vehicleId);
    }

    /** Every response waits this long before it is sent; zero switches it off. */
    public void setResponseDelay(Duration delay) {
        synchronized (lock) {
            faults.setResponseDelay(delay);
        }
        log.info("simulated Samsara: response delay {}", delay);
    }

    /** The next {@code count} JSON answers are cut in half and end in garbage. */
    public void malformNextResponses(int count) {
        synchronized (lock) {
            faults.malformNextResponses(count);
        }
        log.info("simulated Samsara: next {} JSON answers malformed", count);
    }

    /** The next {@code count} list pages come back empty with {@code hasNextPage: true}, then listing resumes. */
    public void insertEmptyPages(int count) {
        synchronized (lock) {
            faults.insertEmptyPages(count);
        }
        log.info("simulated Samsara: next {} list pages empty", count);
    }

    /** The next {@code count} list pages bring half their items and say {@code hasNextPage: true} without a cursor. */
    public void announceMoreWithoutCursor(int count) {
        synchronized (lock) {
            faults.announceMoreWithoutCursor(count);
        }
        log.info("simulated Samsara: next {} list pages announce more without a cursor", count);
    }

    public void setRateLimitsEnabled(boolean enabled) {
        synchronized (lock) {
            faults.setRateLimitsEnabled(enabled);
        }
        log.info("simulated Samsara: rate limits {}", enabled ? "on" : "off");
    }

    /**
     * Makes another API token with Global Read for this organisation, as an administrator would in the dashboard. Each
     * token has its own rate limits (client and simulator), so a benchmark of many departments gives each its own.
     */
    public void issueGlobalReadToken(String token) {
        tokens.issueGlobalRead(token);
    }

    /**
     * Revokes a token at once, as regenerating it in the dashboard does: a demo token, or an OAuth access or refresh
     * token (which revokes its whole grant, so refreshing fails too).
     */
    public void revokeToken(String token) {
        synchronized (lock) {
            tokens.revoke(token);
        }
        log.info("simulated Samsara: a token was revoked");
    }

    /** Deletes a vehicle: it disappears from lists and stats and its id answers 404. */
    public void deleteVehicle(String vehicleId) {
        synchronized (lock) {
            vehicles.delete(vehicleId);
        }
        log.info("simulated Samsara: vehicle {} deleted", vehicleId);
    }

    /** Changes a vehicle's VIN (null removes it) and marks it updated now. */
    public void changeVin(String vehicleId, String newVin) {
        synchronized (lock) {
            vehicles.changeVin(vehicleId, newVin, now());
        }
        log.info("simulated Samsara: VIN of vehicle {} changed", vehicleId);
    }

    /**
     * Moves a vehicle under another tag, as when a department opens a station: a new tag under "Fire" is created in
     * Samsara and the station's vehicles are tagged with it.
     */
    public void moveToTag(String vehicleId, SimulatedTag tag) {
        synchronized (lock) {
            vehicles.retag(vehicleId, List.of(tag), now());
        }
        log.info("simulated Samsara: vehicle {} now tagged {}", vehicleId, tag.name());
    }

    public Faults faults() {
        synchronized (lock) {
            return faults.snapshot(clockOffset);
        }
    }

    /** Switches every fault off: failures, delay, malformed answers, empty pages; rate limits back on. */
    public void resetFaults() {
        synchronized (lock) {
            faults.reset();
        }
        log.info("simulated Samsara: faults reset");
    }

    /** Restores the fleet: deleted vehicles come back, changed VINs and moved odometers return to the demo values. */
    public void resetFleet() {
        synchronized (lock) {
            vehicles.reset();
            stats.reset(now());
        }
    }

    /**
     * Back to the start: faults, fleet, request log, revocations and OAuth grants; the clock offset stays, because
     * time does not run backwards.
     */
    public void reset() {
        resetFaults();
        resetFleet();
        synchronized (lock) {
            tokens.reset();
            oauth.clear();
            requestLog.clear();
        }
    }

    // ---- public views ----

    /** The vehicles as the simulated API currently lists them (after deletions and VIN changes). */
    public List<SimulatedVehicle> vehicles() {
        synchronized (lock) {
            return vehicles.all();
        }
    }

    public SimulatedFleet fleet() {
        return fleet;
    }

    public int pageSize() {
        return pageSize;
    }

    public String redirectUri() {
        return oauth.redirectUri();
    }

    /** Requests answered so far, including failed ones. */
    public int requestCount() {
        synchronized (lock) {
            return requestLog.count();
        }
    }

    /**
     * API requests answered so far that did not ask for an API version ({@code X-Samsara-Version}): Samsara would
     * have answered them in the version pinned to the token (API token) or its newest (OAuth), so a client that
     * leaves it out gets different shapes per department. Flagged here and on the demo page, and logged.
     */
    public int requestCountWithoutVersion() {
        synchronized (lock) {
            return requestLog.countWithoutVersion();
        }
    }

    /** Requests answered so far for one path below the prefix, e.g. {@code /fleet/vehicles}. */
    public int requestCount(String path) {
        synchronized (lock) {
            return requestLog.count(normalize(path));
        }
    }

    /** The latest requests (up to 10,000), oldest first. */
    public List<LoggedRequest> requestLog() {
        synchronized (lock) {
            return requestLog.latest();
        }
    }

    public void clearRequestLog() {
        synchronized (lock) {
            requestLog.clear();
        }
    }
}
