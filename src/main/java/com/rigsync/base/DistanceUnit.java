package com.rigsync.base;

/** How a department reads distances (odometers, trips). Distances are stored in metres. */
public enum DistanceUnit {
    MILES("Miles", "mi", 1609.344),
    KILOMETRES("Kilometres", "km", 1000.0);

    private final String label;
    private final String symbol;
    private final double metres;

    DistanceUnit(String label, String symbol, double metres) {
        this.label = label;
        this.symbol = symbol;
        this.metres = metres;
    }

    public String label() {
        return label;
    }

    public String symbol() {
        return symbol;
    }

    /** The distance in this unit. */
    public double fromMetres(double distanceInMetres) {
        return distanceInMetres / metres;
    }
}
