package com.rigsync.apparatus;

import java.util.List;
import java.util.Map;

import com.rigsync.department.FleetThresholds;

/**
 * A department's fleet at a glance, for the Overview: how many apparatus are in each status and in each fleet
 * condition, counted exactly as the grid filters them.
 *
 * @param outOfService     the apparatus out of service with why (the first {@link FleetStatus#OUT_OF_SERVICE_LISTED})
 * @param flaggedLinks     Samsara links flagged for review
 * @param readingsToReview apparatus with a meter reading waiting for a decision
 * @param thresholds       what "not reporting" and "low fuel" mean for this department
 */
public record FleetOverview(int apparatus, Map<ApparatusStatus, Integer> byStatus,
                            Map<FleetCondition, Integer> byCondition, List<OutOfService> outOfService,
                            int flaggedLinks, int readingsToReview, FleetThresholds thresholds) {

    public FleetOverview {
        byStatus = Map.copyOf(byStatus);
        byCondition = Map.copyOf(byCondition);
        outOfService = List.copyOf(outOfService);
    }

    public int count(ApparatusStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    public int count(FleetCondition condition) {
        return byCondition.getOrDefault(condition, 0);
    }

    /** An apparatus out of service and why (the reason is required when the status is set). */
    public record OutOfService(long id, String unitName, String reason) {
    }
}
