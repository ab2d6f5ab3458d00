package com.rigsync.department;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The entitlement_change table: the history of a department's paid Samsara entitlement and its dated switch-offs. */
@Component
class EntitlementChanges {

    private final JdbcClient jdbc;

    EntitlementChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long departmentId, boolean entitled, String reason, String requestedBy, Instant at,
             LocalDate effectiveOn, Instant appliedAt) {
        jdbc.sql("insert into entitlement_change (department_id, entitled, reason, requested_by, requested_at,"
                        + " effective_on, applied_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(departmentId, entitled, reason, requestedBy, utc(at),
                        effectiveOn == null ? null : Date.valueOf(effectiveOn), appliedAt == null ? null : utc(appliedAt))
                .update();
    }

    /** A newer change replaces a switch-off still waiting for its day. */
    int cancelPending(long departmentId, Instant at) {
        return jdbc.sql("update entitlement_change set cancelled_at = ? where department_id = ? and applied_at is null"
                        + " and cancelled_at is null")
                .params(utc(at), departmentId)
                .update();
    }

    List<EntitlementChange> history(long departmentId) {
        return jdbc.sql("select * from entitlement_change where department_id = ? order by requested_at desc, id desc")
                .param(departmentId)
                .query((rs, row) -> new EntitlementChange(rs.getLong("id"), rs.getBoolean("entitled"),
                        rs.getString("reason"), rs.getString("requested_by"),
                        instant(rs.getObject("requested_at", LocalDateTime.class)),
                        rs.getObject("effective_on", LocalDate.class),
                        instant(rs.getObject("applied_at", LocalDateTime.class)),
                        instant(rs.getObject("cancelled_at", LocalDateTime.class))))
                .list();
    }

    record Pending(long id, long departmentId, LocalDate effectiveOn, String reason, String requestedBy) {
    }

    /** Dated switch-offs not yet applied, due on or before the given day (the caller checks each department's zone). */
    List<Pending> pendingDueBy(LocalDate latestDay) {
        return jdbc.sql("select id, department_id, effective_on, reason, requested_by from entitlement_change"
                        + " where applied_at is null and cancelled_at is null and effective_on <= ? order by id")
                .param(Date.valueOf(latestDay))
                .query((rs, row) -> new Pending(rs.getLong("id"), rs.getLong("department_id"),
                        rs.getObject("effective_on", LocalDate.class), rs.getString("reason"),
                        rs.getString("requested_by")))
                .list();
    }

    /** Marks a pending change applied; false when another instance got there first. */
    boolean markApplied(long id, Instant at) {
        return jdbc.sql("update entitlement_change set applied_at = ? where id = ? and applied_at is null"
                        + " and cancelled_at is null")
                .params(utc(at), id)
                .update() == 1;
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
