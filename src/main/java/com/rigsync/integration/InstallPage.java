package com.rigsync.integration;

import java.util.List;

/** What the Direct Install page shows the signed-in user. */
public sealed interface InstallPage {

    /** This user may not connect (a member, Client Success) or the server has no OAuth app: the reason. */
    record Refused(String message) implements InstallPage {
    }

    /** The department's plan does not include the Samsara integration. */
    record NotEntitled(String message) implements InstallPage {
    }

    /**
     * Ready to connect.
     *
     * @param currentConnection the department's connection now, e.g. "none", "API token ending in …AB12"
     * @param replacesToken     connecting replaces a saved API token (the page asks first)
     */
    record Ready(String departmentName, String currentConnection, boolean replacesToken, List<Region> regions,
                 String regionKey) implements InstallPage {
        public Ready {
            regions = List.copyOf(regions);
        }
    }
}
