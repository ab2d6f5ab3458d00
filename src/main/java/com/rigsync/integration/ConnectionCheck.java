package com.rigsync.integration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.rigsync.integration.ConnectionTestReport.Verdict;
import com.rigsync.integration.EndpointCheck.Outcome;
import com.rigsync.samsara.DriverQuery;
import com.rigsync.samsara.InvalidTokenException;
import com.rigsync.samsara.MalformedResponseException;
import com.rigsync.samsara.MissingScopeException;
import com.rigsync.samsara.NetworkException;
import com.rigsync.samsara.Organization;
import com.rigsync.samsara.RateLimitedException;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.SamsaraSession;
import com.rigsync.samsara.SamsaraUnavailableException;
import com.rigsync.samsara.StatType;
import com.rigsync.samsara.StatsQuery;
import com.rigsync.samsara.Tag;
import com.rigsync.samsara.TagFilter;
import com.rigsync.samsara.Vehicle;
import com.rigsync.samsara.VehicleQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks behind "Test connection" and behind saving a token: {@code GET /me}, the vehicle list (every page, to
 * count vehicles and collect their tags), one stats read and one drivers page. A dead token or an unreachable
 * Samsara stops the remaining calls.
 */
final class ConnectionCheck {

    static final String REVOKED = "the token was regenerated or revoked: create a new one";
    private static final Logger log = LoggerFactory.getLogger(ConnectionCheck.class);
    private static final Set<StatType> PROBE_STATS = EnumSet.of(StatType.OBD_ODOMETER_METERS);

    private ConnectionCheck() {
    }

    static ConnectionTestReport run(SamsaraSession session, TagFilter tagIds, Long apparatusCount) {
        long started = System.nanoTime();
        List<EndpointCheck> checks = new ArrayList<>();
        AtomicReference<SamsaraException> stopper = new AtomicReference<>();
        List<SamsaraException> refusals = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        Organization org = step("Organisation (GET /me)", checks, stopper, refusals, session::me,
                o -> o.name() + " (id " + o.id() + ")");

        Map<String, TagChoice> tags = new LinkedHashMap<>();
        int[] counts = {-1, -1};
        String[] firstVehicle = {null};
        step("Vehicles (GET /fleet/vehicles)", checks, stopper, refusals, () -> {
            int all = 0;
            for (Vehicle v : (Iterable<Vehicle>) session.vehicles(VehicleQuery.all())::iterator) {
                all++;
                if (firstVehicle[0] == null) {
                    firstVehicle[0] = v.id();
                }
                for (Tag t : v.tags()) {
                    // a parent tag seen only as another tag's parentTagId is named once a vehicle carries it
                    TagChoice known = tags.get(t.id());
                    if (known == null || known.name() == null || known.parentTagId() == null) {
                        tags.put(t.id(), new TagChoice(t.id(), t.name() != null ? t.name()
                                : known == null ? null : known.name(), t.parentTagId() != null ? t.parentTagId()
                                : known == null ? null : known.parentTagId()));
                    }
                    if (t.parentTagId() != null) {
                        tags.putIfAbsent(t.parentTagId(), new TagChoice(t.parentTagId(), null, null));
                    }
                }
            }
            counts[1] = all;
            counts[0] = tagIds.isEmpty() ? all : (int) session.vehicles(VehicleQuery.all().withTags(tagIds)).count();
            return counts[0];
        }, n -> tagIds.isEmpty() ? n + " vehicles" : n + " vehicles with the chosen tags (" + counts[1] + " in all)");

        step("Vehicle statistics (GET /fleet/vehicles/stats)", checks, stopper, refusals,
                () -> session.stats(PROBE_STATS, firstVehicle[0] == null ? StatsQuery.allVehicles()
                        : StatsQuery.vehicles(List.of(firstVehicle[0]))).size(), n -> "readable");

        List<SamsaraException> driverProblems = new ArrayList<>();
        step("Drivers (GET /fleet/drivers)", checks, stopper, driverProblems,
                () -> session.drivers(DriverQuery.active().withLimit(1)).findFirst().isPresent(), any -> "readable");
        driverProblems.forEach(e -> warnings.add(e.userMessage()
                + " Only the Drivers screen needs it; the apparatus sync works without it."));

        if (apparatusCount != null && counts[0] >= 0 && counts[0] < apparatusCount) {
            warnings.add("The token sees " + counts[0] + " Samsara vehicles but the department has " + apparatusCount
                    + " apparatus: check the token's tags and the tag filter.");
        }

        long millis = (System.nanoTime() - started) / 1_000_000;
        Verdict verdict = Verdict.OK;
        String reason = null;
        SamsaraException stop = stopper.get();
        if (stop instanceof InvalidTokenException) {
            verdict = Verdict.REFUSED;
            reason = REVOKED;
        } else if (stop != null) {
            verdict = Verdict.UNREACHABLE;
            reason = stop.userMessage();
        } else if (!refusals.isEmpty()) {
            verdict = Verdict.REFUSED;
            reason = refusals.stream().map(ConnectionCheck::refusalReason).distinct()
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
        }
        List<TagChoice> tagList = tags.values().stream()
                .sorted(Comparator.comparing(TagChoice::label, String.CASE_INSENSITIVE_ORDER)).toList();
        return new ConnectionTestReport(verdict, reason, org == null ? null : org.id(), org == null ? null : org.name(),
                checks, millis, counts[0] < 0 ? null : counts[0], counts[1] < 0 ? null : counts[1], tagList,
                warnings.isEmpty() ? null : String.join(" ", warnings));
    }

    private static String refusalReason(SamsaraException e) {
        if (e instanceof MissingScopeException missing) {
            return "Samsara refused '" + missing.requiredScope() + "': the token may lack that scope (Global Read "
                    + "includes it), be limited to tags that leave the vehicles out, or your organisation's Samsara "
                    + "licence may not include it";
        }
        return e.userMessage();
    }

    /** Whether Samsara (or the way to it) failed, rather than the token: worth saving as "not yet verified". */
    static boolean unreachable(SamsaraException e) {
        return e instanceof NetworkException || e instanceof SamsaraUnavailableException
                || e instanceof RateLimitedException || e instanceof MalformedResponseException;
    }

    private interface Call<T> {
        T run();
    }

    private interface Describe<T> {
        String describe(T value);
    }

    private static <T> T step(String name, List<EndpointCheck> checks, AtomicReference<SamsaraException> stopper,
                              List<SamsaraException> refusals, Call<T> call, Describe<T> describe) {
        if (stopper.get() != null) {
            checks.add(new EndpointCheck(name, Outcome.NOT_TRIED, "not tried"));
            return null;
        }
        try {
            T value = call.run();
            checks.add(new EndpointCheck(name, Outcome.OK, "OK: " + describe.describe(value)));
            return value;
        } catch (SamsaraException e) {
            log.info("Samsara connection test: {}", e.getMessage());
            checks.add(new EndpointCheck(name, Outcome.FAILED, e.userMessage()));
            if (e instanceof InvalidTokenException || unreachable(e)) {
                stopper.set(e);
            } else {
                refusals.add(e);
            }
            return null;
        }
    }
}
