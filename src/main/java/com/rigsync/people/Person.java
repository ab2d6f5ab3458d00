package com.rigsync.people;

import java.time.Instant;

import com.rigsync.security.Role;

/** A person as the Users screen lists them; never their password or its hash. */
public record Person(long id, String username, String displayName, Role role, boolean enabled,
                     boolean mustChangePassword, Instant createdAt, long version) {
}
