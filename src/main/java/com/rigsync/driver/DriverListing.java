package com.rigsync.driver;

/** The answer to "list the drivers": the list, or why there is none, in the department's words. */
public sealed interface DriverListing {

    record Loaded(DriverDirectory directory) implements DriverListing {
    }

    /** The department's plan does not include the Samsara integration. */
    record NotEntitled(String message) implements DriverListing {
    }

    /** The integration is switched off or no connection is saved: Setup > Settings is where to fix it. */
    record NotConnected(String message) implements DriverListing {
    }

    /** Samsara answered with an error or not at all. */
    record Failed(String message) implements DriverListing {
    }
}
