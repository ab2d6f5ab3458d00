package com.rigsync.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.rigsync.samsara.FaultCodesReading;

/** Fault codes in a short line people read on the apparatus page: the codes with their descriptions. */
final class FaultSummary {

    static final String NONE = "No active fault codes";
    private static final int MAX = 1000;

    private FaultSummary() {
    }

    static String of(FaultCodesReading reading) {
        Set<String> codes = new LinkedHashSet<>();
        if (reading.obdii() != null) {
            for (var tx : reading.obdii().diagnosticTroubleCodes()) {
                List<FaultCodesReading.Dtc> all = new ArrayList<>();
                all.addAll(tx.confirmedDtcs());
                all.addAll(tx.pendingDtcs());
                all.addAll(tx.permanentDtcs());
                for (var dtc : all) {
                    codes.add(join(dtc.shortCode() != null ? dtc.shortCode()
                            : dtc.dtcId() == null ? null : "DTC " + dtc.dtcId(), dtc.description()));
                }
            }
        }
        if (reading.j1939() != null) {
            for (var code : reading.j1939().diagnosticTroubleCodes()) {
                String id = "SPN " + code.spnId() + (code.fmiId() == null ? "" : " FMI " + code.fmiId());
                String description = code.spnDescription() == null ? code.fmiDescription()
                        : code.fmiDescription() == null ? code.spnDescription()
                        : code.spnDescription() + ", " + code.fmiDescription();
                codes.add(join(id, description));
            }
        }
        if (reading.oem() != null) {
            for (var code : reading.oem().diagnosticTroubleCodes()) {
                codes.add(join(code.codeIdentifier(), code.codeDescription()));
            }
        }
        codes.remove(null);
        String lights = reading.anyWarningLightOn() ? "Warning light on. " : "";
        if (codes.isEmpty()) {
            return lights.isEmpty() ? NONE : lights.strip();
        }
        String summary = lights + String.join("; ", codes);
        return summary.length() <= MAX ? summary : summary.substring(0, MAX - 1) + "…";
    }

    private static String join(String code, String description) {
        if (code == null) {
            return description;
        }
        return description == null || description.isBlank() ? code : code + " " + description;
    }
}
