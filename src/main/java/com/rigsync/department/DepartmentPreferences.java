package com.rigsync.department;

import java.time.ZoneId;

import com.rigsync.base.DistanceUnit;

/** A department's preferences as its administrators edit them. */
public record DepartmentPreferences(DistanceUnit units, ZoneId zone, FleetThresholds fleet, long version) {
}
