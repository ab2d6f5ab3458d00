package com.rigsync.samsara;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real client against Samsara's documented response shapes, recorded one case a file under
 * {@code src/test/resources/samsara-contract} (its README names where each shape comes from). Each test asserts what
 * the client makes of the answer and what it sent: every request carries the pinned {@code X-Samsara-Version}.
 */
class SamsaraContractTest extends SamsaraTestBase {

    @AfterEach
    void everyRequestAskedForThePinnedVersion() throws InterruptedException {
        takeAll().forEach(SamsaraContractTest::asksForThePinnedVersion);
    }

    /** Every request a test takes is checked too. */
    @Override
    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = super.take();
        asksForThePinnedVersion(r);
        return r;
    }

    private static void asksForThePinnedVersion(RecordedRequest r) {
        if (r.getHeaders().get("X-Samsara-Version") != null
                && !r.getHeaders().get("X-Samsara-Version").equals(SamsaraClient.API_VERSION)) {
            return; // the test of a chosen version checks its own
        }
        assertThat(r.getHeaders().get("X-Samsara-Version")).as(r.getMethod() + " " + r.getUrl().encodedPath())
                .isEqualTo(SamsaraClient.API_VERSION);
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void meNamesTheOrganisation() throws Exception {
        server.enqueue(recorded("me.json"));

        assertThat(session.me()).isEqualTo(new Organization("11235813", "Springfield Fire Rescue"));
        RecordedRequest r = take();
        assertThat(r.getHeaders().get("X-Samsara-Version")).isEqualTo("2025-06-11");
        assertThat(r.getUrl().encodedPath()).isEqualTo(PREFIX + "/me");
    }

    @Test
    void aVersionChosenInTheSettingsIsSentInstead() throws Exception {
        try (SamsaraClient other = clientBuilder().apiVersion("2024-04-01").build()) {
            server.enqueue(recorded("me.json"));
            other.session(TokenSource.of(TOKEN)).me();
            assertThat(take().getHeaders().get("X-Samsara-Version")).isEqualTo("2024-04-01");
        }
        assertThatThrownBy(() -> clientBuilder().apiVersion("latest")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVehicleListFollowsTheCursorAndReadsSparseAndRichItems() throws Exception {
        server.enqueue(recorded("vehicles-first-page.json"));
        server.enqueue(recorded("vehicles-last-page-sparse.json"));

        List<Vehicle> vehicles = session.vehicles(VehicleQuery.all().withTagIds(List.of("3914"))).toList();

        assertThat(vehicles).extracting(Vehicle::id)
                .containsExactly("494123", "212014918086345", "281474976710655", "281474976710656");
        Vehicle engine = vehicles.getFirst();
        assertThat(engine.vin()).isEqualTo("1FVACYDT27HY12345");
        assertThat(engine.modelYear()).contains(2019);
        assertThat(engine.externalIds()).containsEntry("firstdue.apparatusId", "42");
        assertThat(engine.tags()).containsExactly(new Tag("3914", "Station 1", "4815"));
        assertThat(vehicles.get(1).tags()).extracting(Tag::parentTagId).containsExactly("4815", null);
        assertThat(vehicles.get(1).licensePlate()).as("empty is absent").isNull();
        Vehicle trailer = vehicles.get(2);
        assertThat(trailer.vin()).isNull();
        assertThat(trailer.make()).isNull();
        assertThat(trailer.modelYear()).isEmpty();
        Vehicle bare = vehicles.get(3);
        assertThat(bare.tags()).isEmpty();
        assertThat(bare.updatedAtTime()).isNull();
        assertThat(session.listsCutShort()).isEmpty();

        RecordedRequest first = take();
        assertThat(first.getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("512");
        assertThat(first.getUrl().queryParameter("tagIds")).isEqualTo("3914");
        assertThat(take().getUrl().queryParameter("after")).isEqualTo("MjkY");
    }

    @Test
    void oneVehicleByAnExternalIdAndANotFoundAnswer() throws Exception {
        server.enqueue(recorded("vehicle-by-external-id.json"));
        server.enqueue(recorded(404, "error-404.json"));

        assertThat(session.vehicleByVin("1fvacydt27hy12345 ".toUpperCase())).map(Vehicle::id).contains("494123");
        assertThat(session.vehicle("999")).isEmpty();

        assertThat(take().getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles/samsara.vin:1FVACYDT27HY12345");
        assertThat(take().getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles/999");
    }

    @Test
    void theSnapshotAnswersWithSingularKeysAndFallbacks() throws Exception {
        server.enqueue(recorded("stats-snapshot.json"));
        server.enqueue(recorded("stats-snapshot-gps.json"));

        Map<String, VehicleStats> stats = session.stats(EnumSet.of(StatType.OBD_ODOMETER_METERS,
                StatType.ENGINE_STATES, StatType.FUEL_PERCENTS), StatsQuery.allVehicles());
        Map<String, VehicleStats> gps = session.stats(EnumSet.of(StatType.GPS, StatType.OBD_ENGINE_SECONDS,
                StatType.SYNTHETIC_ENGINE_SECONDS), StatsQuery.allVehicles());

        VehicleStats engine = stats.get("494123");
        assertThat(engine.odometerMeters()).contains(new MeterReading(Instant.parse("2024-06-13T19:08:25Z"),
                104585210));
        assertThat(engine.engineState().state()).isEqualTo("Off");
        assertThat(engine.fuelPercent().percent()).isEqualTo(74);
        VehicleStats ladder = stats.get("212014918086345");
        assertThat(ladder.fuelPercent()).as("a stat the vehicle cannot report is absent").isNull();
        assertThat(ladder.engineState().state()).isEqualTo("Idle");
        assertThat(gps.get("494123").gps().formattedLocation()).isEqualTo("1 Main St, Springfield");
        assertThat(gps.get("494123").engineSeconds()).map(MeterReading::value).contains(15730200L);
        assertThat(gps.get("212014918086345").gps().formattedLocation()).as("no reverseGeo: no address").isNull();
        assertThat(gps.get("212014918086345").engineSeconds()).as("synthetic engine seconds when no OBD")
                .map(MeterReading::value).contains(900000L);

        RecordedRequest r = take();
        assertThat(r.getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles/stats");
        assertThat(r.getUrl().queryParameter("types").split(",")).as("at most three types a call")
                .containsExactlyInAnyOrder("obdOdometerMeters", "engineStates", "fuelPercents");
        assertThat(r.getUrl().queryParameter("limit")).as("stats take no limit").isNull();
        take();
    }

    @Test
    void theFeedAnswersWithPluralListsInAnyOrderAndAGpsFixMayComeWithoutAddress() throws Exception {
        server.enqueue(recorded("stats-feed-out-of-order.json"));
        server.enqueue(recorded("stats-feed-gps-without-address.json"));

        StatsFeedResult meters = session.statsFeed(EnumSet.of(StatType.OBD_ODOMETER_METERS, StatType.ENGINE_STATES,
                StatType.FUEL_PERCENTS), StatsFeedCursor.start(), StatsQuery.allVehicles());
        StatsFeedResult gps = session.statsFeed(EnumSet.of(StatType.GPS), StatsFeedCursor.start(),
                StatsQuery.allVehicles());

        VehicleStatsSeries engine = meters.pages().getFirst().vehicles().getFirst();
        assertThat(engine.obdOdometerMeters()).extracting(MeterReading::value)
                .containsExactlyInAnyOrder(104585210L, 104586000L, 104587500L);
        assertThat(engine.engineState()).extracting(EngineStateReading::state).containsExactlyInAnyOrder("On", "Off");
        assertThat(engine.fuelPercent()).extracting(FuelPercentReading::percent).containsExactly(73.0);
        assertThat(meters.nextCursor().cursorFor(EnumSet.of(StatType.OBD_ODOMETER_METERS, StatType.ENGINE_STATES,
                StatType.FUEL_PERCENTS))).contains("MjkZ");
        List<GpsReading> fixes = gps.pages().getFirst().vehicles().getFirst().gps();
        assertThat(fixes).extracting(GpsReading::formattedLocation).containsExactly("1 Main St, Springfield", null);
        assertThat(fixes.get(1).speedMilesPerHour()).isEqualTo(31.5);

        assertThat(take().getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles/stats/feed");
        take();
    }

    @Test
    void everyDocumentedShapeOfFaultCodesIsRead() throws Exception {
        server.enqueue(recorded("stats-fault-codes-every-shape.json"));

        Map<String, VehicleStats> stats = session.stats(Set.of(StatType.FAULT_CODES), StatsQuery.allVehicles());

        FaultCodesReading codes = stats.get("494123").faultCodes();
        assertThat(codes.canBusType()).isEqualTo("CANBUS_J1939_500");
        assertThat(codes.obdii().checkEngineLightIsOn()).isTrue();
        FaultCodesReading.ObdiiTroubleCodes tx = codes.obdii().diagnosticTroubleCodes().getFirst();
        assertThat(tx.milStatus()).as("OBD-II milStatus is a boolean").isTrue();
        assertThat(tx.confirmedDtcs()).containsExactly(
                new FaultCodesReading.Dtc(1234L, "P0420", "Catalyst efficiency below threshold"),
                new FaultCodesReading.Dtc(4711L, null, null));
        assertThat(tx.pendingDtcs()).containsExactly(new FaultCodesReading.Dtc(99L, "P0128", null));
        assertThat(codes.j1939().checkEngineLights().protectIsOn()).isTrue();
        assertThat(codes.j1939().diagnosticTroubleCodes()).extracting(FaultCodesReading.J1939TroubleCode::spnId,
                FaultCodesReading.J1939TroubleCode::milStatus).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(110L, 0), org.assertj.core.groups.Tuple.tuple(null, 1));
        assertThat(codes.oem().diagnosticTroubleCodes()).extracting(FaultCodesReading.OemTroubleCode::codeIdentifier)
                .containsExactly("E-ONE 12", null);
        assertThat(codes.anyWarningLightOn()).isTrue();
        FaultCodesReading quiet = stats.get("212014918086345").faultCodes();
        assertThat(quiet.j1939()).isNull();
        assertThat(quiet.oem()).isNull();
        assertThat(quiet.anyWarningLightOn()).isFalse();
    }

    @Test
    void anEmptyPageThatAnnouncesMoreIsFollowed() throws Exception {
        server.enqueue(recorded("page-empty-with-more.json"));
        server.enqueue(recorded("vehicles-last-page-sparse.json"));

        assertThat(session.vehicles(VehicleQuery.all()).toList()).hasSize(2);
        take();
        assertThat(take().getUrl().queryParameter("after")).isEqualTo("MjkB");
    }

    @Test
    void aPageThatAnnouncesMoreWithoutACursorEndsTheListKeepingItsItems() throws Exception {
        server.enqueue(recorded("page-more-without-cursor.json"));

        assertThat(session.vehicles(VehicleQuery.all()).toList()).extracting(Vehicle::id)
                .containsExactly("494123", "494124");
        assertThat(session.requestCount()).as("never asked again").isEqualTo(1);
        assertThat(session.listsCutShort()).containsExactly(new ListCutShort("vehicles", 2));
    }

    @Test
    void driversAndADriverLoginToken() throws Exception {
        server.enqueue(recorded("drivers.json"));
        server.enqueue(recorded("driver-auth-token.json"));

        List<Driver> drivers = session.drivers(DriverQuery.active()).toList();
        DriverAuthToken login = session.issueDriverAuthToken(123, "a-random-code-of-16");

        assertThat(drivers).extracting(Driver::username).containsExactly("SusanJones", null);
        assertThat(drivers.getFirst().staticAssignedVehicle()).isEqualTo(new Driver.VehicleRef("494123", "Engine 1"));
        assertThat(drivers.get(1).tags()).isEmpty();
        assertThat(login.expiresAt()).as("epoch milliseconds").isEqualTo(Instant.ofEpochMilli(1710000000000L));
        assertThat(take().getUrl().queryParameter("driverActivationStatus")).isEqualTo("active");
        RecordedRequest post = take();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getBody().utf8()).contains("\"code\":\"a-random-code-of-16\"", "\"driverId\":123");
    }

    @Test
    void errorsAreClassifiedAndTheirRequestIdKept() {
        server.enqueue(recorded(401, "error-401.json"));
        assertThatThrownBy(() -> session.me()).isInstanceOfSatisfying(InvalidTokenException.class,
                e -> assertThat(e.requestId()).contains("8c0e6f9a-401"));

        server.enqueue(recorded(403, "error-403.json"));
        assertThatThrownBy(() -> session.stats(Set.of(StatType.GPS), StatsQuery.allVehicles()))
                .isInstanceOfSatisfying(MissingScopeException.class, e -> assertThat(e.userMessage())
                        .contains("'Read Vehicle Statistics'", "limited to some tags", "licence"));

        for (int i = 0; i < 4; i++) {
            server.enqueue(recorded(500, "error-500.json"));
        }
        assertThatThrownBy(() -> session.drivers(DriverQuery.active()).toList())
                .isInstanceOf(SamsaraUnavailableException.class);
        assertThat(session.requestCount()).as("a 401 and a 403 once each, a 500 with its three retries")
                .isEqualTo(1 + 1 + 4);
    }

    @Test
    void aRateLimitsFractionalRetryAfterIsWaitedExactlyThenRetried() {
        server.enqueue(recorded(429, "error-429.json").newBuilder().setHeader("Retry-After", "0.40235").build());
        server.enqueue(recorded("me.json"));

        assertThat(session.me().id()).isEqualTo("11235813");
        assertThat(time.sleeps).containsExactly(Duration.ofNanos(402_350_000));
    }

    @Test
    void aRateLimitOnADriverLoginTokenIsNotRetriedAndSaysWhenToTryAgain() {
        server.enqueue(recorded(429, "error-429.json").newBuilder().setHeader("Retry-After", "12.5").build());

        assertThatThrownBy(() -> session.issueDriverAuthToken(123, "a-random-code-of-16"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(12_500)));
        assertThat(session.requestCount()).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    private static MockResponse recorded(String file) {
        return recorded(200, file);
    }

    private static MockResponse recorded(int status, String file) {
        try (InputStream in = SamsaraContractTest.class.getResourceAsStream("/samsara-contract/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded shape " + file);
            }
            return json(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
