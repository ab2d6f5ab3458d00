package com.rigsync.apparatus;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditNote;
import com.rigsync.audit.AuditService;
import com.rigsync.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.rigsync.apparatus.ApparatusService.EDITORS;

/**
 * "Edit selected": the same values set on many apparatus at once (administrators and data managers). The preview
 * says what would change and what is refused and why; apply writes the planned changes all or none in one
 * transaction, in batched statements, with an audit entry per apparatus holding the old and new values; undo puts
 * back the values of one's own last bulk change while nobody has changed those apparatus since.
 */
@Service
public class BulkEditService {

    /** More than this in one change is refused: a change that big is a CSV import's job. */
    public static final int MAX_APPARATUS = 10_000;

    private static final int BATCH = 500;

    private final ApparatusQueries queries;
    private final FleetBounds fleetBounds;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    BulkEditService(ApparatusQueries queries, FleetBounds fleetBounds, AuditService audit, CurrentUser currentUser,
                    Clock clock, JdbcTemplate jdbc) {
        this.queries = queries;
        this.fleetBounds = fleetBounds;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** What the change would do to the selection; writes nothing. Refuses a change with a wrong value outright. */
    @Transactional(readOnly = true)
    @PreAuthorize(EDITORS)
    public BulkEditPreview preview(BulkSelection selection, BulkChange change) {
        long departmentId = currentUser.departmentId();
        BulkChange checked = check(change);
        List<BulkEditPreview.Planned> planned = new ArrayList<>();
        List<BulkEditPreview.Refused> refused = new ArrayList<>();
        int unchanged = 0;
        List<BulkTarget> targets;
        Map<Long, BulkSelection.Picked> picked = Map.of();
        if (selection.byFilter()) {
            targets = queries.bulkTargets(departmentId, selection.filter(),
                    fleetBounds.forFilter(departmentId, selection.filter()), MAX_APPARATUS + 1);
            if (targets.size() > MAX_APPARATUS) {
                throw tooMany(queries.count(departmentId, selection.filter(),
                        fleetBounds.forFilter(departmentId, selection.filter())));
            }
        } else {
            if (selection.picked().size() > MAX_APPARATUS) {
                throw tooMany(selection.picked().size());
            }
            picked = selection.picked().stream().collect(Collectors.toMap(BulkSelection.Picked::id,
                    Function.identity(), (a, b) -> a));
            targets = queries.bulkTargets(departmentId, picked.keySet());
            Map<Long, BulkTarget> found = byId(targets);
            for (BulkSelection.Picked p : picked.values()) {
                if (!found.containsKey(p.id())) {
                    refused.add(new BulkEditPreview.Refused(p.unitName(), "deleted by someone meanwhile"));
                }
            }
        }
        for (BulkTarget target : targets) {
            BulkSelection.Picked seen = picked.get(target.id());
            if (seen != null && seen.version() != target.version()) {
                refused.add(new BulkEditPreview.Refused(target.unitName(), "changed by " + target.changedBy()
                        + " meanwhile; select it again to see their change"));
                continue;
            }
            String why = refusal(target, checked);
            if (why != null) {
                refused.add(new BulkEditPreview.Refused(target.unitName(), why));
                continue;
            }
            BulkValues after = applied(target, checked);
            if (after.equals(target.values())) {
                unchanged++;
            } else {
                planned.add(new BulkEditPreview.Planned(target.id(), target.version(), target.unitName(),
                        after.changesFrom(target.values())));
            }
        }
        planned.sort((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.unitName(), b.unitName()));
        refused.sort((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.unitName(), b.unitName()));
        return new BulkEditPreview(checked, planned, refused, unchanged);
    }

    /**
     * Writes the preview's planned changes, all or none: every apparatus must still be at the version the preview
     * read (else nothing is written and the message names who changed which). Returns the receipt for undo.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public BulkEditReceipt apply(BulkEditPreview preview) {
        long departmentId = currentUser.departmentId();
        BulkChange change = check(preview.change());
        if (preview.changes().size() > MAX_APPARATUS) {
            throw tooMany(preview.changes().size());
        }
        Map<Long, BulkTarget> current = byId(queries.bulkTargets(departmentId,
                preview.changes().stream().map(BulkEditPreview.Planned::id).toList()));
        List<String> problems = new ArrayList<>();
        List<BulkEditReceipt.Undo> rows = new ArrayList<>();
        for (BulkEditPreview.Planned plan : preview.changes()) {
            BulkTarget target = current.get(plan.id());
            if (target == null) {
                problems.add(plan.unitName() + " was deleted meanwhile");
            } else if (target.version() != plan.version()) {
                problems.add(target.unitName() + " was changed by " + target.changedBy() + " meanwhile");
            } else if (refusal(target, change) != null) {
                problems.add(target.unitName() + ": " + refusal(target, change));
            } else {
                rows.add(new BulkEditReceipt.Undo(target.id(), target.version() + 1, target.unitName(),
                        target.values(), applied(target, change)));
            }
        }
        if (!problems.isEmpty()) {
            throw refused("Nothing was changed", problems, "Preview again to see how things stand now.");
        }
        write(departmentId, rows, false);
        return new BulkEditReceipt(currentUser.require().getUsername(), departmentId, clock.instant(), rows);
    }

    /**
     * Puts back the values one's own bulk change replaced, all or none: refused if anyone (oneself included) has
     * changed one of those apparatus since. Returns how many were put back.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public int undo(BulkEditReceipt receipt) {
        long departmentId = currentUser.departmentId();
        if (!receipt.username().equals(currentUser.require().getUsername()) || receipt.departmentId() != departmentId) {
            throw new ApparatusRefusedException(null, "Only the person who made a bulk change can undo it.");
        }
        Map<Long, BulkTarget> current = byId(queries.bulkTargets(departmentId,
                receipt.rows().stream().map(BulkEditReceipt.Undo::id).toList()));
        List<String> problems = new ArrayList<>();
        List<BulkEditReceipt.Undo> back = new ArrayList<>();
        for (BulkEditReceipt.Undo row : receipt.rows()) {
            BulkTarget target = current.get(row.id());
            if (target == null) {
                problems.add(row.unitName() + " was deleted since");
            } else if (target.version() != row.versionAfter()) {
                problems.add(target.unitName() + " was changed by " + target.changedBy() + " since");
            } else {
                back.add(new BulkEditReceipt.Undo(row.id(), row.versionAfter() + 1, row.unitName(), row.after(),
                        row.before()));
            }
        }
        if (!problems.isEmpty()) {
            throw refused("Nothing was undone", problems, "Change those apparatus by hand if still needed.");
        }
        write(departmentId, back, true);
        return back.size();
    }

    /**
     * Writes each row's values in statements of {@value #BATCH} rows (an update joined with the rows' values), each
     * row only at the version read: any row that moved meanwhile rolls the whole change back.
     */
    private void write(long departmentId, List<BulkEditReceipt.Undo> rows, boolean undo) {
        String by = currentUser.require().displayName();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<BulkEditReceipt.Undo> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            StringBuilder values = new StringBuilder();
            List<Object> parameters = new ArrayList<>();
            for (BulkEditReceipt.Undo row : chunk) {
                values.append(values.isEmpty() ? "select ? id, ? version, ? station, ? type, ? status, ? reason, "
                        + "? make, ? model, ? model_year" : " union all select ?, ?, ?, ?, ?, ?, ?, ?, ?");
                BulkValues v = row.after();
                parameters.addAll(Arrays.asList(row.id(), row.versionAfter() - 1, v.station(),
                        v.type().name(), v.status().name(), v.statusReason(), v.make(), v.model(), v.modelYear()));
            }
            parameters.addAll(List.of(by, now, departmentId));
            int updated = jdbc.update("update apparatus a join (" + values + ") v on a.id = v.id "
                    + "and a.version = v.version set a.station = v.station, a.type = v.type, a.status = v.status, "
                    + "a.status_reason = v.reason, a.make = v.make, a.model = v.model, a.model_year = v.model_year, "
                    + "a.version = a.version + 1, a.updated_by = ?, a.updated_at = ? where a.department_id = ?",
                    parameters.toArray());
            if (updated != chunk.size()) {
                // read and write are in one transaction, but another editor's save can still land between them
                throw new ApparatusRefusedException(null, "Nothing was " + (undo ? "undone" : "changed")
                        + ": someone changed one of these apparatus at the same moment. Preview again.");
            }
        }
        audit.recordEach(departmentId, undo ? AuditAction.APPARATUS_BULK_UNDONE : AuditAction.APPARATUS_BULK_CHANGED,
                rows.stream().map(row -> new AuditNote(row.id(), row.unitName(), row.after().changesFrom(
                        row.before()))).toList());
    }

    /** Tidies the change and refuses a wrong value, naming the field. */
    private BulkChange check(BulkChange change) {
        if (change.fields().isEmpty()) {
            throw new ApparatusRefusedException(null, "Choose at least one field to set.");
        }
        String station = clean(change.station());
        String make = clean(change.make());
        String model = clean(change.model());
        String reason = clean(change.statusReason());
        max("station", "The station", station, 80);
        max("make", "The make", make, 80);
        max("model", "The model", model, 80);
        max("statusReason", "The reason", reason, 200);
        if (change.sets(BulkField.STATUS) && change.status() == null) {
            throw new ApparatusRefusedException("status", "Choose the status: in service, out of service or reserve.");
        }
        if (change.sets(BulkField.TYPE) && change.type() == null) {
            throw new ApparatusRefusedException("type", "Choose the type of apparatus.");
        }
        int nextYear = ApparatusEdits.latestModelYear(clock);
        Integer year = change.modelYear();
        if (change.sets(BulkField.MODEL_YEAR) && year != null && (year < 1900 || year > nextYear)) {
            throw new ApparatusRefusedException("modelYear", "Enter a model year from 1900 to " + nextYear + ".");
        }
        return new BulkChange(change.fields(), station, change.status(), reason, change.type(), make, model, year);
    }

    /** Why this apparatus cannot take the change, or null. */
    private static String refusal(BulkTarget target, BulkChange change) {
        if (change.sets(BulkField.STATUS) && change.status() == ApparatusStatus.OUT_OF_SERVICE
                && change.statusReason() == null
                && (target.status() != ApparatusStatus.OUT_OF_SERVICE || target.statusReason() == null)) {
            return "out of service needs a reason, and it has none yet: give a reason in the change";
        }
        return null;
    }

    private static BulkValues applied(BulkTarget t, BulkChange c) {
        ApparatusStatus status = c.sets(BulkField.STATUS) ? c.status() : t.status();
        String reason = t.statusReason();
        if (c.sets(BulkField.STATUS)) {
            reason = c.statusReason() != null ? c.statusReason()
                    : t.status() == ApparatusStatus.OUT_OF_SERVICE ? t.statusReason() : null;
        }
        return new BulkValues(
                c.sets(BulkField.STATION) ? c.station() : t.station(),
                c.sets(BulkField.TYPE) ? c.type() : t.type(),
                status,
                status == ApparatusStatus.OUT_OF_SERVICE ? reason : null,
                c.sets(BulkField.MAKE) ? c.make() : t.make(),
                c.sets(BulkField.MODEL) ? c.model() : t.model(),
                c.sets(BulkField.MODEL_YEAR) ? c.modelYear() : t.modelYear());
    }

    private static Map<Long, BulkTarget> byId(Collection<BulkTarget> targets) {
        Map<Long, BulkTarget> byId = new HashMap<>();
        targets.forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    private static ApparatusRefusedException tooMany(long count) {
        return new ApparatusRefusedException(null, "That is " + String.format(Locale.ROOT, "%,d", count) + " apparatus; one bulk "
                + "change covers at most " + String.format(Locale.ROOT, "%,d", MAX_APPARATUS) + ". Narrow the filter (by station, "
                + "type or status) and change them in parts.");
    }

    private static ApparatusRefusedException refused(String what, List<String> problems, String next) {
        return new ApparatusRefusedException(null, what + ": " + String.join("; ", problems.subList(0,
                Math.min(problems.size(), 5))) + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)"
                : "") + ". " + next);
    }

    private static void max(String field, String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ApparatusRefusedException(field, what + " is too long (at most " + max + " characters).");
        }
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
