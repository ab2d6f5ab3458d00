package com.rigsync.integration;

/** How every screen says the Samsara integration is not in the department's plan, and whom to ask for it. */
public final class PaidFeature {

    /** Whom a department asks to add the integration, as First Due's own help article names them. */
    public static final String WHOM_TO_ASK = "your Sales Representative or Client Success Manager";

    public static final String NOT_ENTITLED = "The Samsara integration is a paid feature that is not included in "
            + "your department's plan. To add it, contact " + WHOM_TO_ASK + ".";

    private PaidFeature() {
    }
}
