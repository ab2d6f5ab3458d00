package com.rigsync.demo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static com.rigsync.demo.simulator.QueryParameters.listParam;
import static com.rigsync.demo.simulator.QueryParameters.time;
import static com.rigsync.demo.simulator.QueryParameters.vehicleFilter;
import static com.rigsync.demo.simulator.SamsaraJson.list;
import static com.rigsync.demo.simulator.SamsaraJson.vehicleHeader;
import static com.rigsync.demo.simulator.SimulatedSamsara.MAX_STAT_TYPES;

/**
 * The listed vehicles' stats: {@code GET /fleet/vehicles/stats} (a snapshot at a time) and
 * {@code GET /fleet/vehicles/stats/feed} (the latest readings, then what came since a cursor), over each vehicle's
 * {@link VehicleTelemetry}. Not thread-safe: {@link SimulatedSamsara} calls it under its lock.
 */
final class VehicleStats {

    private static final Duration FEED_WINDOW = Duration.ofHours(1);
    private static final Duration CURSOR_LIFETIME = Duration.ofDays(30);

    private final SimulatedFleet fleet;
    private final VehicleList vehicles;
    private final Pagination pagination;
    private final Map<String, VehicleTelemetry> telemetry = new HashMap<>();

    VehicleStats(SimulatedFleet fleet, VehicleList vehicles, Pagination pagination) {
        this.fleet = fleet;
        this.vehicles = vehicles;
        this.pagination = pagination;
    }

    /** {@code GET /fleet/vehicles/stats}. */
    SimulatedResponse snapshot(SimulatedRequest request, Instant now) {
        List<StatType> types = statTypes(request);
        Instant at = time(request, "time");
        at = at == null || at.isAfter(now) ? now : at;
        Cursor position = Cursor.after(request, "s", new Cursor("s", at.getEpochSecond(), 0, "", 0));
        Instant snapshot = Instant.ofEpochSecond(position.since());
        Predicate<SimulatedVehicle> filter = vehicleFilter(request);
        return pagination.page(position, pagination.pageSize(), vehicles.after(position.lastId()), filter,
                SimulatedVehicle::id, vehicle -> latest(vehicle, types, snapshot));
    }

    /** {@code GET /fleet/vehicles/stats/feed}. */
    SimulatedResponse feed(SimulatedRequest request, Instant now) {
        List<StatType> types = statTypes(request);
        Predicate<SimulatedVehicle> filter = vehicleFilter(request);
        Cursor position = Cursor.after(request, "f", new Cursor("l", now.getEpochSecond(), 0, "", 0));
        SimulatedResponse empty = pagination.emptyPageAt(position);
        if (empty != null) {
            return empty;
        }
        boolean latest = position.kind().equals("l");
        Instant since = Instant.ofEpochSecond(position.since());
        if (!latest && since.isBefore(now.minus(CURSOR_LIFETIME))) {
            throw new BadRequest("Invalid value for 'after': the cursor has expired (cursors last 30 days).");
        }
        Instant until = latest ? since
                : position.until() != 0 ? Instant.ofEpochSecond(position.until()) : min(now, since.plus(FEED_WINDOW));
        List<Object> data = new ArrayList<>();
        String lastId = null;
        boolean more = false;
        for (SimulatedVehicle vehicle : vehicles.after(position.lastId())) {
            if (!filter.test(vehicle) || !until.isAfter(since) && !latest) {
                continue;
            }
            var item = vehicleHeader(vehicle);
            int header = item.size();
            for (StatType type : types) {
                if (!type.reportedBy(vehicle)) {
                    continue;
                }
                List<Map<String, Object>> readings = latest
                        ? List.of(telemetry(vehicle).latest(type, since))
                        : telemetry(vehicle).readingsBetween(type, since, until);
                if (!readings.isEmpty()) {
                    // the feed keys its lists by the type names asked for (engineStates, fuelPercents); only the
                    // snapshot answers in the singular
                    item.put(type.queryName, readings);
                }
            }
            if (item.size() == header) {
                continue; // nothing new from this vehicle
            }
            if (data.size() == pagination.pageSize()) {
                more = true;
                break;
            }
            data.add(item);
            lastId = vehicle.id();
        }
        Cursor next;
        boolean hasNextPage;
        if (more) {
            next = new Cursor(position.kind(), position.since(), until.getEpochSecond(), lastId, 0);
            hasNextPage = true;
        } else {
            Instant end = until.isAfter(since) ? until : since;
            next = new Cursor("f", end.getEpochSecond(), 0, "", 0);
            hasNextPage = !latest && end.isBefore(now);
        }
        return list(data, next.encode(), hasNextPage);
    }

    /** From now on both odometer stats of the vehicle read {@code deltaMeters} more (or less). */
    void moveOdometer(String vehicleId, long deltaMeters) {
        telemetry(vehicles.existing(vehicleId)).moveOdometer(deltaMeters);
    }

    /** From now on the vehicle behaves by the changed profile (its moved odometer is forgotten). */
    VehicleTelemetry changeProfile(String vehicleId, java.util.function.UnaryOperator<VehicleProfile> change) {
        SimulatedVehicle vehicle = vehicles.existing(vehicleId);
        VehicleTelemetry changed = new VehicleTelemetry(change.apply(fleet.profile(vehicle.id())));
        telemetry.put(vehicle.id(), changed);
        return changed;
    }

    /**
     * Forgets moved odometers and changed profiles: every vehicle reports its demo values again. A vehicle whose fault
     * codes were changed reports its own ones again as of {@code now}, so the next sync sees a raised code clear.
     */
    void reset(Instant now) {
        Map<String, VehicleTelemetry> changed = new HashMap<>(telemetry);
        telemetry.clear();
        changed.forEach((id, was) -> {
            VehicleProfile own = fleet.profile(id);
            if (was.profile().fault() != own.fault()) {
                VehicleTelemetry back = new VehicleTelemetry(own);
                back.faultCodesChanged(now);
                telemetry.put(id, back);
            }
        });
    }

    /** A snapshot item: the vehicle's latest reading of each type it reports, keyed in the singular. */
    private Map<String, Object> latest(SimulatedVehicle vehicle, List<StatType> types, Instant at) {
        var item = vehicleHeader(vehicle);
        for (StatType type : types) {
            if (type.reportedBy(vehicle)) {
                item.put(type.answerKey, telemetry(vehicle).latest(type, at));
            }
        }
        return item;
    }

    private VehicleTelemetry telemetry(SimulatedVehicle vehicle) {
        return telemetry.computeIfAbsent(vehicle.id(), id -> new VehicleTelemetry(fleet.profile(id)));
    }

    private static List<StatType> statTypes(SimulatedRequest request) {
        List<String> asked = listParam(request, "types");
        Set<String> names = new LinkedHashSet<>(asked);
        if (names.isEmpty()) {
            throw new BadRequest("types is required: name up to " + MAX_STAT_TYPES + " stat types.");
        }
        if (asked.size() > MAX_STAT_TYPES) {
            throw new BadRequest("Too many stat types: at most " + MAX_STAT_TYPES + " may be requested at once.");
        }
        List<StatType> types = new ArrayList<>();
        for (String name : names) {
            types.add(StatType.byQueryName(name).orElseThrow(() -> new BadRequest("Invalid stat type: " + name
                    + ". Valid types include " + Arrays.stream(StatType.values()).map(t -> t.queryName)
                    .collect(Collectors.joining(", ")) + ".")));
        }
        return types;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
