--liquibase formatted sql

--changeset rigsync:091-sync-last-success
-- Each department's last successful sync, kept as runs finish (SyncRuns.finish), so the Client Success grid can sort
-- and filter thousands of departments by it with one key lookup each instead of grouping the run history. A cache:
-- it goes with its department.
CREATE TABLE sync_last_success (
    department_id BIGINT      NOT NULL PRIMARY KEY,
    finished_at   DATETIME(6) NOT NULL,
    CONSTRAINT fk_sync_last_success_department FOREIGN KEY (department_id) REFERENCES department (id)
        ON DELETE CASCADE
);
CREATE INDEX ix_sync_last_success_finished ON sync_last_success (finished_at);
INSERT INTO sync_last_success (department_id, finished_at)
    SELECT department_id, MAX(finished_at) FROM sync_run WHERE outcome = 'SUCCEEDED' AND finished_at IS NOT NULL
    GROUP BY department_id;
--rollback DROP TABLE sync_last_success;
