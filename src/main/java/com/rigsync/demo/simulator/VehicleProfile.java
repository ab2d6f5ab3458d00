package com.rigsync.demo.simulator;

/**
 * How a simulated vehicle behaves over time: how many half-hour slots a day its engine runs and how many of those
 * it drives, where it is parked, and which fault codes it carries.
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
        Fault fault) {

    enum Fault { NONE, OBDII_CATALYST, J1939_COOLANT, J1939_AND_OEM }

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
