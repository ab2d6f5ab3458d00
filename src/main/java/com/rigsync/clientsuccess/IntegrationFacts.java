package com.rigsync.clientsuccess;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rigsync.integration.IntegrationState;

/**
 * What Client Success sees of one department's Samsara integration when it calls for help: how it is connected and
 * how it runs, never the token, apparatus records or people's data.
 *
 * @param connectionKind "API token", "OAuth" or null when not connected
 * @param stateSince     when the connection last changed state (from the department's audit trail), or null
 * @param lastError      the last failed run's error in plain words, or null
 * @param callsPerDay    Samsara API calls per day over the last 30 days, oldest first, days without runs as 0
 */
public record IntegrationFacts(long departmentId, String departmentName, boolean entitled, IntegrationState state,
                               String connectionKind, String organisationName, String region, Instant stateSince,
                               String lastError, Instant lastErrorAt, Instant tokenLastUsed, long apparatusLinked,
                               long apparatusNotLinked, List<Run> runs, List<DayCalls> callsPerDay) {

    /** One sync run: its outcome, how long it took, how many Samsara calls it made, and its error if any. */
    public record Run(Instant startedAt, Instant finishedAt, String trigger, String outcome, long apiCalls,
                      String error) {
    }

    public record DayCalls(LocalDate day, long calls) {
    }
}
