--liquibase formatted sql

--changeset rigsync:042-sync-feed-cursor
-- Where each department's stats feed stands, one row per group of (at most three) stat types. A row with a NULL
-- feed_cursor means "the first (snapshot) read is done; start the feed on the next run". query_key says which
-- vehicles the cursor covers (all vehicles with the tag filter, or a list of ids); another key starts afresh.
CREATE TABLE sync_feed_cursor (
    department_id BIGINT        NOT NULL,
    type_group    VARCHAR(200)  NOT NULL,
    query_key     VARCHAR(100)  NOT NULL,
    feed_cursor   VARCHAR(2000) NULL,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (department_id, type_group),
    CONSTRAINT fk_sync_feed_cursor_department FOREIGN KEY (department_id) REFERENCES department (id)
        ON DELETE CASCADE
);
--rollback DROP TABLE sync_feed_cursor;
