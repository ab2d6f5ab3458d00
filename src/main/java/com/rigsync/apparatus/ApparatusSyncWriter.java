package com.rigsync.apparatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * What a sync writes about one apparatus, each value with the time Samsara took it; a null value is "Samsara sent
     * nothing new" and keeps the stored one, and a value older than the stored one is not written either. A location
     * is written whole: new coordinates never keep an older address.
     *
     * @param faults the active fault codes as last read, or null when they were not read
     * @param readAt the newest time Samsara took any of these readings; the stored one is kept when it is newer
     */
    public record TelemetryUpdate(long apparatusId, Long odometerMeters, Instant odometerReadAt, Long engineSeconds,
                                  Instant engineReadAt, Double latitude, Double longitude, String address,
                                  Instant locationReadAt, Double fuelPercent, Instant fuelReadAt, String engineState,
                                  Instant engineStateReadAt, ActiveFaults faults, Instant readAt) {
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
        Map<LinkFlag, List<ApparatusLinks.FlaggedApparatus>> flagged = new EnumMap<>(LinkFlag.class);
        jdbc.query("""
                        select link_flag, id, unit_name from apparatus
                        where department_id = ? and samsara_vehicle_id is not null and link_flag <> 'NONE'
                        order by unit_name""",
                (rs, row) -> Map.entry(LinkFlag.valueOf(rs.getString("link_flag")),
                        new ApparatusLinks.FlaggedApparatus(rs.getLong("id"), rs.getString("unit_name"))),
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
     * apparatus has none, otherwise updates each value that is newer than the stored one, and replaces the active
     * fault codes of the apparatus whose faults were read. Rows of apparatus outside the department are skipped.
     * Returns how many apparatus rows were written.
     */
    @Transactional
    public int writeTelemetry(long departmentId, List<TelemetryUpdate> updates, Instant syncedAt) {
        List<TelemetryUpdate> mine = ownedBy(departmentId, updates);
        if (mine.isEmpty()) {
            return 0;
        }
        Map<Long, Instant> faultsBefore = faultTimes(mine);
        LocalDateTime synced = utc(syncedAt);
        // MariaDB assigns left to right and later assignments see earlier ones: every value is assigned before the
        // time it is compared with
        jdbc.batchUpdate("""
                insert into apparatus_telemetry (apparatus_id, odometer_meters, odometer_read_at, engine_seconds,
                    engine_read_at, latitude, longitude, address, location_read_at, fuel_percent, fuel_read_at,
                    engine_state, engine_state_read_at, fault_summary, active_fault_count, warning_lamps,
                    faults_read_at, read_at, synced_at, sync_error)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)
                on duplicate key update
                    odometer_meters = if(%1$s, values(odometer_meters), odometer_meters),
                    odometer_read_at = if(%1$s, values(odometer_read_at), odometer_read_at),
                    engine_seconds = if(%2$s, values(engine_seconds), engine_seconds),
                    engine_read_at = if(%2$s, values(engine_read_at), engine_read_at),
                    latitude = if(%3$s, values(latitude), latitude),
                    longitude = if(%3$s, values(longitude), longitude),
                    address = if(%3$s, values(address), address),
                    location_read_at = if(%3$s, values(location_read_at), location_read_at),
                    fuel_percent = if(%4$s, values(fuel_percent), fuel_percent),
                    fuel_read_at = if(%4$s, values(fuel_read_at), fuel_read_at),
                    engine_state = if(%5$s, values(engine_state), engine_state),
                    engine_state_read_at = if(%5$s, values(engine_state_read_at), engine_state_read_at),
                    fault_summary = if(%6$s, values(fault_summary), fault_summary),
                    active_fault_count = if(%6$s, values(active_fault_count), active_fault_count),
                    warning_lamps = if(%6$s, values(warning_lamps), warning_lamps),
                    faults_read_at = if(%6$s, values(faults_read_at), faults_read_at),
                    read_at = case when read_at is null or values(read_at) > read_at then values(read_at)
                        else read_at end,
                    synced_at = values(synced_at),
                    sync_error = null""".formatted(newer("odometer_meters", "odometer_read_at"),
                newer("engine_seconds", "engine_read_at"), newer("latitude", "location_read_at"),
                newer("fuel_percent", "fuel_read_at"), newer("engine_state", "engine_state_read_at"),
                newer("fault_summary", "faults_read_at")), mine, BATCH, (ps, u) -> {
            ActiveFaults faults = u.faults();
            ps.setLong(1, u.apparatusId());
            setLong(ps, 2, u.odometerMeters());
            ps.setObject(3, utc(u.odometerReadAt()));
            setLong(ps, 4, u.engineSeconds());
            ps.setObject(5, utc(u.engineReadAt()));
            setDouble(ps, 6, u.latitude());
            setDouble(ps, 7, u.longitude());
            ps.setString(8, u.latitude() == null ? null : cut(u.address(), 300));
            ps.setObject(9, u.latitude() == null ? null : utc(u.locationReadAt()));
            ps.setBigDecimal(10, u.fuelPercent() == null ? null
                    : BigDecimal.valueOf(Math.max(0, Math.min(100, u.fuelPercent()))).setScale(2, RoundingMode.HALF_UP));
            ps.setObject(11, utc(u.fuelReadAt()));
            ps.setString(12, cut(u.engineState(), 20));
            ps.setObject(13, utc(u.engineStateReadAt()));
            ps.setString(14, faults == null ? null : cut(faults.summary(), 1000));
            ps.setObject(15, faults == null ? null : faults.codes().size());
            ps.setString(16, faults == null ? null : cut(faults.warningLamps(), 200));
            ps.setObject(17, faults == null ? null : utc(faults.readAt()));
            ps.setObject(18, utc(u.readAt()));
            ps.setObject(19, synced);
        });
        replaceFaultCodes(mine, faultsBefore);
        return mine.size();
    }

    /**
     * Records that a sync looked for these linked apparatus and Samsara had no reading for them: their telemetry row
     * exists (values kept as they were) with this sync's time, so "not reporting" counts them once a sync has looked,
     * not merely because they were linked a moment ago. Apparatus of other departments are left alone.
     */
    public int markNothingReported(long departmentId, List<Long> apparatusIds, Instant syncedAt) {
        LocalDateTime synced = utc(syncedAt);
        int[][] counts = jdbc.batchUpdate("""
                insert into apparatus_telemetry (apparatus_id, synced_at)
                select a.id, ? from apparatus a where a.id = ? and a.department_id = ?
                on duplicate key update synced_at = ?""", apparatusIds, BATCH, (ps, id) -> {
            ps.setObject(1, synced);
            ps.setLong(2, id);
            ps.setLong(3, departmentId);
            ps.setObject(4, synced);
        });
        return (int) java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).filter(n -> n > 0).count();
    }

    /**
     * The condition for writing a value: Samsara sent one, and it is not older than the stored one (a value without
     * a time, such as an accepted meter baseline, always counts).
     */
    private static String newer(String value, String readAt) {
        return "values(%1$s) is not null and (%2$s is null or values(%2$s) is null or values(%2$s) >= %2$s)"
                .formatted(value, readAt);
    }

    /** When each apparatus' stored fault codes were read, before this write. */
    private Map<Long, Instant> faultTimes(List<TelemetryUpdate> updates) {
        List<Long> ids = updates.stream().filter(u -> u.faults() != null).map(TelemetryUpdate::apparatusId).toList();
        Map<Long, Instant> times = new HashMap<>();
        if (ids.isEmpty()) {
            return times;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        jdbc.query("select apparatus_id, faults_read_at from apparatus_telemetry where apparatus_id in (" + marks
                + ")", rs -> {
            LocalDateTime at = rs.getObject(2, LocalDateTime.class);
            times.put(rs.getLong(1), at == null ? null : at.toInstant(ZoneOffset.UTC));
        }, ids.toArray());
        return times;
    }

    /** Replaces the fault codes of each apparatus whose faults were read and are not older than the stored ones. */
    private void replaceFaultCodes(List<TelemetryUpdate> updates, Map<Long, Instant> before) {
        List<TelemetryUpdate> replaced = updates.stream().filter(u -> u.faults() != null)
                .filter(u -> {
                    Instant stored = before.get(u.apparatusId());
                    Instant read = u.faults().readAt();
                    return stored == null || read == null || !read.isBefore(stored);
                }).toList();
        if (replaced.isEmpty()) {
            return;
        }
        // the stored codes are deleted by their primary keys, read first: a delete by apparatus_id would lock the
        // gap in that index even where there is nothing to delete, and concurrent departments inserting into the
        // same gap would deadlock each other
        List<Long> stale = new ArrayList<>();
        for (int from = 0; from < replaced.size(); from += BATCH) {
            List<TelemetryUpdate> part = replaced.subList(from, Math.min(replaced.size(), from + BATCH));
            String ids = String.join(",", part.stream().map(u -> Long.toString(u.apparatusId())).toList());
            stale.addAll(jdbc.queryForList("select id from apparatus_fault_code where apparatus_id in (" + ids + ")",
                    Long.class));
        }
        if (!stale.isEmpty()) {
            jdbc.batchUpdate("delete from apparatus_fault_code where id = ?", stale, BATCH,
                    (ps, id) -> ps.setLong(1, id));
        }
        List<Object[]> rows = new ArrayList<>();
        for (TelemetryUpdate u : replaced) {
            for (ActiveFaultCode code : u.faults().codes()) {
                rows.add(new Object[] {u.apparatusId(), code.source().name(), cut(code.code(), 80),
                        cut(code.description(), 400), code.spn(), code.fmi(), cut(code.state(), 20),
                        cut(code.lamps(), 200), code.occurrenceCount(), utc(u.faults().readAt() == null
                        ? u.readAt() : u.faults().readAt())});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into apparatus_fault_code (apparatus_id, source, code, description, spn, fmi, "
                    + "code_state, lamps, occurrence_count, read_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /**
     * Makes an accepted meter reading the apparatus' current odometer or engine seconds (the meter baseline a person
     * accepted). {@code odometer} chooses which.
     */
    @Transactional
    public void setCurrentMeter(long departmentId, long apparatusId, boolean odometer, long value, Instant readAt,
                                Instant syncedAt) {
        writeTelemetry(departmentId, List.of(new TelemetryUpdate(apparatusId, odometer ? value : null,
                odometer ? readAt : null, odometer ? null : value, odometer ? null : readAt, null, null, null, null,
                null, null, null, null, null, readAt)), syncedAt);
    }

    private List<TelemetryUpdate> ownedBy(long departmentId, List<TelemetryUpdate> updates) {
        if (updates.isEmpty()) {
            return updates;
        }
        Set<Long> owned = new HashSet<>(jdbc.queryForList(
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
