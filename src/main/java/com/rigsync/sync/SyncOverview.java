package com.rigsync.sync;

import com.rigsync.apparatus.ApparatusSyncWriter;
import com.rigsync.apparatus.MeterReadings;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.integration.SamsaraSettings;
import com.rigsync.integration.SamsaraSettingsService;
import com.rigsync.integration.SyncStanding;
import com.rigsync.security.CurrentUser;
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
    private final ApparatusSyncWriter writer;

    SyncOverview(SyncService sync, MeterReadings meterReadings, SamsaraSettingsService settings,
                 SamsaraConnections connections, CurrentUser currentUser, ApparatusSyncWriter writer) {
        this.sync = sync;
        this.meterReadings = meterReadings;
        this.settings = settings;
        this.connections = connections;
        this.currentUser = currentUser;
        this.writer = writer;
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
                sync.history(HISTORY_LENGTH), writer.links(departmentId), meterReadings.flaggedReadings());
    }
}
