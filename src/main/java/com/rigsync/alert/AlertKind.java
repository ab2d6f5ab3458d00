package com.rigsync.alert;

/** What an alert is about, in the department's words; where it is fixed; whether members may choose it. */
public enum AlertKind {
    CONNECTION("Samsara connection needs attention", "Setup > Settings", false),
    SYNC_FAILING("Syncs failing", "Setup > Sync", false),
    FAULT_CODE("New fault code with a warning lamp", "the apparatus page", true),
    NOT_REPORTING("Apparatus not reporting", "the apparatus page", true),
    NEEDS_REVIEW("Readings or links flagged for review", "Setup > Sync", false);

    private final String label;
    private final String fixedOn;
    private final boolean forMembers;

    AlertKind(String label, String fixedOn, boolean forMembers) {
        this.label = label;
        this.fixedOn = fixedOn;
        this.forMembers = forMembers;
    }

    public String label() {
        return label;
    }

    /** The screen where it is fixed, in words. */
    public String fixedOn() {
        return fixedOn;
    }

    /** Members may choose only the kinds about apparatus they can see; the rest is for those who can fix it. */
    public boolean forMembers() {
        return forMembers;
    }
}
