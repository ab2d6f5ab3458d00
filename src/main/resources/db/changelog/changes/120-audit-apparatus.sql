--liquibase formatted sql

--changeset rigsync:120-audit-event-apparatus
-- The apparatus an event is about, so each apparatus' change history is one indexed read. No foreign key: the
-- history outlives a deleted apparatus.
ALTER TABLE audit_event ADD COLUMN apparatus_id BIGINT NULL;
CREATE INDEX ix_audit_event_apparatus ON audit_event (department_id, apparatus_id, at);
