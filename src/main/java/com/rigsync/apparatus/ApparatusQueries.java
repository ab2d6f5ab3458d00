package com.rigsync.apparatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The grid's page and count queries: the apparatus joined with its telemetry, one page at a time, always within one
 * department. Sorting accepts only the grid's own sort keys, mapped here to columns.
 */
@Component
class ApparatusQueries {

    /**
     * Grid sort keys (the properties of {@link ApparatusRow}) and what they sort by, in order; an expression starting
     * with "-" sorts against the requested direction. Ascending puts what needs attention first where it can: the
     * lowest fuel, the oldest reading and, for faults, the warning lamps first, then the most codes.
     */
    static final Map<String, List<String>> SORTABLE = Map.ofEntries(
            Map.entry("unitName", List.of("a.unitName")),
            Map.entry("type", List.of("a.type")),
            Map.entry("station", List.of("a.station")),
            Map.entry("vin", List.of("a.vinNormalized")),
            Map.entry("make", List.of("a.make")),
            Map.entry("model", List.of("a.model")),
            Map.entry("modelYear", List.of("a.modelYear")),
            Map.entry("plate", List.of("a.plate")),
            Map.entry("status", List.of("a.status")),
            Map.entry("samsaraVehicleId", List.of("a.samsaraVehicleId")),
            Map.entry("linkState", List.of("a.linkFlag")),
            Map.entry("odometerMeters", List.of("t.odometerMeters")),
            Map.entry("engineSeconds", List.of("t.engineSeconds")),
            Map.entry("fuelPercent", List.of("t.fuelPercent")),
            Map.entry("faults", List.of("case when t.warningLamps is null then 1 else 0 end",
                    "-t.activeFaultCount")),
            Map.entry("engineState", List.of("t.engineState")),
            Map.entry("location", List.of("t.address", "t.latitude", "t.longitude")),
            Map.entry("readAt", List.of("t.readAt")),
            Map.entry("syncedAt", List.of("t.syncedAt")));

    private static final String ROW = "select new com.rigsync.apparatus.ApparatusRow(a.id, a.version, a.unitName, "
            + "a.type, a.station, a.vin, a.make, a.model, a.modelYear, a.plate, a.status, a.statusReason, "
            + "a.samsaraVehicleId, a.linkFlag, t.odometerMeters, t.engineSeconds, t.fuelPercent, t.engineState, "
            + "t.activeFaultCount, t.warningLamps, t.faultSummary, t.latitude, t.longitude, t.address, t.readAt, "
            + "t.syncedAt, t.syncError, " + flag(FleetCondition.NOT_REPORTING) + ", " + flag(FleetCondition.LOW_FUEL)
            + ") from Apparatus a left join ApparatusTelemetry t on t.apparatusId = a.id ";

    private final EntityManager entityManager;

    ApparatusQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * What the fleet conditions are measured against: no reading since {@code silentBefore} is not reporting, fuel
     * below {@code lowFuelBelow} % is low, and these apparatus have meter readings waiting for review.
     */
    record Bounds(Instant silentBefore, int lowFuelBelow, Collection<Long> readingsToReview) {

        /** For filters without a fleet condition, where no bound is read. */
        static final Bounds NONE = new Bounds(Instant.EPOCH, 0, List.of());
    }

    /** The JPQL condition each fleet condition stands for: the grid's filter and the Overview's count share it. */
    private static String condition(FleetCondition condition) {
        return switch (condition) {
            case ACTIVE_FAULTS -> "t.activeFaultCount > 0";
            case WARNING_LAMPS -> "t.warningLamps is not null";
            // as FleetAlertConditions decides it: linked, a sync has looked for it, and no reading since the threshold
            case NOT_REPORTING -> "(a.samsaraVehicleId is not null and t.syncedAt is not null"
                    + " and (t.readAt is null or t.readAt < :silentBefore))";
            case LOW_FUEL -> "t.fuelPercent < :lowFuelBelow";
            case NEEDS_REVIEW -> "(a.linkFlag <> com.rigsync.apparatus.LinkFlag.NONE or a.id in :readingsToReview)";
        };
    }

    /** Whether a row is in the fleet condition, by the same condition the filter and the Overview use. */
    private static String flag(FleetCondition condition) {
        return "case when " + condition(condition) + " then true else false end";
    }

    /** How many of the department's apparatus are in each status and each fleet condition, in one query. */
    FleetCounts counts(long departmentId, Bounds bounds) {
        StringBuilder select = new StringBuilder("select count(a)");
        for (ApparatusStatus status : ApparatusStatus.values()) {
            select.append(", sum(case when a.status = com.rigsync.apparatus.ApparatusStatus.").append(status.name())
                    .append(" then 1 else 0 end)");
        }
        for (FleetCondition condition : FleetCondition.values()) {
            select.append(", sum(case when ").append(condition(condition)).append(" then 1 else 0 end)");
        }
        select.append(" from Apparatus a left join ApparatusTelemetry t on t.apparatusId = a.id")
                .append(" where a.departmentId = :departmentId");
        var query = entityManager.createQuery(select.toString(), Object[].class);
        query.setParameter("departmentId", departmentId);
        setBounds(query, bounds);
        Object[] row = query.getSingleResult();
        Map<ApparatusStatus, Integer> byStatus = new EnumMap<>(ApparatusStatus.class);
        Map<FleetCondition, Integer> byCondition = new EnumMap<>(FleetCondition.class);
        int i = 1;
        for (ApparatusStatus status : ApparatusStatus.values()) {
            byStatus.put(status, number(row[i++]));
        }
        for (FleetCondition condition : FleetCondition.values()) {
            byCondition.put(condition, number(row[i++]));
        }
        return new FleetCounts(number(row[0]), byStatus, byCondition);
    }

    /** How many of the department's Samsara links are flagged for a person's review. */
    int flaggedLinks(long departmentId) {
        return entityManager.createQuery("select count(a) from Apparatus a where a.departmentId = :departmentId "
                        + "and a.linkFlag <> com.rigsync.apparatus.LinkFlag.NONE", Long.class)
                .setParameter("departmentId", departmentId).getSingleResult().intValue();
    }

    /** The department's apparatus out of service with why, by unit name; at most {@code limit}. */
    List<FleetOverview.OutOfService> outOfService(long departmentId, int limit) {
        return entityManager.createQuery("select new com.rigsync.apparatus.FleetOverview$OutOfService(a.id, "
                        + "a.unitName, a.statusReason) from Apparatus a where a.departmentId = :departmentId "
                        + "and a.status = com.rigsync.apparatus.ApparatusStatus.OUT_OF_SERVICE order by a.unitName",
                        FleetOverview.OutOfService.class)
                .setParameter("departmentId", departmentId).setMaxResults(limit).getResultList();
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static void setBounds(Query query, Bounds bounds) {
        query.setParameter("silentBefore", bounds.silentBefore());
        query.setParameter("lowFuelBelow", BigDecimal.valueOf(bounds.lowFuelBelow()));
        // an empty "in" list is not valid JPQL; no apparatus has id 0
        query.setParameter("readingsToReview", bounds.readingsToReview().isEmpty() ? List.of(0L)
                : bounds.readingsToReview());
    }

    /** One page of rows; each says whether it is not reporting or low on fuel by {@code bounds}. */
    List<ApparatusRow> page(long departmentId, ApparatusFilter filter, Bounds bounds, long offset, int limit,
                            Sort sort) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(departmentId, filter, bounds, parameters);
        parameters.put("silentBefore", bounds.silentBefore());
        parameters.put("lowFuelBelow", BigDecimal.valueOf(bounds.lowFuelBelow()));
        TypedQuery<ApparatusRow> query = entityManager.createQuery(ROW + where + orderBy(sort), ApparatusRow.class);
        parameters.forEach(query::setParameter);
        query.setFirstResult(Math.toIntExact(offset));
        query.setMaxResults(limit);
        return query.getResultList();
    }

    List<ApparatusRow> page(long departmentId, ApparatusFilter filter, Bounds bounds, Pageable pageable) {
        return page(departmentId, filter, bounds, pageable.getOffset(), pageable.getPageSize(), pageable.getSort());
    }

    long count(long departmentId, ApparatusFilter filter, Bounds bounds) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(departmentId, filter, bounds, parameters);
        TypedQuery<Long> query = entityManager.createQuery("select count(a) from Apparatus a "
                + "left join ApparatusTelemetry t on t.apparatusId = a.id " + where, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static final String BULK_TARGET = "select new com.rigsync.apparatus.BulkTarget(a.id, a.version, "
            + "a.unitName, a.updatedBy, a.station, a.type, a.status, a.statusReason, a.make, a.model, a.modelYear) "
            + "from Apparatus a left join ApparatusTelemetry t on t.apparatusId = a.id ";

    /** Up to {@code max} of the apparatus the filter matches, by unit name, for "Edit selected"; one query. */
    List<BulkTarget> bulkTargets(long departmentId, ApparatusFilter filter, Bounds bounds, int max) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(departmentId, filter, bounds, parameters);
        TypedQuery<BulkTarget> query = entityManager.createQuery(BULK_TARGET + where + " order by a.unitName, a.id",
                BulkTarget.class);
        parameters.forEach(query::setParameter);
        query.setMaxResults(max);
        return query.getResultList();
    }

    /** The department's apparatus with these ids (missing ones are left out), a thousand ids per query. */
    List<BulkTarget> bulkTargets(long departmentId, Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<BulkTarget> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 1000) {
            found.addAll(entityManager.createQuery(BULK_TARGET + "where a.departmentId = :departmentId "
                            + "and a.id in :ids", BulkTarget.class)
                    .setParameter("departmentId", departmentId)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .getResultList());
        }
        return found;
    }

    private static String where(long departmentId, ApparatusFilter filter, Bounds bounds,
                                Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("a.departmentId = :departmentId");
        parameters.put("departmentId", departmentId);
        if (filter.text() != null && !filter.text().isBlank()) {
            // the database collation compares case-insensitively
            String text = filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            parameters.put("text", "%" + text + "%");
            String vin = Vin.normalize(filter.text());
            parameters.put("vinText", "%" + (vin == null ? text : vin.replace("%", "\\%").replace("_", "\\_")) + "%");
            conditions.add("(a.unitName like :text or a.station like :text or a.vinNormalized like :vinText "
                    + "or a.make like :text or a.model like :text or a.plate like :text "
                    + "or a.samsaraVehicleId like :text)");
        }
        if (filter.station() != null && !filter.station().isBlank()) {
            conditions.add("a.station = :station");
            parameters.put("station", filter.station());
        }
        if (filter.type() != null) {
            conditions.add("a.type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.status() != null) {
            conditions.add("a.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.notLinkedOnly()) {
            conditions.add("a.samsaraVehicleId is null");
        }
        if (filter.condition() != null) {
            conditions.add(condition(filter.condition()));
            switch (filter.condition()) {
                case NOT_REPORTING -> parameters.put("silentBefore", bounds.silentBefore());
                case LOW_FUEL -> parameters.put("lowFuelBelow", BigDecimal.valueOf(bounds.lowFuelBelow()));
                case NEEDS_REVIEW -> parameters.put("readingsToReview", bounds.readingsToReview().isEmpty()
                        ? List.of(0L) : bounds.readingsToReview());
                default -> { }
            }
        }
        return "where " + String.join(" and ", conditions);
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            for (String expression : SORTABLE.getOrDefault(order.getProperty(), List.of())) {
                boolean reversed = expression.startsWith("-");
                parts.add((reversed ? expression.substring(1) : expression)
                        + (order.isAscending() != reversed ? " asc" : " desc"));
            }
        }
        if (parts.isEmpty()) {
            parts.add("a.unitName asc");
        }
        parts.add("a.id asc");
        return " order by " + String.join(", ", parts);
    }
}
