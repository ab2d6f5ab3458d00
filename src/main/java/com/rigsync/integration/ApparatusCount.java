package com.rigsync.integration;

/**
 * A hook for the apparatus feature: how many apparatus a department has, so a connection test can warn when the
 * token sees fewer Samsara vehicles than that. Until a bean implements it, the test gives no such warning.
 */
@FunctionalInterface
public interface ApparatusCount {

    long apparatusCount(long departmentId);
}
