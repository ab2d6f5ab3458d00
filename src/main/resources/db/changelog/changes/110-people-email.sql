--liquibase formatted sql

--changeset rigsync:110-app-user-email
-- Alerts are mailed: everyone may have an address (optional, so existing accounts stay valid until one is set).
ALTER TABLE app_user ADD COLUMN email VARCHAR(254) NULL;
--rollback ALTER TABLE app_user DROP COLUMN email;
