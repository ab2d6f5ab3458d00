--liquibase formatted sql

--changeset rigsync:041-meter-reading
-- Odometer and engine-hour history: one row per new reading a sync saw (a reading is stored once, keyed by the time
-- Samsara took it). A reading that went backwards or implies implausible daily use is kept, flagged with the reason
-- in plain words, and not used as the apparatus' current value until an administrator or data manager accepts it
-- as the new baseline. meter_value is in meters (ODOMETER) or seconds (ENGINE_HOURS).
CREATE TABLE meter_reading (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    department_id  BIGINT        NOT NULL,
    apparatus_id   BIGINT        NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    meter_value    BIGINT        NOT NULL,
    read_at        DATETIME(6)   NOT NULL,
    synced_at      DATETIME(6)   NOT NULL,
    flag           VARCHAR(30)   NOT NULL DEFAULT 'NONE',
    flag_reason    VARCHAR(500)  NULL,
    compared_value BIGINT        NULL,
    compared_read_at DATETIME(6) NULL,
    accepted_by    VARCHAR(120)  NULL,
    accepted_at    DATETIME(6)   NULL,
    CONSTRAINT fk_meter_reading_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT fk_meter_reading_apparatus FOREIGN KEY (apparatus_id) REFERENCES apparatus (id) ON DELETE CASCADE,
    CONSTRAINT uq_meter_reading_once UNIQUE (apparatus_id, kind, read_at),
    CONSTRAINT ck_meter_reading_kind CHECK (kind IN ('ODOMETER', 'ENGINE_HOURS')),
    CONSTRAINT ck_meter_reading_flag CHECK (flag IN ('NONE', 'LOWER_THAN_PREVIOUS', 'IMPLAUSIBLE_DAILY_USE',
        'ACCEPTED_AS_BASELINE'))
);
CREATE INDEX ix_meter_reading_department_flag ON meter_reading (department_id, flag);
--rollback DROP TABLE meter_reading;
