package com.rigsync.apparatus;

/** Why a Samsara link needs a person's look; links are flagged, never silently dropped. */
public enum LinkFlag {
    NONE("Linked"),
    REVIEW_VIN_MISMATCH("Review: VINs differ"),
    REVIEW_ORGANISATION_CHANGED("Review: Samsara organisation changed"),
    SAMSARA_VEHICLE_GONE("Samsara vehicle gone");

    private final String label;

    LinkFlag(String label) {
        this.label = label;
    }

    /** The link state as the grid shows it, for a linked apparatus. */
    public String label() {
        return label;
    }
}
