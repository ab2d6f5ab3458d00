package com.rigsync.apparatus;

import java.time.Instant;
import java.util.List;

/**
 * The department's Samsara vehicles whose VIN equals a VIN exactly (normally one), and those whose VIN nearly does,
 * with why. {@code listedAt} says how old the vehicle list behind the answer is (null: there is none yet);
 * {@code notice}, when not null, tells the person why the list could not be refreshed from Samsara.
 */
public record VinMatches(String vin, List<SamsaraVehicleSummary> exact, List<NearMiss> nearMisses, Instant listedAt,
                         String notice) {

    public VinMatches {
        exact = List.copyOf(exact);
        nearMisses = List.copyOf(nearMisses);
    }

    public VinMatches(String vin, List<SamsaraVehicleSummary> exact, List<NearMiss> nearMisses, Instant listedAt) {
        this(vin, exact, nearMisses, listedAt, null);
    }

    /** The same answer with a word about where it came from (Samsara not connected, or not reachable just now). */
    VinMatches withNotice(String text) {
        return new VinMatches(vin, exact, nearMisses, listedAt, text);
    }

    public record NearMiss(SamsaraVehicleSummary vehicle, String reason) {
    }
}
