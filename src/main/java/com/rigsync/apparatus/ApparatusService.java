package com.rigsync.apparatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.rigsync.apparatus.ApparatusEdits.Values;
import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department's apparatus records: reading them page by page, and adding, editing, deleting and unlinking them
 * (administrators and data managers). Finding Samsara IDs by VIN is {@link SamsaraLinking}'s, CSV files are
 * {@link ApparatusCsvService}'s. The department always comes from the signed-in user.
 */
@Service
public class ApparatusService {

    static final String READERS = "hasAnyRole('ADMINISTRATOR', 'DATA_MANAGER', 'MEMBER')";
    static final String EDITORS = "hasAnyRole('ADMINISTRATOR', 'DATA_MANAGER')";

    private final ApparatusRepository apparatus;
    private final ApparatusQueries queries;
    private final SamsaraVehicleLookup samsaraVehicles;
    private final ApparatusEdits edits;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final FleetBounds fleetBounds;

    ApparatusService(ApparatusRepository apparatus, ApparatusQueries queries, SamsaraVehicleLookup samsaraVehicles,
                     ApparatusEdits edits, AuditService audit, CurrentUser currentUser, Clock clock,
                     FleetBounds fleetBounds) {
        this.apparatus = apparatus;
        this.queries = queries;
        this.samsaraVehicles = samsaraVehicles;
        this.edits = edits;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.fleetBounds = fleetBounds;
    }

    /** Whether the signed-in user may add, edit and delete (the server checks again on every write). */
    @PreAuthorize(READERS)
    public boolean mayEdit() {
        Role role = currentUser.require().role();
        return role == Role.ADMINISTRATOR || role == Role.DATA_MANAGER;
    }

    /** One page of the grid; sort keys are {@link ApparatusRow} property names (others are ignored). */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ApparatusRow> page(ApparatusFilter filter, Pageable pageable) {
        long departmentId = currentUser.departmentId();
        return queries.page(departmentId, filter, fleetBounds.forRows(departmentId, filter), pageable);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public long count(ApparatusFilter filter) {
        long departmentId = currentUser.departmentId();
        return queries.count(departmentId, filter, fleetBounds.forFilter(departmentId, filter));
    }

    /** The stations the department's apparatus are at, for filters and suggestions. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<String> stations() {
        return apparatus.stationsOf(currentUser.departmentId());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public ApparatusDetails details(long id) {
        return ApparatusDetails.of(find(currentUser.departmentId(), id));
    }

    /** Adds or updates an apparatus; refuses a save over someone else's change made since the form was opened. */
    @Transactional
    @PreAuthorize(EDITORS)
    public ApparatusDetails save(ApparatusDetails details) {
        long departmentId = currentUser.departmentId();
        Values values = edits.validate(details);
        Apparatus target = details.isNew() ? new Apparatus(departmentId) : find(departmentId, details.getId());
        if (!details.isNew() && target.getVersion() != details.getVersion()) {
            throw changedMeanwhile(target);
        }
        edits.checkUnique(departmentId, target, values);
        if (values.samsaraId() != null && !values.samsaraId().equals(target.getSamsaraVehicleId())) {
            SamsaraIdCheck check = samsaraVehicles.checkSamsaraId(values.samsaraId());
            if (check.verdict() == SamsaraIdCheck.Verdict.NOT_FOUND) {
                throw new ApparatusRefusedException("samsaraVehicleId", check.message());
            }
        }
        String linkedBefore = target.getSamsaraVehicleId();
        edits.apply(departmentId, target, values);
        Apparatus saved = edits.write(target);
        edits.auditLinkChange(departmentId, saved, linkedBefore);
        return ApparatusDetails.of(saved);
    }

    /** Saves the grid's inline changes (station, status and reason, plate, Samsara ID) to one apparatus. */
    @Transactional
    @PreAuthorize(EDITORS)
    public ApparatusDetails saveInline(ApparatusRow row) {
        ApparatusDetails details = ApparatusDetails.of(find(currentUser.departmentId(), row.getId()));
        if (details.getVersion() != row.getVersion()) {
            throw changedMeanwhile(find(currentUser.departmentId(), row.getId()));
        }
        details.setStation(row.getStation());
        details.setStatus(row.getStatus());
        details.setStatusReason(row.getStatusReason());
        details.setPlate(row.getPlate());
        details.setSamsaraVehicleId(row.getSamsaraVehicleId());
        return save(details);
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public void delete(long id, long version) {
        long departmentId = currentUser.departmentId();
        Apparatus target = find(departmentId, id);
        if (target.getVersion() != version) {
            throw changedMeanwhile(target);
        }
        apparatus.delete(target);
        apparatus.flush();
        audit.record(departmentId, AuditAction.APPARATUS_DELETED, target.getUnitName(),
                target.getSamsaraVehicleId() == null ? "was not linked to Samsara"
                        : "was linked to Samsara vehicle " + target.getSamsaraVehicleId());
    }

    /** Removes the Samsara link from the chosen apparatus; returns how many were linked. */
    @Transactional
    @PreAuthorize(EDITORS)
    public int unlink(Collection<Long> ids) {
        long departmentId = currentUser.departmentId();
        List<Apparatus> linked = apparatus.findByDepartmentIdAndIdIn(departmentId, ids).stream()
                .filter(a -> a.getSamsaraVehicleId() != null).toList();
        List<String> units = new ArrayList<>();
        for (Apparatus a : linked) {
            units.add(a.getUnitName() + " (was " + a.getSamsaraVehicleId() + ")");
            a.link(null, LinkFlag.NONE);
            a.touch(currentUser.require().displayName(), clock.instant());
        }
        apparatus.flush();
        if (!linked.isEmpty()) {
            audit.record(departmentId, AuditAction.SAMSARA_BULK_UNLINKED, linked.size() + " apparatus",
                    String.join(", ", units));
        }
        return linked.size();
    }

    private Apparatus find(long departmentId, long id) {
        // another department's apparatus is answered exactly like a missing one
        return apparatus.findByIdAndDepartmentId(id, departmentId).orElseThrow(() -> new ApparatusRefusedException(
                null, "This apparatus no longer exists; someone may have deleted it. The list shows the current "
                + "apparatus."));
    }

    private static ChangedMeanwhileException changedMeanwhile(Apparatus current) {
        return new ChangedMeanwhileException(current.getUnitName(),
                current.getUpdatedBy() == null ? "someone else" : current.getUpdatedBy());
    }
}
