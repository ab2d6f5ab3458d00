package com.rigsync.integration;

import java.util.List;

/**
 * A change to the Samsara settings as the screen submits it.
 *
 * @param newToken                  a newly typed access token, or null/blank to keep the saved one
 * @param saveUnverified            the user chose to save a token Samsara could not check just now
 * @param confirmOrganisationChange the user confirmed a token of another Samsara organisation
 * @param expectedVersion           the version the user's screen showed (null: nothing saved yet)
 */
public record SettingsChange(boolean enabled, String regionKey, List<String> tagIds, String newToken,
        boolean saveUnverified, boolean confirmOrganisationChange, Long expectedVersion) {

    public SettingsChange {
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
    }

    public SettingsChange withSaveUnverified() {
        return new SettingsChange(enabled, regionKey, tagIds, newToken, true, confirmOrganisationChange,
                expectedVersion);
    }

    public SettingsChange withOrganisationChangeConfirmed() {
        return new SettingsChange(enabled, regionKey, tagIds, newToken, saveUnverified, true, expectedVersion);
    }

    boolean hasNewToken() {
        return newToken != null && !newToken.isBlank();
    }

    @Override
    public String toString() {
        return "SettingsChange[enabled=" + enabled + ", region=" + regionKey + ", tags=" + tagIds + ", newToken="
                + (hasNewToken() ? "(redacted)" : "none") + ", expectedVersion=" + expectedVersion + "]";
    }
}
