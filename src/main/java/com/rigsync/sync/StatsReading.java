package com.rigsync.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.rigsync.samsara.NotFoundException;
import com.rigsync.samsara.RequestRejectedException;
import com.rigsync.samsara.SamsaraSession;
import com.rigsync.samsara.StatType;
import com.rigsync.samsara.StatsFeedPage;
import com.rigsync.samsara.StatsFeedResult;
import com.rigsync.samsara.StatsQuery;
import com.rigsync.samsara.TagFilter;
import com.rigsync.samsara.VehicleStats;
import com.rigsync.samsara.VehicleStatsSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3 of a run ({@link SamsaraDepartmentSync}): the linked vehicles' stats with the fewest calls. The types come
 * in groups of three; a plan reads either all vehicles (tag-filtered) at up to 512 a page, keeping the linked ones,
 * or the linked ids in batches that fit a URL, whichever takes fewer requests. The first run reads a snapshot; later
 * runs follow the stats feed from a cursor stored per type group, so an unchanged fleet costs a few calls. A cursor
 * Samsara no longer accepts (400/404) falls back to a snapshot, and the feed starts again next run; refused again
 * then, it is a problem the run reports (a snapshot still keeps the apparatus current).
 */
final class StatsReading {

    private static final Logger log = LoggerFactory.getLogger(StatsReading.class);

    /**
     * Characters of vehicle ids one stats URL may carry when RigSync estimates the batches; the client splits by
     * its own (larger) URL limit, so the estimate never undercounts.
     */
    static final int ID_CHARS_PER_URL = 5_000;

    private final long departmentId;
    private final SamsaraSession samsara;
    private final TagFilter tags;
    private final FeedCursors cursors;
    /** What went wrong without stopping the run, in the department's words, for the Sync panel. */
    private final List<String> problems = new ArrayList<>();

    StatsReading(long departmentId, SamsaraSession samsara, TagFilter tags, FeedCursors cursors) {
        this.departmentId = departmentId;
        this.samsara = samsara;
        this.tags = tags;
        this.cursors = cursors;
    }

    /** Problems met while reading that left the stats readable but deserve a look, in plain words. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The fewest requests per group of types: every vehicle page, or the linked ids in batches of URLs. */
    Plan plan(Set<String> linkedIds, int visible) {
        int allPages = Math.max(1, Math.ceilDiv(visible, SamsaraDepartmentSync.PAGE_SIZE));
        int idBatches = idBatches(linkedIds);
        if (idBatches < allPages) {
            List<String> ids = linkedIds.stream().sorted().toList();
            return new Plan(StatsQuery.vehicles(ids), "ids:" + sha256(String.join(",", ids)), idBatches,
                    idBatches == 1);
        }
        List<String> sortedTags = tags.tagIds().stream().sorted().toList();
        List<String> sortedParents = tags.parentTagIds().stream().sorted().toList();
        // the feed cursor belongs to the filter it was read with; a plain tag filter keeps its key from before
        String filterKey = String.join(",", sortedTags)
                + (sortedParents.isEmpty() ? "" : "|parents:" + String.join(",", sortedParents));
        return new Plan(StatsQuery.allVehiclesWithTags(new TagFilter(sortedTags, sortedParents)),
                "all:" + sha256(filterKey),
                allPages, true);
    }

    /**
     * Reads one group of types into {@code collected}, for the {@code wanted} vehicles: from the stored feed cursor
     * when the plan can follow one, else a snapshot that starts the feed for the next run.
     */
    void read(Set<StatType> group, Plan plan, Set<String> wanted, Map<String, Collected> collected) {
        String groupKey = group.stream().sorted().map(StatType::queryName).collect(Collectors.joining(","));
        Optional<FeedCursors.Position> position = plan.feedable()
                ? cursors.find(departmentId, groupKey).filter(p -> p.queryKey().equals(plan.key()))
                : Optional.empty();
        if (position.isPresent()) {
            String cursor = position.get().cursor();
            boolean freshStart = cursor == null;
            try {
                int pages = 0;
                Set<String> seen = new HashSet<>();
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
                    if (!seen.add(cursor)) {
                        // Samsara led back to a cursor it gave before: following it would go round for ever
                        problems.add("Samsara's stats feed led back to a place it had already sent; RigSync kept "
                                + "what arrived and stopped there.");
                        break;
                    }
                } while (result.hasNextPage() && pages < SamsaraDepartmentSync.MAX_FEED_PAGES_PER_GROUP);
                cursors.save(departmentId, groupKey, plan.key(), cursor);
                return;
            } catch (NotFoundException | RequestRejectedException e) {
                if (e.httpStatus().orElse(0) != 400 && e.httpStatus().orElse(0) != 404) {
                    throw e;
                }
                if (freshStart) {
                    // refused even without a cursor, after the fallback: not an expired cursor but a lasting
                    // problem, which the Sync panel shows instead of quietly reading snapshots every run
                    log.warn("Sync of department {}: stats feed for {} refused again when starting afresh ({}); "
                            + "reading a snapshot", departmentId, groupKey, e.getMessage());
                    problems.add("Samsara refused the stats feed again (" + e.samsaraMessage().orElse("HTTP "
                            + e.httpStatus().orElse(0)) + "), so RigSync read every vehicle's latest stats instead:"
                            + " the apparatus are up to date, but each sync takes more calls. If this goes on, report"
                            + " it to RigSync support" + e.requestId().map(id -> " with Samsara request id " + id)
                            .orElse("") + ".");
                } else {
                    // the cursor expired or Samsara no longer accepts it: read a snapshot, start afresh next run
                    log.info("Sync of department {}: stats feed cursor for {} refused ({}); reading a snapshot",
                            departmentId, groupKey, e.getMessage());
                }
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

    /**
     * How the stats are read: the query, a key naming which vehicles it covers (for the feed cursor), the requests
     * it takes per group of types, and whether one feed cursor per group can follow it.
     */
    record Plan(StatsQuery query, String key, int requestsPerGroup, boolean feedable) {
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

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
