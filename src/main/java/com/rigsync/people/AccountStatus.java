package com.rigsync.people;

/** What the signed-in person's account allows right now, checked on every navigation. */
public enum AccountStatus {
    /** Free to use RigSync. */
    ACTIVE,
    /** Signed in with a one-time password: must choose their own before anything else. */
    MUST_CHANGE_PASSWORD,
    /** Disabled (or removed) since signing in: must be signed out. */
    DISABLED
}
