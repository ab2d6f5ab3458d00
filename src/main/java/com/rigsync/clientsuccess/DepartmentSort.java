package com.rigsync.clientsuccess;

/** The orders the Departments grid offers; each a fixed SQL order, never built from input. */
public enum DepartmentSort {
    NAME("name"),
    LAST_SUCCESS("last_success"),
    CREATED("created_at");

    /** The page query's column, named alike inside and outside its derived table. */
    private final String column;

    DepartmentSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
