package com.rigsync.apparatus;

/** What the grid is narrowed to; null or blank parts do not narrow. */
public record ApparatusFilter(String text, String station, ApparatusType type, ApparatusStatus status,
                              boolean notLinkedOnly) {

    public static ApparatusFilter none() {
        return new ApparatusFilter(null, null, null, null, false);
    }

    public ApparatusFilter withText(String newText) {
        return new ApparatusFilter(newText, station, type, status, notLinkedOnly);
    }
}
