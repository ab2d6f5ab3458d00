package com.rigsync.security;

import java.util.OptionalLong;

/**
 * The accounts' security stamps, as the database holds them now. Implemented by the people feature, which raises a
 * stamp whenever a person's sessions must end.
 */
public interface SecurityStamps {

    /** The account's current stamp; empty when the account is disabled or gone. */
    OptionalLong currentStamp(long userId);
}
