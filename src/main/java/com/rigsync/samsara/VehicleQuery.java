package com.rigsync.samsara;

import java.time.Instant;
import java.util.List;

/** Filters for {@code GET /fleet/vehicles}; {@code limit} is the page size (1 to 512). */
public record VehicleQuery(int limit, List<String> tagIds, List<String> parentTagIds, Instant updatedAfterTime) {

    public static final int MAX_LIMIT = 512;

    public VehicleQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        parentTagIds = parentTagIds == null ? List.of() : List.copyOf(parentTagIds);
    }

    public static VehicleQuery all() {
        return new VehicleQuery(MAX_LIMIT, List.of(), List.of(), null);
    }

    public VehicleQuery withTagIds(List<String> ids) {
        return new VehicleQuery(limit, ids, parentTagIds, updatedAfterTime);
    }

    public VehicleQuery withTags(TagFilter tags) {
        return new VehicleQuery(limit, tags.tagIds(), tags.parentTagIds(), updatedAfterTime);
    }

    public VehicleQuery updatedAfter(Instant time) {
        return new VehicleQuery(limit, tagIds, parentTagIds, time);
    }

    public VehicleQuery withLimit(int pageSize) {
        return new VehicleQuery(pageSize, tagIds, parentTagIds, updatedAfterTime);
    }
}
