package com.rigsync.apparatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One grid row: the apparatus with its last synced values. The fields people edit have setters for the row editor's
 * buffered binder; saving goes through the service.
 */
public final class ApparatusRow {

    private final long id;
    private final long version;
    private String unitName;
    private ApparatusType type;
    private String station;
    private String vin;
    private String make;
    private String model;
    private Integer modelYear;
    private String plate;
    private ApparatusStatus status;
    private String statusReason;
    private String samsaraVehicleId;
    private final LinkFlag linkFlag;
    private final Long odometerMeters;
    private final Long engineSeconds;
    private final BigDecimal fuelPercent;
    private final String engineState;
    private final Integer activeFaultCount;
    private final String warningLamps;
    private final String faultSummary;
    private final Double latitude;
    private final Double longitude;
    private final String address;
    private final Instant readAt;
    private final Instant syncedAt;
    private final String syncError;
    private final boolean notReporting;
    private final boolean lowOnFuel;

    public ApparatusRow(long id, long version, String unitName, ApparatusType type, String station, String vin,
                        String make, String model, Integer modelYear, String plate, ApparatusStatus status,
                        String statusReason, String samsaraVehicleId, LinkFlag linkFlag, Long odometerMeters,
                        Long engineSeconds, BigDecimal fuelPercent, String engineState, Integer activeFaultCount,
                        String warningLamps, String faultSummary, Double latitude, Double longitude, String address,
                        Instant readAt, Instant syncedAt, String syncError, boolean notReporting,
                        boolean lowOnFuel) {
        this.id = id;
        this.version = version;
        this.unitName = unitName;
        this.type = type;
        this.station = station;
        this.vin = vin;
        this.make = make;
        this.model = model;
        this.modelYear = modelYear;
        this.plate = plate;
        this.status = status;
        this.statusReason = statusReason;
        this.samsaraVehicleId = samsaraVehicleId;
        this.linkFlag = linkFlag;
        this.odometerMeters = odometerMeters;
        this.engineSeconds = engineSeconds;
        this.fuelPercent = fuelPercent;
        this.engineState = engineState;
        this.activeFaultCount = activeFaultCount;
        this.warningLamps = warningLamps;
        this.faultSummary = faultSummary;
        this.latitude = latitude;
        this.longitude = longitude;
        this.address = address;
        this.readAt = readAt;
        this.syncedAt = syncedAt;
        this.syncError = syncError;
        this.notReporting = notReporting;
        this.lowOnFuel = lowOnFuel;
    }

    public long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    public ApparatusType getType() {
        return type;
    }

    public void setType(ApparatusType type) {
        this.type = type;
    }

    public String getStation() {
        return station;
    }

    public void setStation(String station) {
        this.station = station;
    }

    public String getVin() {
        return vin;
    }

    public void setVin(String vin) {
        this.vin = vin;
    }

    public String getMake() {
        return make;
    }

    public void setMake(String make) {
        this.make = make;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Integer getModelYear() {
        return modelYear;
    }

    public void setModelYear(Integer modelYear) {
        this.modelYear = modelYear;
    }

    public String getPlate() {
        return plate;
    }

    public void setPlate(String plate) {
        this.plate = plate;
    }

    public ApparatusStatus getStatus() {
        return status;
    }

    public void setStatus(ApparatusStatus status) {
        this.status = status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public void setStatusReason(String statusReason) {
        this.statusReason = statusReason;
    }

    public String getSamsaraVehicleId() {
        return samsaraVehicleId;
    }

    public void setSamsaraVehicleId(String samsaraVehicleId) {
        this.samsaraVehicleId = samsaraVehicleId;
    }

    public LinkFlag getLinkFlag() {
        return linkFlag;
    }

    /** "Not linked", "Linked" or why the link needs review. */
    public String linkState() {
        return samsaraVehicleId == null ? "Not linked" : linkFlag.label();
    }

    public Long getOdometerMeters() {
        return odometerMeters;
    }

    public Long getEngineSeconds() {
        return engineSeconds;
    }

    /** The fuel level in percent as Samsara last reported it; null when it never did. */
    public BigDecimal getFuelPercent() {
        return fuelPercent;
    }

    /** "On", "Off" or "Idle", as Samsara last reported it. */
    public String getEngineState() {
        return engineState;
    }

    /** How many fault codes are active; null when the faults were never read. */
    public Integer getActiveFaultCount() {
        return activeFaultCount;
    }

    /** The warning lamps that are on, in words ("Red stop, Check engine (MIL)"); null when none. */
    public String getWarningLamps() {
        return warningLamps;
    }

    /** The active fault codes in one short line. */
    public String getFaultSummary() {
        return faultSummary;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    /** The address Samsara gave for the current coordinates, if any (never an older one). */
    public String getAddress() {
        return address;
    }

    /** When Samsara took the last reading (not when RigSync fetched it). */
    public Instant getReadAt() {
        return readAt;
    }

    public Instant getSyncedAt() {
        return syncedAt;
    }

    public String getSyncError() {
        return syncError;
    }

    /** Linked, and no reading for longer than the department's "not reporting" threshold (the Overview counts it). */
    public boolean isNotReporting() {
        return notReporting;
    }

    /** Fuel below the department's "low fuel" threshold (the Overview counts it). */
    public boolean isLowOnFuel() {
        return lowOnFuel;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApparatusRow row && row.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "ApparatusRow[" + id + ", " + unitName + "]";
    }
}
