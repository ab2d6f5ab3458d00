package com.rigsync.integration;

/** What happened to a settings change; the screen shows each case in the department's words. */
public sealed interface SaveResult {

    /** Saved; {@code message} says what was saved and anything to look at. */
    record Saved(SamsaraSettings settings, String message) implements SaveResult {
    }

    /** Not saved, with the reason and what to do (a dead or under-scoped token, a bad setting). */
    record Refused(String reason) implements SaveResult {
    }

    /** Samsara could not be reached to check the token; the user may save it marked "not yet verified". */
    record SamsaraUnreachable(String reason) implements SaveResult {
    }

    /** The token belongs to another Samsara organisation than the saved one; saving needs a confirmation. */
    record OtherOrganisation(String savedOrganization, String newOrganization) implements SaveResult {
    }

    /** Someone else saved the settings since this screen loaded them; nothing was saved. */
    record ChangedMeanwhile(String changedBy) implements SaveResult {
        public String message() {
            return "The settings were changed by " + changedBy + " meanwhile. The page shows them now; make your "
                    + "change again if it is still needed.";
        }
    }
}
