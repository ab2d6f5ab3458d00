--liquibase formatted sql

--changeset rigsync:040-scheduled-tasks
-- db-scheduler's own table (its MySQL DDL, with DATETIME(6) instead of TIMESTAMP(6) so MariaDB never adds an
-- automatic "ON UPDATE CURRENT_TIMESTAMP"; the app sets db-scheduler.always-persist-timestamp-in-utc=true).
-- One row per scheduled task instance: a department's sync is the instance named by its department id, so at most
-- one execution per department can be picked at a time, across every app instance.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB         NULL,
    execution_time       DATETIME(6)  NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(255) NULL,
    last_success         DATETIME(6)  NULL,
    last_failure         DATETIME(6)  NULL,
    consecutive_failures INT          NULL,
    last_heartbeat       DATETIME(6)  NULL,
    version              BIGINT       NOT NULL,
    priority             SMALLINT     NULL,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
--rollback DROP TABLE scheduled_tasks;

--changeset rigsync:040-sync-run
-- One row per sync run: the run history of the sync status panel. A RUNNING row is closed as INTERRUPTED only when
-- its scheduler execution is known dead (no heartbeat), never because some instance restarted.
CREATE TABLE sync_run (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    department_id     BIGINT        NOT NULL,
    trigger_kind      VARCHAR(20)   NOT NULL,
    requested_by      VARCHAR(100)  NULL,
    started_at        DATETIME(6)   NOT NULL,
    finished_at       DATETIME(6)   NULL,
    outcome           VARCHAR(20)   NOT NULL,
    vehicles_listed   INT           NOT NULL DEFAULT 0,
    apparatus_linked  INT           NOT NULL DEFAULT 0,
    apparatus_updated INT           NOT NULL DEFAULT 0,
    readings_flagged  INT           NOT NULL DEFAULT 0,
    vehicles_gone     INT           NOT NULL DEFAULT 0,
    api_calls         BIGINT        NOT NULL DEFAULT 0,
    error             VARCHAR(1000) NULL,
    run_by            VARCHAR(255)  NULL,
    CONSTRAINT fk_sync_run_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT ck_sync_run_trigger CHECK (trigger_kind IN ('SCHEDULED', 'MANUAL')),
    CONSTRAINT ck_sync_run_outcome CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'INTERRUPTED'))
);
CREATE INDEX ix_sync_run_department_started ON sync_run (department_id, started_at);
CREATE INDEX ix_sync_run_outcome ON sync_run (outcome);
--rollback DROP TABLE sync_run;
