package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What in a department's fleet needs someone's attention now, for alerts: apparatus with a warning lamp lit by an
 * active fault code, linked apparatus that have not reported within the department's threshold (the Overview's rule,
 * in ApparatusQueries: only once a sync has looked for them, so linking a fleet does not alert every apparatus before
 * its first sync; one whose vehicle never reports is recorded as looked for and counts), and
 * apparatus whose link or meter readings wait for review. A system call (no signed-in person): the caller names the
 * department. Three queries, whatever the fleet's size.
 */
@Component
public class FleetAlertConditions {

    /**
     * An apparatus in a condition. {@code detail} is what the condition is, in the department's words; {@code part}
     * tells conditions of one apparatus apart (a fault's code), or is empty.
     */
    public record ApparatusCondition(long apparatusId, String unitName, String part, String detail) {
    }

    /**
     * @param lampFaults     each active fault code with a warning lamp, with its apparatus
     * @param notReporting   linked apparatus with no reading since the department's threshold
     * @param needsReview    apparatus with a flagged link or meter readings waiting for review
     */
    public record Conditions(List<ApparatusCondition> lampFaults, List<ApparatusCondition> notReporting,
                             List<ApparatusCondition> needsReview) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    FleetAlertConditions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Conditions of(long departmentId) {
        List<ApparatusCondition> faults = jdbc.sql("""
                        select a.id, a.unit_name, coalesce(f.code, concat('#', f.id)), f.lamps, f.description
                        from apparatus a
                        join apparatus_fault_code f on f.apparatus_id = a.id
                        where a.department_id = ? and f.lamps is not null and f.lamps <> ''
                        order by a.unit_name, f.code""")
                .param(departmentId)
                .query((rs, n) -> new ApparatusCondition(rs.getLong(1), rs.getString(2), rs.getString(3),
                        "fault code " + rs.getString(3) + (rs.getString(5) == null ? "" : " (" + rs.getString(5) + ")")
                                + " with the warning lamp on: " + rs.getString(4)))
                .list();

        int hours = jdbc.sql("select not_reporting_hours from department where id = ?").param(departmentId)
                .query(Integer.class).optional().orElse(24);
        LocalDateTime silentBefore = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofHours(hours)),
                ZoneOffset.UTC);
        List<ApparatusCondition> silent = jdbc.sql("""
                        select a.id, a.unit_name, t.read_at from apparatus a
                        join apparatus_telemetry t on t.apparatus_id = a.id
                        where a.department_id = ? and a.samsara_vehicle_id is not null and t.synced_at is not null
                          and (t.read_at is null or t.read_at < ?)
                        order by a.unit_name""")
                .param(departmentId).param(silentBefore)
                .query((rs, n) -> new ApparatusCondition(rs.getLong(1), rs.getString(2), "",
                        rs.getObject(3) == null ? "has never reported"
                                : "has not reported for more than " + hours + " hours"))
                .list();

        List<ApparatusCondition> review = new ArrayList<>(jdbc.sql("""
                        select x.id, x.unit_name, x.link_flag, x.readings from (
                          select a.id, a.unit_name, a.link_flag,
                                 exists (select 1 from meter_reading m where m.apparatus_id = a.id and\s"""
                        + MeterReadings.WAITING + """
                                 ) as readings
                          from apparatus a where a.department_id = ?) x
                        where x.link_flag <> 'NONE' or x.readings
                        order by x.unit_name""")
                .param(departmentId)
                .query((rs, n) -> new ApparatusCondition(rs.getLong(1), rs.getString(2), "",
                        review(rs.getString(3), rs.getBoolean(4))))
                .list());
        return new Conditions(faults, silent, review);
    }

    private static String review(String linkFlag, boolean readings) {
        List<String> parts = new ArrayList<>();
        if (!"NONE".equals(linkFlag)) {
            parts.add("its Samsara link is flagged (" + LinkFlag.valueOf(linkFlag).label() + ")");
        }
        if (readings) {
            parts.add("a meter reading is flagged for review");
        }
        return String.join(" and ", parts);
    }
}
