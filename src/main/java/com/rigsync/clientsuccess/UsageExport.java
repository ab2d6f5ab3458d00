package com.rigsync.clientsuccess;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.integration.IntegrationState;
import com.rigsync.integration.LinkedApparatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The usage CSV for billing: every department with its plan, connection, linked apparatus and Samsara API calls in
 * each of the last 12 calendar months (UTC), this month last. Counts only, never any of a department's records.
 */
@Service
public class UsageExport {

    static final int MONTHS = 12;

    private final JdbcClient jdbc;
    private final LinkedApparatus linkedApparatus;
    private final Clock clock;

    UsageExport(JdbcClient jdbc, LinkedApparatus linkedApparatus, Clock clock) {
        this.jdbc = jdbc;
        this.linkedApparatus = linkedApparatus;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public byte[] csv() {
        YearMonth thisMonth = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth first = thisMonth.minusMonths(MONTHS - 1);
        Map<Long, Map<YearMonth, Long>> calls = new HashMap<>();
        jdbc.sql("select department_id, year(started_at) as y, month(started_at) as m, sum(api_calls) as calls"
                        + " from sync_run where started_at >= ? group by department_id, year(started_at),"
                        + " month(started_at)")
                .param(LocalDateTime.of(first.getYear(), first.getMonth(), 1, 0, 0))
                .query((rs, row) -> {
                    calls.computeIfAbsent(rs.getLong("department_id"), id -> new HashMap<>())
                            .put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("calls"));
                    return null;
                })
                .list();
        List<String> header = new ArrayList<>(List.of("Department", "Samsara integration", "Connection",
                "Samsara organisation", "Apparatus linked"));
        for (YearMonth month = first; !month.isAfter(thisMonth); month = month.plusMonths(1)) {
            header.add("API calls " + month);
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            Map<Long, Long> linked = linkedApparatus.linkedByDepartment();
            for (Object[] d : departments()) {
                List<Object> row = new ArrayList<>(List.of(d[1], (Boolean) d[2] ? "Included" : "Not included",
                        IntegrationState.valueOf((String) d[3]).label(), d[4] == null ? "" : d[4], linked.getOrDefault((Long) d[0], 0L)));
                Map<YearMonth, Long> perMonth = calls.getOrDefault((Long) d[0], Map.of());
                for (YearMonth month = first; !month.isAfter(thisMonth); month = month.plusMonths(1)) {
                    row.add(perMonth.getOrDefault(month, 0L));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<Object[]> departments() {
        return jdbc.sql("select d.id, d.name, d.samsara_entitled, " + DepartmentDirectory.STATE + " as state,"
                        + " c.org_name from department d left join samsara_connection c on c.department_id = d.id order by d.name")
                .query((rs, row) -> new Object[] {rs.getLong("id"), rs.getString("name"),
                        rs.getBoolean("samsara_entitled"), rs.getString("state"), rs.getString("org_name")})
                .list();
    }
}
