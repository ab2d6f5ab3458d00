package com.rigsync.demo.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The filters several endpoints share, read as Samsara reads them; a bad value is a {@link BadRequest}. */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The vehicles the {@code vehicleIds}, {@code tagIds} and {@code parentTagIds} filters let through. The two tag
     * filters together let through a vehicle either admits (a department choosing "Fire" and everything under it,
     * plus "Police" alone, sees both); RigSync's reading, as Samsara's reference does not say.
     */
    static Predicate<SimulatedVehicle> vehicleFilter(SimulatedRequest request) {
        Set<String> vehicleIds = idList(request, "vehicleIds");
        Set<String> tagIds = idList(request, "tagIds");
        Set<String> parentTagIds = idList(request, "parentTagIds");
        return vehicle -> (vehicleIds.isEmpty() || vehicleIds.contains(vehicle.id()))
                && tagged(tagIds, parentTagIds, vehicle.tags());
    }

    /** Whether {@code tags} pass the tag filters: no filter, a listed tag, or a tag at or under a listed parent. */
    static boolean tagged(Set<String> tagIds, Set<String> parentTagIds, List<SimulatedTag> tags) {
        if (tagIds.isEmpty() && parentTagIds.isEmpty()) {
            return true;
        }
        return tags.stream().anyMatch(tag -> tagIds.contains(tag.id()) || parentTagIds.contains(tag.id())
                || (tag.parentTagId() != null && parentTagIds.contains(tag.parentTagId())));
    }

    static Set<String> idList(SimulatedRequest request, String name) {
        return new HashSet<>(listParam(request, name));
    }

    /** A comma-separated list, whether sent as one parameter or repeated. */
    static List<String> listParam(SimulatedRequest request, String name) {
        List<String> values = request.query().getOrDefault(name, List.of());
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }

    /** An RFC 3339 time, or null when the parameter is absent. */
    static Instant time(SimulatedRequest request, String name) {
        String raw = request.queryParam(name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be an RFC 3339 time such as 2024-01-15T10:04:00Z.");
        }
    }
}
