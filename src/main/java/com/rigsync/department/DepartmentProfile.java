package com.rigsync.department;

/** The signed-in user's own department. */
public record DepartmentProfile(long id, String name, boolean samsaraEntitled) {
}
