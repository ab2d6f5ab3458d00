package com.rigsync.integration;

/** What came of "Connect with Samsara"; the screens show each case in the department's words. */
public sealed interface ConnectOutcome {

    /** Connected and stored; {@code message} names the organisation and the granted scope. */
    record Connected(String message) implements ConnectOutcome {
    }

    /** Nothing was connected, with the reason and what to do. */
    record Refused(String message) implements ConnectOutcome {
    }

    /**
     * Samsara granted access to another organisation than the department's earlier connection: storing it needs a
     * confirmation ({@link SamsaraOAuthService#confirmOrganisationChange}), or it is discarded
     * ({@link SamsaraOAuthService#discard}).
     */
    record OtherOrganisation(ObtainedGrant grant, String savedOrganization, String newOrganization)
            implements ConnectOutcome {
    }
}
