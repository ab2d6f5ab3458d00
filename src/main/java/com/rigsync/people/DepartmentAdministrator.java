package com.rigsync.people;

import java.time.Instant;

/** A department's administrator as Client Success sees them when helping: name, and whether they can get in. */
public record DepartmentAdministrator(long id, String username, String displayName, boolean enabled,
                                      Instant signInPausedUntil, long version) {
}
