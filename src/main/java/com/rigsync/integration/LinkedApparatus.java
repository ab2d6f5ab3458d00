package com.rigsync.integration;

import java.util.Map;

/**
 * A hook for the apparatus feature, like {@link ApparatusCount}: how many of a department's apparatus are linked to a
 * Samsara vehicle, for Client Success support and billing. Counts only, never the apparatus themselves.
 */
public interface LinkedApparatus {

    /** The department's apparatus linked to a Samsara vehicle, and those not linked. */
    Counts counts(long departmentId);

    /** How many apparatus each department has linked, keyed by department id (departments with none left out). */
    Map<Long, Long> linkedByDepartment();

    record Counts(long linked, long notLinked) {
    }
}
