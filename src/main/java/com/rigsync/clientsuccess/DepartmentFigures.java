package com.rigsync.clientsuccess;

/** The figures on top of the Departments grid. */
public record DepartmentFigures(long departments, long entitled, long connected, long needingAttention) {
}
