package com.rigsync.samsara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Stats snapshot and feed: type splitting, id batching, answered keys, typed readings. */
class StatsTest extends SamsaraTestBase {

    private static final String T = "2024-06-13T19:08:25Z";

    @Test
    void fiveTypesTakeTwoCallsAndAreMergedPerVehicleWithTheAnsweredSingularKeys() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String types = r.getUrl().queryParameter("types");
                String after = r.getUrl().queryParameter("after");
                if ("obdOdometerMeters,obdEngineSeconds,gps".equals(types) && after == null) {
                    return json(page("""
                            {"id":"1","name":"Engine 1",
                             "obdOdometerMeters":{"time":"%1$s","value":104585210},
                             "obdEngineSeconds":{"time":"%1$s","value":15730200},
                             "gps":{"time":"%1$s","latitude":37.77,"longitude":-122.42,"headingDegrees":90.0,
                                    "speedMilesPerHour":0.0,"reverseGeo":{"formattedLocation":"1 Main St, Springfield"}}}
                            """.formatted(T), "p2", true));
                }
                if ("obdOdometerMeters,obdEngineSeconds,gps".equals(types) && "p2".equals(after)) {
                    return json(page("{\"id\":\"2\",\"name\":\"Ladder 1\",\"gps\":{\"time\":\"" + T
                            + "\",\"latitude\":37.0,\"longitude\":-122.0}}", "", false));
                }
                if ("fuelPercents,engineStates".equals(types)) {
                    return json(page("""
                            {"id":"1","name":"Engine 1","engineState":{"time":"%1$s","value":"Off"},
                             "fuelPercent":{"time":"%1$s","value":74}},
                            {"id":"2","name":"Ladder 1","fuelPercents":{"time":"%1$s","value":50.5}}
                            """.formatted(T), "", false));
                }
                return error(400, "unexpected types " + types, "x");
            }
        });

        Map<String, VehicleStats> stats = session.stats(EnumSet.of(StatType.OBD_ODOMETER_METERS,
                StatType.OBD_ENGINE_SECONDS, StatType.GPS, StatType.FUEL_PERCENTS, StatType.ENGINE_STATES),
                StatsQuery.allVehicles());

        assertThat(session.requestCount()).as("2 type groups, the first over 2 pages").isEqualTo(3);
        VehicleStats engine = stats.get("1");
        Instant t = Instant.parse(T);
        assertThat(engine.name()).isEqualTo("Engine 1");
        assertThat(engine.odometerMeters()).contains(new MeterReading(t, 104585210));
        assertThat(engine.engineSeconds()).contains(new MeterReading(t, 15730200));
        assertThat(engine.gps()).isEqualTo(new GpsReading(t, 37.77, -122.42, 90.0, 0.0, "1 Main St, Springfield"));
        assertThat(engine.engineState()).isEqualTo(new EngineStateReading(t, "Off"));
        assertThat(engine.fuelPercent()).isEqualTo(new FuelPercentReading(t, 74));
        VehicleStats ladder = stats.get("2");
        assertThat(ladder.obdOdometerMeters()).as("a stat not reported is absent, never zero").isNull();
        assertThat(ladder.odometerMeters()).isEmpty();
        assertThat(ladder.engineState()).isNull();
        assertThat(ladder.gps().headingDegrees()).isNull();
        assertThat(ladder.gps().formattedLocation()).isNull();
        assertThat(ladder.fuelPercent().percent()).as("the asked key is tolerated too").isEqualTo(50.5);
        RecordedRequest first = take();
        assertThat(first.getUrl().encodedPath()).isEqualTo(PREFIX + "/fleet/vehicles/stats");
        assertThat(first.getUrl().queryParameter("vehicleIds")).isNull();
    }

    @Test
    void twoThousandFifteenDigitIdsAreBatchedSoEveryUrlStaysUnder8000Bytes() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(Long.toString(281474976710656L + i * 7919L));
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String first = r.getUrl().queryParameter("vehicleIds").split(",")[0];
                return json(page("{\"id\":\"" + first + "\",\"obdOdometerMeters\":{\"time\":\"" + T
                        + "\",\"value\":1}}", "", false));
            }
        });

        Map<String, VehicleStats> stats = session.stats(Set.of(StatType.OBD_ODOMETER_METERS), StatsQuery.vehicles(ids));

        List<RecordedRequest> requests = takeAll();
        assertThat(requests).hasSizeBetween(4, 10);
        List<String> asked = new ArrayList<>();
        for (RecordedRequest r : requests) {
            assertThat(r.getRequestLine().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(8000);
            assertThat(r.getUrl().queryParameter("types")).isEqualTo("obdOdometerMeters");
            asked.addAll(Arrays.asList(r.getUrl().queryParameter("vehicleIds").split(",")));
        }
        assertThat(asked).containsExactlyElementsOf(ids);
        assertThat(stats).hasSize(requests.size());
    }

    @Test
    void anEmptyIdListMakesNoCall() {
        assertThat(session.stats(Set.of(StatType.GPS), StatsQuery.vehicles(List.of()))).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void tagFilteredStatsPassTheTagIds() throws Exception {
        server.enqueue(json(page("", "", false)));
        session.stats(Set.of(StatType.GPS), StatsQuery.allVehiclesWithTags(List.of("3914")));
        RecordedRequest r = take();
        assertThat(r.getUrl().queryParameter("tagIds")).isEqualTo("3914");
        assertThat(r.getUrl().queryParameter("types")).isEqualTo("gps");
    }

    @Test
    void faultCodesKeepCodesDescriptionsAndLights() {
        server.enqueue(json(page("""
                {"id":"1","faultCodes":{"time":"%s","canBusType":"J1939",
                  "obdii":{"checkEngineLightIsOn":true,"diagnosticTroubleCodes":[
                     {"txId":0,"milStatus":1,
                      "confirmedDtcs":[{"dtcId":1234,"dtcShortCode":"P0420","dtcDescription":"Catalyst efficiency below threshold"}],
                      "pendingDtcs":[],"permanentDtcs":[]}]},
                  "j1939":{"checkEngineLights":{"warningIsOn":false,"emissionsIsOn":false,"protectIsOn":true,"stopIsOn":false},
                     "diagnosticTroubleCodes":[{"txId":0,"spnId":110,"fmiId":0,"occurrenceCount":3,
                        "spnDescription":"Engine coolant temperature","fmiDescription":"High - most severe","milStatus":0}]},
                  "oem":{"diagnosticTroubleCodes":[]}}},
                {"id":"2","faultCodes":{"time":"%1$s","j1939":{"diagnosticTroubleCodes":[]}}}
                """.formatted(T), "", false)));

        Map<String, VehicleStats> stats = session.stats(Set.of(StatType.FAULT_CODES), StatsQuery.allVehicles());

        FaultCodesReading f = stats.get("1").faultCodes();
        assertThat(f.canBusType()).isEqualTo("J1939");
        assertThat(f.obdii().checkEngineLightIsOn()).isTrue();
        assertThat(f.obdii().diagnosticTroubleCodes().getFirst().confirmedDtcs())
                .containsExactly(new FaultCodesReading.Dtc(1234L, "P0420", "Catalyst efficiency below threshold"));
        assertThat(f.j1939().checkEngineLights().protectIsOn()).isTrue();
        assertThat(f.j1939().diagnosticTroubleCodes().getFirst().spnDescription()).isEqualTo("Engine coolant temperature");
        assertThat(f.oem().diagnosticTroubleCodes()).isEmpty();
        assertThat(f.anyWarningLightOn()).isTrue();
        FaultCodesReading quiet = stats.get("2").faultCodes();
        assertThat(quiet.obdii()).isNull();
        assertThat(quiet.oem()).isNull();
        assertThat(quiet.anyWarningLightOn()).isFalse();
    }

    @Test
    void theFeedKeepsOneCursorPerGroupOfTypesAndReadsListsOfReadings() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String types = r.getUrl().queryParameter("types");
                String after = r.getUrl().queryParameter("after");
                if (types.equals("obdOdometerMeters,obdEngineSeconds,gps")) {
                    return json(page("""
                            {"id":"1","name":"Engine 1","obdOdometerMeters":[
                               {"time":"2024-06-13T19:00:00Z","value":100},{"time":"2024-06-13T19:05:00Z","value":150}]}
                            """, after == null ? "A1" : "A2", after == null));
                }
                return json(page("{\"id\":\"1\",\"engineState\":[{\"time\":\"" + T + "\",\"value\":\"On\"}]}",
                        after == null ? "B1" : "B2", false));
            }
        });
        Set<StatType> types = EnumSet.of(StatType.OBD_ODOMETER_METERS, StatType.OBD_ENGINE_SECONDS, StatType.GPS,
                StatType.ENGINE_STATES);

        StatsFeedResult first = session.statsFeed(types, (String) null, StatsQuery.allVehicles());

        assertThat(first.pages()).hasSize(2);
        assertThat(first.hasNextPage()).isTrue();
        VehicleStatsSeries engine = first.pages().getFirst().vehicles().getFirst();
        assertThat(engine.obdOdometerMeters()).extracting(MeterReading::value).containsExactly(100L, 150L);
        assertThat(engine.gps()).isEmpty();
        assertThat(first.pages().get(1).vehicles().getFirst().engineState())
                .containsExactly(new EngineStateReading(Instant.parse(T), "On"));
        String stored = first.nextCursor().encode();

        StatsFeedResult second = session.statsFeed(types, stored, StatsQuery.allVehicles());

        List<RecordedRequest> requests = takeAll();
        assertThat(requests).extracting(r -> r.getUrl().encodedPath())
                .allMatch(p -> p.equals(PREFIX + "/fleet/vehicles/stats/feed"));
        assertThat(requests).extracting(r -> r.getUrl().queryParameter("types") + "@" + r.getUrl().queryParameter("after"))
                .containsExactly("obdOdometerMeters,obdEngineSeconds,gps@null", "engineStates@null",
                        "obdOdometerMeters,obdEngineSeconds,gps@A1", "engineStates@B1");
        assertThat(second.nextCursor().cursorFor(EnumSet.of(StatType.ENGINE_STATES))).contains("B2");
        assertThat(StatsFeedCursor.decode(second.nextCursor().encode())).isEqualTo(second.nextCursor());
    }

    @Test
    void theFeedRefusesMoreIdsThanOneUrlHolds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(Long.toString(100000000000000L + i));
        }
        assertThatThrownBy(() -> session.statsFeed(Set.of(StatType.GPS), StatsFeedCursor.start(), StatsQuery.vehicles(ids)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeGroupsAreAtMostThreeAndStable() {
        assertThat(StatType.groups(EnumSet.allOf(StatType.class))).hasSize(3).allMatch(g -> g.size() <= 3);
        assertThat(StatType.groups(Set.of(StatType.GPS, StatType.FUEL_PERCENTS)))
                .isEqualTo(StatType.groups(EnumSet.of(StatType.FUEL_PERCENTS, StatType.GPS)));
    }
}
