package com.rigsync.apparatus.ui;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rigsync.apparatus.ApparatusFilter;
import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.ApparatusType;
import com.rigsync.apparatus.FleetCondition;
import com.vaadin.flow.router.QueryParameters;

/**
 * The grid's filter as it reads in the address, so a filtered grid can be bookmarked and shared:
 * {@code apparatus?show=not-reporting}, {@code apparatus?status=OUT_OF_SERVICE},
 * {@code apparatus?search=pierce&station=Station%202&type=TANKER&not-linked=true}. A value it does not know (a
 * condition, status, type or station the department does not have) is left out, so that part does not filter: an old
 * or mistyped link shows the grid, never an error.
 */
final class FilterAddress {

    static final String SHOW = "show";
    static final String STATUS = "status";
    static final String SEARCH = "search";
    static final String STATION = "station";
    static final String TYPE = "type";
    static final String NOT_LINKED = "not-linked";

    /** Longer search text is cut: no unit, VIN, make, plate or Samsara ID is this long. */
    static final int MAX_SEARCH = 100;

    private FilterAddress() {
    }

    /** The parameters that stand for the filter; what does not filter is left out. */
    static QueryParameters of(ApparatusFilter filter) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (filter.condition() != null) {
            parameters.put(SHOW, filter.condition().key());
        }
        if (filter.status() != null) {
            parameters.put(STATUS, filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            parameters.put(SEARCH, filter.text());
        }
        if (filter.station() != null) {
            parameters.put(STATION, filter.station());
        }
        if (filter.type() != null) {
            parameters.put(TYPE, filter.type().name());
        }
        if (filter.notLinkedOnly()) {
            parameters.put(NOT_LINKED, "true");
        }
        return QueryParameters.simple(parameters);
    }

    /** The filter the address asks for, from what it knows; {@code stations} are the department's. */
    static ApparatusFilter read(QueryParameters parameters, Collection<String> stations) {
        FleetCondition condition = value(parameters, SHOW)
                .flatMap(key -> FleetCondition.ofKey(key.toLowerCase(Locale.ROOT))).orElse(null);
        ApparatusStatus status = value(parameters, STATUS).flatMap(name -> constant(ApparatusStatus.class, name))
                .orElse(null);
        // as typed, spaces and all: the search field shows it back while the person is still typing
        String search = parameters.getSingleParameter(SEARCH).filter(text -> !text.isBlank())
                .map(text -> text.length() > MAX_SEARCH ? text.substring(0, MAX_SEARCH) : text).orElse(null);
        String station = value(parameters, STATION).flatMap(name -> stations.stream()
                .filter(known -> known.equalsIgnoreCase(name)).findFirst()).orElse(null);
        ApparatusType type = value(parameters, TYPE).flatMap(name -> constant(ApparatusType.class, name))
                .orElse(null);
        boolean notLinked = parameters.getSingleParameter(NOT_LINKED).map(String::strip)
                .filter(v -> v.isEmpty() || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")).isPresent();
        return new ApparatusFilter(search, station, type, status, notLinked, condition);
    }

    private static Optional<String> value(QueryParameters parameters, String name) {
        return parameters.getSingleParameter(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** OUT_OF_SERVICE, out_of_service or out-of-service. */
    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
