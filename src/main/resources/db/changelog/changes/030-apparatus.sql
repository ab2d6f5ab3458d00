--liquibase formatted sql

--changeset rigsync:030-apparatus
-- What people edit. The Samsara link is the samsara_vehicle_id; MariaDB allows many NULLs in a unique index, so any
-- number of apparatus may be unlinked while one Samsara vehicle links to at most one apparatus per department.
CREATE TABLE apparatus (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    department_id      BIGINT       NOT NULL,
    unit_name          VARCHAR(80)  NOT NULL,
    type               VARCHAR(20)  NOT NULL,
    station            VARCHAR(80)  NULL,
    vin                VARCHAR(40)  NULL,
    vin_normalized     VARCHAR(40)  NULL,
    make               VARCHAR(80)  NULL,
    model              VARCHAR(80)  NULL,
    model_year         INT          NULL,
    plate              VARCHAR(20)  NULL,
    status             VARCHAR(20)  NOT NULL,
    status_reason      VARCHAR(200) NULL,
    samsara_vehicle_id VARCHAR(30)  NULL,
    link_flag          VARCHAR(40)  NOT NULL DEFAULT 'NONE',
    version            BIGINT       NOT NULL DEFAULT 0,
    updated_by         VARCHAR(120) NULL,
    updated_at         DATETIME(6)  NULL,
    CONSTRAINT fk_apparatus_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT uq_apparatus_unit_name UNIQUE (department_id, unit_name),
    CONSTRAINT uq_apparatus_samsara_vehicle UNIQUE (department_id, samsara_vehicle_id),
    CONSTRAINT ck_apparatus_type CHECK (type IN ('ENGINE', 'LADDER', 'QUINT', 'RESCUE', 'TANKER', 'BRUSH',
        'AMBULANCE', 'COMMAND', 'UTILITY', 'OTHER')),
    CONSTRAINT ck_apparatus_status CHECK (status IN ('IN_SERVICE', 'OUT_OF_SERVICE', 'RESERVE')),
    CONSTRAINT ck_apparatus_out_of_service_reason CHECK (status <> 'OUT_OF_SERVICE' OR status_reason IS NOT NULL),
    CONSTRAINT ck_apparatus_link_flag CHECK (link_flag IN ('NONE', 'REVIEW_VIN_MISMATCH',
        'REVIEW_ORGANISATION_CHANGED', 'SAMSARA_VEHICLE_GONE'))
);
CREATE INDEX ix_apparatus_department_vin ON apparatus (department_id, vin_normalized);
CREATE INDEX ix_apparatus_department_station ON apparatus (department_id, station);

--changeset rigsync:030-apparatus-telemetry
-- What sync writes: its own row, without the apparatus' @Version, so a sync never collides with a person's edit.
CREATE TABLE apparatus_telemetry (
    apparatus_id    BIGINT         NOT NULL PRIMARY KEY,
    odometer_meters BIGINT         NULL,
    engine_seconds  BIGINT         NULL,
    latitude        DOUBLE         NULL,
    longitude       DOUBLE         NULL,
    address         VARCHAR(300)   NULL,
    fuel_percent    DECIMAL(5, 2)  NULL,
    engine_state    VARCHAR(20)    NULL,
    fault_summary   VARCHAR(1000)  NULL,
    read_at         DATETIME(6)    NULL,
    synced_at       DATETIME(6)    NULL,
    sync_error      VARCHAR(1000)  NULL,
    CONSTRAINT fk_apparatus_telemetry_apparatus FOREIGN KEY (apparatus_id) REFERENCES apparatus (id)
        ON DELETE CASCADE
);

--changeset rigsync:030-samsara-vehicle
-- The department's Samsara vehicles as last listed: what the magnifier and the bulk match read.
CREATE TABLE samsara_vehicle (
    department_id      BIGINT       NOT NULL,
    samsara_id         VARCHAR(30)  NOT NULL,
    name               VARCHAR(200) NULL,
    vin                VARCHAR(40)  NULL,
    vin_normalized     VARCHAR(40)  NULL,
    make               VARCHAR(80)  NULL,
    model              VARCHAR(80)  NULL,
    model_year         INT          NULL,
    plate              VARCHAR(40)  NULL,
    tag_ids            VARCHAR(1000) NULL,
    samsara_updated_at DATETIME(6)  NULL,
    seen_at            DATETIME(6)  NOT NULL,
    refreshed_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (department_id, samsara_id),
    CONSTRAINT fk_samsara_vehicle_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX ix_samsara_vehicle_department_vin ON samsara_vehicle (department_id, vin_normalized);
