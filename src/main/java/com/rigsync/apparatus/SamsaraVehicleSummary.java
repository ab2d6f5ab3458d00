package com.rigsync.apparatus;

/** A Samsara vehicle as a person picks it: its Samsara ID and what identifies it. */
public record SamsaraVehicleSummary(String samsaraId, String name, String vin, String make, String model,
                                    Integer modelYear, String plate) {

    /** "Engine 2 (1FV…, Freightliner M2 106 2012)" */
    public String describe() {
        StringBuilder text = new StringBuilder(name == null || name.isBlank() ? "unnamed vehicle" : name);
        text.append(" (Samsara ID ").append(samsaraId);
        if (vin != null) {
            text.append(", VIN ").append(vin);
        }
        text.append(')');
        return text.toString();
    }
}
