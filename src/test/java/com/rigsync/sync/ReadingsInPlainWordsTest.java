package com.rigsync.sync;

import java.time.Instant;
import java.util.List;

import com.rigsync.apparatus.ActiveFaultCode;
import com.rigsync.apparatus.ActiveFaults;
import com.rigsync.samsara.FaultCodesReading;
import com.rigsync.samsara.FaultCodesReading.CheckEngineLights;
import com.rigsync.samsara.FaultCodesReading.Dtc;
import com.rigsync.samsara.FaultCodesReading.J1939;
import com.rigsync.samsara.FaultCodesReading.J1939TroubleCode;
import com.rigsync.samsara.FaultCodesReading.Obdii;
import com.rigsync.samsara.FaultCodesReading.ObdiiTroubleCodes;
import com.rigsync.samsara.FuelPercentReading;
import com.rigsync.samsara.GpsReading;
import com.rigsync.samsara.MeterReading;
import com.rigsync.samsara.VehicleStatsSeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run makes of Samsara's readings before it writes them: the current value, and fault codes in words. */
class ReadingsInPlainWordsTest {

    private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void theNewestReadingOfAFeedSeriesIsTheCurrentOneInWhateverOrderTheyCame() {
        Collected collected = new Collected();
        collected.add(new VehicleStatsSeries("1", "Engine 1",
                List.of(new MeterReading(T.plusSeconds(120), 3_000), new MeterReading(T, 1_000),
                        new MeterReading(T.plusSeconds(60), 2_000)),
                List.of(), List.of(), List.of(),
                List.of(new GpsReading(T.plusSeconds(90), 39.8, -89.6, null, null, null),
                        new GpsReading(T, 39.7, -89.5, null, null, "12 N Grand Ave")),
                List.of(new FuelPercentReading(T.plusSeconds(30), 40), new FuelPercentReading(T, 90)),
                List.of(), List.of(), List.of()));

        assertThat(collected.odometer().value()).isEqualTo(3_000);
        assertThat(collected.gps.latitude()).isEqualTo(39.8);
        assertThat(collected.gps.formattedLocation()).as("the newest fix came without an address").isNull();
        assertThat(collected.fuel.percent()).isEqualTo(40);
        assertThat(collected.newestTime()).isEqualTo(T.plusSeconds(120));
    }

    @Test
    void faultCodesReadInPlainWordsWithTheLampsThatAreOn() {
        FaultCodesReading reading = new FaultCodesReading(T, "J1939",
                new Obdii(null, List.of(new ObdiiTroubleCodes(1L, true,
                        List.of(new Dtc(100L, "P0128", "Coolant temperature below thermostat regulating temperature")),
                        List.of(new Dtc(4711L, null, null)), List.of()))),
                new J1939(new CheckEngineLights(false, false, true, true), List.of(
                        new J1939TroubleCode(2L, 110L, 0L, 3L, "Engine coolant temperature",
                                "Data valid but above normal operating range", 0),
                        new J1939TroubleCode(2L, null, null, null, null, null, 1))),
                null);

        ActiveFaults faults = FaultCodes.of(reading);

        assertThat(faults.warningLamps()).isEqualTo("Red stop, Protect, Check engine (MIL)");
        assertThat(faults.readAt()).isEqualTo(T);
        assertThat(faults.codes()).extracting(ActiveFaultCode::code)
                .containsExactly("SPN 110 FMI 0", "J1939 code", "P0128", "DTC 4711");
        ActiveFaultCode overheating = faults.codes().getFirst();
        assertThat(overheating.description())
                .isEqualTo("Engine coolant temperature, Data valid but above normal operating range");
        assertThat(overheating.occurrenceCount()).isEqualTo(3);
        assertThat(overheating.lamps()).as("J1939 lamps are the controller's, for all its active codes: a red stop "
                + "lamp is what makes the code an alert").isEqualTo("Red stop, Protect");
        assertThat(faults.codes().get(1).description()).as("only an id came: nothing invented").isNull();
        assertThat(faults.codes().get(1).lamps()).isEqualTo("Red stop, Protect, Check engine (MIL)");
        assertThat(faults.codes().get(2).state()).isEqualTo("confirmed");
        assertThat(faults.codes().get(3).state()).isEqualTo("pending");
        assertThat(faults.summary()).startsWith("Warning light on. SPN 110 FMI 0 Engine coolant temperature")
                .contains("; DTC 4711").doesNotContain("null");
    }

    @Test
    void everyDocumentedShapeOfACodeReadsWithoutNullsOrDanglingSeparators() {
        FaultCodesReading reading = new FaultCodesReading(T, null,
                new Obdii(null, List.of(new ObdiiTroubleCodes(null, null,
                        List.of(new Dtc(null, null, null), new Dtc(77L, " ", ""), new Dtc(null, "P0420", null)),
                        List.of(), List.of()))),
                new J1939(null, List.of(new J1939TroubleCode(null, 110L, null, null, "Engine coolant temperature",
                        null, null), new J1939TroubleCode(null, null, 3L, null, null, "Voltage above normal", null),
                        new J1939TroubleCode(null, 96L, 1L, null, "", " ", null))),
                new FaultCodesReading.Oem(List.of(new FaultCodesReading.OemTroubleCode(null, null, null, null),
                        new FaultCodesReading.OemTroubleCode(null, " ", "Aftertreatment fault", null),
                        new FaultCodesReading.OemTroubleCode(null, "E-ONE 12", null, ""))));

        ActiveFaults faults = FaultCodes.of(reading);

        assertThat(faults.codes()).extracting(ActiveFaultCode::code).containsExactly("SPN 110",
                "J1939 FMI 3", "SPN 96 FMI 1", "OBD-II code", "DTC 77", "P0420", "Maker's code", "Maker's code",
                "E-ONE 12");
        assertThat(faults.codes()).extracting(ActiveFaultCode::description).containsExactly(
                "Engine coolant temperature", "Voltage above normal", null, null, null, null, null,
                "Aftertreatment fault", null);
        assertThat(faults.codes()).extracting(ActiveFaultCode::state).containsExactly(null, null, null,
                "confirmed", "confirmed", "confirmed", null, null, null);
        assertThat(faults.warningLamps()).as("no lamp was reported").isNull();
        assertThat(faults.summary()).isEqualTo("SPN 110 Engine coolant temperature; J1939 FMI 3 Voltage above "
                + "normal; SPN 96 FMI 1; OBD-II code; DTC 77; P0420; Maker's code; Maker's code Aftertreatment "
                + "fault; E-ONE 12");
    }

    @Test
    void aVehicleWithoutActiveCodesSaysSo() {
        ActiveFaults faults = FaultCodes.of(new FaultCodesReading(T, null, new Obdii(false, List.of()), null, null));

        assertThat(faults.codes()).isEmpty();
        assertThat(faults.warningLamps()).isNull();
        assertThat(faults.summary()).isEqualTo("No active fault codes");
    }
}
