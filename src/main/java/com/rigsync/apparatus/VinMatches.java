package com.rigsync.apparatus;

import java.time.Instant;
import java.util.List;

/**
 * The department's Samsara vehicles whose VIN equals a VIN exactly (normally one), and those whose VIN nearly does,
 * with why. {@code listedAt} says how old the vehicle list behind the answer is (null: there is none yet).
 */
public record VinMatches(String vin, List<SamsaraVehicleSummary> exact, List<NearMiss> nearMisses, Instant listedAt) {

    public VinMatches {
        exact = List.copyOf(exact);
        nearMisses = List.copyOf(nearMisses);
    }

    public record NearMiss(SamsaraVehicleSummary vehicle, String reason) {
    }
}
