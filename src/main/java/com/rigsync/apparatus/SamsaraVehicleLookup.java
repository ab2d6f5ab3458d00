package com.rigsync.apparatus;

import java.util.Optional;

/**
 * How the apparatus feature asks about the signed-in user's department's Samsara vehicles (the department comes from
 * CurrentUser, as everywhere). {@link SamsaraBackedVehicles} answers (it is {@code @Primary}): it refreshes the
 * vehicle cache from Samsara when it is older than 10 minutes, checks typed IDs against Samsara, and otherwise answers
 * from the cache as {@link CachedSamsaraVehicles} does, saying when Samsara could not be asked. Only the apparatus
 * services call it; views go through them.
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
