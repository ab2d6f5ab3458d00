package com.rigsync.sync;

/**
 * How one department's run ended, as {@link DepartmentSync} reports it.
 *
 * @param error what went wrong in the department's words (never a token, never a stack trace); null when nothing did
 * @param samsaraUnanswered the run ended because Samsara did not answer (timeout, connection failure, budget used up)
 */
record SyncResult(SyncOutcome outcome, SyncCounts counts, long apiCalls, String error, boolean samsaraUnanswered) {

    SyncResult(SyncOutcome outcome, SyncCounts counts, long apiCalls, String error) {
        this(outcome, counts, apiCalls, error, false);
    }
}
