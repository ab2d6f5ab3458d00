--liquibase formatted sql

--changeset rigsync:105-sync-run-unanswered
-- Whether a run ended because Samsara did not answer (timeout, connection failure, time budget used up): such a
-- department may hold only a small share of an instance's scheduler slots, on every instance.
ALTER TABLE sync_run
    ADD COLUMN samsara_unanswered BOOLEAN NOT NULL DEFAULT FALSE;
--rollback ALTER TABLE sync_run DROP COLUMN samsara_unanswered;
