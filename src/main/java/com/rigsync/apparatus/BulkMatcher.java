package com.rigsync.apparatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches many apparatus against the department's cached Samsara vehicles in memory: exact VINs through a map, near
 * misses only for apparatus without an exact match, against vehicles of the same VIN length.
 */
final class BulkMatcher {

    private final Map<String, List<SamsaraVehicleSummary>> byVin = new HashMap<>();
    /** Vehicles by VIN length, with their VINs normalised once (near misses compare many pairs). */
    private final Map<Integer, List<Normalized>> byLength = new HashMap<>();
    private final Map<String, List<String>> apparatusByVin = new HashMap<>();
    private final Map<String, String> linkedTo = new HashMap<>();

    /** {@code departmentApparatus}: every apparatus of the department (for links and shared VINs). */
    BulkMatcher(List<SamsaraVehicleSummary> vehicles, List<MatchableApparatus> departmentApparatus) {
        for (SamsaraVehicleSummary v : vehicles) {
            String vin = Vin.normalize(v.vin());
            if (vin != null) {
                byVin.computeIfAbsent(vin, k -> new ArrayList<>()).add(v);
                byLength.computeIfAbsent(vin.length(), k -> new ArrayList<>()).add(new Normalized(v, vin));
            }
        }
        for (MatchableApparatus a : departmentApparatus) {
            if (a.vinNormalized() != null) {
                apparatusByVin.computeIfAbsent(a.vinNormalized(), k -> new ArrayList<>()).add(a.unitName());
            }
            if (a.samsaraVehicleId() != null) {
                linkedTo.put(a.samsaraVehicleId(), a.unitName());
            }
        }
    }

    BulkMatchPreview.Row match(MatchableApparatus a) {
        String vin = a.vinNormalized();
        if (vin == null) {
            return row(a, BulkMatchPreview.Kind.NO_VIN, List.of(), "Enter the VIN first.");
        }
        List<String> sameVin = apparatusByVin.getOrDefault(vin, List.of());
        if (sameVin.size() > 1) {
            return row(a, BulkMatchPreview.Kind.CONFLICT, List.of(), String.join(" and ", sameVin)
                    + " have the same VIN: correct the wrong one first.");
        }
        List<SamsaraVehicleSummary> exact = byVin.getOrDefault(vin, List.of());
        if (exact.size() > 1) {
            return row(a, BulkMatchPreview.Kind.CONFLICT, candidates(exact, "same VIN"), exact.size()
                    + " Samsara vehicles have this VIN: pick one in the apparatus form (and tidy up Samsara).");
        }
        if (exact.size() == 1) {
            SamsaraVehicleSummary vehicle = exact.getFirst();
            String other = linkedTo.get(vehicle.samsaraId());
            if (other != null) {
                return row(a, BulkMatchPreview.Kind.CONFLICT, candidates(exact, "same VIN"),
                        "Samsara vehicle " + vehicle.samsaraId() + " is already linked to " + other + ".");
            }
            return row(a, BulkMatchPreview.Kind.EXACT, candidates(exact, "same VIN"), null);
        }
        List<BulkMatchPreview.Candidate> near = new ArrayList<>();
        for (Normalized candidate : byLength.getOrDefault(vin.length(), List.of())) {
            if (linkedTo.containsKey(candidate.vehicle().samsaraId())) {
                continue;
            }
            Vin.nearMiss(vin, candidate.vin())
                    .ifPresent(reason -> near.add(new BulkMatchPreview.Candidate(candidate.vehicle(), reason)));
        }
        if (!near.isEmpty()) {
            return row(a, BulkMatchPreview.Kind.NEAR_MISS, near, "No exact match; pick one only if it is this "
                    + "apparatus, then correct the VIN here or in Samsara.");
        }
        return row(a, BulkMatchPreview.Kind.NO_MATCH, List.of(), "No Samsara vehicle has this VIN; VINs must match "
                + "exactly between RigSync and Samsara.");
    }

    private static List<BulkMatchPreview.Candidate> candidates(List<SamsaraVehicleSummary> vehicles, String reason) {
        return vehicles.stream().map(v -> new BulkMatchPreview.Candidate(v, reason)).toList();
    }

    private static BulkMatchPreview.Row row(MatchableApparatus a, BulkMatchPreview.Kind kind,
                                            List<BulkMatchPreview.Candidate> candidates, String note) {
        return new BulkMatchPreview.Row(a.id(), a.unitName(), a.vin(), kind, candidates, note);
    }

    private record Normalized(SamsaraVehicleSummary vehicle, String vin) {
    }
}
