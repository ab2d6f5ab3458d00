package com.rigsync.clientsuccess;

/** Which departments the Departments grid shows. */
public enum DepartmentShown {
    ALL("All departments", "true"),
    ENTITLED("Samsara included", "d.samsara_entitled"),
    CONNECTED("Connected", DepartmentDirectory.CONNECTED),
    NEEDS_ATTENTION("Needs attention", DepartmentDirectory.STATE + " in ('NEEDS_ATTENTION', 'RECONNECT_NEEDED')"),
    NEVER_SYNCED("Never synced", DepartmentDirectory.CONNECTED + " and " + DepartmentDirectory.LAST_SUCCESS
            + " is null"),
    NOT_SYNCED_FOR_A_DAY("Not synced for a day", DepartmentDirectory.CONNECTED + " and "
            + DepartmentDirectory.LAST_SUCCESS + " < :dayAgo");

    private final String label;
    /** A fixed SQL condition, never built from what a user typed. */
    private final String condition;

    DepartmentShown(String label, String condition) {
        this.label = label;
        this.condition = condition;
    }

    public String label() {
        return label;
    }

    String condition() {
        return condition;
    }
}
