package com.rigsync.apparatus.ui;

import java.util.Arrays;
import java.util.Optional;

/**
 * The apparatus grid's columns in the order they stand, with their keys (how a person's choice of columns is stored)
 * and who sees each until they choose: what a department checks daily (status, odometer, engine hours, fuel, faults,
 * the last reading) comes before what identifies the vehicle (VIN, make, model); the Samsara link columns are for
 * the editors who link apparatus.
 */
enum ApparatusColumn {
    UNIT("unit", "Unit", Shown.ALWAYS),
    STATUS("status", "Status", Shown.EVERYONE),
    STATION("station", "Station", Shown.EVERYONE),
    ODOMETER("odometer", "Odometer", Shown.EVERYONE),
    ENGINE_HOURS("engineHours", "Engine hours", Shown.EVERYONE),
    FUEL("fuel", "Fuel", Shown.EVERYONE),
    FAULTS("faults", "Faults", Shown.EVERYONE),
    LAST_READING("readAt", "Last reading", Shown.EVERYONE),
    ENGINE_STATE("engineState", "Engine state", Shown.ON_REQUEST),
    LOCATION("location", "Location", Shown.ON_REQUEST),
    TYPE("type", "Type", Shown.EVERYONE),
    VIN("vin", "VIN", Shown.EVERYONE),
    MAKE("make", "Make", Shown.EVERYONE),
    MODEL("model", "Model", Shown.EVERYONE),
    YEAR("year", "Year", Shown.EDITORS),
    PLATE("plate", "Plate", Shown.EDITORS),
    SAMSARA_ID("samsaraId", "Samsara ID", Shown.EDITORS),
    LINK_STATE("linkState", "Samsara link", Shown.EDITORS),
    LAST_SYNCED("syncedAt", "Last synced", Shown.EDITORS);

    /** Who sees a column until they choose otherwise. */
    private enum Shown { ALWAYS, EVERYONE, EDITORS, ON_REQUEST }

    private final String key;
    private final String header;
    private final Shown shown;

    ApparatusColumn(String key, String header, Shown shown) {
        this.key = key;
        this.header = header;
        this.shown = shown;
    }

    /** The grid column's key; stored in a person's choice, so never renamed. */
    String key() {
        return key;
    }

    String header() {
        return header;
    }

    /** Whether people may hide it: the unit names the row, so it always stays. */
    boolean choosable() {
        return shown != Shown.ALWAYS;
    }

    /** Shown until the person chooses: administrators and data managers ({@code editor}) or members. */
    boolean shownByDefault(boolean editor) {
        return switch (shown) {
            case ALWAYS, EVERYONE -> true;
            case EDITORS -> editor;
            case ON_REQUEST -> false;
        };
    }

    static Optional<ApparatusColumn> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
