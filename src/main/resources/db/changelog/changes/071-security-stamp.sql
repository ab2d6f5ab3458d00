--liquibase formatted sql

--changeset rigsync:071-security-stamp
-- Raised whenever a person's sessions must end (disabled, role changed, password reset); every instance compares it
-- with the value the session signed in with at each request
ALTER TABLE app_user ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0;
