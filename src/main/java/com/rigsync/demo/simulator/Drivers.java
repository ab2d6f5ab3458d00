package com.rigsync.demo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static com.rigsync.demo.simulator.QueryParameters.idList;
import static com.rigsync.demo.simulator.SamsaraJson.error;
import static com.rigsync.demo.simulator.SamsaraJson.ok;

/**
 * The fleet's drivers: {@code GET /fleet/drivers} page by page, and {@code POST /fleet/drivers/auth-token}, which
 * gives an active driver a short-lived login token. Not thread-safe: {@link SimulatedSamsara} calls it under its lock.
 */
final class Drivers {

    static final Duration AUTH_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private final SimulatedFleet fleet;
    private final VehicleList vehicles;
    private final Pagination pagination;

    Drivers(SimulatedFleet fleet, VehicleList vehicles, Pagination pagination) {
        this.fleet = fleet;
        this.vehicles = vehicles;
        this.pagination = pagination;
    }

    /** {@code GET /fleet/drivers}. */
    SimulatedResponse page(SimulatedRequest request) {
        int limit = pagination.limit(request);
        Cursor position = Cursor.after(request, "d", new Cursor("d", 0, 0, "", 0));
        String status = request.queryParam("driverActivationStatus");
        if (status != null && !status.equals("active") && !status.equals("deactivated")) {
            throw new BadRequest("driverActivationStatus must be 'active' or 'deactivated'.");
        }
        boolean active = status == null || status.equals("active");
        Set<String> tagIds = idList(request, "tagIds");
        Set<String> parentTagIds = idList(request, "parentTagIds");
        List<SimulatedDriver> after = fleet.drivers().stream()
                .filter(d -> d.id().compareTo(position.lastId()) > 0)
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
        Predicate<SimulatedDriver> filter = d -> d.active() == active
                && QueryParameters.tagged(tagIds, parentTagIds, d.tags());
        return pagination.page(position, limit, after, filter, SimulatedDriver::id,
                d -> SamsaraJson.driver(d, assignedVehicle(d)));
    }

    /** {@code POST /fleet/drivers/auth-token}. */
    SimulatedResponse authToken(SimulatedRequest request, Instant now, String requestId) {
        JsonNode body;
        try {
            body = Json.read(request.bodyText());
        } catch (JacksonException notJson) {
            throw new BadRequest("The request body must be a JSON object.");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest("The request body must be a JSON object.");
        }
        String code = body.path("code").isString() ? body.path("code").stringValue() : null;
        if (code == null || code.length() < 12) {
            throw new BadRequest("code is required and must be at least 12 characters long.");
        }
        List<String> given = new ArrayList<>();
        for (String field : List.of("driverId", "externalId", "username")) {
            if (body.hasNonNull(field)) {
                given.add(field);
            }
        }
        if (given.size() != 1) {
            throw new BadRequest("Exactly one of driverId, externalId or username is required.");
        }
        String value = body.get(given.getFirst()).asString();
        SimulatedDriver driver = fleet.drivers().stream().filter(d -> switch (given.getFirst()) {
            case "driverId" -> d.id().equals(value);
            case "username" -> d.username().equals(value);
            default -> d.externalIds().entrySet().stream()
                    .anyMatch(e -> (e.getKey() + ":" + e.getValue()).equals(value));
        }).findFirst().orElse(null);
        if (driver == null) {
            return error(404, "Driver not found.", requestId);
        }
        if (!driver.active()) {
            throw new BadRequest("Driver " + driver.id() + " is deactivated.");
        }
        var token = new LinkedHashMap<String, Object>();
        token.put("token", "sim-driver-" + UUID.randomUUID().toString().replace("-", ""));
        token.put("expirationTime", now.plus(AUTH_TOKEN_LIFETIME).toEpochMilli());
        return ok(Map.of("data", token));
    }

    /** The driver's static vehicle as it is listed now: null when it has none or the vehicle was deleted. */
    private SimulatedVehicle assignedVehicle(SimulatedDriver driver) {
        return driver.staticAssignedVehicleId() == null ? null : vehicles.get(driver.staticAssignedVehicleId());
    }
}
