--liquibase formatted sql

--changeset rigsync:070-sign-in-account-pause
-- Password checks per typed username (whether or not it exists), over all addresses: a check is reserved here under a
-- row lock before the password is looked at, so a burst or many addresses get at most five checks per pause window
CREATE TABLE sign_in_account_pause (
    username       VARCHAR(80) NOT NULL,
    checks         INT         NOT NULL DEFAULT 0,
    window_started DATETIME(6) NOT NULL,
    locked_until   DATETIME(6) NULL,
    PRIMARY KEY (username)
);
CREATE INDEX ix_sign_in_account_pause_window ON sign_in_account_pause (window_started);
