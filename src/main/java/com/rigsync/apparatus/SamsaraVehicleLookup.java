package com.rigsync.apparatus;

import java.util.Optional;

/**
 * The port through which apparatus asks about the signed-in user's department's Samsara vehicles (the department
 * comes from CurrentUser, as everywhere). Today {@link CachedSamsaraVehicles} answers from the vehicle cache alone.
 * The integration step provides the Samsara-backed implementation (mark it {@code @Primary}): refresh the cache from
 * Samsara when it is older than 10 minutes, check typed IDs against Samsara, then answer as the cache does.
 * Only {@link ApparatusService} calls it; views go through the service.
 */
public interface SamsaraVehicleLookup {

    /** The vehicles whose VIN equals the normalised {@code vin} exactly, and the near misses. */
    VinMatches findSamsaraVehicleByVin(String vin);

    /** Whether a Samsara ID (digits) names one of the department's vehicles. */
    SamsaraIdCheck checkSamsaraId(String samsaraId);

    /**
     * Refreshes the department's vehicle cache from Samsara when it is stale; call it outside any transaction, then
     * read the cache. Returns what to tell the person when the list could not be refreshed.
     */
    default Optional<String> refreshVehicleListIfStale() {
        return Optional.empty();
    }
}
