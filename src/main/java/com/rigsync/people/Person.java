package com.rigsync.people;

import java.time.Instant;

import com.rigsync.security.Role;

/**
 * A person as the Users screen lists them; never their password or its hash.
 *
 * @param email their e-mail address for alerts, or null when none is set
 */
public record Person(long id, String username, String displayName, Role role, boolean enabled,
                     boolean mustChangePassword, Instant createdAt, long version, String email) {
}
