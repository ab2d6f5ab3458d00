package com.rigsync.apparatus;

/**
 * What the grid is narrowed to; null or blank parts do not narrow.
 *
 * @param condition a fleet condition (active faults, not reporting, ...), counted by the department's thresholds
 */
public record ApparatusFilter(String text, String station, ApparatusType type, ApparatusStatus status,
                              boolean notLinkedOnly, FleetCondition condition) {

    public ApparatusFilter(String text, String station, ApparatusType type, ApparatusStatus status,
                           boolean notLinkedOnly) {
        this(text, station, type, status, notLinkedOnly, null);
    }

    public static ApparatusFilter none() {
        return new ApparatusFilter(null, null, null, null, false, null);
    }

    public ApparatusFilter withText(String newText) {
        return new ApparatusFilter(newText, station, type, status, notLinkedOnly, condition);
    }

    public ApparatusFilter withStatus(ApparatusStatus newStatus) {
        return new ApparatusFilter(text, station, type, newStatus, notLinkedOnly, condition);
    }

    public ApparatusFilter withCondition(FleetCondition newCondition) {
        return new ApparatusFilter(text, station, type, status, notLinkedOnly, newCondition);
    }
}
