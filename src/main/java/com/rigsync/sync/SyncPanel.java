package com.rigsync.sync;

import java.time.Instant;
import java.util.List;

import com.rigsync.apparatus.ApparatusLinks;
import com.rigsync.apparatus.FlaggedReading;
import com.rigsync.integration.ConnectionHealth;

/**
 * Everything the sync status panel shows, read in one go.
 *
 * @param entitled        the department's plan includes the Samsara integration
 * @param enabled         the integration is switched on under Setup > Settings
 * @param connected       entitled, enabled and a token or grant saved: syncs can run
 * @param organisation    the Samsara organisation the token belongs to, or null when unknown
 * @param tokenLastUsedAt when a call with the saved token last worked, or null
 * @param history         the latest runs, newest first
 * @param flaggedReadings meter readings a sync kept but did not use, waiting for a person, newest first
 */
public record SyncPanel(boolean entitled, boolean enabled, boolean connected, ConnectionHealth health,
                        String organisation, Instant tokenLastUsedAt, SyncSchedule schedule,
                        List<SyncRunSummary> history, ApparatusLinks apparatus,
                        List<FlaggedReading> flaggedReadings) {

    public SyncPanel {
        history = List.copyOf(history);
        flaggedReadings = List.copyOf(flaggedReadings);
    }

    /** "Sync now" can start a run: connected and not paused. */
    public boolean maySyncNow() {
        return connected && !schedule.paused();
    }

    public boolean everSynced() {
        return schedule.lastSuccess() != null;
    }
}
