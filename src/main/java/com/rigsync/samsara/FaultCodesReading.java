package com.rigsync.samsara;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Engine fault codes; any of {@code obdii}, {@code j1939}, {@code oem} may be null when Samsara leaves it out. */
public record FaultCodesReading(Instant time, String canBusType, Obdii obdii, J1939 j1939, Oem oem) {

    /** True when any source reports a lit check-engine (or J1939 warning/protect/stop) light, or an active MIL. */
    public boolean anyWarningLightOn() {
        boolean obd = obdii != null && (Boolean.TRUE.equals(obdii.checkEngineLightIsOn())
                || obdii.diagnosticTroubleCodes().stream().anyMatch(c -> Boolean.TRUE.equals(c.milStatus())));
        boolean j = j1939 != null && ((j1939.checkEngineLights() != null && j1939.checkEngineLights().anyOn())
                || j1939.diagnosticTroubleCodes().stream().anyMatch(c -> c.milStatus() != null && c.milStatus() != 0));
        return obd || j;
    }

    public record Obdii(Boolean checkEngineLightIsOn, List<ObdiiTroubleCodes> diagnosticTroubleCodes) {
    }

    /**
     * OBD-II codes of one transmitter. {@code milStatus} is a boolean in Samsara's schema (J1939's is a number);
     * a number is read as lit when it is not 0.
     */
    public record ObdiiTroubleCodes(Long txId, Boolean milStatus, List<Dtc> confirmedDtcs, List<Dtc> pendingDtcs,
            List<Dtc> permanentDtcs) {
    }

    public record Dtc(Long dtcId, String shortCode, String description) {
    }

    public record J1939(CheckEngineLights checkEngineLights, List<J1939TroubleCode> diagnosticTroubleCodes) {
    }

    public record CheckEngineLights(Boolean warningIsOn, Boolean emissionsIsOn, Boolean protectIsOn,
            Boolean stopIsOn) {

        public boolean anyOn() {
            return Boolean.TRUE.equals(warningIsOn) || Boolean.TRUE.equals(emissionsIsOn)
                    || Boolean.TRUE.equals(protectIsOn) || Boolean.TRUE.equals(stopIsOn);
        }
    }

    /** {@code milStatus} is a number in Samsara's schema (0 = off); a boolean is read as 1 or 0. */
    public record J1939TroubleCode(Long txId, Long spnId, Long fmiId, Long occurrenceCount, String spnDescription,
            String fmiDescription, Integer milStatus) {
    }

    public record Oem(List<OemTroubleCode> diagnosticTroubleCodes) {
    }

    /** OEM codes vary by maker; the identifier and description are kept as sent. */
    public record OemTroubleCode(Long txId, String codeIdentifier, String codeDescription, String codeSeverity) {
    }

    static FaultCodesReading parse(JsonNode n) {
        JsonNode o = Json.object(n, "obdii");
        JsonNode j = Json.object(n, "j1939");
        JsonNode m = Json.object(n, "oem");
        return new FaultCodesReading(Json.instant(n, "time"), Json.text(n, "canBusType"),
                o == null ? null : new Obdii(Json.bool(o, "checkEngineLightIsOn"),
                        Json.list(o, "diagnosticTroubleCodes", FaultCodesReading::obdiiCodes)),
                j == null ? null : new J1939(checkEngineLights(Json.object(j, "checkEngineLights")),
                        Json.list(j, "diagnosticTroubleCodes", FaultCodesReading::j1939Code)),
                m == null ? null : new Oem(Json.list(m, "diagnosticTroubleCodes", FaultCodesReading::oemCode)));
    }

    private static ObdiiTroubleCodes obdiiCodes(JsonNode n) {
        return new ObdiiTroubleCodes(Json.longValue(n, "txId"), Json.flag(n, "milStatus"),
                Json.list(n, "confirmedDtcs", FaultCodesReading::dtc), Json.list(n, "pendingDtcs", FaultCodesReading::dtc),
                Json.list(n, "permanentDtcs", FaultCodesReading::dtc));
    }

    private static Dtc dtc(JsonNode n) {
        return new Dtc(Json.longValue(n, "dtcId"), Json.text(n, "dtcShortCode"), Json.text(n, "dtcDescription"));
    }

    private static CheckEngineLights checkEngineLights(JsonNode n) {
        return n == null ? null : new CheckEngineLights(Json.bool(n, "warningIsOn"), Json.bool(n, "emissionsIsOn"),
                Json.bool(n, "protectIsOn"), Json.bool(n, "stopIsOn"));
    }

    private static J1939TroubleCode j1939Code(JsonNode n) {
        return new J1939TroubleCode(Json.longValue(n, "txId"), Json.longValue(n, "spnId"), Json.longValue(n, "fmiId"),
                Json.longValue(n, "occurrenceCount"), Json.text(n, "spnDescription"), Json.text(n, "fmiDescription"),
                Json.number(n, "milStatus"));
    }

    private static OemTroubleCode oemCode(JsonNode n) {
        String id = Json.text(n, "codeIdentifier");
        String description = Json.text(n, "codeDescription");
        return new OemTroubleCode(Json.longValue(n, "txId"), id != null ? id : Json.text(n, "code"),
                description != null ? description : Json.text(n, "description"), Json.text(n, "codeSeverity"));
    }
}
