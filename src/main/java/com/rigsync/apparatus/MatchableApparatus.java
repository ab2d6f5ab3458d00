package com.rigsync.apparatus;

/** What bulk matching needs of an apparatus, read without loading entities. */
record MatchableApparatus(long id, String unitName, String vin, String vinNormalized, String samsaraVehicleId) {
}
