package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.rigsync.integration.ConnectedSamsara;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.integration.SamsaraOrganisationChanged;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.Vehicle;
import com.rigsync.security.CurrentUser;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The Samsara-backed lookup: refreshes the department's vehicle cache from Samsara when it is older than
 * {@link #FRESH_FOR} (or empty), then answers from the cache; checks a typed Samsara ID live. Without a usable
 * connection (not in the plan, switched off, no token) or with Samsara unreachable it says so and answers from the
 * cache where that makes sense. The list and the cache come from {@link SamsaraVehicleList}, which writes the cache
 * in its own transaction: the callers read in read-only ones.
 */
@Primary
@Component
class SamsaraBackedVehicles implements SamsaraVehicleLookup {

    static final Duration FRESH_FOR = Duration.ofMinutes(10);

    private final SamsaraConnections connections;
    private final CachedSamsaraVehicles cache;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final SamsaraVehicleList vehicleList;
    private final Clock clock;

    SamsaraBackedVehicles(SamsaraConnections connections, CachedSamsaraVehicles cache, CurrentUser currentUser,
                          JdbcTemplate jdbc, SamsaraVehicleList vehicleList, Clock clock) {
        this.connections = connections;
        this.cache = cache;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.vehicleList = vehicleList;
        this.clock = clock;
    }

    @Override
    public VinMatches findSamsaraVehicleByVin(String vin) {
        Optional<String> notice = refreshVehicleListIfStale();
        VinMatches matches = cache.findSamsaraVehicleByVin(vin);
        return notice.map(matches::withNotice).orElse(matches);
    }

    @Override
    public SamsaraIdCheck checkSamsaraId(String samsaraId) {
        Optional<ConnectedSamsara> connection = connections.sessionForCurrentDepartment();
        if (connection.isEmpty()) {
            // the vehicle list kept from before is the best answer there is; without one, the ID is saved unchecked
            SamsaraIdCheck cached = cache.checkSamsaraId(samsaraId);
            return switch (cached.verdict()) {
                case FOUND -> cached;
                case NOT_FOUND -> SamsaraIdCheck.notFound(cached.message() + " (" + notConnected()
                        + " The vehicle list RigSync kept from before has no such vehicle.)");
                case UNVERIFIED -> SamsaraIdCheck.unverified(notConnected() + " Samsara ID " + samsaraId
                        + " is saved unchecked.");
            };
        }
        ConnectedSamsara samsara = connection.get();
        try {
            Optional<Vehicle> vehicle = samsara.samsara().vehicle(samsaraId);
            connections.recordSuccess(samsara);
            return vehicle.map(v -> SamsaraIdCheck.found(summary(v)))
                    .orElseGet(() -> SamsaraIdCheck.notFound("Samsara has no vehicle with the ID " + samsaraId
                            + ". Copy the ID from the vehicle's page in Samsara, or use the magnifier to find it "
                            + "by VIN."));
        } catch (SamsaraException e) {
            connections.recordFailure(samsara, e);
            return SamsaraIdCheck.unverified(e.userMessage() + " Samsara ID " + samsaraId
                    + " could not be checked and is saved unchecked; the next sync checks it.");
        }
    }

    /**
     * Lists the department's vehicles from Samsara when the cache is older than {@link #FRESH_FOR} or empty; returns
     * what to tell the person when that was not possible.
     */
    @Override
    public Optional<String> refreshVehicleListIfStale() {
        long departmentId = currentUser.departmentId();
        Optional<Instant> listedAt = cache.listedAt(departmentId);
        boolean fresh = listedAt.isPresent() && listedAt.get().isAfter(clock.instant().minus(FRESH_FOR));
        Optional<ConnectedSamsara> connection = connections.sessionForCurrentDepartment();
        if (connection.isEmpty()) {
            return Optional.of(notConnected() + (listedAt.isPresent()
                    ? " The answer comes from the vehicle list RigSync kept from before."
                    : ""));
        }
        if (fresh) {
            return Optional.empty();
        }
        ConnectedSamsara samsara = connection.get();
        try {
            vehicleList.listAndCache(departmentId, samsara, pages -> { });
        } catch (SamsaraException e) {
            connections.recordFailure(samsara, e);
            return Optional.of(e.userMessage() + (listedAt.isPresent()
                    ? " The answer comes from the vehicle list RigSync kept from before."
                    : ""));
        }
        connections.recordSuccess(samsara);
        return Optional.empty();
    }

    /**
     * Another Samsara organisation's token was saved: its vehicles are not this department's any more. Clears the
     * cache and flags every link for review, in a transaction of its own once the saving one committed.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void organisationChanged(SamsaraOrganisationChanged event) {
        cache.clear(event.departmentId());
        jdbc.update("update apparatus set link_flag = ?, version = version + 1 where department_id = ? "
                + "and samsara_vehicle_id is not null", LinkFlag.REVIEW_ORGANISATION_CHANGED.name(),
                event.departmentId());
    }

    private static String notConnected() {
        return "Samsara is not connected for your department (an administrator or data manager connects it under Setup > Settings), "
                + "so RigSync could not ask Samsara.";
    }

    private static SamsaraVehicleSummary summary(Vehicle v) {
        return new SamsaraVehicleSummary(v.id(), v.name(), v.vin(), v.make(), v.model(), v.modelYear().orElse(null),
                v.licensePlate());
    }
}
