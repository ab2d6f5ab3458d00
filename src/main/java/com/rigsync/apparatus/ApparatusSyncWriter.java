package com.rigsync.apparatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How background sync reads and writes what belongs to the apparatus feature: the linked apparatus and how they stand
 * with Samsara, the apparatus telemetry row and the link flags (meter history: {@link MeterHistory}; the vehicle
 * cache: {@link SamsaraVehicleList}). The apparatus feature owns those tables, so their SQL lives here; the sync
 * feature decides what to write.
 * <p>
 * For background work only (the scheduled sync), where no user is signed in: every method takes the department as a
 * parameter and has no role check, so it must never be reachable with an id a browser chose. ArchitectureTest forbids
 * any {@code ui} package from using this class; screens go through the apparatus services
 * ({@link ApparatusService}, {@link SamsaraLinking}, {@link ApparatusCsvService}, {@link MeterReadings}).
 * <p>
 * Telemetry is written in JDBC batches, never a round trip per row; only the fields Samsara sent are written (a null
 * keeps the stored value), so nothing is ever set to empty because Samsara omitted it.
 */
@Component
public class ApparatusSyncWriter {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    ApparatusSyncWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An apparatus with a Samsara link, as a sync run needs it. */
    public record LinkedApparatus(long apparatusId, String unitName, String vinNormalized, String samsaraVehicleId,
                                  LinkFlag linkFlag) {
    }

    /**
     * What a sync writes about one apparatus; a null field is "Samsara sent nothing new", and keeps the stored value.
     *
     * @param readAt the newest time Samsara took any of these readings; the stored one is kept when it is newer
     */
    public record TelemetryUpdate(long apparatusId, Long odometerMeters, Long engineSeconds, Double latitude,
                                  Double longitude, String address, Double fuelPercent, String engineState,
                                  String faultSummary, Instant readAt) {
    }

    /** The department's apparatus with a Samsara ID. */
    @Transactional(readOnly = true)
    public List<LinkedApparatus> linkedApparatus(long departmentId) {
        return jdbc.query("""
                select id, unit_name, vin_normalized, samsara_vehicle_id, link_flag from apparatus
                where department_id = ? and samsara_vehicle_id is not null order by id""",
                (rs, row) -> new LinkedApparatus(rs.getLong("id"), rs.getString("unit_name"),
                        rs.getString("vin_normalized"), rs.getString("samsara_vehicle_id"),
                        LinkFlag.valueOf(rs.getString("link_flag"))), departmentId);
    }

    /** How the department's apparatus stand with Samsara, for the sync status panel. */
    @Transactional(readOnly = true)
    public ApparatusLinks links(long departmentId) {
        record Counts(int apparatus, int linked, int synced) {
        }
        Counts counts = jdbc.queryForObject("""
                        select count(*) as apparatus, count(a.samsara_vehicle_id) as linked,
                               count(case when a.samsara_vehicle_id is not null and t.synced_at is not null
                                          then 1 end) as synced
                        from apparatus a left join apparatus_telemetry t on t.apparatus_id = a.id
                        where a.department_id = ?""",
                (rs, row) -> new Counts(rs.getInt("apparatus"), rs.getInt("linked"), rs.getInt("synced")),
                departmentId);
        List<ApparatusLinks.UnlinkedApparatus> unlinked = jdbc.query("""
                        select id, unit_name from apparatus
                        where department_id = ? and samsara_vehicle_id is null order by unit_name""",
                (rs, row) -> new ApparatusLinks.UnlinkedApparatus(rs.getLong("id"), rs.getString("unit_name")),
                departmentId);
        List<String> vehicles = jdbc.queryForList("""
                        select coalesce(v.name, concat('Samsara vehicle ', v.samsara_id)) as name
                        from samsara_vehicle v
                        where v.department_id = ? and not exists (
                          select 1 from apparatus a
                          where a.department_id = v.department_id and a.samsara_vehicle_id = v.samsara_id)
                        order by name""", String.class, departmentId);
        Map<LinkFlag, List<String>> flagged = new EnumMap<>(LinkFlag.class);
        jdbc.query("""
                        select link_flag, unit_name from apparatus
                        where department_id = ? and samsara_vehicle_id is not null and link_flag <> 'NONE'
                        order by unit_name""",
                (rs, row) -> Map.entry(LinkFlag.valueOf(rs.getString("link_flag")), rs.getString("unit_name")),
                departmentId)
                .forEach(e -> flagged.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return new ApparatusLinks(counts.apparatus(), counts.linked(), counts.synced(), unlinked, vehicles, flagged);
    }

    /** How many Samsara vehicles the department's cache holds (a run's estimate of its list pages). */
    @Transactional(readOnly = true)
    public int cachedVehicleCount(long departmentId) {
        Integer count = jdbc.queryForObject("select count(*) from samsara_vehicle where department_id = ?",
                Integer.class, departmentId);
        return count == null ? 0 : count;
    }

    /**
     * Sets link flags, each only if the apparatus still has the flag the caller read ({@code expected}), so a
     * person's relink in the meantime wins; bumps the version so an open form notices. Returns how many changed.
     */
    @Transactional
    public int changeLinkFlags(long departmentId, Map<Long, LinkFlag> expected, Map<Long, LinkFlag> wanted) {
        List<Object[]> rows = new ArrayList<>();
        wanted.forEach((id, flag) -> rows.add(new Object[] {flag.name(), id, departmentId, expected.get(id).name()}));
        if (rows.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (int n : jdbc.batchUpdate("update apparatus set link_flag = ?, version = version + 1 where id = ? "
                + "and department_id = ? and link_flag = ? and samsara_vehicle_id is not null", rows)) {
            changed += Math.max(n, 0);
        }
        return changed;
    }

    /**
     * Writes telemetry in JDBC batches inside the caller's transaction (or one of its own): inserts the row when the
     * apparatus has none, otherwise updates only the fields given. Rows of apparatus outside the department are
     * skipped. Returns how many apparatus rows were written.
     */
    @Transactional
    public int writeTelemetry(long departmentId, List<TelemetryUpdate> updates, Instant syncedAt) {
        List<TelemetryUpdate> mine = ownedBy(departmentId, updates);
        if (mine.isEmpty()) {
            return 0;
        }
        LocalDateTime synced = utc(syncedAt);
        jdbc.batchUpdate("""
                insert into apparatus_telemetry (apparatus_id, odometer_meters, engine_seconds, latitude, longitude,
                    address, fuel_percent, engine_state, fault_summary, read_at, synced_at, sync_error)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)
                on duplicate key update
                    odometer_meters = coalesce(values(odometer_meters), odometer_meters),
                    engine_seconds = coalesce(values(engine_seconds), engine_seconds),
                    latitude = coalesce(values(latitude), latitude),
                    longitude = coalesce(values(longitude), longitude),
                    address = coalesce(values(address), address),
                    fuel_percent = coalesce(values(fuel_percent), fuel_percent),
                    engine_state = coalesce(values(engine_state), engine_state),
                    fault_summary = coalesce(values(fault_summary), fault_summary),
                    read_at = case when read_at is null or values(read_at) > read_at then values(read_at)
                        else read_at end,
                    synced_at = values(synced_at),
                    sync_error = null""", mine, BATCH, (ps, u) -> {
            ps.setLong(1, u.apparatusId());
            setLong(ps, 2, u.odometerMeters());
            setLong(ps, 3, u.engineSeconds());
            setDouble(ps, 4, u.latitude());
            setDouble(ps, 5, u.longitude());
            ps.setString(6, cut(u.address(), 300));
            ps.setBigDecimal(7, u.fuelPercent() == null ? null
                    : BigDecimal.valueOf(Math.max(0, Math.min(100, u.fuelPercent()))).setScale(2, RoundingMode.HALF_UP));
            ps.setString(8, cut(u.engineState(), 20));
            ps.setString(9, cut(u.faultSummary(), 1000));
            ps.setObject(10, utc(u.readAt()));
            ps.setObject(11, synced);
        });
        return mine.size();
    }

    /**
     * Makes an accepted meter reading the apparatus' current odometer or engine seconds (the meter baseline a person
     * accepted). {@code odometer} chooses which.
     */
    @Transactional
    public void setCurrentMeter(long departmentId, long apparatusId, boolean odometer, long value, Instant readAt,
                                Instant syncedAt) {
        writeTelemetry(departmentId, List.of(new TelemetryUpdate(apparatusId, odometer ? value : null,
                odometer ? null : value, null, null, null, null, null, null, readAt)), syncedAt);
    }

    private List<TelemetryUpdate> ownedBy(long departmentId, List<TelemetryUpdate> updates) {
        if (updates.isEmpty()) {
            return updates;
        }
        java.util.Set<Long> owned = new java.util.HashSet<>(jdbc.queryForList(
                "select id from apparatus where department_id = ?", Long.class, departmentId));
        return updates.stream().filter(u -> owned.contains(u.apparatusId())).toList();
    }

    private static void setLong(java.sql.PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setDouble(java.sql.PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
