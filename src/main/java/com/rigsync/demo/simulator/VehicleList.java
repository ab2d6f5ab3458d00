package com.rigsync.demo.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static com.rigsync.demo.simulator.QueryParameters.limit;
import static com.rigsync.demo.simulator.QueryParameters.time;
import static com.rigsync.demo.simulator.QueryParameters.vehicleFilter;
import static com.rigsync.demo.simulator.SamsaraJson.error;
import static com.rigsync.demo.simulator.SamsaraJson.list;
import static com.rigsync.demo.simulator.SamsaraJson.ok;

/**
 * The vehicles as the simulated API lists them now (the fleet after deletions and VIN changes), in id order, and the
 * endpoints that read them: {@code GET /fleet/vehicles} page by page and {@code GET /fleet/vehicles/{id}}. Not
 * thread-safe: {@link SimulatedSamsara} calls it under its lock.
 */
final class VehicleList {

    private final SimulatedFleet fleet;
    private final int pageSize;
    private final FaultSwitches faults;
    private final TreeMap<String, SimulatedVehicle> vehicles = new TreeMap<>();

    VehicleList(SimulatedFleet fleet, int pageSize, FaultSwitches faults) {
        this.fleet = fleet;
        this.pageSize = pageSize;
        this.faults = faults;
    }

    /** {@code GET /fleet/vehicles}. */
    SimulatedResponse page(SimulatedRequest request) {
        int limit = limit(request, pageSize);
        Cursor position = Cursor.after(request, "v", new Cursor("v", 0, 0, "", 0));
        Predicate<SimulatedVehicle> filter = vehicleFilter(request);
        Instant updatedAfter = time(request, "updatedAfterTime");
        Instant createdAfter = time(request, "createdAfterTime");
        if (updatedAfter != null) {
            filter = filter.and(v -> v.updatedAtTime().isAfter(updatedAfter));
        }
        if (createdAfter != null) {
            filter = filter.and(v -> v.createdAtTime().isAfter(createdAfter));
        }
        SimulatedResponse empty = faults.emptyPageAt(position);
        if (empty != null) {
            return empty;
        }
        List<SimulatedVehicle> page = new ArrayList<>();
        boolean more = false;
        for (SimulatedVehicle vehicle : after(position.lastId())) {
            if (filter.test(vehicle)) {
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(vehicle);
            }
        }
        List<Object> data = page.stream().<Object>map(SamsaraJson::vehicle).toList();
        return list(data, more ? position.at(page.getLast().id()).encode() : "", more);
    }

    /** {@code GET /fleet/vehicles/{id}}, where the id may also be {@code samsara.vin:<VIN>}. */
    SimulatedResponse one(String rawId, String requestId) {
        String id = percentDecode(rawId);
        SimulatedVehicle found;
        if (id.startsWith("samsara.vin:")) {
            String vin = id.substring("samsara.vin:".length());
            found = vehicles.values().stream().filter(v -> vin.equals(v.vin()) && !vin.isEmpty()).findFirst()
                    .orElse(null);
        } else {
            found = vehicles.get(id);
        }
        if (found == null) {
            return error(404, "Vehicle " + id + " not found.", requestId);
        }
        return ok(Map.of("data", SamsaraJson.vehicle(found)));
    }

    /** The vehicles after {@code lastId} in id order: where the next page of a list starts. */
    Collection<SimulatedVehicle> after(String lastId) {
        return vehicles.tailMap(lastId, false).values();
    }

    /** The vehicle, or null when there is none with this id (any more). */
    SimulatedVehicle get(String id) {
        return vehicles.get(id);
    }

    /** The vehicle a switch names, which must be listed. */
    SimulatedVehicle existing(String id) {
        SimulatedVehicle vehicle = vehicles.get(id);
        if (vehicle == null) {
            throw new IllegalArgumentException("no simulated vehicle " + id);
        }
        return vehicle;
    }

    List<SimulatedVehicle> all() {
        return List.copyOf(vehicles.values());
    }

    void delete(String id) {
        if (vehicles.remove(id) == null) {
            throw new IllegalArgumentException("no simulated vehicle " + id);
        }
    }

    void changeVin(String id, String newVin, Instant now) {
        vehicles.put(id, existing(id).withVin(newVin, now));
    }

    /** Back to the fleet's vehicles as they were made. */
    void reset() {
        vehicles.clear();
        fleet.vehicles().forEach(v -> vehicles.put(v.id(), v));
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
