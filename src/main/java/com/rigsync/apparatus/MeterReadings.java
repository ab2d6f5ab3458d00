package com.rigsync.apparatus;

import java.time.Clock;
import java.util.List;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's department's meter history: the readings a sync kept but did not use, accepting one as the
 * new baseline (after a gateway or engine-computer swap every reading is "lower"), and an apparatus' history.
 */
@Service
public class MeterReadings {

    private static final String FLAGGED = "'LOWER_THAN_PREVIOUS', 'IMPLAUSIBLE_DAILY_USE'";
    private static final String GOOD = "'NONE', 'ACCEPTED_AS_BASELINE'";
    /** A flagged reading still waiting: no good reading of the same meter came after it. */
    private static final String WAITING = "m.flag in (" + FLAGGED + ") and not exists (select 1 from meter_reading g "
            + "where g.apparatus_id = m.apparatus_id and g.kind = m.kind and g.flag in (" + GOOD + ") "
            + "and g.read_at > m.read_at)";

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
        long departmentId = currentUser.departmentId();
        return jdbc.query("""
                select id, kind, meter_value, read_at, synced_at, flag, flag_reason, accepted_by, accepted_at
                from meter_reading where apparatus_id = ? and kind = ? and department_id = ?
                order by read_at desc limit ?""", (rs, row) -> new MeterReadingEntry(rs.getLong(1),
                MeterKind.valueOf(rs.getString(2)), rs.getLong(3), MeterHistory.instant(rs, 4),
                MeterHistory.instant(rs, 5), MeterFlag.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                MeterHistory.instant(rs, 9)), apparatusId, kind.name(), departmentId,
                Math.max(1, Math.min(limit, 1000)));
    }
}
