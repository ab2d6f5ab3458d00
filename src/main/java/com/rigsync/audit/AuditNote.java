package com.rigsync.audit;

/**
 * One event of a batch ({@link AuditService#recordEach}): the apparatus it is about (or null), its target as the log
 * shows it, and what changed.
 */
public record AuditNote(Long apparatusId, String target, String detail) {
}
