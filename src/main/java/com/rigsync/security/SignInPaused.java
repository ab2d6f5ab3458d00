package com.rigsync.security;

/**
 * Sign-in for a username was paused after repeated failures. Published as a Spring event, so whoever keeps a record
 * (the audit log) listens, and security needs none of them.
 *
 * @param departmentId the username's department, or null (Client Success, or a username nobody has)
 * @param username     the username as typed, trimmed and lower-cased
 * @param detail       what happened, in words for the audit log; never a password
 */
public record SignInPaused(Long departmentId, String username, String detail) {
}
