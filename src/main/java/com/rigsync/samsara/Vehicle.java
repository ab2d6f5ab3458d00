package com.rigsync.samsara;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A Samsara vehicle. Samsara leaves {@code vin}, {@code make}, {@code model}, {@code year} and others missing or
 * empty at times: those are null here (never ""). {@code year} is kept as Samsara sent it.
 */
public record Vehicle(String id, String name, String vin, String make, String model, String year,
        String licensePlate, String serial, Map<String, String> externalIds, List<Tag> tags,
        Instant createdAtTime, Instant updatedAtTime) {

    public Vehicle {
        externalIds = externalIds == null ? Map.of() : Map.copyOf(externalIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The model year as a number, when Samsara's {@code year} is one. */
    public Optional<Integer> modelYear() {
        if (year == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(year.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<String> vinIfPresent() {
        return Optional.ofNullable(vin);
    }

    static Vehicle parse(JsonNode n) {
        return new Vehicle(Json.text(n, "id"), Json.text(n, "name"), Json.text(n, "vin"), Json.text(n, "make"),
                Json.text(n, "model"), Json.text(n, "year"), Json.text(n, "licensePlate"), Json.text(n, "serial"),
                Json.stringMap(n, "externalIds"), Json.list(n, "tags", Tag::parse), Json.instant(n, "createdAtTime"),
                Json.instant(n, "updatedAtTime"));
    }
}
