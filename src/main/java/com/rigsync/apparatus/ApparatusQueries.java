package com.rigsync.apparatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
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

    /** Grid sort keys (the properties of {@link ApparatusRow}) and what they sort by. */
    static final Map<String, String> SORTABLE = Map.ofEntries(
            Map.entry("unitName", "a.unitName"),
            Map.entry("type", "a.type"),
            Map.entry("station", "a.station"),
            Map.entry("vin", "a.vinNormalized"),
            Map.entry("make", "a.make"),
            Map.entry("model", "a.model"),
            Map.entry("modelYear", "a.modelYear"),
            Map.entry("plate", "a.plate"),
            Map.entry("status", "a.status"),
            Map.entry("samsaraVehicleId", "a.samsaraVehicleId"),
            Map.entry("linkState", "a.linkFlag"),
            Map.entry("odometerMeters", "t.odometerMeters"),
            Map.entry("engineSeconds", "t.engineSeconds"),
            Map.entry("readAt", "t.readAt"),
            Map.entry("syncedAt", "t.syncedAt"));

    private static final String ROW = "select new com.rigsync.apparatus.ApparatusRow(a.id, a.version, a.unitName, "
            + "a.type, a.station, a.vin, a.make, a.model, a.modelYear, a.plate, a.status, a.statusReason, "
            + "a.samsaraVehicleId, a.linkFlag, t.odometerMeters, t.engineSeconds, t.readAt, t.syncedAt, t.syncError) "
            + "from Apparatus a left join ApparatusTelemetry t on t.apparatusId = a.id ";

    private final EntityManager entityManager;

    ApparatusQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<ApparatusRow> page(long departmentId, ApparatusFilter filter, long offset, int limit, Sort sort) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(departmentId, filter, parameters);
        TypedQuery<ApparatusRow> query = entityManager.createQuery(ROW + where + orderBy(sort), ApparatusRow.class);
        parameters.forEach(query::setParameter);
        query.setFirstResult(Math.toIntExact(offset));
        query.setMaxResults(limit);
        return query.getResultList();
    }

    List<ApparatusRow> page(long departmentId, ApparatusFilter filter, Pageable pageable) {
        return page(departmentId, filter, pageable.getOffset(), pageable.getPageSize(), pageable.getSort());
    }

    long count(long departmentId, ApparatusFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(departmentId, filter, parameters);
        TypedQuery<Long> query = entityManager.createQuery("select count(a) from Apparatus a " + where, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(long departmentId, ApparatusFilter filter, Map<String, Object> parameters) {
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
        return "where " + String.join(" and ", conditions);
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORTABLE.get(order.getProperty());
            if (column != null) {
                parts.add(column + (order.isAscending() ? " asc" : " desc"));
            }
        }
        if (parts.isEmpty()) {
            parts.add("a.unitName asc");
        }
        parts.add("a.id asc");
        return " order by " + String.join(", ", parts);
    }
}
