package com.rigsync.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.rigsync.apparatus.ActiveFaultCode;
import com.rigsync.apparatus.ActiveFaultCode.Source;
import com.rigsync.apparatus.ActiveFaults;
import com.rigsync.samsara.FaultCodesReading;

/**
 * Samsara's fault-code reading in the words people read: every active code with what it means and the lamps it
 * lights, the lamps that are on, and the codes in one short line for the grid. A code Samsara sent with only an id
 * still reads as something ("DTC 4711", "J1939 code"), never as "null".
 */
final class FaultCodes {

    static final String NONE = "No active fault codes";
    static final String MIL = "Check engine (MIL)";
    private static final int MAX = 1000;

    private FaultCodes() {
    }

    static ActiveFaults of(FaultCodesReading reading) {
        List<ActiveFaultCode> codes = new ArrayList<>();
        Set<String> lamps = new LinkedHashSet<>();
        if (reading.j1939() != null) {
            // J1939 sends its lamps for the controller's active codes together (as DM1 does), not code by code: each
            // code is read as lighting the lamps that are on, and the check-engine lamp when its own milStatus says so
            Set<String> controllerLamps = new LinkedHashSet<>();
            var lights = reading.j1939().checkEngineLights();
            if (lights != null) {
                addIf(controllerLamps, lights.stopIsOn(), "Red stop");
                addIf(controllerLamps, lights.protectIsOn(), "Protect");
                addIf(controllerLamps, lights.emissionsIsOn(), MIL);
                addIf(controllerLamps, lights.warningIsOn(), "Amber warning");
            }
            lamps.addAll(controllerLamps);
            for (var code : reading.j1939().diagnosticTroubleCodes()) {
                boolean mil = code.milStatus() != null && code.milStatus() != 0;
                Set<String> its = new LinkedHashSet<>(controllerLamps);
                addIf(its, mil, MIL);
                codes.add(new ActiveFaultCode(Source.J1939, j1939Code(code), j1939Description(code), code.spnId(),
                        code.fmiId(), null, its.isEmpty() ? null : String.join(", ", its), code.occurrenceCount()));
                addIf(lamps, mil, MIL);
            }
        }
        if (reading.obdii() != null) {
            addIf(lamps, reading.obdii().checkEngineLightIsOn(), MIL);
            for (var tx : reading.obdii().diagnosticTroubleCodes()) {
                boolean mil = Boolean.TRUE.equals(tx.milStatus());
                addIf(lamps, mil, MIL);
                obdii(codes, tx.confirmedDtcs(), "confirmed", mil);
                obdii(codes, tx.pendingDtcs(), "pending", mil);
                obdii(codes, tx.permanentDtcs(), "permanent", mil);
            }
        }
        if (reading.oem() != null) {
            for (var code : reading.oem().diagnosticTroubleCodes()) {
                String identifier = blankToNull(code.codeIdentifier());
                codes.add(new ActiveFaultCode(Source.OEM, identifier == null ? "Maker's code" : identifier.strip(),
                        blankToNull(code.codeDescription()), null, null,
                        blankToNull(code.codeSeverity()), null, null));
            }
        }
        return new ActiveFaults(summary(reading, codes), lamps.isEmpty() ? null : String.join(", ", lamps), codes,
                reading.time());
    }

    private static void obdii(List<ActiveFaultCode> codes, List<FaultCodesReading.Dtc> dtcs, String state,
                              boolean mil) {
        for (var dtc : dtcs) {
            String shortCode = blankToNull(dtc.shortCode());
            String code = shortCode != null ? shortCode.strip()
                    : dtc.dtcId() == null ? "OBD-II code" : "DTC " + dtc.dtcId();
            codes.add(new ActiveFaultCode(Source.OBD_II, code, blankToNull(dtc.description()), null, null, state,
                    mil ? MIL : null, null));
        }
    }

    private static String j1939Code(FaultCodesReading.J1939TroubleCode code) {
        if (code.spnId() == null) {
            return code.fmiId() == null ? "J1939 code" : "J1939 FMI " + code.fmiId();
        }
        return "SPN " + code.spnId() + (code.fmiId() == null ? "" : " FMI " + code.fmiId());
    }

    private static String j1939Description(FaultCodesReading.J1939TroubleCode code) {
        String spn = strip(blankToNull(code.spnDescription()));
        String fmi = strip(blankToNull(code.fmiDescription()));
        return spn == null ? fmi : fmi == null ? spn : spn + ", " + fmi;
    }

    /** The codes in one line: "Warning light on. P0128 Coolant temperature below thermostat; SPN 110 FMI 0 ...". */
    private static String summary(FaultCodesReading reading, List<ActiveFaultCode> codes) {
        Set<String> parts = new LinkedHashSet<>();
        for (ActiveFaultCode code : codes) {
            parts.add(code.description() == null ? code.code() : code.code() + " " + code.description());
        }
        String lights = reading.anyWarningLightOn() ? "Warning light on. " : "";
        if (parts.isEmpty()) {
            return lights.isEmpty() ? NONE : lights.strip();
        }
        String summary = lights + String.join("; ", parts);
        return summary.length() <= MAX ? summary : summary.substring(0, MAX - 1) + "…";
    }

    private static void addIf(Set<String> lamps, Boolean on, String lamp) {
        if (Boolean.TRUE.equals(on)) {
            lamps.add(lamp);
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
