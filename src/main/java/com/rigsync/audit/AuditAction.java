package com.rigsync.audit;

/** What happened, in the words an administrator reads in the audit log. Features add theirs here. */
public enum AuditAction {
    DEPARTMENT_CREATED("Department created"),
    ENTITLEMENT_ON("Samsara integration included in plan"),
    ENTITLEMENT_OFF("Samsara integration removed from plan"),
    SAMSARA_LINKED("Samsara ID linked"),
    SAMSARA_UNLINKED("Samsara ID unlinked"),
    SAMSARA_BULK_UNLINKED("Samsara IDs unlinked in bulk"),
    APPARATUS_IMPORTED("Apparatus imported from CSV"),
    APPARATUS_DELETED("Apparatus deleted");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
