package com.rigsync.integration;

import java.time.Instant;


/**
 * The department's sync in one line, for everyone in it (the Apparatus screen) and, per department, for Client
 * Success: whether it works and when the data was last brought up to date. Never any of the department's data.
 *
 * @param lastSuccess when the last successful sync finished, or null
 * @param nextRunAt   when the next scheduled sync is due, or null (none scheduled, or not asked for)
 */
public record SyncSummary(IntegrationState state, Instant lastSuccess, Instant nextRunAt) {
}
