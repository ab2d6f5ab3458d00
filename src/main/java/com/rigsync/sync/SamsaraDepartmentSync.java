package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.rigsync.apparatus.ApparatusSyncWriter;
import com.rigsync.apparatus.ApparatusSyncWriter.LinkedApparatus;
import com.rigsync.apparatus.ApparatusSyncWriter.TelemetryUpdate;
import com.rigsync.apparatus.LinkFlag;
import com.rigsync.apparatus.MeterHistory;
import com.rigsync.apparatus.MeterKind;
import com.rigsync.apparatus.SamsaraVehicleList;
import com.rigsync.apparatus.Vin;
import com.rigsync.integration.ConnectedSamsara;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.samsara.GpsReading;
import com.rigsync.samsara.InvalidTokenException;
import com.rigsync.samsara.NetworkException;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.SamsaraSession;
import com.rigsync.samsara.StatType;
import com.rigsync.samsara.Vehicle;
import com.rigsync.samsara.VehicleQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One department's run against Samsara, in four steps, holding no database transaction while it waits on Samsara:
 * <ol>
 *   <li>list every Samsara vehicle the token sees (all pages, the department's tag filter) and replace the
 *   department's vehicle cache with the list, atomically ({@link SamsaraVehicleList}; a failed list leaves the old
 *   cache);</li>
 *   <li>check the links: a linked vehicle missing from a complete list is flagged gone, one that came back is
 *   cleared, differing VINs are flagged for review (never unlinked);</li>
 *   <li>read the stats of the linked vehicles with the fewest calls, from a snapshot or the stats feed
 *   ({@link StatsReading});</li>
 *   <li>write telemetry and new meter readings in JDBC batches, one short transaction per batch; only what Samsara
 *   sent is written, and a meter reading that goes backwards or implies implausible use is kept flagged, not used.</li>
 * </ol>
 * A Samsara failure ends the run as FAILED (nothing read) or PARTIAL (what was read is saved) with the reason in the
 * department's words; it never throws for one.
 */
@Component
class SamsaraDepartmentSync implements DepartmentSync {

    private static final Logger log = LoggerFactory.getLogger(SamsaraDepartmentSync.class);

    /** What a run reads: 8 types, so 3 calls per page of vehicles (3 + 3 + 2). */
    static final Set<StatType> TYPES = EnumSet.of(StatType.OBD_ODOMETER_METERS, StatType.GPS_ODOMETER_METERS,
            StatType.OBD_ENGINE_SECONDS, StatType.SYNTHETIC_ENGINE_SECONDS, StatType.GPS, StatType.FUEL_PERCENTS,
            StatType.ENGINE_STATES, StatType.FAULT_CODES);
    static final int PAGE_SIZE = VehicleQuery.MAX_LIMIT;
    static final int MAX_FEED_PAGES_PER_GROUP = 200;
    /** With a tag filter, a linked vehicle missing from the list is looked up by id (at most this many a run). */
    static final int MAX_GONE_CHECKS = 25;
    static final int WRITE_BATCH = 500;
    static final int BATCH_ATTEMPTS = 3;

    private final SamsaraConnections connections;
    private final ApparatusSyncWriter writer;
    private final SamsaraVehicleList vehicleList;
    private final MeterHistory meters;
    private final FeedCursors cursors;
    private final TransactionTemplate batchTransaction;
    private final Clock clock;
    private final Duration budget;
    /** The database write time of each department's last run, for the benchmark and the log. */
    private final Map<Long, Long> lastWriteNanos = new ConcurrentHashMap<>();

    SamsaraDepartmentSync(SamsaraConnections connections, ApparatusSyncWriter writer, SamsaraVehicleList vehicleList,
                          MeterHistory meters, FeedCursors cursors, PlatformTransactionManager transactions,
                          Clock clock, @Value("${rigsync.sync.run-budget:5m}") Duration budget) {
        this.budget = budget;
        this.connections = connections;
        this.writer = writer;
        this.vehicleList = vehicleList;
        this.meters = meters;
        this.cursors = cursors;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public SyncResult run(long departmentId, SyncProgressSink progress) {
        return run(departmentId, progress, budget);
    }

    @Override
    public SyncResult run(long departmentId, SyncProgressSink progress, Duration budget) {
        Optional<ConnectedSamsara> connection;
        try {
            connection = connections.sessionFor(departmentId);
        } catch (RuntimeException e) {
            log.error("Sync of department {}: could not read its Samsara connection", departmentId, e);
            return new SyncResult(SyncOutcome.FAILED, SyncCounts.NONE, 0,
                    "RigSync could not read the Samsara connection settings; the next sync tries again.");
        }
        if (connection.isEmpty()) {
            return new SyncResult(SyncOutcome.FAILED, SyncCounts.NONE, 0, "Samsara is not connected for your "
                    + "department: an administrator or data manager enables the integration and saves a token "
                    + "under Setup > Settings.");
        }
        // the run's time budget: past it no Samsara request is sent and no back-off waits, so a department whose
        // Samsara keeps failing gives its scheduler thread back and the run ends PARTIAL or FAILED
        Instant deadline = clock.instant().plus(budget);
        return new Run(departmentId, connection.get().until(deadline), deadline, budget, progress).execute();
    }

    /** How long the department's last run spent writing to the database. */
    Optional<Long> lastWriteNanos(long departmentId) {
        return Optional.ofNullable(lastWriteNanos.get(departmentId));
    }

    /** The state of one run. */
    private final class Run {

        private final long departmentId;
        private final ConnectedSamsara connection;
        private final SamsaraSession samsara;
        private final SyncProgressSink sink;
        private final long callsBefore;
        private int vehiclesListed;
        private int apparatusLinked;
        private int apparatusUpdated;
        private int readingsFlagged;
        private int vehiclesGone;
        private int done;
        private int total;
        private long writeNanos;

        private final Instant deadline;
        private final Duration budget;
        /** Samsara answered this run (the vehicle list came): a budget used up later means a big fleet, not silence. */
        private boolean answered;
        /** The vehicle list came whole (not ended early for want of a cursor). */
        private boolean listComplete = true;

        Run(long departmentId, ConnectedSamsara connection, Instant deadline, Duration budget, SyncProgressSink sink) {
            this.deadline = deadline;
            this.budget = budget;
            this.departmentId = departmentId;
            this.connection = connection;
            this.samsara = connection.samsara();
            this.sink = sink;
            this.callsBefore = samsara.requestCount();
        }

        SyncResult execute() {
            boolean listed = false;
            try {
                List<LinkedApparatus> linked = writer.linkedApparatus(departmentId);
                apparatusLinked = linked.size();
                int groups = StatType.groups(TYPES).size();
                // unknown until listed: estimated from the last list (or the linked apparatus before the first)
                int guessPages = Math.max(1, Math.ceilDiv(Math.max(writer.cachedVehicleCount(departmentId), linked.size()),
                        PAGE_SIZE));
                total = guessPages + guessPages * groups + Math.max(1, Math.ceilDiv(linked.size(), WRITE_BATCH));
                report("Listing Samsara vehicles");

                Map<String, Vehicle> vehicles;
                try {
                    vehicles = listVehicles();
                } catch (SamsaraException e) {
                    return failed(e, SyncOutcome.FAILED, "Listing the Samsara vehicles failed: ",
                            " Nothing was changed: the vehicle list and every apparatus keep their last good values;"
                                    + " the next sync tries again.");
                }
                listed = true;
                answered = true;
                vehiclesListed = vehicles.size();
                // a list Samsara ended without a cursor for the rest is not proof a missing vehicle is gone
                listComplete = samsara.listsCutShort().isEmpty();

                Map<String, LinkedApparatus> targets = checkLinks(linked, vehicles);

                StatsReading stats = new StatsReading(departmentId, samsara, connection.tags(), cursors);
                StatsReading.Plan plan = stats.plan(targets.keySet(), vehicles.size());
                total = done + plan.requestsPerGroup() * groups + Math.max(1, Math.ceilDiv(targets.size(), WRITE_BATCH));
                report("Reading vehicle stats");
                Map<String, Collected> collected = new HashMap<>();
                SamsaraException statsFailure = null;
                if (!targets.isEmpty()) {
                    for (Set<StatType> group : StatType.groups(TYPES)) {
                        try {
                            stats.read(group, plan, targets.keySet(), collected);
                        } catch (SamsaraException e) {
                            statsFailure = e;
                            break;
                        }
                        done += plan.requestsPerGroup();
                        report("Reading vehicle stats");
                    }
                }

                report("Saving apparatus data");
                save(targets, collected, statsFailure == null);

                if (statsFailure != null) {
                    SyncOutcome outcome = statsFailure instanceof InvalidTokenException
                            ? SyncOutcome.FAILED : SyncOutcome.PARTIAL;
                    return failed(statsFailure, outcome, "Reading the vehicle stats failed: ",
                            " The vehicle list was refreshed" + (apparatusUpdated > 0
                                    ? " and " + apparatusUpdated + " apparatus were updated from what arrived; "
                                    + "everything else keeps" : "; every apparatus keeps")
                                    + " its last good values and the next sync tries again.");
                }
                record(true, null);
                done = total;
                report("Done");
                List<String> problems = new ArrayList<>();
                samsara.listsCutShort().forEach(cut -> problems.add(cut.userMessage()));
                problems.addAll(stats.problems());
                if (!problems.isEmpty()) {
                    return new SyncResult(SyncOutcome.PARTIAL, counts(), calls(), String.join(" ", problems)
                            + " Apparatus were updated from what arrived; everything else keeps its last good values"
                            + " and the next sync tries again.");
                }
                return new SyncResult(SyncOutcome.SUCCEEDED, counts(), calls(), null);
            } catch (SamsaraException e) {
                return failed(e, listed && !(e instanceof InvalidTokenException) ? SyncOutcome.PARTIAL
                        : SyncOutcome.FAILED, "Samsara failed: ",
                        " Apparatus keep their last good values; the next sync tries again.");
            } catch (RuntimeException e) {
                log.error("Sync of department {} failed", departmentId, e);
                return new SyncResult(listed ? SyncOutcome.PARTIAL : SyncOutcome.FAILED, counts(), calls(),
                        "RigSync could not save what Samsara sent (an internal error, logged for support). "
                                + "Apparatus keep their last good values; the next sync tries again.");
            } finally {
                lastWriteNanos.put(departmentId, writeNanos);
            }
        }

        // ---- step 1: the vehicle list

        private Map<String, Vehicle> listVehicles() {
            long before = samsara.requestCount();
            Map<String, Vehicle> vehicles = vehicleList.listAndCache(departmentId, connection,
                    pages -> report("Listing Samsara vehicles", pages));
            int pages = (int) (samsara.requestCount() - before);
            done = Math.max(done, pages);
            return vehicles;
        }

        // ---- step 2: link checks

        /**
         * Flags and clears links; returns the linked apparatus whose vehicle the list holds, by vehicle id. Without a
         * tag filter the list holds every vehicle the token sees, so a linked vehicle missing from it is gone. With a
         * tag filter a missing vehicle may merely be outside the tags (the filter hides it), so it is flagged gone
         * only when Samsara answers "no such vehicle" for its id; otherwise it is left as it is.
         */
        private Map<String, LinkedApparatus> checkLinks(List<LinkedApparatus> linked, Map<String, Vehicle> vehicles) {
            Map<String, LinkedApparatus> targets = new LinkedHashMap<>();
            Map<Long, LinkFlag> expected = new HashMap<>();
            Map<Long, LinkFlag> wanted = new HashMap<>();
            int checks = 0;
            for (LinkedApparatus a : linked) {
                Vehicle v = vehicles.get(a.samsaraVehicleId());
                LinkFlag flag = a.linkFlag();
                if (v != null) {
                    targets.put(a.samsaraVehicleId(), a);
                }
                if (flag == LinkFlag.REVIEW_ORGANISATION_CHANGED) {
                    // another organisation's token was saved: the person reviewing the link decides, not a run
                    continue;
                }
                if (v != null) {
                    String samsaraVin = Vin.normalize(v.vin());
                    if (samsaraVin != null && a.vinNormalized() != null && !samsaraVin.equals(a.vinNormalized())) {
                        flag = LinkFlag.REVIEW_VIN_MISMATCH;
                    } else if (flag == LinkFlag.SAMSARA_VEHICLE_GONE || flag == LinkFlag.REVIEW_VIN_MISMATCH) {
                        flag = LinkFlag.NONE;
                    }
                } else if (connection.tags().isEmpty() && listComplete) {
                    flag = LinkFlag.SAMSARA_VEHICLE_GONE;
                } else if (flag != LinkFlag.SAMSARA_VEHICLE_GONE && checks < MAX_GONE_CHECKS) {
                    checks++;
                    try {
                        if (samsara.vehicle(a.samsaraVehicleId()).isEmpty()) {
                            flag = LinkFlag.SAMSARA_VEHICLE_GONE;
                        }
                    } catch (SamsaraException e) {
                        if (e instanceof InvalidTokenException) {
                            throw e;
                        }
                        log.info("Sync of department {}: could not check Samsara vehicle {}: {}", departmentId,
                                a.samsaraVehicleId(), e.getMessage());
                    }
                }
                if (flag == LinkFlag.SAMSARA_VEHICLE_GONE) {
                    vehiclesGone++;
                }
                if (flag != a.linkFlag()) {
                    expected.put(a.apparatusId(), a.linkFlag());
                    wanted.put(a.apparatusId(), flag);
                }
            }
            if (!wanted.isEmpty()) {
                writer.changeLinkFlags(departmentId, expected, wanted);
            }
            return targets;
        }

        // ---- step 4: saving

        /**
         * @param statsComplete every group of stats was read: a linked apparatus without any reading then has
         *                      nothing to report, which is recorded, so it counts as not reporting (the Overview
         *                      and the alerts agree) once a sync has looked for it, not before its first sync
         */
        private void save(Map<String, LinkedApparatus> targets, Map<String, Collected> collected,
                          boolean statsComplete) {
            Map<MeterHistory.Key, MeterHistory.Standing> standings = meters.standings(departmentId);
            List<TelemetryUpdate> updates = new ArrayList<>();
            List<MeterHistory.NewReading> readings = new ArrayList<>();
            for (Map.Entry<String, Collected> e : collected.entrySet()) {
                LinkedApparatus a = targets.get(e.getKey());
                if (a == null) {
                    continue;
                }
                Collected c = e.getValue();
                Long odometer = meter(a, MeterKind.ODOMETER, c.odometer(), standings, readings);
                Long engine = meter(a, MeterKind.ENGINE_HOURS, c.engine(), standings, readings);
                Instant readAt = c.newestTime();
                if (readAt == null) {
                    continue;
                }
                GpsReading gps = c.gps;
                updates.add(new TelemetryUpdate(a.apparatusId(), odometer, odometer == null ? null
                        : c.odometer().time(), engine, engine == null ? null : c.engine().time(),
                        gps == null ? null : gps.latitude(), gps == null ? null : gps.longitude(),
                        gps == null ? null : gps.formattedLocation(), gps == null ? null : gps.time(),
                        c.fuel == null ? null : c.fuel.percent(), c.fuel == null ? null : c.fuel.time(),
                        c.engineState == null ? null : c.engineState.state(),
                        c.engineState == null ? null : c.engineState.time(),
                        c.faults == null ? null : FaultCodes.of(c.faults), readAt));
            }
            Instant now = clock.instant();
            Map<Long, List<MeterHistory.NewReading>> readingsByApparatus = readings.stream()
                    .collect(Collectors.groupingBy(MeterHistory.NewReading::apparatusId));
            for (int from = 0; from < updates.size(); from += WRITE_BATCH) {
                List<TelemetryUpdate> batch = updates.subList(from, Math.min(updates.size(), from + WRITE_BATCH));
                List<MeterHistory.NewReading> batchReadings = new ArrayList<>();
                batch.forEach(u -> batchReadings.addAll(readingsByApparatus.getOrDefault(u.apparatusId(), List.of())));
                long start = System.nanoTime();
                int written = inOneTransaction(() -> {
                    meters.insert(departmentId, batchReadings, now);
                    return writer.writeTelemetry(departmentId, batch, now);
                });
                writeNanos += System.nanoTime() - start;
                apparatusUpdated += written;
                readingsFlagged += (int) batchReadings.stream().filter(r -> !r.flag().good()).count();
                done++;
                report("Saving apparatus data");
            }
            if (statsComplete) {
                Set<Long> reported = updates.stream().map(TelemetryUpdate::apparatusId).collect(Collectors.toSet());
                List<Long> silent = targets.values().stream().map(LinkedApparatus::apparatusId)
                        .filter(id -> !reported.contains(id)).toList();
                if (!silent.isEmpty()) {
                    inOneTransaction(() -> writer.markNothingReported(departmentId, silent, now));
                }
            }
        }

        /**
         * One batch in one transaction. Departments syncing at once can deadlock in InnoDB (fault code rows are
         * replaced, which takes gap locks); the loser's transaction was rolled back whole, so it is simply run again,
         * up to {@value #BATCH_ATTEMPTS} times.
         */
        private int inOneTransaction(java.util.function.IntSupplier work) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return batchTransaction.execute(status -> work.getAsInt());
                } catch (PessimisticLockingFailureException e) {
                    if (attempt >= BATCH_ATTEMPTS) {
                        throw e;
                    }
                    log.info("Sync of department {}: a write batch met a lock conflict ({}); writing it again",
                            departmentId, e.getClass().getSimpleName());
                    try {
                        Thread.sleep(20L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextInt(30));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }

        /** The value to write for a meter, or null to keep the stored one; adds the new reading to the history. */
        private Long meter(LinkedApparatus a, MeterKind kind, com.rigsync.samsara.MeterReading reading,
                           Map<MeterHistory.Key, MeterHistory.Standing> standings,
                           List<MeterHistory.NewReading> readings) {
            if (reading == null || reading.time() == null) {
                return null;
            }
            MeterHistory.Standing standing = standings.get(new MeterHistory.Key(a.apparatusId(), kind));
            if (standing != null && standing.newestReadAt() != null
                    && !reading.time().isAfter(standing.newestReadAt())) {
                return null;
            }
            MeterHistory.Verdict verdict = MeterHistory.judge(kind, standing, reading.value(), reading.time());
            readings.add(new MeterHistory.NewReading(a.apparatusId(), kind, reading.value(), reading.time(),
                    verdict.flag(), verdict.reason(), standing == null ? null : standing.goodValue(),
                    standing == null ? null : standing.goodReadAt()));
            return verdict.flag().good() ? reading.value() : null;
        }

        // ---- results

        private SyncResult failed(SamsaraException e, SyncOutcome outcome, String what, String after) {
            log.warn("Sync of department {} ended {}: {}", departmentId, outcome, e.getMessage());
            record(false, e);
            String why = e instanceof NetworkException && !clock.instant().isBefore(deadline)
                    ? "Samsara did not answer within the sync's time limit (" + minutes(budget) + ")."
                    : e.userMessage();
            return new SyncResult(outcome, counts(), calls(), what + why + after,
                    e instanceof NetworkException && !answered);
        }

        private void record(boolean success, SamsaraException failure) {
            try {
                if (success) {
                    connections.recordSuccess(connection);
                } else {
                    connections.recordFailure(connection, failure);
                }
            } catch (RuntimeException e) {
                log.warn("Sync of department {}: could not record how the Samsara calls went", departmentId, e);
            }
        }

        private static String minutes(Duration d) {
            long seconds = d.toSeconds();
            return seconds % 60 == 0 ? seconds / 60 + (seconds == 60 ? " minute" : " minutes") : seconds + " seconds";
        }

        private SyncCounts counts() {
            return new SyncCounts(vehiclesListed, apparatusLinked, apparatusUpdated, readingsFlagged, vehiclesGone);
        }

        private long calls() {
            return samsara.requestCount() - callsBefore;
        }

        private void report(String phase) {
            report(phase, done);
        }

        private void report(String phase, int steps) {
            done = Math.max(done, steps);
            total = Math.max(total, done);
            try {
                sink.progress(phase, done, total, counts(), calls());
            } catch (RuntimeException e) {
                log.warn("Sync of department {}: progress could not be reported", departmentId, e);
            }
        }
    }
}
