--liquibase formatted sql

--changeset rigsync:090-entitlement-change
-- Every change of a department's paid Samsara entitlement, with who asked, why, and (for switching off at the end
-- of a contract) the day it takes effect. applied_at is null while a dated change waits for its day.
CREATE TABLE entitlement_change (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    department_id BIGINT        NOT NULL,
    entitled      BOOLEAN       NOT NULL,
    reason        VARCHAR(500)  NOT NULL,
    requested_by  VARCHAR(120)  NOT NULL,
    requested_at  DATETIME(6)   NOT NULL,
    effective_on  DATE          NULL,
    applied_at    DATETIME(6)   NULL,
    cancelled_at  DATETIME(6)   NULL,
    CONSTRAINT fk_entitlement_change_department FOREIGN KEY (department_id) REFERENCES department (id)
        ON DELETE CASCADE
);
CREATE INDEX ix_entitlement_change_department ON entitlement_change (department_id, requested_at);
CREATE INDEX ix_entitlement_change_pending ON entitlement_change (applied_at, effective_on);
--rollback DROP TABLE entitlement_change;
