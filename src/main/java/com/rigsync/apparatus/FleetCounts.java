package com.rigsync.apparatus;

import java.util.Map;

/** How many of a department's apparatus are in each status and each fleet condition. */
record FleetCounts(int apparatus, Map<ApparatusStatus, Integer> byStatus, Map<FleetCondition, Integer> byCondition) {

    FleetCounts {
        byStatus = Map.copyOf(byStatus);
        byCondition = Map.copyOf(byCondition);
    }
}
