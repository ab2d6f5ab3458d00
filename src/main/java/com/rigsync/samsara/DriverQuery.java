package com.rigsync.samsara;

import java.util.List;

/** Filters for {@code GET /fleet/drivers}. */
public record DriverQuery(ActivationStatus activationStatus, List<String> tagIds, List<String> parentTagIds,
        int limit) {

    public enum ActivationStatus {
        ACTIVE("active"), DEACTIVATED("deactivated");

        final String queryValue;

        ActivationStatus(String queryValue) {
            this.queryValue = queryValue;
        }
    }

    public DriverQuery {
        if (activationStatus == null) {
            activationStatus = ActivationStatus.ACTIVE;
        }
        if (limit < 1 || limit > 512) {
            throw new IllegalArgumentException("limit must be 1 to 512, was " + limit);
        }
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        parentTagIds = parentTagIds == null ? List.of() : List.copyOf(parentTagIds);
    }

    public static DriverQuery active() {
        return new DriverQuery(ActivationStatus.ACTIVE, List.of(), List.of(), 512);
    }

    public static DriverQuery deactivated() {
        return new DriverQuery(ActivationStatus.DEACTIVATED, List.of(), List.of(), 512);
    }

    public DriverQuery withTagIds(List<String> ids) {
        return new DriverQuery(activationStatus, ids, parentTagIds, limit);
    }

    public DriverQuery withTags(TagFilter tags) {
        return new DriverQuery(activationStatus, tags.tagIds(), tags.parentTagIds(), limit);
    }

    public DriverQuery withLimit(int pageSize) {
        return new DriverQuery(activationStatus, tagIds, parentTagIds, pageSize);
    }
}
