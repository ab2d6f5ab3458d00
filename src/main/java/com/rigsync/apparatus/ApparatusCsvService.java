package com.rigsync.apparatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.rigsync.apparatus.ApparatusEdits.Values;
import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.department.PreferencesService;
import com.rigsync.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.rigsync.apparatus.ApparatusEdits.cleanName;
import static com.rigsync.apparatus.ApparatusService.EDITORS;

/**
 * The department's apparatus as CSV files: exporting the grid as it is filtered and sorted, and importing a file,
 * previewed row by row first, then applied all or nothing under the same rules as the form ({@link ApparatusEdits}).
 * For administrators and data managers; the department always comes from the signed-in user.
 */
@Service
public class ApparatusCsvService {

    /** The largest CSV file an import takes, in bytes and in rows; the upload refuses larger ones unread. */
    public static final int MAX_IMPORT_BYTES = ApparatusCsv.MAX_BYTES;
    public static final int MAX_IMPORT_ROWS = ApparatusCsv.MAX_ROWS;


    private static final int EXPORT_PAGE = 1000;

    private final ApparatusRepository apparatus;
    private final ApparatusQueries queries;
    private final CachedSamsaraVehicles vehicleCache;
    private final ApparatusEdits edits;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final FleetBounds fleetBounds;
    private final PreferencesService preferences;

    ApparatusCsvService(ApparatusRepository apparatus, ApparatusQueries queries, CachedSamsaraVehicles vehicleCache,
                        ApparatusEdits edits, AuditService audit, CurrentUser currentUser,
                        FleetBounds fleetBounds, PreferencesService preferences) {
        this.apparatus = apparatus;
        this.queries = queries;
        this.vehicleCache = vehicleCache;
        this.edits = edits;
        this.audit = audit;
        this.currentUser = currentUser;
        this.fleetBounds = fleetBounds;
        this.preferences = preferences;
    }

    /**
     * The grid's current filter (fleet condition included) and sort as CSV (UTF-8), read page by page, with the
     * synced values in the department's units and time zone.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(EDITORS)
    public byte[] exportCsv(ApparatusFilter filter, Sort sort) {
        long departmentId = currentUser.departmentId();
        ApparatusQueries.Bounds bounds = fleetBounds.forRows(departmentId, filter);
        DisplayPreferences display = preferences.display();
        return ApparatusCsv.write(display.units(), display.zone(), sink -> {
            long offset = 0;
            while (true) {
                List<ApparatusRow> rows = queries.page(departmentId, filter, bounds, offset, EXPORT_PAGE, sort);
                rows.forEach(sink);
                if (rows.size() < EXPORT_PAGE) {
                    return;
                }
                offset += EXPORT_PAGE;
            }
        });
    }

    /** What importing the file would do, row by row; changes nothing. Refuses unreadable files with the reason. */
    @Transactional(readOnly = true)
    @PreAuthorize(EDITORS)
    public ImportPreview previewImport(byte[] file) {
        return new ImportPreview(plan(currentUser.departmentId(), ApparatusCsv.read(file)).stream()
                .map(PlannedRow::row).toList());
    }

    /** Imports every row of the file, or nothing when any row has an error. Returns what was done. */
    @Transactional
    @PreAuthorize(EDITORS)
    public ImportPreview applyImport(byte[] file, String fileName) {
        long departmentId = currentUser.departmentId();
        List<PlannedRow> planned = plan(departmentId, ApparatusCsv.read(file));
        ImportPreview preview = new ImportPreview(planned.stream().map(PlannedRow::row).toList());
        if (preview.count(ImportOutcome.ERROR) > 0) {
            throw new ApparatusRefusedException(null, "Nothing was imported: " + preview.count(ImportOutcome.ERROR)
                    + " rows have errors. Correct them in the file and import it again.");
        }
        int linked = 0;
        int unlinked = 0;
        for (PlannedRow p : planned) {
            if (p.row().outcome() == ImportOutcome.NEW || p.row().outcome() == ImportOutcome.UPDATE) {
                Apparatus target = p.target() == null ? new Apparatus(departmentId) : p.target();
                String before = target.getSamsaraVehicleId();
                edits.apply(departmentId, target, p.values());
                if (!Objects.equals(before, target.getSamsaraVehicleId())) {
                    if (target.getSamsaraVehicleId() != null) {
                        linked++;
                    } else {
                        unlinked++;
                    }
                }
                apparatus.save(target);
            }
        }
        try {
            apparatus.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ApparatusRefusedException(null, "Nothing was imported: the file clashes with a change made "
                    + "meanwhile (a unit name or Samsara ID is now taken). Preview the file again.");
        }
        audit.record(departmentId, AuditAction.APPARATUS_IMPORTED, fileName == null ? "CSV file" : fileName,
                preview.summary() + "; Samsara IDs linked: " + linked + ", unlinked: " + unlinked);
        return preview;
    }

    private record PlannedRow(ImportRow row, Apparatus target, Values values) {
    }

    private List<PlannedRow> plan(long departmentId, List<ApparatusCsv.Line> lines) {
        List<Apparatus> existing = apparatus.findByDepartmentId(departmentId);
        Map<Long, Apparatus> byId = new HashMap<>();
        Map<String, Apparatus> byName = new HashMap<>();
        for (Apparatus a : existing) {
            byId.put(a.getId(), a);
            byName.put(key(a.getUnitName()), a);
        }
        Set<String> knownVehicles = vehicleCache.ids(departmentId);
        boolean haveVehicleList = !knownVehicles.isEmpty();

        List<PlannedRow> planned = new ArrayList<>();
        for (ApparatusCsv.Line line : lines) {
            String unit = line.get(ApparatusCsv.UNIT);
            try {
                Apparatus target = target(line, byId, byName);
                Values values = edits.validate(details(line, target));
                if (values.samsaraId() != null && haveVehicleList && !knownVehicles.contains(values.samsaraId())
                        && (target == null || !values.samsaraId().equals(target.getSamsaraVehicleId()))) {
                    throw new ApparatusRefusedException(ApparatusCsv.SAMSARA_ID, "no Samsara vehicle has the ID "
                            + values.samsaraId());
                }
                if (target == null) {
                    planned.add(new PlannedRow(new ImportRow(line.number(), values.unitName(), ImportOutcome.NEW,
                            "new apparatus"), null, values));
                } else {
                    List<String> changes = changes(target, values);
                    planned.add(new PlannedRow(new ImportRow(line.number(), values.unitName(),
                            changes.isEmpty() ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATE,
                            changes.isEmpty() ? "" : "changes " + String.join(", ", changes)), target, values));
                }
            } catch (ApparatusRefusedException e) {
                planned.add(new PlannedRow(new ImportRow(line.number(), unit, ImportOutcome.ERROR, e.getMessage()),
                        null, null));
            }
        }
        markClashes(planned, existing);
        return planned;
    }

    /** Two rows for one apparatus, or final unit names / Samsara IDs held twice, are errors on the rows involved. */
    private static void markClashes(List<PlannedRow> planned, List<Apparatus> existing) {
        Map<Object, List<Integer>> byTarget = new HashMap<>();
        Map<String, List<Integer>> byName = new HashMap<>();
        Map<String, List<Integer>> bySamsaraId = new HashMap<>();
        Set<Long> touched = new HashSet<>();
        for (int i = 0; i < planned.size(); i++) {
            PlannedRow p = planned.get(i);
            if (p.values() == null) {
                continue;
            }
            if (p.target() != null) {
                touched.add(p.target().getId());
                byTarget.computeIfAbsent(p.target().getId(), k -> new ArrayList<>()).add(i);
            }
            byName.computeIfAbsent(key(p.values().unitName()), k -> new ArrayList<>()).add(i);
            if (p.values().samsaraId() != null) {
                bySamsaraId.computeIfAbsent(p.values().samsaraId(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, String> untouchedNames = new HashMap<>();
        Map<String, String> untouchedLinks = new HashMap<>();
        for (Apparatus a : existing) {
            if (!touched.contains(a.getId())) {
                untouchedNames.put(key(a.getUnitName()), a.getUnitName());
                if (a.getSamsaraVehicleId() != null) {
                    untouchedLinks.put(a.getSamsaraVehicleId(), a.getUnitName());
                }
            }
        }
        Map<Integer, String> errors = new HashMap<>();
        byTarget.values().stream().filter(rows -> rows.size() > 1).forEach(rows -> rows.forEach(i ->
                errors.putIfAbsent(i, "rows " + rowNumbers(planned, rows) + " are all for the same apparatus")));
        byName.forEach((name, rows) -> {
            if (rows.size() > 1) {
                rows.forEach(i -> errors.putIfAbsent(i, "rows " + rowNumbers(planned, rows)
                        + " have the same unit name"));
            } else if (untouchedNames.containsKey(name)) {
                errors.putIfAbsent(rows.getFirst(), "another apparatus is already called '"
                        + untouchedNames.get(name) + "'");
            }
        });
        bySamsaraId.forEach((id, rows) -> {
            if (rows.size() > 1) {
                rows.forEach(i -> errors.putIfAbsent(i, "rows " + rowNumbers(planned, rows)
                        + " link the same Samsara vehicle " + id));
            } else if (untouchedLinks.containsKey(id)) {
                errors.putIfAbsent(rows.getFirst(), "Samsara vehicle " + id + " is already linked to "
                        + untouchedLinks.get(id));
            }
        });
        errors.forEach((i, message) -> {
            PlannedRow p = planned.get(i);
            planned.set(i, new PlannedRow(new ImportRow(p.row().line(), p.row().unitName(), ImportOutcome.ERROR,
                    message), null, null));
        });
    }

    private static String rowNumbers(List<PlannedRow> planned, List<Integer> indexes) {
        return String.join(", ", indexes.stream().map(i -> Integer.toString(planned.get(i).row().line())).toList());
    }

    private static Apparatus target(ApparatusCsv.Line line, Map<Long, Apparatus> byId, Map<String, Apparatus> byName) {
        String id = line.get(ApparatusCsv.ID);
        if (id != null) {
            try {
                Apparatus found = byId.get(Long.valueOf(id));
                if (found == null) {
                    throw new ApparatusRefusedException(ApparatusCsv.ID, "your department has no apparatus with "
                            + "RigSync id " + id + " (leave the RigSync id empty to add a new one)");
                }
                return found;
            } catch (NumberFormatException e) {
                throw new ApparatusRefusedException(ApparatusCsv.ID, "the RigSync id '" + id + "' is not a number");
            }
        }
        String unit = line.get(ApparatusCsv.UNIT);
        return unit == null ? null : byName.get(key(cleanName(unit)));
    }

    /** The row's values: columns absent from the file keep the apparatus' current values. */
    private static ApparatusDetails details(ApparatusCsv.Line line, Apparatus target) {
        ApparatusDetails d = target == null ? new ApparatusDetails() : ApparatusDetails.of(target);
        d.setUnitName(line.get(ApparatusCsv.UNIT));
        String type = line.get(ApparatusCsv.TYPE);
        d.setType(type == null ? null : ApparatusType.parse(type).orElseThrow(() -> new ApparatusRefusedException(
                "type", "unknown type '" + type + "' (use one of: " + labels(ApparatusType.values()) + ")")));
        String status = line.get(ApparatusCsv.STATUS);
        d.setStatus(status == null ? null : ApparatusStatus.parse(status).orElseThrow(() ->
                new ApparatusRefusedException("status", "unknown status '" + status + "' (use one of: "
                        + labels(ApparatusStatus.values()) + ")")));
        if (line.has(ApparatusCsv.STATION)) {
            d.setStation(line.get(ApparatusCsv.STATION));
        }
        if (line.has(ApparatusCsv.VIN)) {
            d.setVin(line.get(ApparatusCsv.VIN));
        }
        if (line.has(ApparatusCsv.MAKE)) {
            d.setMake(line.get(ApparatusCsv.MAKE));
        }
        if (line.has(ApparatusCsv.MODEL)) {
            d.setModel(line.get(ApparatusCsv.MODEL));
        }
        if (line.has(ApparatusCsv.YEAR)) {
            String year = line.get(ApparatusCsv.YEAR);
            try {
                d.setModelYear(year == null ? null : Integer.valueOf(year));
            } catch (NumberFormatException e) {
                throw new ApparatusRefusedException("modelYear", "the year '" + year + "' is not a number");
            }
        }
        if (line.has(ApparatusCsv.PLATE)) {
            d.setPlate(line.get(ApparatusCsv.PLATE));
        }
        if (line.has(ApparatusCsv.STATUS_REASON)) {
            d.setStatusReason(line.get(ApparatusCsv.STATUS_REASON));
        }
        if (line.has(ApparatusCsv.SAMSARA_ID)) {
            d.setSamsaraVehicleId(line.get(ApparatusCsv.SAMSARA_ID));
        }
        return d;
    }

    private static String labels(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> v instanceof ApparatusType t ? t.label()
                : ((ApparatusStatus) v).label()).toList());
    }

    private static List<String> changes(Apparatus a, Values v) {
        List<String> changes = new ArrayList<>();
        compare(changes, "unit", a.getUnitName(), v.unitName());
        compare(changes, "type", a.getType(), v.type());
        compare(changes, "station", a.getStation(), v.station());
        compare(changes, "VIN", a.getVinNormalized(), v.vin());
        compare(changes, "make", a.getMake(), v.make());
        compare(changes, "model", a.getModel(), v.model());
        compare(changes, "year", a.getModelYear(), v.modelYear());
        compare(changes, "plate", a.getPlate(), v.plate());
        compare(changes, "status", a.getStatus(), v.status());
        compare(changes, "status reason", a.getStatusReason(), v.statusReason());
        compare(changes, "Samsara ID", a.getSamsaraVehicleId(), v.samsaraId());
        return changes;
    }

    private static void compare(List<String> changes, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(label);
        }
    }

    private static String key(String unitName) {
        return unitName == null ? null : unitName.toLowerCase(Locale.ROOT);
    }
}
