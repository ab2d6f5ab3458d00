package com.rigsync.security;

/** One role per user. Client Success staff belong to no department; the other roles belong to exactly one. */
public enum Role {
    CLIENT_SUCCESS("Client Success"),
    ADMINISTRATOR("Administrator"),
    DATA_MANAGER("Data manager"),
    MEMBER("Member");

    /** Role names as Spring Security authorities carry them (without the ROLE_ prefix), for annotations. */
    public static final String CLIENT_SUCCESS_NAME = "CLIENT_SUCCESS";
    public static final String ADMINISTRATOR_NAME = "ADMINISTRATOR";
    public static final String DATA_MANAGER_NAME = "DATA_MANAGER";
    public static final String MEMBER_NAME = "MEMBER";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean belongsToDepartment() {
        return this != CLIENT_SUCCESS;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
