package com.rigsync.clientsuccess;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rigsync.integration.IntegrationState;
import com.rigsync.integration.LinkedApparatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One department's integration for Client Success support, read straight from the tables: only the connection's
 * non-secret columns (never the ciphertext), the sync runs; linked apparatus come as counts from the apparatus feature.
 */
@Service
public class IntegrationSupport {

    static final int RUNS_SHOWN = 25;
    static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final LinkedApparatus linkedApparatus;
    private final Clock clock;

    IntegrationSupport(JdbcClient jdbc, LinkedApparatus linkedApparatus, Clock clock) {
        this.jdbc = jdbc;
        this.linkedApparatus = linkedApparatus;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public Optional<IntegrationFacts> facts(long departmentId) {
        Optional<Object[]> department = jdbc.sql("select d.name, d.samsara_entitled, " + DepartmentDirectory.STATE
                        + " as state, c.auth_kind, c.org_name, c.region, c.last_used_at"
                        + " from department d left join samsara_connection c on c.department_id = d.id where d.id = ?")
                .param(departmentId)
                .query((rs, row) -> new Object[] {rs.getString("name"), rs.getBoolean("samsara_entitled"),
                        rs.getString("state"), rs.getString("auth_kind"), rs.getString("org_name"),
                        rs.getString("region"), instant(rs.getObject("last_used_at", LocalDateTime.class))})
                .optional();
        if (department.isEmpty()) {
            return Optional.empty();
        }
        Object[] d = department.get();
        String kind = d[3] == null ? null : "OAUTH".equals(d[3]) ? "OAuth (Samsara marketplace app)" : "API token";
        Instant since = jdbc.sql("select at from audit_event where department_id = ? and action in"
                        + " ('SAMSARA_CONNECTION_STATE_CHANGED', 'SAMSARA_TOKEN_SAVED', 'SAMSARA_TOKEN_REPLACED',"
                        + " 'SAMSARA_OAUTH_CONNECTED', 'SAMSARA_OAUTH_RECONNECT_NEEDED', 'SAMSARA_ENABLED',"
                        + " 'SAMSARA_DISABLED', 'ENTITLEMENT_ON', 'ENTITLEMENT_OFF') order by at desc, id desc limit 1")
                .param(departmentId)
                .query((rs, row) -> instant(rs.getObject(1, LocalDateTime.class))).optional().orElse(null);
        List<IntegrationFacts.Run> runs = jdbc.sql("select started_at, finished_at, trigger_kind, outcome, api_calls,"
                        + " error from sync_run where department_id = ? order by started_at desc, id desc limit "
                        + RUNS_SHOWN)
                .param(departmentId)
                .query((rs, row) -> new IntegrationFacts.Run(instant(rs.getObject("started_at", LocalDateTime.class)),
                        instant(rs.getObject("finished_at", LocalDateTime.class)), rs.getString("trigger_kind"),
                        rs.getString("outcome"), rs.getLong("api_calls"), rs.getString("error")))
                .list();
        Optional<Object[]> lastError = jdbc.sql("select error, started_at from sync_run where department_id = ?"
                        + " and error is not null order by started_at desc, id desc limit 1")
                .param(departmentId)
                .query((rs, row) -> new Object[] {rs.getString(1),
                        instant(rs.getObject(2, LocalDateTime.class))})
                .optional();
        LinkedApparatus.Counts apparatus = linkedApparatus.counts(departmentId);
        return Optional.of(new IntegrationFacts(departmentId, (String) d[0], (Boolean) d[1],
                IntegrationState.valueOf((String) d[2]), kind, (String) d[4], (String) d[5], since,
                lastError.map(e -> (String) e[0]).orElse(null), lastError.map(e -> (Instant) e[1]).orElse(null),
                (Instant) d[6], apparatus.linked(), apparatus.notLinked(), runs, callsPerDay(departmentId)));
    }

    /** API calls per UTC day over the last 30 days, every day present. */
    private List<IntegrationFacts.DayCalls> callsPerDay(long departmentId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(DAYS - 1);
        Map<LocalDate, Long> byDay = new HashMap<>();
        jdbc.sql("select date(started_at) as day, sum(api_calls) as calls from sync_run where department_id = ?"
                        + " and started_at >= ? group by date(started_at)")
                .params(departmentId, Date.valueOf(first))
                .query((rs, row) -> Map.entry(rs.getObject("day", LocalDate.class), rs.getLong("calls")))
                .list()
                .forEach(e -> byDay.put(e.getKey(), e.getValue()));
        List<IntegrationFacts.DayCalls> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(new IntegrationFacts.DayCalls(day, byDay.getOrDefault(day, 0L)));
        }
        return days;
    }

    private static Instant instant(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
