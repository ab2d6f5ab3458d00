package com.rigsync.integration;

/**
 * Published (inside the saving transaction) when a department saves a token of a different Samsara organisation
 * than before, after the user confirmed it. The apparatus and sync features handle it: flag every Samsara link of
 * the department for review, clear its vehicle cache and stats feed cursor.
 */
public record SamsaraOrganisationChanged(long departmentId, String previousOrganizationId, String newOrganizationId) {
}
