package com.rigsync.demo.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static com.rigsync.demo.simulator.QueryParameters.time;
import static com.rigsync.demo.simulator.QueryParameters.vehicleFilter;
import static com.rigsync.demo.simulator.SamsaraJson.error;
import static com.rigsync.demo.simulator.SamsaraJson.ok;

/**
 * The vehicles as the simulated API lists them now (the fleet after deletions and VIN changes), in id order, and the
 * endpoints that read them: {@code GET /fleet/vehicles} page by page and {@code GET /fleet/vehicles/{id}}. Not
 * thread-safe: {@link SimulatedSamsara} calls it under its lock.
 */
final class VehicleList {

    private final SimulatedFleet fleet;
    private final Pagination pagination;
    private final TreeMap<String, SimulatedVehicle> vehicles = new TreeMap<>();

    VehicleList(SimulatedFleet fleet, Pagination pagination) {
        this.fleet = fleet;
        this.pagination = pagination;
    }

    /** {@code GET /fleet/vehicles}. */
    SimulatedResponse page(SimulatedRequest request) {
        int limit = pagination.limit(request);
        Cursor position = Cursor.after(request, "v", new Cursor("v", 0, 0, "", 0));
        Predicate<SimulatedVehicle> filter = vehicleFilter(request);
        Instant updatedAfter = time(request, "updatedAfterTime");
        Instant createdAfter = time(request, "createdAfterTime");
        // "after" in Samsara's parameter names means at or after: a vehicle updated at that very instant is listed
        if (updatedAfter != null) {
            filter = filter.and(v -> !v.updatedAtTime().isBefore(updatedAfter));
        }
        if (createdAfter != null) {
            filter = filter.and(v -> !v.createdAtTime().isBefore(createdAfter));
        }
        return pagination.page(position, limit, after(position.lastId()), filter, SimulatedVehicle::id,
                SamsaraJson::vehicle);
    }

    /**
     * {@code GET /fleet/vehicles/{id}}, where the id may also be any of the vehicle's external ids as
     * {@code key:value} ({@code samsara.vin:<VIN>}, {@code samsara.serial:<serial>}, {@code firstdue.apparatusId:42}).
     */
    SimulatedResponse one(String rawId, String requestId) {
        String id = percentDecode(rawId);
        SimulatedVehicle found;
        int colon = id.indexOf(':');
        if (colon > 0) {
            String key = id.substring(0, colon);
            String value = id.substring(colon + 1);
            found = value.isEmpty() ? null : vehicles.values().stream()
                    .filter(v -> value.equals(SamsaraJson.externalIds(v).get(key))).findFirst().orElse(null);
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

    void retag(String id, List<SimulatedTag> tags, Instant now) {
        vehicles.put(id, existing(id).withTags(tags, now));
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
