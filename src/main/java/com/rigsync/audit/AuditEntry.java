package com.rigsync.audit;

import java.time.Instant;

public record AuditEntry(long id, String actor, AuditAction action, String target, String detail, Instant at) {
}
