package com.rigsync.clientsuccess;

import java.time.Instant;

import com.rigsync.integration.IntegrationState;

/** One department in the Client Success grid: its plan, size and integration health, never its data. */
public record DepartmentRow(long id, String name, boolean samsaraEntitled, long userCount, Instant createdAt,
                            long version, IntegrationState state, Instant lastSuccess) {
}
