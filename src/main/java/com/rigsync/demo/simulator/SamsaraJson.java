package com.rigsync.demo.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of api.samsara.com that several endpoints answer with: bodies, error bodies, list pages, items. */
final class SamsaraJson {

    private SamsaraJson() {
    }

    static SimulatedResponse ok(Object body) {
        return SimulatedResponse.json(200, Json.write(body));
    }

    /** Samsara's error body: {@code message} for people, {@code requestId} for the logs. */
    static SimulatedResponse error(int status, String message, String requestId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("message", message);
        body.put("requestId", requestId);
        return SimulatedResponse.json(status, Json.write(body));
    }

    static SimulatedResponse list(List<Object> data, String endCursor, boolean hasNextPage) {
        var pagination = new LinkedHashMap<String, Object>();
        pagination.put("endCursor", endCursor);
        pagination.put("hasNextPage", hasNextPage);
        var body = new LinkedHashMap<String, Object>();
        body.put("data", data);
        body.put("pagination", pagination);
        return ok(body);
    }

    static Map<String, Object> vehicle(SimulatedVehicle vehicle) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", vehicle.id());
        json.put("name", vehicle.name());
        putIfPresent(json, "vin", vehicle.vin());
        putIfPresent(json, "make", vehicle.make());
        putIfPresent(json, "model", vehicle.model());
        putIfPresent(json, "year", vehicle.year());
        putIfPresent(json, "licensePlate", vehicle.licensePlate());
        if (vehicle.hasGateway()) {
            json.put("serial", vehicle.gatewaySerial());
        }
        json.put("externalIds", externalIds(vehicle));
        json.put("tags", vehicle.tags().stream().map(SamsaraJson::tag).toList());
        json.put("createdAtTime", vehicle.createdAtTime().toString());
        json.put("updatedAtTime", vehicle.updatedAtTime().toString());
        return json;
    }

    /** @param assigned the driver's static vehicle as it is listed now, or null when it has none or was deleted */
    static Map<String, Object> driver(SimulatedDriver driver, SimulatedVehicle assigned) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", driver.id());
        json.put("name", driver.name());
        json.put("username", driver.username());
        json.put("phone", driver.phone());
        json.put("licenseNumber", driver.licenseNumber());
        json.put("licenseState", driver.licenseState());
        json.put("driverActivationStatus", driver.active() ? "active" : "deactivated");
        json.put("externalIds", driver.externalIds());
        json.put("tags", driver.tags().stream().map(SamsaraJson::tag).toList());
        if (assigned != null) {
            json.put("staticAssignedVehicle", ordered("id", assigned.id(), "name", assigned.name()));
        }
        json.put("createdAtTime", driver.createdAtTime().toString());
        json.put("updatedAtTime", driver.updatedAtTime().toString());
        return json;
    }

    /** The start of a stats item: the vehicle's id, name and external ids, before its stats (as Samsara sends). */
    static LinkedHashMap<String, Object> vehicleHeader(SimulatedVehicle vehicle) {
        var item = new LinkedHashMap<String, Object>();
        item.put("id", vehicle.id());
        item.put("name", vehicle.name());
        item.put("externalIds", externalIds(vehicle));
        return item;
    }

    /**
     * The vehicle's external ids: Samsara's own ({@code samsara.serial}, {@code samsara.vin}) and the department's
     * records system's ({@code firstdue.apparatusId}, from the vehicle's id), each usable as {@code key:value} in
     * {@code GET /fleet/vehicles/{id}}.
     */
    static Map<String, Object> externalIds(SimulatedVehicle vehicle) {
        var externalIds = new LinkedHashMap<String, Object>();
        if (vehicle.hasGateway()) {
            externalIds.put("samsara.serial", vehicle.gatewaySerial());
        }
        if (vehicle.vin() != null && !vehicle.vin().isEmpty()) {
            externalIds.put("samsara.vin", vehicle.vin());
        }
        externalIds.put(RECORDS_SYSTEM_ID, recordsSystemId(vehicle));
        return externalIds;
    }

    /** The key of the external id a fire records system would have set on each vehicle. */
    static final String RECORDS_SYSTEM_ID = "firstdue.apparatusId";

    static String recordsSystemId(SimulatedVehicle vehicle) {
        return Long.toString(Long.parseLong(vehicle.id()) % 100_000);
    }

    /** A JSON object whose keys keep the order given, so the same answer is the same text on every run. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        var json = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    private static Map<String, Object> tag(SimulatedTag tag) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", tag.id());
        json.put("name", tag.name());
        putIfPresent(json, "parentTagId", tag.parentTagId());
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
