package com.rigsync.security;

/**
 * An administrator (or Client Success) lifted a username's sign-in pause. Published as a Spring event for the audit
 * log, like {@link SignInPaused}.
 *
 * @param departmentId the username's department, or null (Client Success, or a username nobody has)
 * @param username     the username, trimmed and lower-cased
 * @param detail       what happened, in words for the audit log
 */
public record SignInPauseLifted(Long departmentId, String username, String detail) {
}
