package com.rigsync.samsara;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** A Samsara driver; missing fields are null. {@code staticAssignedVehicle} is null when none is assigned. */
public record Driver(String id, String name, String username, String phone, String licenseNumber,
        String licenseState, String driverActivationStatus, Map<String, String> externalIds, List<Tag> tags,
        VehicleRef staticAssignedVehicle, Instant createdAtTime, Instant updatedAtTime) {

    public Driver {
        externalIds = externalIds == null ? Map.of() : Map.copyOf(externalIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A vehicle named inside another object. */
    public record VehicleRef(String id, String name) {
    }

    static Driver parse(JsonNode n) {
        JsonNode v = Json.object(n, "staticAssignedVehicle");
        return new Driver(Json.text(n, "id"), Json.text(n, "name"), Json.text(n, "username"), Json.text(n, "phone"),
                Json.text(n, "licenseNumber"), Json.text(n, "licenseState"), Json.text(n, "driverActivationStatus"),
                Json.stringMap(n, "externalIds"), Json.list(n, "tags", Tag::parse),
                v == null ? null : new VehicleRef(Json.text(v, "id"), Json.text(v, "name")),
                Json.instant(n, "createdAtTime"), Json.instant(n, "updatedAtTime"));
    }
}
