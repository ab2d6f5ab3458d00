package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import com.rigsync.apparatus.ApparatusEdits.Values;
import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditEntry;
import com.rigsync.audit.AuditService;
import com.rigsync.base.BackgroundCalls;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The department's apparatus records: reading them page by page, and adding, editing, deleting and unlinking them
 * (administrators and data managers). Finding Samsara IDs by VIN is {@link SamsaraLinking}'s, CSV files are
 * {@link ApparatusCsvService}'s. The department always comes from the signed-in user.
 */
@Service
public class ApparatusService {

    static final String READERS = "hasAnyRole('ADMINISTRATOR', 'DATA_MANAGER', 'MEMBER')";
    static final String EDITORS = "hasAnyRole('ADMINISTRATOR', 'DATA_MANAGER')";
    static final int HISTORY_SHOWN = 100;
    static final String BUSY = "Samsara is answering slowly for many people at the moment. Wait a minute, then try "
            + "again.";

    private final ApparatusRepository apparatus;
    private final ApparatusQueries queries;
    private final SamsaraVehicleLookup samsaraVehicles;
    private final ApparatusEdits edits;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final FleetBounds fleetBounds;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;
    private final BackgroundCalls background;

    ApparatusService(ApparatusRepository apparatus, ApparatusQueries queries, SamsaraVehicleLookup samsaraVehicles,
                     ApparatusEdits edits, AuditService audit, CurrentUser currentUser, Clock clock,
                     FleetBounds fleetBounds, PlatformTransactionManager transactions,
                     // the Settings checks' bounded pool: a full pool refuses rather than running on the UI thread
                     @Qualifier("samsaraCheckExecutor") TaskExecutor checkPool) {
        this.apparatus = apparatus;
        this.queries = queries;
        this.samsaraVehicles = samsaraVehicles;
        this.edits = edits;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.fleetBounds = fleetBounds;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.background = new BackgroundCalls(checkPool, "Apparatus save", BUSY);
    }

    /** The newest model year the server accepts, for forms to check before they send. */
    @PreAuthorize(READERS)
    public int latestModelYear() {
        return ApparatusEdits.latestModelYear(clock);
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

    /**
     * Adds or updates an apparatus; refuses a save over someone else's change made since the form was opened. A new
     * Samsara ID is checked with Samsara first, outside any transaction (no database connection waits on Samsara),
     * then everything is checked again and written in one transaction.
     */
    @PreAuthorize(EDITORS)
    public ApparatusDetails save(ApparatusDetails details) {
        return save(details, () -> false);
    }

    private ApparatusDetails save(ApparatusDetails details, BooleanSupplier cancelled) {
        long departmentId = currentUser.departmentId();
        Values checked = edits.validate(details);
        if (checked.samsaraId() != null) {
            String linkedNow = details.isNew() ? null
                    : readOnly.execute(status -> find(departmentId, details.getId()).getSamsaraVehicleId());
            if (!checked.samsaraId().equals(linkedNow)) {
                SamsaraIdCheck check = samsaraVehicles.checkSamsaraId(checked.samsaraId());
                if (check.verdict() == SamsaraIdCheck.Verdict.NOT_FOUND) {
                    throw new ApparatusRefusedException("samsaraVehicleId", check.message());
                }
            }
        }
        if (cancelled.getAsBoolean()) {
            // the person pressed Cancel while Samsara was being asked: nothing is written
            throw new CancellationException("the save was cancelled");
        }
        return writing.execute(status -> {
            Values values = edits.validate(details);
            Apparatus target = details.isNew() ? new Apparatus(departmentId) : find(departmentId, details.getId());
            if (!details.isNew() && target.getVersion() != details.getVersion()) {
                throw changedMeanwhile(target);
            }
            edits.checkUnique(departmentId, target, values);
            String linkedBefore = target.getSamsaraVehicleId();
            ApparatusDetails before = details.isNew() ? null : ApparatusDetails.of(target);
            edits.apply(departmentId, target, values);
            Apparatus saved = edits.write(target);
            edits.auditLinkChange(departmentId, saved, linkedBefore);
            edits.auditChanges(departmentId, saved, before);
            return ApparatusDetails.of(saved);
        });
    }

    /**
     * {@link #save} off the caller's (UI) thread, on the bounded Samsara check pool: the returned future completes
     * with the saved apparatus, or fails with the same refusals (or with a "busy" message when the pool is full).
     */
    @PreAuthorize(EDITORS)
    public CompletableFuture<ApparatusDetails> saveInBackground(ApparatusDetails details) {
        currentUser.departmentId(); // refuses a caller without a department here, not later on the pool
        AtomicReference<CompletableFuture<ApparatusDetails>> call = new AtomicReference<>();
        call.set(background.asCaller(() -> save(details, () -> call.get() != null && call.get().isCancelled())));
        return call.get();
    }

    /**
     * Saves the grid's inline changes to one apparatus: every field people edit, checked like the form's
     * ({@link #save}, Samsara ID check included, outside any transaction).
     */
    @PreAuthorize(EDITORS)
    public ApparatusDetails saveInline(ApparatusRow row) {
        return saveInline(row, () -> false);
    }

    private ApparatusDetails saveInline(ApparatusRow row, BooleanSupplier cancelled) {
        ApparatusDetails details = readOnly.execute(status -> {
            Apparatus current = find(currentUser.departmentId(), row.getId());
            if (current.getVersion() != row.getVersion()) {
                throw changedMeanwhile(current);
            }
            return ApparatusDetails.of(current);
        });
        details.setUnitName(row.getUnitName());
        details.setType(row.getType());
        details.setStation(row.getStation());
        details.setStatus(row.getStatus());
        details.setStatusReason(row.getStatusReason());
        details.setVin(row.getVin());
        details.setMake(row.getMake());
        details.setModel(row.getModel());
        details.setModelYear(row.getModelYear());
        details.setPlate(row.getPlate());
        details.setSamsaraVehicleId(row.getSamsaraVehicleId());
        return save(details, cancelled);
    }

    /** {@link #saveInline} off the caller's (UI) thread, like {@link #saveInBackground}. */
    @PreAuthorize(EDITORS)
    public CompletableFuture<ApparatusDetails> saveInlineInBackground(ApparatusRow row) {
        currentUser.departmentId();
        AtomicReference<CompletableFuture<ApparatusDetails>> call = new AtomicReference<>();
        call.set(background.asCaller(() -> saveInline(row, () -> call.get() != null && call.get().isCancelled())));
        return call.get();
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

    /** The apparatus' change history, newest first: who changed which field, from what, to what, and when. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<AuditEntry> history(long id) {
        long departmentId = currentUser.departmentId();
        find(departmentId, id);
        return audit.historyOf(departmentId, id, HISTORY_SHOWN);
    }

    /** For tests: waits until the saves handed to the pool (and the screens' hand-overs) have ended. */
    void awaitBackgroundCalls(Duration timeout) throws InterruptedException, TimeoutException {
        background.awaitIdle(timeout);
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
