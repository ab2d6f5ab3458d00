--liquibase formatted sql

--changeset rigsync:021-sign-in-throttle
-- Failed sign-ins per typed username and client address (whether or not the username exists), so repeated guessing
-- is slowed down and then paused; kept in the database so a restart does not lift a pause
CREATE TABLE sign_in_throttle (
    username        VARCHAR(80) NOT NULL,
    client_address  VARCHAR(64) NOT NULL,
    failures        INT         NOT NULL DEFAULT 0,
    last_failure_at DATETIME(6) NOT NULL,
    locked_until    DATETIME(6) NULL,
    PRIMARY KEY (username, client_address)
);
CREATE INDEX ix_sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
