package com.rigsync.demo.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A driver of the simulated organisation; {@code staticAssignedVehicleId} may be null. */
public record SimulatedDriver(
        String id,
        String name,
        String username,
        String phone,
        String licenseNumber,
        String licenseState,
        boolean active,
        Map<String, String> externalIds,
        List<SimulatedTag> tags,
        String staticAssignedVehicleId,
        Instant createdAtTime,
        Instant updatedAtTime) {

    public SimulatedDriver {
        externalIds = Map.copyOf(externalIds);
        tags = List.copyOf(tags);
    }
}
