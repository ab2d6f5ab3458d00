package com.rigsync.department;

import java.time.Instant;

/** A department as Client Success sees it: never its data, only its plan and size. */
public record DepartmentSummary(long id, String name, boolean samsaraEntitled, long userCount, Instant createdAt,
                                long version) {
}
