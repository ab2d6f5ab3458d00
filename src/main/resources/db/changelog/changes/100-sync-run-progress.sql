--liquibase formatted sql

--changeset rigsync:100-sync-run-progress
-- A running sync's progress as the instance running it last recorded it (every few seconds), so the sync status
-- panel shows it on every instance, not only on the one that picked the run.
ALTER TABLE sync_run
    ADD COLUMN progress_phase VARCHAR(100) NULL,
    ADD COLUMN progress_done  INT          NULL,
    ADD COLUMN progress_total INT          NULL,
    ADD COLUMN progress_at    DATETIME(6)  NULL;
--rollback ALTER TABLE sync_run DROP COLUMN progress_phase, DROP COLUMN progress_done, DROP COLUMN progress_total, DROP COLUMN progress_at;
