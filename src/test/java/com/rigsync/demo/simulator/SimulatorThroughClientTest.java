package com.rigsync.demo.simulator;

import static com.rigsync.demo.simulator.SimulatedSamsara.DRIVER_TOKENS_TOKEN;
import static com.rigsync.demo.simulator.SimulatedSamsara.GLOBAL_READ_TOKEN;
import static com.rigsync.demo.simulator.SimulatedSamsara.NO_STATS_TOKEN;
import static com.rigsync.demo.simulator.SimulatedSamsara.REVOKED_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rigsync.samsara.ClientCredentials;
import com.rigsync.samsara.Driver;
import com.rigsync.samsara.DriverAuthToken;
import com.rigsync.samsara.DriverQuery;
import com.rigsync.samsara.GpsReading;
import com.rigsync.samsara.InvalidGrantException;
import com.rigsync.samsara.InvalidTokenException;
import com.rigsync.samsara.MeterReading;
import com.rigsync.samsara.MissingScopeException;
import com.rigsync.samsara.OAuthTokens;
import com.rigsync.samsara.RequestRejectedException;
import com.rigsync.samsara.SamsaraClient;
import com.rigsync.samsara.SamsaraSession;
import com.rigsync.samsara.StatType;
import com.rigsync.samsara.StatsFeedResult;
import com.rigsync.samsara.StatsQuery;
import com.rigsync.samsara.TokenSource;
import com.rigsync.samsara.Vehicle;
import com.rigsync.samsara.VehicleQuery;
import com.rigsync.samsara.VehicleStats;
import com.rigsync.samsara.VehicleStatsSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated Samsara read by RigSync's own client over loopback HTTP, as a sync would read api.samsara.com. */
class SimulatorThroughClientTest {

    private static final ClientCredentials APP = new ClientCredentials(SimulatedSamsara.OAUTH_CLIENT_ID,
            SimulatedSamsara.OAUTH_CLIENT_SECRET);
    private static final Pattern AUTHORIZATION = Pattern.compile("name=\"authorization\" value=\"([^\"]+)\"");

    /** The simulator's rate-limit ticker: moves only when the client waits, so 429s and retries are exact. */
    private final AtomicLong ticker = new AtomicLong();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final SimulatedSamsaraServer server = SimulatedSamsaraServer.start(new SimulatedSamsara(
            Clock.fixed(SimulatedSamsaraServer.DEFAULT_START, ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE,
            SimulatedSamsara.DEFAULT_REDIRECT_URI, SimulatedFleet.demo(), ticker::get));
    private final SimulatedSamsara samsara = server.samsara();
    private final SamsaraClient client = SamsaraClient.builder()
            .baseUrl(server.baseUrl())
            .clock(Clock.fixed(SimulatedSamsaraServer.DEFAULT_START, ZoneOffset.UTC))
            .sleeper(wait -> {
                waits.add(wait);
                ticker.addAndGet(wait.toNanos());
            })
            .random(new SplittableRandom(7))
            .throttle(false)
            .build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private SamsaraSession session(String token) {
        return client.session(TokenSource.of(token));
    }

    // ---- vehicles ----

    @Test
    void listsEveryVehicleOverSmallPagesAndThroughInsertedEmptyPages() {
        List<String> expected = samsara.vehicles().stream().map(SimulatedVehicle::id).toList();
        SamsaraSession session = session(GLOBAL_READ_TOKEN);

        List<Vehicle> all = session.vehicles(VehicleQuery.all()).toList();
        assertThat(all).extracting(Vehicle::id).containsExactlyElementsOf(expected);
        assertThat(session.requestCount()).as("about 40 vehicles fit one page of 512").isEqualTo(1);

        SamsaraSession paged = session(GLOBAL_READ_TOKEN);
        assertThat(paged.vehicles(VehicleQuery.all().withLimit(7)).map(Vehicle::id).toList())
                .containsExactlyElementsOf(expected);
        assertThat(paged.requestCount()).isEqualTo((expected.size() + 6) / 7);

        samsara.insertEmptyPages(3);
        SamsaraSession throughEmpty = session(GLOBAL_READ_TOKEN);
        assertThat(throughEmpty.vehicles(VehicleQuery.all().withLimit(7)).map(Vehicle::id).toList())
                .containsExactlyElementsOf(expected);
        assertThat(throughEmpty.requestCount()).isEqualTo((expected.size() + 6) / 7 + 3);
    }

    @Test
    void aSimulatorWithASmallPageSizeAnswersShortPagesThatTheClientFollows() {
        try (var small = SimulatedSamsaraServer.start(new SimulatedSamsara(
                Clock.fixed(SimulatedSamsaraServer.DEFAULT_START, ZoneOffset.UTC), 5,
                SimulatedSamsara.DEFAULT_REDIRECT_URI));
                var smallClient = SamsaraClient.builder().baseUrl(small.baseUrl()).throttle(false).build()) {
            SamsaraSession session = smallClient.session(TokenSource.of(GLOBAL_READ_TOKEN));
            int count = small.samsara().vehicles().size();

            assertThat(session.vehicles(VehicleQuery.all()).count()).isEqualTo(count);
            assertThat(session.requestCount()).isEqualTo((count + 4) / 5);
        }
    }

    @Test
    void findsAVehicleByVinAndById() {
        SimulatedVehicle withVin = samsara.vehicles().stream().filter(v -> v.vin() != null).findFirst().orElseThrow();
        SamsaraSession session = session(GLOBAL_READ_TOKEN);

        Vehicle found = session.vehicleByVin(withVin.vin()).orElseThrow();
        assertThat(found.id()).isEqualTo(withVin.id());
        assertThat(found.name()).isEqualTo(withVin.name());
        assertThat(found.vin()).isEqualTo(withVin.vin());
        assertThat(found.externalIds()).containsEntry("samsara.vin", withVin.vin());
        assertThat(session.vehicle(withVin.id())).contains(found);
        assertThat(session.vehicleByVin("1FVACYDT27HY00000")).isEmpty();
        assertThat(session.vehicle("999999999999999")).isEmpty();

        samsara.changeVin(withVin.id(), "4P1CD01H0KA000001");
        assertThat(session.vehicleByVin(withVin.vin())).as("the old VIN no longer matches").isEmpty();
        assertThat(session.vehicleByVin("4P1CD01H0KA000001")).map(Vehicle::id).contains(withVin.id());
        samsara.deleteVehicle(withVin.id());
        assertThat(session.vehicle(withVin.id())).isEmpty();
    }

    // ---- stats ----

    @Test
    void readsFiveStatTypesInTwoCallsWithSingularKeysAndAbsentStats() {
        Set<StatType> types = EnumSet.of(StatType.OBD_ODOMETER_METERS, StatType.OBD_ENGINE_SECONDS, StatType.GPS,
                StatType.ENGINE_STATES, StatType.FUEL_PERCENTS);
        SamsaraSession session = session(GLOBAL_READ_TOKEN);

        Map<String, VehicleStats> stats = session.stats(types, StatsQuery.allVehicles());

        assertThat(session.requestCount()).as("at most 3 types per call").isEqualTo(2);
        assertThat(stats).hasSize(samsara.vehicles().size());
        SimulatedVehicle obd = samsara.vehicles().stream().filter(v -> v.hasGateway() && v.reportsObd()).findFirst()
                .orElseThrow();
        VehicleStats full = stats.get(obd.id());
        assertThat(full.obdOdometerMeters().value()).isPositive();
        assertThat(full.obdEngineSeconds().value()).isPositive();
        assertThat(full.gps().latitude()).isBetween(39.0, 40.5);
        assertThat(full.engineState().state()).as("answered as engineState").isIn("On", "Off", "Idle");
        assertThat(full.fuelPercent().percent()).as("answered as fuelPercent").isBetween(0.0, 100.0);
        assertThat(full.engineState().time()).isBeforeOrEqualTo(samsara.now());

        SimulatedVehicle noGateway = samsara.vehicles().stream().filter(v -> !v.hasGateway()).findFirst()
                .orElseThrow();
        VehicleStats none = stats.get(noGateway.id());
        assertThat(none.name()).isEqualTo(noGateway.name());
        assertThat(none.odometerMeters()).as("a stat the vehicle cannot report is absent, not zero").isEmpty();
        assertThat(none.gps()).isNull();
        assertThat(none.engineState()).isNull();
        SimulatedVehicle noObd = samsara.vehicles().stream().filter(v -> v.hasGateway() && !v.reportsObd())
                .findFirst().orElseThrow();
        VehicleStats gpsOnly = stats.get(noObd.id());
        assertThat(gpsOnly.obdOdometerMeters()).isNull();
        assertThat(gpsOnly.fuelPercent()).isNull();
        assertThat(gpsOnly.gps()).isNotNull();
    }

    @Test
    void readsStatsForAListOfVehicleIds() {
        List<String> ids = samsara.vehicles().stream().filter(SimulatedVehicle::hasGateway).limit(3)
                .map(SimulatedVehicle::id).toList();

        Map<String, VehicleStats> stats = session(GLOBAL_READ_TOKEN).stats(Set.of(StatType.GPS),
                StatsQuery.vehicles(ids));

        assertThat(stats.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(stats.values()).allSatisfy(s -> assertThat(s.gps()).isNotNull());
    }

    @Test
    void theStatsFeedGivesTheLatestThenOnlyNewerReadingsAfterTheClockMoves() {
        Set<StatType> types = EnumSet.of(StatType.OBD_ENGINE_SECONDS, StatType.GPS, StatType.ENGINE_STATES);
        SamsaraSession session = session(GLOBAL_READ_TOKEN);
        Instant start = samsara.now();

        StatsFeedResult first = session.statsFeed(types, (String) null, StatsQuery.allVehicles());
        assertThat(first.pages()).hasSize(1);
        assertThat(first.hasNextPage()).isFalse();
        assertThat(first.pages().getFirst().vehicles()).isNotEmpty().allSatisfy(v ->
                assertThat(v.gps()).extracting(GpsReading::time).allSatisfy(t -> assertThat(t).isBeforeOrEqualTo(start)));
        String cursor = first.nextCursor().encode();

        StatsFeedResult nothingNew = session.statsFeed(types, cursor, StatsQuery.allVehicles());
        assertThat(nothingNew.pages().getFirst().vehicles()).as("the clock has not moved").isEmpty();

        samsara.advanceClock(Duration.ofHours(1));
        StatsFeedResult later = session.statsFeed(types, nothingNew.nextCursor(), StatsQuery.allVehicles());

        List<VehicleStatsSeries> changed = later.pages().getFirst().vehicles();
        assertThat(changed).isNotEmpty();
        assertThat(changed).flatExtracting(VehicleStatsSeries::obdEngineSeconds).extracting(MeterReading::time)
                .allSatisfy(t -> assertThat(t).isAfter(start).isBeforeOrEqualTo(samsara.now()));
        assertThat(changed).flatExtracting(VehicleStatsSeries::gps).extracting(GpsReading::time)
                .allSatisfy(t -> assertThat(t).isAfter(start).isBeforeOrEqualTo(samsara.now()));
        assertThat(changed).as("engine states come under the feed's plural key engineStates")
                .anySatisfy(v -> assertThat(v.engineState()).isNotEmpty());
        assertThat(later.nextCursor()).isNotEqualTo(nothingNew.nextCursor());
        assertThat(session.requestCount()).isEqualTo(3);
    }

    // ---- drivers ----

    @Test
    void listsActiveAndDeactivatedDrivers() {
        SamsaraSession session = session(GLOBAL_READ_TOKEN);

        List<Driver> active = session.drivers(DriverQuery.active()).toList();
        List<Driver> deactivated = session.drivers(DriverQuery.deactivated().withLimit(1)).toList();

        assertThat(active).hasSize(7).allSatisfy(d -> assertThat(d.driverActivationStatus()).isEqualTo("active"));
        Driver maria = active.stream().filter(d -> d.username().equals("MAlvarez")).findFirst().orElseThrow();
        assertThat(maria.name()).isEqualTo("Maria Alvarez");
        assertThat(maria.staticAssignedVehicle().name()).isEqualTo("Engine 1");
        assertThat(maria.tags()).extracting(t -> t.name()).containsExactly("Station 1");
        assertThat(deactivated).extracting(Driver::name).containsExactlyInAnyOrder("Hannah Becker", "Sam Whitfield");
    }

    @Test
    void theDriverTokensTokenIssuesADriverLoginTokenAndGlobalReadIsToldTheScope() {
        long driverId = Long.parseLong(samsara.fleet().drivers().getFirst().id());

        DriverAuthToken token = session(DRIVER_TOKENS_TOKEN).issueDriverAuthToken(driverId, "a1b2c3d4e5f6g7h8");

        assertThat(token.token()).isNotBlank();
        assertThat(token.expiresAt()).isEqualTo(samsara.now().plus(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> session(GLOBAL_READ_TOKEN).issueDriverAuthToken(driverId, "a1b2c3d4e5f6g7h8"))
                .isInstanceOfSatisfying(MissingScopeException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(403);
                    assertThat(e.requiredScope()).isEqualTo("Write Driver Auth Token");
                    assertThat(e.samsaraMessage()).hasValueSatisfying(m -> assertThat(m).contains("Write Driver Auth Token"));
                    assertThat(e.userMessage()).contains("Write Driver Auth Token", "Global Read does not include it");
                    assertThat(e.requestId()).isPresent();
                });
    }

    // ---- demo tokens ----

    @Test
    void eachDemoTokenMapsToTheClientsTypedErrors() {
        SamsaraSession global = session(GLOBAL_READ_TOKEN);
        assertThat(global.me().name()).isEqualTo(SimulatedFleet.ORGANIZATION_NAME);
        assertThat(global.stats(Set.of(StatType.GPS), StatsQuery.allVehicles())).isNotEmpty();

        SamsaraSession noStats = session(NO_STATS_TOKEN);
        assertThat(noStats.me().id()).isEqualTo(SimulatedFleet.ORGANIZATION_ID);
        assertThat(noStats.vehicles(VehicleQuery.all()).count()).isEqualTo(samsara.vehicles().size());
        assertThat(noStats.drivers(DriverQuery.active()).count()).isEqualTo(7);
        assertThatThrownBy(() -> noStats.stats(Set.of(StatType.GPS), StatsQuery.allVehicles()))
                .isInstanceOfSatisfying(MissingScopeException.class, e -> {
                    assertThat(e.requiredScope()).isEqualTo("Read Vehicle Statistics");
                    assertThat(e.userMessage()).contains("Read Vehicle Statistics", "Global Read");
                });
        assertThatThrownBy(() -> noStats.statsFeed(Set.of(StatType.GPS), (String) null, StatsQuery.allVehicles()))
                .isInstanceOf(MissingScopeException.class);

        assertThatThrownBy(() -> session(REVOKED_TOKEN).me()).isInstanceOfSatisfying(InvalidTokenException.class,
                e -> assertThat(e.httpStatus()).hasValue(401));
        assertThatThrownBy(() -> session(REVOKED_TOKEN).vehicles(VehicleQuery.all()).count())
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> session("samsara_api_unknown").me()).isInstanceOf(InvalidTokenException.class);

        samsara.revokeToken(GLOBAL_READ_TOKEN);
        assertThatThrownBy(global::me).as("revoked on the fault switches page").isInstanceOf(InvalidTokenException.class);
    }

    // ---- OAuth ----

    @Test
    void theCodeFromTheAuthorizePageBuysATokenPairOnceThatReadsAndIssuesDriverTokens() {
        String code = authorize("admin:write");

        OAuthTokens tokens = client.oauth().exchangeCode(APP, code, samsara.redirectUri());

        assertThat(tokens.scope()).isEqualTo("admin:write");
        assertThat(tokens.expiresAt()).isEqualTo(SimulatedSamsaraServer.DEFAULT_START.plusSeconds(3599));
        assertThat(tokens.refreshToken()).isNotBlank();
        SamsaraSession connected = session(tokens.accessToken());
        assertThat(connected.me().name()).isEqualTo(SimulatedFleet.ORGANIZATION_NAME);
        assertThat(connected.issueDriverAuthToken(Long.parseLong(samsara.fleet().drivers().getFirst().id()),
                "a1b2c3d4e5f6g7h8").token()).isNotBlank();
        assertThatThrownBy(() -> client.oauth().exchangeCode(APP, code, samsara.redirectUri()))
                .as("codes work once").isInstanceOf(InvalidGrantException.class);
        assertThatThrownBy(() -> client.oauth().exchangeCode(new ClientCredentials(APP.clientId(), "wrong-secret"),
                authorize("admin:read"), null)).isInstanceOf(RequestRejectedException.class)
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void aReadGrantCannotIssueDriverTokens() {
        OAuthTokens tokens = client.oauth().exchangeCode(APP, authorize("admin:read"), null);

        assertThat(tokens.scope()).isEqualTo("admin:read");
        assertThat(session(tokens.accessToken()).vehicles(VehicleQuery.all()).count()).isPositive();
        assertThatThrownBy(() -> session(tokens.accessToken()).issueDriverAuthToken(
                Long.parseLong(samsara.fleet().drivers().getFirst().id()), "a1b2c3d4e5f6g7h8"))
                .isInstanceOf(MissingScopeException.class);
    }

    @Test
    void refreshTokensWorkOnceAndAccessTokensExpireAfterAnHour() {
        OAuthTokens first = client.oauth().exchangeCode(APP, authorize("admin:read"), samsara.redirectUri());

        samsara.advanceClock(Duration.ofHours(1));
        assertThatThrownBy(() -> session(first.accessToken()).me()).as("expired")
                .isInstanceOf(InvalidTokenException.class);

        OAuthTokens second = client.oauth().refresh(APP, first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(session(second.accessToken()).me().id()).isEqualTo(SimulatedFleet.ORGANIZATION_ID);

        assertThatThrownBy(() -> client.oauth().refresh(APP, first.refreshToken()))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.userMessage()).contains("Connect to Samsara again");
                    assertThat(e.getMessage()).doesNotContain(first.refreshToken());
                });
        OAuthTokens third = client.oauth().refresh(APP, second.refreshToken());
        assertThat(session(third.accessToken()).me().id()).isEqualTo(SimulatedFleet.ORGANIZATION_ID);
    }

    @Test
    void revokingEndsTheRefreshTokenAndItsAccessTokens() {
        OAuthTokens tokens = client.oauth().exchangeCode(APP, authorize("admin:read"), null);
        assertThat(session(tokens.accessToken()).me()).isNotNull();

        client.oauth().revoke(APP, tokens.refreshToken());

        assertThatThrownBy(() -> session(tokens.accessToken()).me()).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> client.oauth().refresh(APP, tokens.refreshToken()))
                .isInstanceOf(InvalidGrantException.class);
        assertThat(client.oauth().requestCount()).isEqualTo(3);
    }

    /** The user's part, driven through the engine: open the authorize page, press Allow, read the redirect. */
    private String authorize(String scope) {
        SimulatedResponse page = samsara.handle(SimulatedRequest.of("GET", "/oauth2/authorize",
                "client_id=" + SimulatedSamsara.OAUTH_CLIENT_ID + "&response_type=code&state=state-0123456789&scope="
                        + scope, Map.of(), null));
        assertThat(page.status()).isEqualTo(200);
        Matcher authorization = AUTHORIZATION.matcher(page.body());
        assertThat(authorization.find()).as("the page carries its authorization request").isTrue();
        SimulatedResponse allowed = samsara.handle(SimulatedRequest.of("POST", "/oauth2/authorize", null,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                ("authorization=" + authorization.group(1) + "&decision=allow").getBytes(StandardCharsets.UTF_8)));
        assertThat(allowed.status()).isEqualTo(302);
        URI location = URI.create(allowed.headers().get("Location"));
        assertThat(location.toString()).startsWith(samsara.redirectUri() + "?");
        Map<String, List<String>> params = SimulatedRequest.parseForm(location.getRawQuery());
        assertThat(params.get("state")).containsExactly("state-0123456789");
        assertThat(params.get("scope")).containsExactly(scope);
        return params.get("code").getFirst();
    }

    // ---- rate limits ----

    @Test
    void aBurstOfVehicleListsGets429sThatTheClientRetriesAfterTheFractionalRetryAfter() {
        SamsaraSession session = session(GLOBAL_READ_TOKEN);
        int vehicles = samsara.vehicles().size();

        for (int i = 0; i < 40; i++) {
            assertThat(session.vehicles(VehicleQuery.all()).count()).isEqualTo(vehicles);
        }

        assertThat(samsara.requestLog()).filteredOn(r -> r.status() == 429).hasSize(15);
        assertThat(waits).as("25 per second: each retry waits the 0.04 s Samsara asked for, no more")
                .hasSize(15).containsOnly(Duration.ofMillis(40));
        assertThat(session.requestCount()).isEqualTo(55);
        assertThat(samsara.requestCount("/fleet/vehicles")).isEqualTo(55);
    }
}
