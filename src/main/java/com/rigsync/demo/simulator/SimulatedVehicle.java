package com.rigsync.demo.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A vehicle of the simulated organisation, as {@code GET /fleet/vehicles} lists it. {@code vin}, {@code make},
 * {@code model} and {@code year} may be null (Samsara allows it). The flags say which stats the vehicle can report:
 * without a gateway it reports none; without OBD it has no OBD odometer, OBD engine seconds, fuel or fault codes.
 */
public record SimulatedVehicle(
        String id,
        String name,
        String vin,
        String make,
        String model,
        String year,
        String licensePlate,
        String gatewaySerial,
        List<SimulatedTag> tags,
        Instant createdAtTime,
        Instant updatedAtTime,
        boolean hasGateway,
        boolean reportsObd,
        boolean hasEngine) {

    public SimulatedVehicle {
        tags = List.copyOf(tags);
    }

    /** A copy with another VIN, updated at {@code when}. */
    public SimulatedVehicle withVin(String newVin, Instant when) {
        return new SimulatedVehicle(id, name, newVin, make, model, year, licensePlate, gatewaySerial, tags,
                createdAtTime, when, hasGateway, reportsObd, hasEngine);
    }

    /** A copy under other tags, updated at {@code when}. */
    public SimulatedVehicle withTags(List<SimulatedTag> newTags, Instant when) {
        return new SimulatedVehicle(id, name, vin, make, model, year, licensePlate, gatewaySerial, newTags,
                createdAtTime, when, hasGateway, reportsObd, hasEngine);
    }

    public boolean hasTag(String tagId) {
        return tags.stream().anyMatch(tag -> tag.id().equals(tagId));
    }

    public boolean hasTagUnder(String parentTagId) {
        return tags.stream().anyMatch(tag -> parentTagId.equals(tag.parentTagId()) || tag.id().equals(parentTagId));
    }
}
