package com.rigsync.apparatus;

import java.time.Instant;
import java.util.List;

/** A row of the department's Samsara vehicle cache, as a vehicle list from Samsara fills it. */
public record CachedSamsaraVehicle(String samsaraId, String name, String vin, String make, String model,
                                   Integer modelYear, String plate, List<String> tagIds, Instant samsaraUpdatedAt) {

    public CachedSamsaraVehicle {
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
    }
}
