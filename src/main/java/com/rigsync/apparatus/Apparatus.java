package com.rigsync.apparatus;

import java.time.Instant;

import com.rigsync.base.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** What people edit about an apparatus. Synced values live in {@link ApparatusTelemetry}, which sync alone writes. */
@Entity
@Table(name = "apparatus")
class Apparatus extends VersionedEntity {

    @Column(name = "department_id", nullable = false, updatable = false)
    private long departmentId;

    @Column(name = "unit_name", nullable = false, length = 80)
    private String unitName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ApparatusType type;

    @Column(length = 80)
    private String station;

    @Column(length = 40)
    private String vin;

    @Column(name = "vin_normalized", length = 40)
    private String vinNormalized;

    @Column(length = 80)
    private String make;

    @Column(length = 80)
    private String model;

    @Column(name = "model_year")
    private Integer modelYear;

    @Column(length = 20)
    private String plate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ApparatusStatus status;

    @Column(name = "status_reason", length = 200)
    private String statusReason;

    @Column(name = "samsara_vehicle_id", length = 30)
    private String samsaraVehicleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_flag", nullable = false, length = 40)
    private LinkFlag linkFlag = LinkFlag.NONE;

    @Column(name = "updated_by", length = 120)
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Apparatus() {
    }

    Apparatus(long departmentId) {
        this.departmentId = departmentId;
    }

    long getDepartmentId() {
        return departmentId;
    }

    String getUnitName() {
        return unitName;
    }

    void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    ApparatusType getType() {
        return type;
    }

    void setType(ApparatusType type) {
        this.type = type;
    }

    String getStation() {
        return station;
    }

    void setStation(String station) {
        this.station = station;
    }

    String getVin() {
        return vin;
    }

    String getVinNormalized() {
        return vinNormalized;
    }

    /** Keeps the VIN as entered (tidied) and its normalised form for matching. */
    void setVin(String vin) {
        this.vinNormalized = Vin.normalize(vin);
        this.vin = vinNormalized;
    }

    String getMake() {
        return make;
    }

    void setMake(String make) {
        this.make = make;
    }

    String getModel() {
        return model;
    }

    void setModel(String model) {
        this.model = model;
    }

    Integer getModelYear() {
        return modelYear;
    }

    void setModelYear(Integer modelYear) {
        this.modelYear = modelYear;
    }

    String getPlate() {
        return plate;
    }

    void setPlate(String plate) {
        this.plate = plate;
    }

    ApparatusStatus getStatus() {
        return status;
    }

    String getStatusReason() {
        return statusReason;
    }

    void setStatus(ApparatusStatus status, String statusReason) {
        this.status = status;
        this.statusReason = status == ApparatusStatus.OUT_OF_SERVICE ? statusReason : null;
    }

    String getSamsaraVehicleId() {
        return samsaraVehicleId;
    }

    LinkFlag getLinkFlag() {
        return linkFlag;
    }

    void link(String samsaraVehicleId, LinkFlag flag) {
        this.samsaraVehicleId = samsaraVehicleId;
        this.linkFlag = samsaraVehicleId == null ? LinkFlag.NONE : flag;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    void touch(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
