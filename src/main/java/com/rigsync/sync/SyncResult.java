package com.rigsync.sync;

/**
 * How one department's run ended, as {@link DepartmentSync} reports it.
 *
 * @param error what went wrong in the department's words (never a token, never a stack trace); null when nothing did
 */
record SyncResult(SyncOutcome outcome, SyncCounts counts, long apiCalls, String error) {
}
