package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's department's meter history: the readings a sync kept but did not use, accepting one as the
 * new baseline (after a gateway or engine-computer swap every reading is "lower"), and an apparatus' history: its
 * readings page by page, downsampled for a chart, and what it was used in the last 30 days.
 */
@Service
public class MeterReadings {

    private static final String FLAGGED = "'LOWER_THAN_PREVIOUS', 'IMPLAUSIBLE_DAILY_USE'";
    private static final String GOOD = "'NONE', 'ACCEPTED_AS_BASELINE'";
    /** A flagged reading still waiting: no good reading of the same meter came after it. */
    static final String WAITING = "m.flag in (" + FLAGGED + ") and not exists (select 1 from meter_reading g "
            + "where g.apparatus_id = m.apparatus_id and g.kind = m.kind and g.flag in (" + GOOD + ") "
            + "and g.read_at > m.read_at)";
    private static final String ONLY_FLAGGED = " and m.flag in (" + FLAGGED + ")";
    /** How many time buckets a chart's range is cut into (each gives at most two points per meter and flag). */
    static final int BUCKETS = 400;

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ApparatusSyncWriter writer;
    private final Clock clock;

    MeterReadings(JdbcTemplate jdbc, CurrentUser currentUser, AuditService audit, ApparatusSyncWriter writer,
                  Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Flagged readings still waiting for a decision: those newer than the apparatus' last good reading of the same
     * meter (an older flagged reading was overtaken by good ones), newest first.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public List<FlaggedReading> flaggedReadings() {
        long departmentId = currentUser.departmentId();
        return jdbc.query("""
                select m.id, m.apparatus_id, a.unit_name, m.kind, m.meter_value, m.read_at, m.synced_at, m.flag,
                       m.flag_reason, m.compared_value,
                       case when m.kind = 'ODOMETER' then t.odometer_meters else t.engine_seconds end as current_value
                from meter_reading m
                join apparatus a on a.id = m.apparatus_id and a.department_id = m.department_id
                left join apparatus_telemetry t on t.apparatus_id = m.apparatus_id
                where m.department_id = ? and\s""" + WAITING + """
                order by m.read_at desc, m.id desc""", (rs, row) -> new FlaggedReading(rs.getLong(1),
                rs.getLong(2), rs.getString(3), MeterKind.valueOf(rs.getString(4)), rs.getLong(5),
                MeterHistory.instant(rs, 6), MeterHistory.instant(rs, 7), MeterFlag.valueOf(rs.getString(8)),
                rs.getString(9), rs.getObject(10, Long.class), rs.getObject(11, Long.class)), departmentId);
    }

    /** The department's apparatus with a flagged reading waiting for a decision (any role: the Overview counts them). */
    List<Long> apparatusWithReadingsToReview(long departmentId) {
        return jdbc.queryForList("select distinct m.apparatus_id from meter_reading m where m.department_id = ? and "
                + WAITING, Long.class, departmentId);
    }

    /**
     * Accepts a flagged reading as the new baseline: later readings are compared with it, and when it is the
     * apparatus' newest reading of that meter it becomes the current value. Audited.
     *
     * @throws IllegalArgumentException when the reading is not one of the department's flagged readings
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public void acceptAsBaseline(long readingId) {
        long departmentId = currentUser.departmentId();
        List<FlaggedReading> found = jdbc.query("""
                select m.id, m.apparatus_id, a.unit_name, m.kind, m.meter_value, m.read_at, m.synced_at, m.flag,
                       m.flag_reason, m.compared_value, null
                from meter_reading m join apparatus a on a.id = m.apparatus_id
                where m.id = ? and m.department_id = ? and a.department_id = ? for update""",
                (rs, row) -> new FlaggedReading(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        MeterKind.valueOf(rs.getString(4)), rs.getLong(5), MeterHistory.instant(rs, 6),
                        MeterHistory.instant(rs, 7), MeterFlag.valueOf(rs.getString(8)), rs.getString(9),
                        rs.getObject(10, Long.class), null), readingId, departmentId, departmentId);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("That meter reading is not one of your department's; reload the page.");
        }
        FlaggedReading reading = found.getFirst();
        if (reading.flag().good()) {
            throw new IllegalArgumentException("That reading is already in use; there is nothing to accept.");
        }
        var now = clock.instant();
        jdbc.update("update meter_reading set flag = 'ACCEPTED_AS_BASELINE', accepted_by = ?, accepted_at = ? "
                + "where id = ?", currentUser.actorName(), MeterHistory.utc(now), readingId);
        Integer newer = jdbc.queryForObject("select count(*) from meter_reading where apparatus_id = ? and kind = ? "
                + "and read_at > ?", Integer.class, reading.apparatusId(), reading.kind().name(),
                MeterHistory.utc(reading.readAt()));
        if (newer == null || newer == 0) {
            writer.setCurrentMeter(departmentId, reading.apparatusId(), reading.kind() == MeterKind.ODOMETER,
                    reading.value(), reading.readAt(), now);
        }
        audit.record(departmentId, AuditAction.METER_BASELINE_ACCEPTED, reading.unitName(),
                reading.kind().label() + " " + MeterHistory.format(reading.kind(), reading.value()) + " read "
                        + reading.readAt() + " accepted as the new baseline"
                        + (reading.comparedValue() == null ? ""
                        : " (the previous reading was " + MeterHistory.format(reading.kind(), reading.comparedValue())
                        + ")"));
    }

    /** An apparatus' meter history of one kind, newest first; empty for another department's apparatus. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER','MEMBER')")
    public List<MeterReadingEntry> history(long apparatusId, MeterKind kind, int limit) {
        return readings(apparatusId, kind, false, 0, Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * One page of an apparatus' readings of one meter, newest first, for the apparatus page's table (all, or only the
     * flagged ones); empty for another department's apparatus.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ApparatusService.READERS)
    public List<MeterReadingEntry> readings(long apparatusId, MeterKind kind, boolean flaggedOnly, int offset,
                                            int limit) {
        if (!owns(currentUser.departmentId(), apparatusId)) {
            return List.of();
        }
        return jdbc.query("""
                select m.id, m.kind, m.meter_value, m.read_at, m.synced_at, m.flag, m.flag_reason, m.accepted_by,
                       m.accepted_at, (""" + WAITING + """
                ) as waiting
                from meter_reading m where m.apparatus_id = ? and m.kind = ?""" + (flaggedOnly ? ONLY_FLAGGED : "")
                + " order by m.read_at desc limit ? offset ?", (rs, row) -> new MeterReadingEntry(rs.getLong(1),
                MeterKind.valueOf(rs.getString(2)), rs.getLong(3), MeterHistory.instant(rs, 4),
                MeterHistory.instant(rs, 5), MeterFlag.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                MeterHistory.instant(rs, 9), rs.getBoolean(10)), apparatusId, kind.name(),
                Math.max(0, Math.min(limit, 1000)), Math.max(0, offset));
    }

    /** How many readings of one meter {@link #readings} pages through. */
    @Transactional(readOnly = true)
    @PreAuthorize(ApparatusService.READERS)
    public int countReadings(long apparatusId, MeterKind kind, boolean flaggedOnly) {
        if (!owns(currentUser.departmentId(), apparatusId)) {
            return 0;
        }
        Integer count = jdbc.queryForObject("select count(*) from meter_reading m where m.apparatus_id = ? "
                + "and m.kind = ?" + (flaggedOnly ? ONLY_FLAGGED : ""), Integer.class, apparatusId, kind.name());
        return count == null ? 0 : count;
    }

    /**
     * An apparatus' odometer and engine hours over a range, downsampled in the database: the range is cut into
     * {@value #BUCKETS} time buckets and each bucket answers its lowest and highest reading (in use and flagged
     * apart), so the chart gets at most a few thousand points however many readings there are. The query reads only
     * the index ix_meter_reading_chart. Empty for another department's apparatus.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ApparatusService.READERS)
    public MeterChartData chart(long apparatusId, MeterRange range) {
        Instant now = clock.instant();
        if (!owns(currentUser.departmentId(), apparatusId)) {
            return new MeterChartData(range, now, now, List.of());
        }
        Instant[] firstAndLast = new Instant[2];
        // one index lookup per meter on (apparatus_id, kind, read_at)
        jdbc.query("select min(read_at), max(read_at) from meter_reading where apparatus_id = ? group by kind", rs -> {
            Instant first = MeterHistory.instant(rs, 1);
            Instant last = MeterHistory.instant(rs, 2);
            firstAndLast[0] = firstAndLast[0] == null || first.isBefore(firstAndLast[0]) ? first : firstAndLast[0];
            firstAndLast[1] = firstAndLast[1] == null || last.isAfter(firstAndLast[1]) ? last : firstAndLast[1];
        }, apparatusId);
        if (firstAndLast[0] == null) {
            return new MeterChartData(range, now, now, List.of());
        }
        Instant to = firstAndLast[1].isAfter(now) ? firstAndLast[1] : now;
        Instant from = range.length() == null ? firstAndLast[0] : now.minus(range.length());
        long width = Math.max(1, (Duration.between(from, to).toSeconds() + BUCKETS - 1) / BUCKETS);
        Map<MeterKind, Buckets> byKind = new EnumMap<>(MeterKind.class);
        jdbc.query("""
                select kind, flag in (""" + GOOD + """
                ) as good, timestampdiff(second, ?, read_at) div ? as bucket, min(read_at), max(read_at),
                       min(meter_value), max(meter_value), count(*)
                from meter_reading
                where apparatus_id = ? and kind in ('ODOMETER', 'ENGINE_HOURS') and read_at >= ? and read_at <= ?
                group by kind, good, bucket order by kind, good, bucket""", rs -> {
            Buckets buckets = byKind.computeIfAbsent(MeterKind.valueOf(rs.getString(1)), k -> new Buckets());
            List<MeterChartData.Point> points = rs.getBoolean(2) ? buckets.inUse : buckets.flagged;
            Instant firstAt = MeterHistory.instant(rs, 4);
            Instant lastAt = MeterHistory.instant(rs, 5);
            points.add(new MeterChartData.Point(firstAt, rs.getLong(6)));
            if (!lastAt.equals(firstAt)) {
                points.add(new MeterChartData.Point(lastAt, rs.getLong(7)));
            }
            buckets.readings += rs.getLong(8);
        }, MeterHistory.utc(from), width, apparatusId, MeterHistory.utc(from), MeterHistory.utc(to));
        List<MeterChartData.Series> series = new ArrayList<>();
        for (MeterKind kind : MeterKind.values()) {
            Buckets b = byKind.getOrDefault(kind, new Buckets());
            series.add(new MeterChartData.Series(kind, b.inUse, b.flagged, b.readings));
        }
        return new MeterChartData(range, from, to, series);
    }

    /**
     * How much each meter rose in the last 30 days, from the readings in use; empty for another department's
     * apparatus.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ApparatusService.READERS)
    public List<MeterUse> usedInLast30Days(long apparatusId) {
        if (!owns(currentUser.departmentId(), apparatusId)) {
            return List.of();
        }
        Map<MeterKind, MeterUse> uses = new EnumMap<>(MeterKind.class);
        jdbc.query("""
                select kind, count(*), sum(case when previous is null or flag = 'ACCEPTED_AS_BASELINE' then 0
                                                else greatest(meter_value - previous, 0) end)
                from (select kind, meter_value, flag,
                             lag(meter_value) over (partition by kind order by read_at) as previous
                      from meter_reading where apparatus_id = ? and flag in (""" + GOOD + """
                ) and read_at >= ?) r
                group by kind""", rs -> {
            int count = rs.getInt(2);
            MeterKind kind = MeterKind.valueOf(rs.getString(1));
            uses.put(kind, new MeterUse(kind, count < 2 ? null : rs.getLong(3), count));
        }, apparatusId, MeterHistory.utc(clock.instant().minus(Duration.ofDays(30))));
        return Arrays.stream(MeterKind.values()).map(k -> uses.getOrDefault(k, new MeterUse(k, null, 0))).toList();
    }

    private boolean owns(long departmentId, long apparatusId) {
        Integer found = jdbc.queryForObject("select count(*) from apparatus where id = ? and department_id = ?",
                Integer.class, apparatusId, departmentId);
        return found != null && found > 0;
    }

    /** One meter's chart points as the buckets answer them. */
    private static final class Buckets {
        private final List<MeterChartData.Point> inUse = new ArrayList<>();
        private final List<MeterChartData.Point> flagged = new ArrayList<>();
        private long readings;
    }
}
