package com.rigsync.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.rigsync.apparatus.LinkFlag;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.integration.SamsaraSettings;
import com.rigsync.integration.SamsaraSettingsService;
import com.rigsync.integration.SyncStanding;
import com.rigsync.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the sync status panel reads about the sync. Read only; the department always comes from the signed-in user.
 */
@Service
public class SyncOverview {

    /** How many runs the panel's history shows. */
    static final int HISTORY_LENGTH = 25;

    private final SyncService sync;
    private final MeterReadings meterReadings;
    private final SamsaraSettingsService settings;
    private final SamsaraConnections connections;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    SyncOverview(SyncService sync, MeterReadings meterReadings, SamsaraSettingsService settings,
                 SamsaraConnections connections, CurrentUser currentUser, JdbcClient jdbc) {
        this.sync = sync;
        this.meterReadings = meterReadings;
        this.settings = settings;
        this.connections = connections;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /**
     * The whole panel. Its own read-only transaction, because the panel also reloads from a push when a run ends,
     * possibly on the thread that published the event, which must never be drawn into that thread's transaction.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public SyncPanel panel() {
        long departmentId = currentUser.departmentId();
        SamsaraSettings connection = settings.settings();
        SyncStanding standing = connections.syncStandingForCurrentDepartment();
        return new SyncPanel(connection.entitled(), connection.enabled(), standing.connected(), standing.health(),
                connection.organizationName(), connection.lastUsedAt(), sync.schedule(),
                sync.history(HISTORY_LENGTH), apparatusLinks(departmentId), meterReadings.flaggedReadings());
    }

    private ApparatusLinks apparatusLinks(long departmentId) {
        record Counts(int apparatus, int linked, int synced) {
        }
        Counts counts = jdbc.sql("""
                        select count(*) as apparatus, count(a.samsara_vehicle_id) as linked,
                               count(case when a.samsara_vehicle_id is not null and t.synced_at is not null
                                          then 1 end) as synced
                        from apparatus a left join apparatus_telemetry t on t.apparatus_id = a.id
                        where a.department_id = ?""")
                .param(departmentId)
                .query((rs, row) -> new Counts(rs.getInt("apparatus"), rs.getInt("linked"), rs.getInt("synced")))
                .single();
        List<ApparatusLinks.UnlinkedApparatus> unlinked = jdbc.sql("""
                        select id, unit_name from apparatus
                        where department_id = ? and samsara_vehicle_id is null order by unit_name""")
                .param(departmentId)
                .query((rs, row) -> new ApparatusLinks.UnlinkedApparatus(rs.getLong("id"), rs.getString("unit_name")))
                .list();
        List<String> vehicles = jdbc.sql("""
                        select coalesce(v.name, concat('Samsara vehicle ', v.samsara_id)) as name
                        from samsara_vehicle v
                        where v.department_id = ? and not exists (
                          select 1 from apparatus a
                          where a.department_id = v.department_id and a.samsara_vehicle_id = v.samsara_id)
                        order by name""")
                .param(departmentId)
                .query(String.class)
                .list();
        Map<LinkFlag, List<String>> flagged = new EnumMap<>(LinkFlag.class);
        jdbc.sql("""
                        select link_flag, unit_name from apparatus
                        where department_id = ? and samsara_vehicle_id is not null and link_flag <> 'NONE'
                        order by unit_name""")
                .param(departmentId)
                .query((rs, row) -> Map.entry(LinkFlag.valueOf(rs.getString("link_flag")), rs.getString("unit_name")))
                .list()
                .forEach(e -> flagged.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return new ApparatusLinks(counts.apparatus(), counts.linked(), counts.synced(), unlinked, vehicles, flagged);
    }
}
