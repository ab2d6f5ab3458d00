package com.rigsync.apparatus;

/** Whether a Samsara ID names one of the department's Samsara vehicles. */
public record SamsaraIdCheck(Verdict verdict, SamsaraVehicleSummary vehicle, String message) {

    public enum Verdict {
        /** The vehicle exists; {@code vehicle} describes it. */
        FOUND,
        /** Samsara (or its last vehicle list) has no such vehicle; {@code message} says so. */
        NOT_FOUND,
        /** It could not be checked now (no vehicle list yet, Samsara unreachable); saving is allowed. */
        UNVERIFIED
    }

    public static SamsaraIdCheck found(SamsaraVehicleSummary vehicle) {
        return new SamsaraIdCheck(Verdict.FOUND, vehicle, null);
    }

    public static SamsaraIdCheck notFound(String message) {
        return new SamsaraIdCheck(Verdict.NOT_FOUND, null, message);
    }

    public static SamsaraIdCheck unverified(String message) {
        return new SamsaraIdCheck(Verdict.UNVERIFIED, null, message);
    }
}
