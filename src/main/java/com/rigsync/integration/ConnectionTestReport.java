package com.rigsync.integration;

import java.util.List;

/**
 * What "Test connection" (and the check before saving a token) found: the organisation, each endpoint the sync
 * needs, the round trip, how many vehicles the token sees (with the department's tag filter) and the tags on them.
 * Never holds the token.
 *
 * @param verdict         OK, REFUSED (the token is dead or lacks a scope), or UNREACHABLE (no answer, 5xx)
 * @param reason          for REFUSED and UNREACHABLE: what is wrong and what to do; null when OK
 * @param vehicleCount    vehicles seen with the tag filter; null when the vehicle list failed
 * @param allVehicleCount vehicles seen without the tag filter; null when the vehicle list failed
 * @param warning         something to look at that does not stop saving (missing Read Drivers, fewer vehicles than
 *                        apparatus); null when none
 */
public record ConnectionTestReport(Verdict verdict, String reason, String organizationId, String organizationName,
        List<EndpointCheck> checks, long roundTripMillis, Integer vehicleCount, Integer allVehicleCount,
        List<TagChoice> tags, String warning) {

    public enum Verdict { OK, REFUSED, UNREACHABLE }

    public ConnectionTestReport {
        checks = List.copyOf(checks);
        tags = List.copyOf(tags);
    }

    public boolean passed() {
        return verdict == Verdict.OK;
    }
}
