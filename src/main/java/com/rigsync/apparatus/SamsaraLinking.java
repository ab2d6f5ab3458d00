package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.base.BackgroundCalls;
import com.rigsync.security.CurrentUser;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static com.rigsync.apparatus.ApparatusService.EDITORS;

/**
 * Finding the Samsara vehicle each apparatus is: the magnifier for one apparatus (it only suggests), and "Find
 * Samsara IDs by VIN" for many, whose Apply links the accepted rows all at once or not at all. For administrators
 * and data managers; the department always comes from the signed-in user.
 */
@Service
public class SamsaraLinking {

    private final ApparatusRepository apparatus;
    private final SamsaraVehicleLookup samsaraVehicles;
    private final CachedSamsaraVehicles vehicleCache;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final JdbcTemplate jdbc;
    private final BackgroundCalls background;

    SamsaraLinking(ApparatusRepository apparatus, SamsaraVehicleLookup samsaraVehicles,
                   CachedSamsaraVehicles vehicleCache, AuditService audit, CurrentUser currentUser, Clock clock,
                   PlatformTransactionManager transactions, JdbcTemplate jdbc,
                   // the Settings checks' bounded pool: a full pool refuses rather than running on the UI thread
                   @Qualifier("samsaraCheckExecutor") TaskExecutor checkPool) {
        this.apparatus = apparatus;
        this.samsaraVehicles = samsaraVehicles;
        this.vehicleCache = vehicleCache;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.background = new BackgroundCalls(checkPool, "Samsara vehicle lookup", ApparatusService.BUSY);
    }

    /**
     * {@link #findSamsaraVehicleByVin} off the caller's (UI) thread: Samsara may be slow (retries and back-off), and
     * the screen must keep answering meanwhile. Fails with the "busy" message when the pool is full.
     */
    @PreAuthorize(EDITORS)
    public CompletableFuture<SamsaraIdLookup> findSamsaraVehicleByVinInBackground(String vin, Long apparatusId) {
        currentUser.departmentId(); // refuses a caller without a department here, not later on the pool
        return background.asCaller(() -> findSamsaraVehicleByVin(vin, apparatusId));
    }

    /** {@link #previewBulkMatch} off the caller's (UI) thread, like {@link #findSamsaraVehicleByVinInBackground}. */
    @PreAuthorize(EDITORS)
    public CompletableFuture<BulkMatchPreview> previewBulkMatchInBackground(Collection<Long> chosen) {
        currentUser.departmentId();
        List<Long> ids = chosen == null ? List.of() : List.copyOf(chosen);
        return background.asCaller(() -> previewBulkMatch(ids));
    }

    /** For tests: waits until the lookups handed to the pool (and the screens' hand-overs) have ended. */
    void awaitBackgroundCalls(Duration timeout) throws InterruptedException,
            TimeoutException {
        background.awaitIdle(timeout);
    }

    /**
     * The magnifier: which Samsara vehicle has this VIN exactly, and which nearly. Nothing is linked by looking; the
     * person picks, then saves. Deliberately outside one transaction: a stale vehicle list is refreshed from Samsara
     * and committed first, and the reads after it must see the refreshed rows.
     */
    @PreAuthorize(EDITORS)
    public SamsaraIdLookup findSamsaraVehicleByVin(String vin, Long apparatusId) {
        long departmentId = currentUser.departmentId();
        String normalized = Vin.normalize(vin);
        if (normalized == null) {
            return SamsaraIdLookup.noVin();
        }
        VinMatches matches = samsaraVehicles.findSamsaraVehicleByVin(normalized);
        Map<String, String> linkedElsewhere = new HashMap<>();
        for (SamsaraVehicleSummary v : matches.exact()) {
            apparatus.findByDepartmentIdAndSamsaraVehicleId(departmentId, v.samsaraId())
                    .filter(a -> !Objects.equals(a.getId(), apparatusId))
                    .ifPresent(a -> linkedElsewhere.put(v.samsaraId(), a.getUnitName()));
        }
        for (VinMatches.NearMiss n : matches.nearMisses()) {
            apparatus.findByDepartmentIdAndSamsaraVehicleId(departmentId, n.vehicle().samsaraId())
                    .filter(a -> !Objects.equals(a.getId(), apparatusId))
                    .ifPresent(a -> linkedElsewhere.put(n.vehicle().samsaraId(), a.getUnitName()));
        }
        return SamsaraIdLookup.of(matches, linkedElsewhere);
    }

    /**
     * "Find Samsara IDs by VIN" for the chosen apparatus (empty: every unlinked apparatus of the department): what
     * each would be linked to, near misses to pick from, no matches and conflicts. Links nothing. The vehicle list is
     * refreshed from Samsara first when it is stale (at most its list pages), then read in one go.
     */
    @PreAuthorize(EDITORS)
    public BulkMatchPreview previewBulkMatch(Collection<Long> chosen) {
        long departmentId = currentUser.departmentId();
        Optional<String> notice = samsaraVehicles.refreshVehicleListIfStale();
        return readOnly.execute(status -> {
            List<MatchableApparatus> all = apparatus.matchableOf(departmentId);
            Set<Long> ids = chosen == null ? Set.of() : new HashSet<>(chosen);
            List<MatchableApparatus> looked = all.stream()
                    .filter(a -> ids.isEmpty() || ids.contains(a.id()))
                    .sorted(Comparator.comparing(MatchableApparatus::unitName, String.CASE_INSENSITIVE_ORDER))
                    .toList();
            BulkMatcher matcher = new BulkMatcher(vehicleCache.all(departmentId), all);
            List<BulkMatchPreview.Row> rows = new ArrayList<>();
            int alreadyLinked = 0;
            for (MatchableApparatus a : looked) {
                if (a.samsaraVehicleId() != null) {
                    alreadyLinked++;
                } else {
                    rows.add(matcher.match(a));
                }
            }
            return new BulkMatchPreview(rows, ids.isEmpty() ? 0 : alreadyLinked,
                    vehicleCache.listedAt(departmentId).orElse(null), notice.orElse(null));
        });
    }

    /**
     * Links the rows accepted in the preview, all in one transaction, or none: every row is checked again (still
     * unlinked, the vehicle still listed and linked to no other apparatus, no other apparatus with the same VIN, no
     * vehicle accepted twice), and each update applies only to a still unlinked apparatus. Returns how many were
     * linked.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public int applyBulkMatch(List<BulkMatchPreview.Accepted> accepted) {
        long departmentId = currentUser.departmentId();
        if (accepted.isEmpty()) {
            return 0;
        }
        Map<Long, MatchableApparatus> byId = new HashMap<>();
        Map<String, String> linkedTo = new HashMap<>();
        Map<String, Integer> vinCount = new HashMap<>();
        for (MatchableApparatus a : apparatus.matchableOf(departmentId)) {
            byId.put(a.id(), a);
            if (a.samsaraVehicleId() != null) {
                linkedTo.put(a.samsaraVehicleId(), a.unitName());
            }
            if (a.vinNormalized() != null) {
                vinCount.merge(a.vinNormalized(), 1, Integer::sum);
            }
        }
        Set<String> listed = vehicleCache.ids(departmentId);
        Map<String, String> acceptedFor = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (BulkMatchPreview.Accepted row : accepted) {
            MatchableApparatus target = byId.get(row.apparatusId());
            if (target == null) {
                problems.add("an apparatus was deleted meanwhile");
                continue;
            }
            String unit = target.unitName();
            if (target.samsaraVehicleId() != null) {
                problems.add(unit + " was linked meanwhile");
            } else if (!listed.contains(row.samsaraId())) {
                problems.add(unit + ": Samsara no longer lists vehicle " + row.samsaraId());
            } else if (linkedTo.containsKey(row.samsaraId())) {
                problems.add(unit + ": vehicle " + row.samsaraId() + " is already linked to "
                        + linkedTo.get(row.samsaraId()));
            } else if (acceptedFor.containsKey(row.samsaraId())) {
                problems.add(unit + " and " + acceptedFor.get(row.samsaraId()) + " were both given vehicle "
                        + row.samsaraId());
            } else if (target.vinNormalized() != null && vinCount.get(target.vinNormalized()) > 1) {
                problems.add(unit + " shares its VIN with another apparatus");
            }
            acceptedFor.putIfAbsent(row.samsaraId(), unit);
        }
        if (!problems.isEmpty()) {
            throw refusedBulk(String.join("; ", problems.subList(0, Math.min(problems.size(), 5)))
                    + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : ""));
        }
        String by = currentUser.require().displayName();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int[][] counts;
        try {
            counts = jdbc.batchUpdate("""
                    update apparatus set samsara_vehicle_id = ?, link_flag = 'NONE', version = version + 1,
                        updated_by = ?, updated_at = ?
                    where id = ? and department_id = ? and samsara_vehicle_id is null""", accepted, 500,
                    (statement, row) -> {
                        statement.setString(1, row.samsaraId());
                        statement.setString(2, by);
                        statement.setObject(3, now);
                        statement.setLong(4, row.apparatusId());
                        statement.setLong(5, departmentId);
                    });
        } catch (DataIntegrityViolationException e) {
            throw refusedBulk("someone linked one of these Samsara vehicles meanwhile");
        }
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    throw refusedBulk("an apparatus was linked or deleted meanwhile");
                }
            }
        }
        List<String> linked = new ArrayList<>();
        for (BulkMatchPreview.Accepted row : accepted) {
            linked.add(byId.get(row.apparatusId()).unitName() + " → " + row.samsaraId());
        }
        audit.record(departmentId, AuditAction.SAMSARA_BULK_LINKED, linked.size() + " apparatus",
                String.join(", ", linked));
        return linked.size();
    }

    private static ApparatusRefusedException refusedBulk(String why) {
        return new ApparatusRefusedException(null, "Nothing was linked: " + why + ". Find the Samsara IDs again to "
                + "see how things stand now.");
    }
}
