package com.rigsync.apparatus;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * What sync last wrote about an apparatus. Its own row without a version, so a sync never collides with a person's
 * edit; read-only here (the sync feature writes it).
 */
@Entity
@Immutable
@Table(name = "apparatus_telemetry")
class ApparatusTelemetry {

    @Id
    @Column(name = "apparatus_id")
    private Long apparatusId;

    @Column(name = "odometer_meters")
    private Long odometerMeters;

    @Column(name = "engine_seconds")
    private Long engineSeconds;

    private Double latitude;

    private Double longitude;

    @Column(length = 300)
    private String address;

    @Column(name = "fuel_percent", precision = 5, scale = 2)
    private BigDecimal fuelPercent;

    @Column(name = "engine_state", length = 20)
    private String engineState;

    @Column(name = "fault_summary", length = 1000)
    private String faultSummary;

    @Column(name = "active_fault_count")
    private Integer activeFaultCount;

    @Column(name = "warning_lamps", length = 200)
    private String warningLamps;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "synced_at")
    private Instant syncedAt;

    @Column(name = "sync_error", length = 1000)
    private String syncError;

    protected ApparatusTelemetry() {
    }
}
