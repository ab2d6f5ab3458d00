package com.rigsync.samsara;

import java.util.List;
import java.util.Set;

/** One page of the stats feed for one group of (at most three) types, with that group's Samsara cursor. */
public record StatsFeedPage(Set<StatType> types, List<VehicleStatsSeries> vehicles, String endCursor,
        boolean hasNextPage) {

    public StatsFeedPage {
        types = Set.copyOf(types);
        vehicles = List.copyOf(vehicles);
    }
}
