--liquibase formatted sql

--changeset rigsync:050-samsara-oauth
-- The scope Samsara granted an OAuth connection (admin:read or admin:write), shown on Settings.
ALTER TABLE samsara_connection ADD COLUMN oauth_scope VARCHAR(200) NULL;
