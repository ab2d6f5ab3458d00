--liquibase formatted sql

--changeset rigsync:060-department-fleet-thresholds
-- When the Overview counts an apparatus as not reporting (no reading for this many hours) and as low on fuel (below
-- this percentage): department preferences, with the defaults departments start with.
ALTER TABLE department
    ADD COLUMN not_reporting_hours INT NOT NULL DEFAULT 24,
    ADD COLUMN low_fuel_percent    INT NOT NULL DEFAULT 25,
    ADD CONSTRAINT ck_department_not_reporting_hours CHECK (not_reporting_hours BETWEEN 1 AND 720),
    ADD CONSTRAINT ck_department_low_fuel_percent CHECK (low_fuel_percent BETWEEN 1 AND 99);

--changeset rigsync:060-telemetry-reading-times
-- Each synced value with the time Samsara took it, so an old value shows its age beside newer ones; the active fault
-- codes counted and the warning lamps that are on, so the Overview and the grid can filter and sort on them.
ALTER TABLE apparatus_telemetry
    ADD COLUMN odometer_read_at     DATETIME(6)  NULL,
    ADD COLUMN engine_read_at       DATETIME(6)  NULL,
    ADD COLUMN location_read_at     DATETIME(6)  NULL,
    ADD COLUMN fuel_read_at         DATETIME(6)  NULL,
    ADD COLUMN engine_state_read_at DATETIME(6)  NULL,
    ADD COLUMN faults_read_at       DATETIME(6)  NULL,
    ADD COLUMN active_fault_count   INT          NULL,
    ADD COLUMN warning_lamps        VARCHAR(200) NULL;

--changeset rigsync:060-apparatus-fault-code
-- The active fault codes of an apparatus as Samsara last reported them, replaced whenever a sync reads its faults.
CREATE TABLE apparatus_fault_code (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    apparatus_id     BIGINT        NOT NULL,
    source           VARCHAR(10)   NOT NULL,
    code             VARCHAR(80)   NULL,
    description      VARCHAR(400)  NULL,
    spn              BIGINT        NULL,
    fmi              BIGINT        NULL,
    code_state       VARCHAR(20)   NULL,
    lamps            VARCHAR(200)  NULL,
    occurrence_count BIGINT        NULL,
    read_at          DATETIME(6)   NOT NULL,
    CONSTRAINT fk_apparatus_fault_code_apparatus FOREIGN KEY (apparatus_id) REFERENCES apparatus (id)
        ON DELETE CASCADE,
    CONSTRAINT ck_apparatus_fault_code_source CHECK (source IN ('OBD_II', 'J1939', 'OEM'))
);
CREATE INDEX ix_apparatus_fault_code_apparatus ON apparatus_fault_code (apparatus_id);
--rollback DROP TABLE apparatus_fault_code;
