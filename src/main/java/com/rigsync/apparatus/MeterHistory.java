package com.rigsync.apparatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code meter_reading} table and the plausibility rules. A new reading is compared with the last good one
 * (in use, or accepted as baseline): lower, or more than {@value #MAX_METERS_PER_DAY} m (1,000 miles) or 24 engine
 * hours a day since then, and it is kept flagged and not used. The daily rates get a small absolute slack
 * ({@link #ODOMETER_SLACK_METERS}, {@link #ENGINE_SLACK_SECONDS}) so readings minutes apart are not flagged for
 * rounding or clock skew. The first reading of an apparatus has nothing to compare with and is used.
 * <p>
 * The apparatus feature owns the table; the sync decides what to store. For background work only: every method takes
 * the department as a parameter and checks no role, so no screen may use it (ArchitectureTest); screens read the
 * history through {@link MeterReadings}.
 */
@Repository
public class MeterHistory {

    static final long MAX_METERS_PER_DAY = 1_609_344;
    static final long MAX_ENGINE_SECONDS_PER_DAY = 86_400;
    static final long ODOMETER_SLACK_METERS = 5_000;
    static final long ENGINE_SLACK_SECONDS = 15 * 60;
    private static final double METERS_PER_MILE = 1_609.344;

    private final JdbcTemplate jdbc;

    MeterHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Key(long apparatusId, MeterKind kind) {
    }

    /** What the history holds for one apparatus and meter: the newest reading's time and the last good reading. */
    public record Standing(Instant newestReadAt, Long goodValue, Instant goodReadAt) {
    }

    /** A reading to store. */
    public record NewReading(long apparatusId, MeterKind kind, long value, Instant readAt, MeterFlag flag, String reason,
                      Long comparedValue, Instant comparedReadAt) {
    }

    /** The verdict on a reading: its flag and the reason in plain words (null when it is used). */
    public record Verdict(MeterFlag flag, String reason) {
    }

    /** The standing of every apparatus and meter of the department that has readings. */
    public Map<Key, Standing> standings(long departmentId) {
        Map<Key, Instant> newest = new HashMap<>();
        jdbc.query("select apparatus_id, kind, max(read_at) from meter_reading where department_id = ? "
                + "group by apparatus_id, kind", rs -> {
            newest.put(key(rs), instant(rs, 3));
        }, departmentId);
        Map<Key, Standing> out = new HashMap<>();
        jdbc.query("""
                select m.apparatus_id, m.kind, m.meter_value, m.read_at from meter_reading m
                join (select apparatus_id, kind, max(read_at) as good_at from meter_reading
                      where department_id = ? and flag in ('NONE', 'ACCEPTED_AS_BASELINE')
                      group by apparatus_id, kind) g
                  on g.apparatus_id = m.apparatus_id and g.kind = m.kind and g.good_at = m.read_at""", rs -> {
            Key key = key(rs);
            out.put(key, new Standing(newest.get(key), rs.getLong(3), instant(rs, 4)));
        }, departmentId);
        newest.forEach((key, at) -> out.putIfAbsent(key, new Standing(at, null, null)));
        return out;
    }

    /** Stores readings in one JDBC batch; a reading already stored (same apparatus, meter and time) is skipped. */
    public void insert(long departmentId, List<NewReading> readings, Instant syncedAt) {
        if (readings.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert ignore into meter_reading (department_id, apparatus_id, kind, meter_value, read_at, synced_at,
                    flag, flag_reason, compared_value, compared_read_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", readings, 500, (ps, r) -> {
            ps.setLong(1, departmentId);
            ps.setLong(2, r.apparatusId());
            ps.setString(3, r.kind().name());
            ps.setLong(4, r.value());
            ps.setObject(5, utc(r.readAt()));
            ps.setObject(6, utc(syncedAt));
            ps.setString(7, r.flag().name());
            ps.setString(8, r.reason());
            if (r.comparedValue() == null) {
                ps.setNull(9, Types.BIGINT);
            } else {
                ps.setLong(9, r.comparedValue());
            }
            ps.setObject(10, utc(r.comparedReadAt()));
        });
    }

    /** Whether a reading newer than the standing may be used, and if not why. */
    public static Verdict judge(MeterKind kind, Standing standing, long value, Instant readAt) {
        if (standing == null || standing.goodValue() == null) {
            return new Verdict(MeterFlag.NONE, null);
        }
        long previous = standing.goodValue();
        if (value < previous) {
            return new Verdict(MeterFlag.LOWER_THAN_PREVIOUS, kind.label() + " reading " + format(kind, value)
                    + " is lower than the previous reading " + format(kind, previous) + ". If the gateway or the "
                    + "engine computer was replaced, accept it as the new baseline.");
        }
        double days = Math.max(0, Duration.between(standing.goodReadAt(), readAt).toMillis()) / 86_400_000.0;
        long rise = value - previous;
        boolean odometer = kind == MeterKind.ODOMETER;
        double allowed = (odometer ? MAX_METERS_PER_DAY : MAX_ENGINE_SECONDS_PER_DAY) * days
                + (odometer ? ODOMETER_SLACK_METERS : ENGINE_SLACK_SECONDS);
        if (rise > allowed) {
            return new Verdict(MeterFlag.IMPLAUSIBLE_DAILY_USE, kind.label() + " rose " + format(kind, rise)
                    + " in " + String.format(Locale.ROOT, "%.1f", days * 24) + " hours since the previous reading "
                    + format(kind, previous) + ": more than " + (odometer ? "1,000 miles" : "24 engine hours")
                    + " a day.");
        }
        return new Verdict(MeterFlag.NONE, null);
    }

    /** A meter value in the words people read: miles and kilometres, or engine hours. */
    static String format(MeterKind kind, long value) {
        if (kind == MeterKind.ODOMETER) {
            return String.format(Locale.ROOT, "%,d mi (%,d km)", Math.round(value / METERS_PER_MILE),
                    Math.round(value / 1000.0));
        }
        return String.format(Locale.ROOT, "%,.1f h", value / 3600.0);
    }

    private static Key key(ResultSet rs) throws SQLException {
        return new Key(rs.getLong(1), MeterKind.valueOf(rs.getString(2)));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
