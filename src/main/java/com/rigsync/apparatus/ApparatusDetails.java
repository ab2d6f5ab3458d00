package com.rigsync.apparatus;

import java.time.Instant;

/**
 * An apparatus as the edit form binds it (a bean, for Vaadin's buffered Binder). A new apparatus has no id. The
 * version says which state the editor started from, so a save over someone else's change is refused.
 */
public final class ApparatusDetails {

    private Long id;
    private long version;
    private String unitName;
    private ApparatusType type = ApparatusType.ENGINE;
    private String station;
    private String vin;
    private String make;
    private String model;
    private Integer modelYear;
    private String plate;
    private ApparatusStatus status = ApparatusStatus.IN_SERVICE;
    private String statusReason;
    private String samsaraVehicleId;
    private LinkFlag linkFlag = LinkFlag.NONE;
    private String updatedBy;
    private Instant updatedAt;

    public ApparatusDetails() {
    }

    static ApparatusDetails of(Apparatus a) {
        ApparatusDetails d = new ApparatusDetails();
        d.id = a.getId();
        d.version = a.getVersion();
        d.unitName = a.getUnitName();
        d.type = a.getType();
        d.station = a.getStation();
        d.vin = a.getVin();
        d.make = a.getMake();
        d.model = a.getModel();
        d.modelYear = a.getModelYear();
        d.plate = a.getPlate();
        d.status = a.getStatus();
        d.statusReason = a.getStatusReason();
        d.samsaraVehicleId = a.getSamsaraVehicleId();
        d.linkFlag = a.getLinkFlag();
        d.updatedBy = a.getUpdatedBy();
        d.updatedAt = a.getUpdatedAt();
        return d;
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
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

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
