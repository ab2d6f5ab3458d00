package com.rigsync.apparatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rigsync.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department's Samsara vehicles as last listed (table samsara_vehicle), and the lookups the magnifier, CSV import
 * and bulk matching read from it. Filling it from Samsara is the integration's and the sync's work; {@link #upsert}
 * is how they (and the demo and tests) store a list.
 */
@Component
class CachedSamsaraVehicles implements SamsaraVehicleLookup {

    private static final String COLUMNS = "samsara_id, name, vin, make, model, model_year, plate";

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    CachedSamsaraVehicles(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public VinMatches findSamsaraVehicleByVin(String vin) {
        long departmentId = currentUser.departmentId();
        String normalized = Vin.normalize(vin);
        Instant listedAt = listedAt(departmentId).orElse(null);
        if (normalized == null) {
            return new VinMatches(null, List.of(), List.of(), listedAt);
        }
        List<SamsaraVehicleSummary> exact = jdbc.query("select " + COLUMNS + " from samsara_vehicle "
                + "where department_id = ? and vin_normalized = ? order by samsara_id", CachedSamsaraVehicles::summary,
                departmentId, normalized);
        List<VinMatches.NearMiss> nearMisses = new ArrayList<>();
        if (exact.isEmpty()) {
            // near misses have the same length, so only those rows are compared
            for (SamsaraVehicleSummary candidate : jdbc.query("select " + COLUMNS + " from samsara_vehicle "
                            + "where department_id = ? and char_length(vin_normalized) = ? order by samsara_id",
                    CachedSamsaraVehicles::summary, departmentId, normalized.length())) {
                Vin.nearMiss(normalized, Vin.normalize(candidate.vin()))
                        .ifPresent(reason -> nearMisses.add(new VinMatches.NearMiss(candidate, reason)));
            }
        }
        return new VinMatches(normalized, exact, nearMisses, listedAt);
    }

    @Override
    @Transactional(readOnly = true)
    public SamsaraIdCheck checkSamsaraId(String samsaraId) {
        long departmentId = currentUser.departmentId();
        Optional<SamsaraVehicleSummary> vehicle = find(departmentId, samsaraId);
        if (vehicle.isPresent()) {
            return SamsaraIdCheck.found(vehicle.get());
        }
        if (listedAt(departmentId).isEmpty()) {
            return SamsaraIdCheck.unverified("RigSync has no list of your Samsara vehicles yet, so Samsara ID "
                    + samsaraId + " is saved unchecked; the next sync checks it.");
        }
        return SamsaraIdCheck.notFound("No Samsara vehicle has the ID " + samsaraId + ". Copy the ID from the "
                + "vehicle's page in Samsara, or use the magnifier to find it by VIN.");
    }

    Optional<SamsaraVehicleSummary> find(long departmentId, String samsaraId) {
        return jdbc.query("select " + COLUMNS + " from samsara_vehicle where department_id = ? and samsara_id = ?",
                CachedSamsaraVehicles::summary, departmentId, samsaraId).stream().findFirst();
    }

    /** Every cached vehicle of the department (bulk matching). */
    List<SamsaraVehicleSummary> all(long departmentId) {
        return jdbc.query("select " + COLUMNS + " from samsara_vehicle where department_id = ? order by samsara_id",
                CachedSamsaraVehicles::summary, departmentId);
    }

    /** The IDs of every cached vehicle, for checking many rows at once (CSV import). */
    Set<String> ids(long departmentId) {
        return new HashSet<>(jdbc.queryForList("select samsara_id from samsara_vehicle where department_id = ?",
                String.class, departmentId));
    }

    /** When the vehicle list was last stored; empty when the department has none. */
    Optional<Instant> listedAt(long departmentId) {
        LocalDateTime at = jdbc.queryForObject("select max(refreshed_at) from samsara_vehicle where department_id = ?",
                LocalDateTime.class, departmentId);
        return Optional.ofNullable(at).map(utc -> utc.toInstant(ZoneOffset.UTC));
    }

    /** Stores (inserts or replaces) vehicles as listed now. Vehicles not listed stay until a full refresh prunes them. */
    @Transactional
    void upsert(long departmentId, List<CachedSamsaraVehicle> vehicles) {
        // times are stored as UTC, as Hibernate stores them (hibernate.jdbc.time_zone=UTC)
        LocalDateTime now = utc(clock.instant());
        jdbc.batchUpdate("""
                insert into samsara_vehicle (department_id, samsara_id, name, vin, vin_normalized, make, model,
                    model_year, plate, tag_ids, samsara_updated_at, seen_at, refreshed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on duplicate key update name = values(name), vin = values(vin),
                    vin_normalized = values(vin_normalized), make = values(make), model = values(model),
                    model_year = values(model_year), plate = values(plate), tag_ids = values(tag_ids),
                    samsara_updated_at = values(samsara_updated_at), seen_at = values(seen_at),
                    refreshed_at = values(refreshed_at)""", vehicles, 500, (statement, v) -> {
            statement.setLong(1, departmentId);
            statement.setString(2, v.samsaraId());
            statement.setString(3, v.name());
            statement.setString(4, v.vin());
            statement.setString(5, Vin.normalize(v.vin()));
            statement.setString(6, v.make());
            statement.setString(7, v.model());
            statement.setObject(8, v.modelYear());
            statement.setString(9, v.plate());
            statement.setString(10, String.join(",", v.tagIds()));
            statement.setObject(11, utc(v.samsaraUpdatedAt()));
            statement.setObject(12, now);
            statement.setObject(13, now);
        });
    }

    /**
     * Stores Samsara's complete list as the department's cache: upserts what it lists, deletes what it no longer
     * lists. Call it inside one transaction so the department's cache is replaced atomically.
     */
    void replace(long departmentId, List<CachedSamsaraVehicle> listed) {
        upsert(departmentId, listed);
        Set<String> keep = new HashSet<>();
        listed.forEach(v -> keep.add(v.samsaraId()));
        List<Object[]> gone = new ArrayList<>();
        for (String id : ids(departmentId)) {
            if (!keep.contains(id)) {
                gone.add(new Object[] {departmentId, id});
            }
        }
        if (!gone.isEmpty()) {
            jdbc.batchUpdate("delete from samsara_vehicle where department_id = ? and samsara_id = ?", gone);
        }
    }

    /** Forgets the department's vehicles (tests; later: a connection to another Samsara organisation). */
    @Transactional
    void clear(long departmentId) {
        jdbc.update("delete from samsara_vehicle where department_id = ?", departmentId);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static SamsaraVehicleSummary summary(ResultSet rs, int row) throws SQLException {
        return new SamsaraVehicleSummary(rs.getString("samsara_id"), rs.getString("name"), rs.getString("vin"),
                rs.getString("make"), rs.getString("model"), (Integer) rs.getObject("model_year", Integer.class),
                rs.getString("plate"));
    }
}
