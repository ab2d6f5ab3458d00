--liquibase formatted sql

--changeset rigsync:002-audit-event
CREATE TABLE audit_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    department_id BIGINT        NULL,
    actor         VARCHAR(80)   NOT NULL,
    action        VARCHAR(60)   NOT NULL,
    target        VARCHAR(200)  NULL,
    detail        VARCHAR(1000) NULL,
    at            DATETIME(6)   NOT NULL,
    CONSTRAINT fk_audit_event_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX ix_audit_event_department_at ON audit_event (department_id, at);
