package com.rigsync.demo.simulator;

/**
 * How a simulated vehicle behaves over time: how many half-hour slots a day its engine runs and how many of those
 * it drives, where it is parked ({@code homeAddress} null: a place without a street address), which fault codes it
 * carries, and what else sets it apart ({@link Quirk}).
 */
record VehicleProfile(
        long seed,
        int onSlotsPerDay,
        int movingSlotsPerDay,
        long metersPerMovingSlot,
        long baseOdometerMeters,
        long baseEngineSeconds,
        double homeLatitude,
        double homeLongitude,
        String homeAddress,
        boolean heavyDuty,
        Fault fault,
        Quirk quirk) {

    enum Fault { NONE, OBDII_CATALYST, OBDII_ID_ONLY, J1939_COOLANT, J1939_AND_OEM, J1939_OIL_PRESSURE }

    /**
     * What else a vehicle does, so every Fleet-status figure has something to show: a gateway that went silent
     * (every stat's latest reading is days old and the feed brings nothing new), a fuel level that stays low, or a
     * parking place without a street address (GPS readings there carry no {@code reverseGeo}).
     */
    enum Quirk { NONE, SILENT_GATEWAY, LOW_FUEL, PARKED_WITHOUT_ADDRESS }

    VehicleProfile with(Quirk newQuirk, double latitude, double longitude, String address) {
        return new VehicleProfile(seed, onSlotsPerDay, movingSlotsPerDay, metersPerMovingSlot, baseOdometerMeters,
                baseEngineSeconds, latitude, longitude, address, heavyDuty, fault, newQuirk);
    }

    VehicleProfile withFault(Fault newFault) {
        return new VehicleProfile(seed, onSlotsPerDay, movingSlotsPerDay, metersPerMovingSlot, baseOdometerMeters,
                baseEngineSeconds, homeLatitude, homeLongitude, homeAddress, heavyDuty, newFault, quirk);
    }

    VehicleProfile silenced() {
        return with(Quirk.SILENT_GATEWAY, homeLatitude, homeLongitude, homeAddress);
    }

    /** Engine-on and moving slot counts, and metres per moving half hour, by the kind of unit. */
    enum Duty {
        MEDIC(10, 6, 14_000), ENGINE(5, 3, 9_000), AERIAL(3, 2, 8_000), COMMAND(6, 4, 12_000),
        SPECIAL(2, 1, 10_000), UTILITY(3, 2, 11_000), RESERVE(0, 0, 0), POLICE(16, 10, 15_000),
        WORKS(8, 4, 6_000), TOWED(1, 1, 7_000);

        final int onSlots;
        final int movingSlots;
        final long metersPerSlot;

        Duty(int onSlots, int movingSlots, long metersPerSlot) {
            this.onSlots = onSlots;
            this.movingSlots = movingSlots;
            this.metersPerSlot = metersPerSlot;
        }
    }
}
