package com.rigsync.clientsuccess;

/** The orders the Departments grid offers; each a fixed SQL order, never built from input. */
public enum DepartmentSort {
    NAME("d.name"),
    LAST_SUCCESS(DepartmentDirectory.LAST_SUCCESS),
    CREATED("d.created_at");

    private final String expression;

    DepartmentSort(String expression) {
        this.expression = expression;
    }

    String expression() {
        return expression;
    }
}
