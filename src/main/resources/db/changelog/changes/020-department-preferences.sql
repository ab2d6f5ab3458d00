--liquibase formatted sql

--changeset rigsync:020-department-preferences
-- How a department reads distances and times on every screen; existing departments start with miles and UTC
ALTER TABLE department
    ADD COLUMN distance_unit VARCHAR(12) NOT NULL DEFAULT 'MILES',
    ADD COLUMN time_zone     VARCHAR(64) NOT NULL DEFAULT 'UTC',
    ADD CONSTRAINT ck_department_distance_unit CHECK (distance_unit IN ('MILES', 'KILOMETRES'));
