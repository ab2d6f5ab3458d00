package com.rigsync.samsara;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Which vehicles to read stats for: all of them (optionally only those with some tags), or a list of vehicle ids.
 * Long id lists are split into batches that keep each URL well under 8 KB.
 */
public record StatsQuery(List<String> vehicleIds, List<String> tagIds, List<String> parentTagIds) {

    public StatsQuery {
        vehicleIds = vehicleIds == null ? null : List.copyOf(new LinkedHashSet<>(vehicleIds));
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        parentTagIds = parentTagIds == null ? List.of() : List.copyOf(parentTagIds);
    }

    public static StatsQuery allVehicles() {
        return new StatsQuery(null, List.of(), List.of());
    }

    public static StatsQuery allVehiclesWithTags(Collection<String> tagIds) {
        return new StatsQuery(null, List.copyOf(tagIds), List.of());
    }

    public static StatsQuery allVehiclesWithTags(TagFilter tags) {
        return new StatsQuery(null, tags.tagIds(), tags.parentTagIds());
    }

    public static StatsQuery vehicles(Collection<String> vehicleIds) {
        return new StatsQuery(List.copyOf(vehicleIds), List.of(), List.of());
    }

    /** The vehicle ids asked for; empty for "all vehicles". */
    public Optional<List<String>> ids() {
        return Optional.ofNullable(vehicleIds);
    }
}
