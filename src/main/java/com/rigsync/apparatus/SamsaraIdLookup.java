package com.rigsync.apparatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The magnifier's answer: the Samsara ID to fill in (only for one exact, free match), what to tell the person, and
 * suggestions they may pick (never applied by themselves).
 */
public record SamsaraIdLookup(Outcome outcome, String samsaraId, String message, List<Suggestion> suggestions) {

    public enum Outcome {
        /** One Samsara vehicle has exactly this VIN and no other apparatus is linked to it: fill the field. */
        FOUND,
        /** Exact match, but it already belongs to another apparatus. */
        LINKED_ELSEWHERE,
        /** Several Samsara vehicles have this VIN: the person picks. */
        SEVERAL,
        /** No exact match; {@code suggestions} holds the near misses, if any. */
        NOT_FOUND,
        /** The apparatus has no VIN to look up. */
        NO_VIN
    }

    /** A vehicle to pick, why it is offered, and the apparatus it is already linked to (null when free). */
    public record Suggestion(SamsaraVehicleSummary vehicle, String reason, String linkedTo) {
    }

    public SamsaraIdLookup {
        suggestions = List.copyOf(suggestions);
    }

    static SamsaraIdLookup noVin() {
        return new SamsaraIdLookup(Outcome.NO_VIN, null, "Enter the VIN first: the magnifier finds the Samsara "
                + "vehicle with the same VIN.", List.of());
    }

    static SamsaraIdLookup of(VinMatches matches, Map<String, String> linkedElsewhere) {
        SamsaraIdLookup answer = fromList(matches, linkedElsewhere);
        if (matches.notice() == null) {
            return answer;
        }
        return new SamsaraIdLookup(answer.outcome(), answer.samsaraId(), answer.message() + " (" + matches.notice() + ")",
                answer.suggestions());
    }

    private static SamsaraIdLookup fromList(VinMatches matches, Map<String, String> linkedElsewhere) {
        String vin = matches.vin();
        if (matches.listedAt() == null) {
            return new SamsaraIdLookup(Outcome.NOT_FOUND, null, "RigSync has no list of your Samsara vehicles yet. "
                    + "Check the Samsara connection in Settings, or type the Samsara ID from the vehicle's page in "
                    + "Samsara.", List.of());
        }
        if (matches.exact().size() == 1) {
            SamsaraVehicleSummary vehicle = matches.exact().getFirst();
            String other = linkedElsewhere.get(vehicle.samsaraId());
            if (other != null) {
                return new SamsaraIdLookup(Outcome.LINKED_ELSEWHERE, null, "The Samsara vehicle with VIN " + vin
                        + " (" + vehicle.describe() + ") is already linked to " + other + ". One Samsara vehicle "
                        + "belongs to one apparatus: unlink it there first.", List.of());
            }
            return new SamsaraIdLookup(Outcome.FOUND, vehicle.samsaraId(), "Found " + vehicle.describe()
                    + ". Save to link it.", List.of());
        }
        if (matches.exact().size() > 1) {
            List<Suggestion> several = matches.exact().stream()
                    .map(v -> new Suggestion(v, "same VIN", linkedElsewhere.get(v.samsaraId()))).toList();
            return new SamsaraIdLookup(Outcome.SEVERAL, null, several.size() + " Samsara vehicles have VIN " + vin
                    + ". Pick the one that is this apparatus (and tidy up the duplicate in Samsara).", several);
        }
        List<Suggestion> near = new ArrayList<>();
        for (VinMatches.NearMiss miss : matches.nearMisses()) {
            near.add(new Suggestion(miss.vehicle(), miss.reason(), linkedElsewhere.get(miss.vehicle().samsaraId())));
        }
        String message = "No Samsara vehicle has VIN " + vin + "; VINs must match exactly between RigSync and "
                + "Samsara. " + (near.isEmpty()
                ? "Check the VIN here and on the vehicle's page in Samsara."
                : "These nearly match: pick one only if it is this apparatus, then correct the VIN here or in "
                + "Samsara.");
        return new SamsaraIdLookup(Outcome.NOT_FOUND, null, message, near);
    }
}
