package com.rigsync.samsara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request shapes and parsing of each call, against a fake Samsara under a path prefix. */
class SamsaraSessionTest extends SamsaraTestBase {

    @Test
    void meSendsBearerTokenUnderThePathPrefixAndReadsTheOrganisation() throws Exception {
        server.enqueue(json("{\"data\":{\"id\":\"123\",\"name\":\"Springfield Fire Rescue\",\"carrierSettings\":{}}}"));

        Organization org = session.me();

        assertThat(org).isEqualTo(new Organization("123", "Springfield Fire Rescue"));
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo(PREFIX + "/me");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(session.requestCount()).isEqualTo(1);
    }

    @Test
    void aBaseUrlWithoutPrefixGivesSamsarasOwnPaths() throws Exception {
        try (SamsaraClient root = clientBuilder().baseUrl(server.url("/")).build()) {
            server.enqueue(json("{\"data\":{\"id\":\"1\",\"name\":\"Org\"}}"));
            root.session(TokenSource.of(TOKEN)).me();
            assertThat(take().getUrl().encodedPath()).isEqualTo("/me");
        }
    }

    @Test
    void vehicleListFollowsCursorsThroughAnEmptyPageInTheMiddle() throws Exception {
        server.enqueue(json(page("{\"id\":\"1\",\"name\":\"Engine 1\"},{\"id\":\"2\",\"name\":\"Engine 2\"}", "c1", true)));
        server.enqueue(json(page("", "c2", true)));
        server.enqueue(json(page("{\"id\":\"3\",\"name\":\"Ladder 1\"}", "", false)));

        List<Vehicle> vehicles = session.vehicles(VehicleQuery.all()
                .withTagIds(List.of("3914", "4815"))
                .updatedAfter(Instant.parse("2024-06-01T00:00:00Z"))).toList();

        assertThat(vehicles).extracting(Vehicle::name).containsExactly("Engine 1", "Engine 2", "Ladder 1");
        RecordedRequest first = take();
        assertThat(first.getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("512");
        assertThat(first.getUrl().queryParameter("tagIds")).isEqualTo("3914,4815");
        assertThat(first.getUrl().queryParameter("updatedAfterTime")).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(first.getUrl().queryParameter("after")).isNull();
        assertThat(take().getUrl().queryParameter("after")).isEqualTo("c1");
        assertThat(take().getUrl().queryParameter("after")).isEqualTo("c2");
        assertThat(session.requestCount()).isEqualTo(3);
    }

    @Test
    void aParentTagIsSentAsParentTagIdsBesideTheTagsChosenAloneOnEveryListAndStatsCall() throws Exception {
        TagFilter tags = new TagFilter(List.of("6021000"), List.of("4815000"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(page("", "", false)));
        }

        session.vehicles(VehicleQuery.all().withTags(tags)).toList();
        session.stats(Set.of(StatType.GPS), StatsQuery.allVehiclesWithTags(tags));
        session.statsFeed(Set.of(StatType.GPS), StatsFeedCursor.start(), StatsQuery.allVehiclesWithTags(tags));
        session.drivers(DriverQuery.active().withTags(tags)).toList();

        for (String path : List.of("/fleet/vehicles", "/fleet/vehicles/stats", "/fleet/vehicles/stats/feed",
                "/fleet/drivers")) {
            RecordedRequest r = take();
            assertThat(r.getUrl().encodedPath()).isEqualTo(PREFIX + path);
            assertThat(r.getUrl().queryParameter("tagIds")).isEqualTo("6021000");
            assertThat(r.getUrl().queryParameter("parentTagIds")).isEqualTo("4815000");
        }
    }

    @Test
    void vehicleListIsLazy() throws Exception {
        server.enqueue(json(page("{\"id\":\"1\"}", "c1", true)));
        server.enqueue(json(page("{\"id\":\"2\"}", "", false)));

        Optional<Vehicle> first = session.vehicles(VehicleQuery.all()).findFirst();

        assertThat(first).map(Vehicle::id).contains("1");
        assertThat(session.requestCount()).isEqualTo(1);
    }

    @Test
    void aRepeatedCursorEndsTheListKeepingWhatArrivedAndSaysSo() throws Exception {
        server.enqueue(json(page("{\"id\":\"1\"}", "same", true)));
        server.enqueue(json(page("{\"id\":\"2\"},{\"id\":\"3\"}", "same", true)));
        server.enqueue(json(page("{\"id\":\"4\"}", "", false)));

        List<Vehicle> vehicles = session.vehicles(VehicleQuery.all()).toList();

        assertThat(vehicles).extracting(Vehicle::id).containsExactly("1", "2", "3");
        assertThat(session.requestCount()).isEqualTo(2);
        assertThat(session.listsCutShort()).containsExactly(new ListCutShort("vehicles", 3));
        assertThat(session.listsCutShort().getFirst().userMessage()).isEqualTo("Samsara said there were more "
                + "vehicles to read but gave no way to ask for them, so RigSync kept the 3 that arrived.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"endCursor\":\"\",", "\"endCursor\":null,", ""})
    void morePagesAnnouncedWithoutACursorEndTheListInsteadOfAskingAgain(String cursor) throws Exception {
        server.enqueue(json("{\"data\":[{\"id\":\"1\",\"name\":\"Alpha\"}],\"pagination\":{" + cursor
                + "\"hasNextPage\":true}}"));

        assertThat(session.drivers(DriverQuery.active()).toList()).extracting(Driver::id).containsExactly("1");
        assertThat(session.requestCount()).isEqualTo(1);
        assertThat(session.listsCutShort()).containsExactly(new ListCutShort("drivers", 1));
    }

    @Test
    void aFeedPageWithoutANewCursorEndsThatStepAndKeepsTheCursorItHad() throws Exception {
        server.enqueue(json("{\"data\":[{\"id\":\"7\",\"gps\":[{\"time\":\"2024-06-13T19:08:25Z\","
                + "\"latitude\":1.5,\"longitude\":2.5}]}],\"pagination\":{\"endCursor\":\"c9\","
                + "\"hasNextPage\":true}}"));

        StatsFeedResult result = session.statsFeed(Set.of(StatType.GPS),
                new StatsFeedCursor(java.util.Map.of("gps", "c9")), StatsQuery.allVehicles());

        assertThat(result.hasNextPage()).isFalse();
        assertThat(result.pages().getFirst().vehicles()).extracting(VehicleStatsSeries::id).containsExactly("7");
        assertThat(result.nextCursor().cursorFor(Set.of(StatType.GPS))).contains("c9");
        assertThat(session.listsCutShort()).containsExactly(new ListCutShort("vehicle stats", 1));
        assertThat(take().getUrl().queryParameter("after")).isEqualTo("c9");
    }

    @Test
    void vehicleParsingToleratesMissingEmptyAndUnknownFields() {
        server.enqueue(json(page("""
                {"id":"494123","name":"Engine 1","vin":"1FVACYDT27HY12345","make":"Pierce","model":"Enforcer",
                 "year":"2019","licensePlate":"6SAM123","serial":"VG12345",
                 "externalIds":{"firstdue.apparatusId":"42"},
                 "tags":[{"id":"3914","name":"Station 1","parentTagId":"4815"}],
                 "createdAtTime":"2019-05-18T20:27:35Z","updatedAtTime":"2024-06-13T19:08:25Z",
                 "somethingNew":{"nested":[1,2,3]}},
                {"id":"77","name":"Old Tanker","vin":"","make":"","year":"n/a","tags":[{"id":"1"}]},
                {"id":88,"year":1998}
                """, "", false)));

        List<Vehicle> v = session.vehicles(VehicleQuery.all()).toList();

        assertThat(v.get(0)).isEqualTo(new Vehicle("494123", "Engine 1", "1FVACYDT27HY12345", "Pierce", "Enforcer",
                "2019", "6SAM123", "VG12345", java.util.Map.of("firstdue.apparatusId", "42"),
                List.of(new Tag("3914", "Station 1", "4815")), Instant.parse("2019-05-18T20:27:35Z"),
                Instant.parse("2024-06-13T19:08:25Z")));
        assertThat(v.get(0).modelYear()).contains(2019);
        assertThat(v.get(1).vin()).isNull();
        assertThat(v.get(1).make()).isNull();
        assertThat(v.get(1).year()).isEqualTo("n/a");
        assertThat(v.get(1).modelYear()).isEmpty();
        assertThat(v.get(1).tags()).containsExactly(new Tag("1", null, null));
        assertThat(v.get(1).externalIds()).isEmpty();
        assertThat(v.get(2).id()).isEqualTo("88");
        assertThat(v.get(2).year()).isEqualTo("1998");
        assertThat(v.get(2).modelYear()).contains(1998);
    }

    @Test
    void vehicleByIdReadsOneVehicleAndUnknownIdIsEmpty() throws Exception {
        server.enqueue(json("{\"data\":{\"id\":\"494123\",\"name\":\"Engine 1\"}}"));
        server.enqueue(error(404, "vehicle not found", "req-404"));

        assertThat(session.vehicle("494123")).map(Vehicle::name).contains("Engine 1");
        assertThat(session.vehicle("999")).isEmpty();

        assertThat(take().getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles/494123");
        assertThat(take().getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles/999");
        assertThat(session.requestCount()).as("a 404 is an answer, not retried").isEqualTo(2);
    }

    @Test
    void vinLookupUsesTheSamsaraVinExternalIdAndEncodesThePath() throws Exception {
        server.enqueue(json("{\"data\":{\"id\":\"5\",\"vin\":\"1FVACYDT27HY12345\"}}"));
        server.enqueue(error(404, "not found", "r"));

        assertThat(session.vehicleByVin(" 1FVACYDT27HY12345 ")).map(Vehicle::id).contains("5");
        assertThat(session.vehicleByVin("OLD VIN/7")).isEmpty();

        assertThat(take().getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles/samsara.vin:1FVACYDT27HY12345");
        assertThat(take().getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles/samsara.vin:OLD%20VIN%2F7");
    }

    @Test
    void driversAreListedOverPagesWithTheirFilters() throws Exception {
        server.enqueue(json(page("""
                {"id":"123","name":"Susan Jones","username":"SusanJones","phone":"5558234327",
                 "licenseNumber":"E1234567","licenseState":"CA","driverActivationStatus":"active",
                 "externalIds":{"payrollId":"ABFS18600"},"tags":[{"id":"3914","name":"Station 1"}],
                 "staticAssignedVehicle":{"id":"494123","name":"Engine 1"},
                 "createdAtTime":"2019-05-18T20:27:35Z","updatedAtTime":"2019-06-13T19:08:25Z"}
                """, "d1", true)));
        server.enqueue(json(page("{\"id\":\"124\",\"name\":\"Bob\"}", "", false)));

        List<Driver> drivers = session.drivers(DriverQuery.deactivated().withTagIds(List.of("3914"))).toList();

        assertThat(drivers).hasSize(2);
        Driver susan = drivers.getFirst();
        assertThat(susan.username()).isEqualTo("SusanJones");
        assertThat(susan.externalIds()).containsEntry("payrollId", "ABFS18600");
        assertThat(susan.staticAssignedVehicle()).isEqualTo(new Driver.VehicleRef("494123", "Engine 1"));
        assertThat(drivers.get(1).staticAssignedVehicle()).isNull();
        RecordedRequest r = take();
        assertThat(r.getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/drivers");
        assertThat(r.getUrl().queryParameter("driverActivationStatus")).isEqualTo("deactivated");
        assertThat(r.getUrl().queryParameter("tagIds")).isEqualTo("3914");
        assertThat(r.getUrl().queryParameter("limit")).isEqualTo("512");
        assertThat(take().getUrl().queryParameter("after")).isEqualTo("d1");
    }

    @Test
    void driverAuthTokenIsPostedAsJsonAndItsExpiryReadFromEpochMillis() throws Exception {
        server.enqueue(json("{\"data\":{\"token\":\"driver-login-token-xyz\",\"expirationTime\":1710000000000}}"));

        DriverAuthToken t = session.issueDriverAuthToken(123L, "abcdefghijkl-code");

        assertThat(t.token()).isEqualTo("driver-login-token-xyz");
        assertThat(t.expiresAt()).isEqualTo(Instant.ofEpochMilli(1710000000000L));
        assertThat(t.toString()).doesNotContain("driver-login-token-xyz");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/drivers/auth-token");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(r.getBody().utf8()).isEqualTo("{\"code\":\"abcdefghijkl-code\",\"driverId\":123}");
    }

    @Test
    void aDriverAuthCodeShorterThan12CharactersIsRefusedWithoutCallingSamsara() {
        assertThatThrownBy(() -> session.issueDriverAuthToken(1L, "short-code1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("short-code1");
        assertThat(server.getRequestCount()).isZero();
    }
}
