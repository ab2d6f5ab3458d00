package com.rigsync.department;

import java.time.Instant;

import com.rigsync.base.DistanceUnit;
import com.rigsync.base.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

@Entity
@Table(name = "department")
class Department extends VersionedEntity {

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "samsara_entitled", nullable = false)
    private boolean samsaraEntitled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "distance_unit", nullable = false, length = 12)
    private DistanceUnit distanceUnit = DistanceUnit.MILES;

    /** A java.time ZoneId such as America/Chicago. */
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone = "UTC";

    @Column(name = "not_reporting_hours", nullable = false)
    private int notReportingHours = FleetThresholds.DEFAULT.notReportingHours();

    @Column(name = "low_fuel_percent", nullable = false)
    private int lowFuelPercent = FleetThresholds.DEFAULT.lowFuelPercent();

    protected Department() {
    }

    Department(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    String getName() {
        return name;
    }

    boolean isSamsaraEntitled() {
        return samsaraEntitled;
    }

    void setSamsaraEntitled(boolean samsaraEntitled) {
        this.samsaraEntitled = samsaraEntitled;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    DistanceUnit getDistanceUnit() {
        return distanceUnit;
    }

    void setDistanceUnit(DistanceUnit distanceUnit) {
        this.distanceUnit = distanceUnit;
    }

    String getTimeZone() {
        return timeZone;
    }

    void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    FleetThresholds getFleetThresholds() {
        return new FleetThresholds(notReportingHours, lowFuelPercent);
    }

    void setFleetThresholds(FleetThresholds thresholds) {
        this.notReportingHours = thresholds.notReportingHours();
        this.lowFuelPercent = thresholds.lowFuelPercent();
    }
}
