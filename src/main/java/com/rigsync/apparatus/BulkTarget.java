package com.rigsync.apparatus;

/** An apparatus as "Edit selected" reads it: who it is, its version and who changed it last, and its values. */
record BulkTarget(long id, long version, String unitName, String updatedBy, String station, ApparatusType type,
                  ApparatusStatus status, String statusReason, String make, String model, Integer modelYear) {

    BulkValues values() {
        return new BulkValues(station, type, status, statusReason, make, model, modelYear);
    }

    String changedBy() {
        return updatedBy == null ? "someone else" : updatedBy;
    }
}
