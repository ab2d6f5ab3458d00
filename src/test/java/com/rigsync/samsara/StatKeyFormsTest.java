package com.rigsync.samsara;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Samsara's schema: the stats snapshot answers engine states and fuel percents under singular keys, the stats feed
 * under the plural type names; OBD-II trouble codes carry {@code milStatus} as a boolean, J1939 ones as a number.
 * The client reads each form where Samsara uses it and tolerates the other.
 */
class StatKeyFormsTest extends SamsaraTestBase {

    private static final String T = "2026-03-02T20:00:00Z";
    private static final String T2 = "2026-03-02T20:05:00Z";
    private static final Set<StatType> ENGINE_AND_FUEL = EnumSet.of(StatType.ENGINE_STATES, StatType.FUEL_PERCENTS);

    @Test
    void theFeedReadsThePluralKeysSamsaraAnswersWith() {
        server.enqueue(json(page("""
                {"id":"1","name":"Engine 1",
                 "engineStates":[{"time":"%1$s","value":"Idle"},{"time":"%2$s","value":"On"}],
                 "fuelPercents":[{"time":"%1$s","value":81},{"time":"%2$s","value":80.5}]}
                """.formatted(T, T2), "C1", false)));

        VehicleStatsSeries engine = session.statsFeed(ENGINE_AND_FUEL, StatsFeedCursor.start(), StatsQuery.allVehicles())
                .pages().getFirst().vehicles().getFirst();

        assertThat(engine.engineState()).containsExactly(new EngineStateReading(Instant.parse(T), "Idle"),
                new EngineStateReading(Instant.parse(T2), "On"));
        assertThat(engine.fuelPercent()).containsExactly(new FuelPercentReading(Instant.parse(T), 81),
                new FuelPercentReading(Instant.parse(T2), 80.5));
    }

    @Test
    void theFeedAlsoToleratesSingularKeys() {
        server.enqueue(json(page("""
                {"id":"1","engineState":[{"time":"%1$s","value":"Off"}],"fuelPercent":{"time":"%1$s","value":42}}
                """.formatted(T), "C1", false)));

        VehicleStatsSeries engine = session.statsFeed(ENGINE_AND_FUEL, StatsFeedCursor.start(), StatsQuery.allVehicles())
                .pages().getFirst().vehicles().getFirst();

        assertThat(engine.engineState()).containsExactly(new EngineStateReading(Instant.parse(T), "Off"));
        assertThat(engine.fuelPercent()).containsExactly(new FuelPercentReading(Instant.parse(T), 42));
    }

    @Test
    void theFeedPrefersThePluralListWhenBothFormsCome() {
        server.enqueue(json(page("""
                {"id":"1","engineState":[],"engineStates":[{"time":"%1$s","value":"On"}]}
                """.formatted(T), "C1", false)));

        VehicleStatsSeries engine = session.statsFeed(EnumSet.of(StatType.ENGINE_STATES), StatsFeedCursor.start(),
                StatsQuery.allVehicles()).pages().getFirst().vehicles().getFirst();

        assertThat(engine.engineState()).containsExactly(new EngineStateReading(Instant.parse(T), "On"));
    }

    @Test
    void theSnapshotReadsSingularKeysAndToleratesPluralOnes() {
        server.enqueue(json(page("""
                {"id":"1","engineState":{"time":"%1$s","value":"Off"},"fuelPercent":{"time":"%1$s","value":74}},
                {"id":"2","engineStates":{"time":"%1$s","value":"On"},"fuelPercents":[{"time":"%1$s","value":12}]},
                {"id":"3","name":"Trailer 1"}
                """.formatted(T), "", false)));

        Map<String, VehicleStats> stats = session.stats(ENGINE_AND_FUEL, StatsQuery.allVehicles());

        assertThat(stats.get("1").engineState()).isEqualTo(new EngineStateReading(Instant.parse(T), "Off"));
        assertThat(stats.get("1").fuelPercent()).isEqualTo(new FuelPercentReading(Instant.parse(T), 74));
        assertThat(stats.get("2").engineState()).isEqualTo(new EngineStateReading(Instant.parse(T), "On"));
        assertThat(stats.get("2").fuelPercent()).isEqualTo(new FuelPercentReading(Instant.parse(T), 12));
        assertThat(stats.get("3").engineState()).isNull();
        assertThat(stats.get("3").fuelPercent()).isNull();
    }

    @Test
    void obdiiMilStatusIsABooleanAndJ1939sANumber() {
        server.enqueue(json(page("""
                {"id":"1","faultCodes":{"time":"%1$s","canBusType":"OBD-II",
                   "obdii":{"checkEngineLightIsOn":false,"diagnosticTroubleCodes":[{"txId":0,"milStatus":true,
                      "confirmedDtcs":[{"dtcId":1,"dtcShortCode":"P0420","dtcDescription":"Catalyst"}]}]}}},
                {"id":"2","faultCodes":{"time":"%1$s",
                   "obdii":{"checkEngineLightIsOn":false,"diagnosticTroubleCodes":[{"txId":0,"milStatus":false}]},
                   "j1939":{"diagnosticTroubleCodes":[{"txId":0,"spnId":110,"fmiId":0,"milStatus":0}]}}},
                {"id":"3","faultCodes":{"time":"%1$s",
                   "j1939":{"diagnosticTroubleCodes":[{"txId":0,"spnId":110,"fmiId":0,"milStatus":1}]}}}
                """.formatted(T), "", false)));

        Map<String, VehicleStats> stats = session.stats(Set.of(StatType.FAULT_CODES), StatsQuery.allVehicles());

        FaultCodesReading lit = stats.get("1").faultCodes();
        assertThat(lit.obdii().diagnosticTroubleCodes().getFirst().milStatus()).isTrue();
        assertThat(lit.anyWarningLightOn()).as("a lit OBD-II MIL is a warning").isTrue();
        FaultCodesReading quiet = stats.get("2").faultCodes();
        assertThat(quiet.obdii().diagnosticTroubleCodes().getFirst().milStatus()).isFalse();
        assertThat(quiet.j1939().diagnosticTroubleCodes().getFirst().milStatus()).isZero();
        assertThat(quiet.anyWarningLightOn()).isFalse();
        FaultCodesReading j1939 = stats.get("3").faultCodes();
        assertThat(j1939.j1939().diagnosticTroubleCodes().getFirst().milStatus()).isEqualTo(1);
        assertThat(j1939.anyWarningLightOn()).isTrue();
    }

    @Test
    void aNumericObdiiMilStatusIsStillRead() {
        server.enqueue(json(page("""
                {"id":"1","faultCodes":{"obdii":{"diagnosticTroubleCodes":[{"milStatus":1}]},
                   "j1939":{"diagnosticTroubleCodes":[{"milStatus":true}]}}},
                {"id":"2","faultCodes":{"obdii":{"diagnosticTroubleCodes":[{"milStatus":0}]}}}
                """, "", false)));

        Map<String, VehicleStats> stats = session.stats(Set.of(StatType.FAULT_CODES), StatsQuery.allVehicles());

        assertThat(stats.get("1").faultCodes().obdii().diagnosticTroubleCodes().getFirst().milStatus()).isTrue();
        assertThat(stats.get("1").faultCodes().j1939().diagnosticTroubleCodes().getFirst().milStatus()).isEqualTo(1);
        assertThat(stats.get("2").faultCodes().obdii().diagnosticTroubleCodes().getFirst().milStatus()).isFalse();
        assertThat(stats.get("2").faultCodes().anyWarningLightOn()).isFalse();
    }
}
