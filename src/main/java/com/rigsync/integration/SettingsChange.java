package com.rigsync.integration;

import java.util.List;

/**
 * A change to the Samsara settings as the screen submits it.
 *
 * @param tagIds                    tags chosen alone
 * @param parentTagIds              tags chosen with every tag under them, now and later
 * @param newToken                  a newly typed access token, or null/blank to keep the saved one
 * @param saveUnverified            the user chose to save a token Samsara could not check just now
 * @param confirmOrganisationChange the user confirmed a token of another Samsara organisation
 * @param expectedVersion           the version the user's screen showed (null: nothing saved yet)
 */
public record SettingsChange(boolean enabled, String regionKey, List<String> tagIds, String newToken,
        boolean saveUnverified, boolean confirmOrganisationChange, Long expectedVersion, List<String> parentTagIds) {

    public SettingsChange {
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        parentTagIds = parentTagIds == null ? List.of() : List.copyOf(parentTagIds);
    }

    /** A change that chooses no tag with everything under it. */
    public SettingsChange(boolean enabled, String regionKey, List<String> tagIds, String newToken,
            boolean saveUnverified, boolean confirmOrganisationChange, Long expectedVersion) {
        this(enabled, regionKey, tagIds, newToken, saveUnverified, confirmOrganisationChange, expectedVersion,
                List.of());
    }

    public SettingsChange withSaveUnverified() {
        return new SettingsChange(enabled, regionKey, tagIds, newToken, true, confirmOrganisationChange,
                expectedVersion, parentTagIds);
    }

    public SettingsChange withOrganisationChangeConfirmed() {
        return new SettingsChange(enabled, regionKey, tagIds, newToken, saveUnverified, true, expectedVersion,
                parentTagIds);
    }

    boolean hasNewToken() {
        return newToken != null && !newToken.isBlank();
    }

    @Override
    public String toString() {
        return "SettingsChange[enabled=" + enabled + ", region=" + regionKey + ", tags=" + tagIds + ", parentTags=" + parentTagIds + ", newToken="
                + (hasNewToken() ? "(redacted)" : "none") + ", expectedVersion=" + expectedVersion + "]";
    }
}
