package com.rigsync.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
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
import com.rigsync.samsara.InvalidTokenException;
import com.rigsync.samsara.NotFoundException;
import com.rigsync.samsara.RequestRejectedException;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.SamsaraSession;
import com.rigsync.samsara.StatType;
import com.rigsync.samsara.StatsFeedPage;
import com.rigsync.samsara.StatsFeedResult;
import com.rigsync.samsara.StatsQuery;
import com.rigsync.samsara.Vehicle;
import com.rigsync.samsara.VehicleQuery;
import com.rigsync.samsara.VehicleStats;
import com.rigsync.samsara.VehicleStatsSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One department's run against Samsara, in four steps, holding no database transaction while it waits on Samsara:
 * <ol>
 *   <li>list every Samsara vehicle the token sees (all pages, the department's tag filter) and replace the
 *   department's vehicle cache with the list, atomically (a failed list leaves the old cache);</li>
 *   <li>check the links: a linked vehicle missing from a complete list is flagged gone, one that came back is
 *   cleared, differing VINs are flagged for review (never unlinked);</li>
 *   <li>read the stats of the linked vehicles with the fewest calls: the types in groups of three
 *   ({@link StatType#groups}), and either all vehicles (tag-filtered) at up to 512 a page, keeping the linked ones, or
 *   the linked ids in batches that fit a URL, whichever takes fewer requests. The first run reads a snapshot; later
 *   runs follow the stats feed from a cursor stored per type group, so an unchanged fleet costs a few calls. A
 *   cursor Samsara no longer accepts (400/404) falls back to a snapshot, and the feed starts again next run;</li>
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
    /**
     * Characters of vehicle ids one stats URL may carry when RigSync estimates the batches; the client splits by
     * its own (larger) URL limit, so the estimate never undercounts.
     */
    static final int ID_CHARS_PER_URL = 5_000;
    static final int MAX_FEED_PAGES_PER_GROUP = 200;
    /** With a tag filter, a linked vehicle missing from the list is looked up by id (at most this many a run). */
    static final int MAX_GONE_CHECKS = 25;
    static final int WRITE_BATCH = 500;

    private final SamsaraConnections connections;
    private final ApparatusSyncWriter writer;
    private final SamsaraVehicleList vehicleList;
    private final MeterHistory meters;
    private final FeedCursors cursors;
    private final TransactionTemplate batchTransaction;
    private final Clock clock;
    /** The database write time of each department's last run, for the benchmark and the log. */
    private final Map<Long, Long> lastWriteNanos = new ConcurrentHashMap<>();

    SamsaraDepartmentSync(SamsaraConnections connections, ApparatusSyncWriter writer, SamsaraVehicleList vehicleList,
                          MeterHistory meters, FeedCursors cursors, PlatformTransactionManager transactions,
                          Clock clock) {
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
        return new Run(departmentId, connection.get(), progress).execute();
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

        Run(long departmentId, ConnectedSamsara connection, SyncProgressSink sink) {
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
                int guessPages = Math.max(1, ceil(Math.max(writer.cachedVehicleCount(departmentId), linked.size()),
                        PAGE_SIZE));
                total = guessPages + guessPages * groups + Math.max(1, ceil(linked.size(), WRITE_BATCH));
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
                vehiclesListed = vehicles.size();

                Map<String, LinkedApparatus> targets = checkLinks(linked, vehicles);

                StatsPlan plan = plan(targets.keySet(), vehicles.size());
                total = done + plan.requestsPerGroup() * groups + Math.max(1, ceil(targets.size(), WRITE_BATCH));
                report("Reading vehicle stats");
                Map<String, Collected> collected = new HashMap<>();
                SamsaraException statsFailure = null;
                if (!targets.isEmpty()) {
                    for (Set<StatType> group : StatType.groups(TYPES)) {
                        try {
                            readGroup(group, plan, targets.keySet(), collected);
                        } catch (SamsaraException e) {
                            statsFailure = e;
                            break;
                        }
                        done += plan.requestsPerGroup();
                        report("Reading vehicle stats");
                    }
                }

                report("Saving apparatus data");
                save(targets, collected);

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
                } else if (connection.tagIds().isEmpty()) {
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

        // ---- step 3: stats

        private StatsPlan plan(Set<String> linkedIds, int visible) {
            int allPages = Math.max(1, ceil(visible, PAGE_SIZE));
            int idBatches = idBatches(linkedIds);
            if (idBatches < allPages) {
                List<String> ids = linkedIds.stream().sorted().toList();
                return new StatsPlan(StatsQuery.vehicles(ids), "ids:" + sha256(String.join(",", ids)), idBatches,
                        idBatches == 1);
            }
            List<String> tags = connection.tagIds().stream().sorted().toList();
            return new StatsPlan(StatsQuery.allVehiclesWithTags(tags), "all:" + sha256(String.join(",", tags)),
                    allPages, true);
        }

        private void readGroup(Set<StatType> group, StatsPlan plan, Set<String> wanted,
                               Map<String, Collected> collected) {
            String groupKey = group.stream().sorted().map(StatType::queryName).collect(Collectors.joining(","));
            Optional<FeedCursors.Position> position = plan.feedable()
                    ? cursors.find(departmentId, groupKey).filter(p -> p.queryKey().equals(plan.key()))
                    : Optional.empty();
            if (position.isPresent()) {
                String cursor = position.get().cursor();
                try {
                    int pages = 0;
                    StatsFeedResult result;
                    do {
                        result = samsara.statsFeed(group, cursor, plan.query());
                        for (StatsFeedPage page : result.pages()) {
                            for (VehicleStatsSeries series : page.vehicles()) {
                                if (wanted.contains(series.id())) {
                                    collected.computeIfAbsent(series.id(), id -> new Collected()).add(series);
                                }
                            }
                        }
                        cursor = result.nextCursor().encode();
                        pages++;
                    } while (result.hasNextPage() && pages < MAX_FEED_PAGES_PER_GROUP);
                    cursors.save(departmentId, groupKey, plan.key(), cursor);
                    return;
                } catch (NotFoundException | RequestRejectedException e) {
                    if (e.httpStatus().orElse(0) != 400 && e.httpStatus().orElse(0) != 404) {
                        throw e;
                    }
                    // the cursor expired or Samsara no longer accepts it: read a snapshot, start afresh next run
                    log.info("Sync of department {}: stats feed cursor for {} refused ({}); reading a snapshot",
                            departmentId, groupKey, e.getMessage());
                } catch (IllegalArgumentException e) {
                    // the ids no longer fit one feed URL: snapshots from now on
                    log.info("Sync of department {}: stats feed not possible for {}: {}", departmentId, groupKey,
                            e.getMessage());
                }
            }
            Map<String, VehicleStats> stats = samsara.stats(group, plan.query());
            stats.forEach((id, s) -> {
                if (wanted.contains(id)) {
                    collected.computeIfAbsent(id, k -> new Collected()).add(s);
                }
            });
            if (plan.feedable()) {
                cursors.save(departmentId, groupKey, plan.key(), null);
            }
        }

        // ---- step 4: saving

        private void save(Map<String, LinkedApparatus> targets, Map<String, Collected> collected) {
            if (collected.isEmpty()) {
                return;
            }
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
                updates.add(new TelemetryUpdate(a.apparatusId(), odometer, engine,
                        c.gps == null ? null : c.gps.latitude(), c.gps == null ? null : c.gps.longitude(),
                        c.gps == null ? null : c.gps.formattedLocation(),
                        c.fuel == null ? null : c.fuel.percent(), c.engineState == null ? null : c.engineState.state(),
                        c.faults == null ? null : FaultSummary.of(c.faults), readAt));
            }
            Instant now = clock.instant();
            Map<Long, List<MeterHistory.NewReading>> readingsByApparatus = readings.stream()
                    .collect(Collectors.groupingBy(MeterHistory.NewReading::apparatusId));
            for (int from = 0; from < updates.size(); from += WRITE_BATCH) {
                List<TelemetryUpdate> batch = updates.subList(from, Math.min(updates.size(), from + WRITE_BATCH));
                List<MeterHistory.NewReading> batchReadings = new ArrayList<>();
                batch.forEach(u -> batchReadings.addAll(readingsByApparatus.getOrDefault(u.apparatusId(), List.of())));
                long start = System.nanoTime();
                int written = batchTransaction.execute(status -> {
                    meters.insert(departmentId, batchReadings, now);
                    return writer.writeTelemetry(departmentId, batch, now);
                });
                writeNanos += System.nanoTime() - start;
                apparatusUpdated += written;
                readingsFlagged += (int) batchReadings.stream().filter(r -> !r.flag().good()).count();
                done++;
                report("Saving apparatus data");
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
            return new SyncResult(outcome, counts(), calls(), what + e.userMessage() + after);
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

    /**
     * How the stats are read: the query, a key naming which vehicles it covers (for the feed cursor), the requests
     * it takes per group of types, and whether one feed cursor per group can follow it.
     */
    private record StatsPlan(StatsQuery query, String key, int requestsPerGroup, boolean feedable) {
    }

    /** The number of URLs the ids need at {@link #ID_CHARS_PER_URL} characters each. */
    static int idBatches(Set<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        int batches = 1;
        int length = 0;
        for (String id : ids) {
            int add = id.length() + (length == 0 ? 0 : 1);
            if (length > 0 && length + add > ID_CHARS_PER_URL) {
                batches++;
                length = id.length();
            } else {
                length += add;
            }
        }
        return batches;
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
