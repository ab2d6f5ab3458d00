package com.rigsync.alert;

import java.time.Instant;
import java.util.List;

/**
 * One alert as the Alerts page lists it, with its history.
 *
 * @param resolvedAt null while open
 * @param mails      who it was (or is to be) mailed to, and how that went
 */
public record AlertSummary(long id, AlertKind kind, String subjectName, String detail, String fixPath,
                           Instant openedAt, Instant resolvedAt, List<MailLine> mails) {

    public boolean open() {
        return resolvedAt == null;
    }

    /**
     * @param purpose "OPENED", "RESOLVED"
     * @param status  WAITING, SENT, FAILED, HELD (for the daily digest), DIGESTED
     * @param lastError why it waits or failed, in plain words, or null
     */
    public record MailLine(String recipient, String purpose, String status, Instant sentAt, int attempts,
                           String lastError) {
    }
}
