--liquibase formatted sql

--changeset rigsync:061-apparatus-grid-columns
-- The apparatus grid columns each person chose to show or to hide, against their role's defaults (column keys,
-- comma-separated); a column in neither list follows the defaults. Kept across sign-ins, gone with the person.
CREATE TABLE apparatus_grid_columns (
    user_id        BIGINT        NOT NULL PRIMARY KEY,
    shown_columns  VARCHAR(1000) NOT NULL,
    hidden_columns VARCHAR(1000) NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    CONSTRAINT fk_apparatus_grid_columns_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
--rollback DROP TABLE apparatus_grid_columns;
