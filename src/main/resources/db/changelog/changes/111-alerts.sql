--liquibase formatted sql

--changeset rigsync:111-alert
-- One row per alert. open_key is "department:kind:subject" while the alert is open and NULL once resolved: the unique
-- index lets each condition have at most one open alert, whichever app instance evaluates it.
CREATE TABLE alert (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    department_id BIGINT        NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    subject       VARCHAR(120)  NOT NULL,
    subject_name  VARCHAR(200)  NOT NULL,
    detail        VARCHAR(1000) NOT NULL,
    fix_path      VARCHAR(200)  NOT NULL,
    opened_at     DATETIME(6)   NOT NULL,
    resolved_at   DATETIME(6)   NULL,
    open_key      VARCHAR(200)  NULL,
    CONSTRAINT fk_alert_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT uq_alert_open_key UNIQUE (open_key),
    CONSTRAINT ck_alert_kind CHECK (kind IN ('CONNECTION', 'SYNC_FAILING', 'FAULT_CODE', 'NOT_REPORTING',
                                             'NEEDS_REVIEW'))
);
CREATE INDEX ix_alert_department_opened ON alert (department_id, opened_at);
--rollback DROP TABLE alert;

--changeset rigsync:111-alert-mail
-- The outbox: every mail an alert causes, written in the alert's own transaction and sent later by one scheduler
-- task. The unique key means a person gets each alert's opening (and resolving) mail at most once.
CREATE TABLE alert_mail (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    alert_id        BIGINT        NULL,
    user_id         BIGINT        NOT NULL,
    address         VARCHAR(254)  NOT NULL,
    purpose         VARCHAR(20)   NOT NULL,
    mail_subject    VARCHAR(300)  NOT NULL,
    body            TEXT          NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(500)  NULL,
    sent_at         DATETIME(6)   NULL,
    CONSTRAINT fk_alert_mail_alert FOREIGN KEY (alert_id) REFERENCES alert (id),
    CONSTRAINT fk_alert_mail_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT uq_alert_mail_once UNIQUE (alert_id, user_id, purpose),
    CONSTRAINT ck_alert_mail_purpose CHECK (purpose IN ('OPENED', 'RESOLVED', 'DIGEST')),
    -- HELD: a line waiting for the person's daily digest; DIGESTED: put into a digest mail
    CONSTRAINT ck_alert_mail_status CHECK (status IN ('WAITING', 'SENT', 'FAILED', 'HELD', 'DIGESTED'))
);
CREATE INDEX ix_alert_mail_waiting ON alert_mail (status, next_attempt_at);
--rollback DROP TABLE alert_mail;

--changeset rigsync:111-alert-choice
-- Each person's choice per alert kind; without a row the department's default (below) or the built-in one applies.
CREATE TABLE alert_choice (
    user_id  BIGINT      NOT NULL,
    kind     VARCHAR(30) NOT NULL,
    delivery VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, kind),
    CONSTRAINT fk_alert_choice_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_alert_choice_delivery CHECK (delivery IN ('RIGHT_AWAY', 'DAILY_DIGEST', 'NONE'))
);
CREATE TABLE department_alert_default (
    department_id BIGINT      NOT NULL,
    kind          VARCHAR(30) NOT NULL,
    delivery      VARCHAR(20) NOT NULL,
    PRIMARY KEY (department_id, kind),
    CONSTRAINT fk_department_alert_default FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT ck_department_alert_default CHECK (delivery IN ('RIGHT_AWAY', 'DAILY_DIGEST', 'NONE'))
);
-- The hour (in the department's time zone) its people's daily digests go out.
CREATE TABLE department_alert_digest (
    department_id BIGINT NOT NULL PRIMARY KEY,
    digest_hour   INT    NOT NULL,
    CONSTRAINT fk_department_alert_digest FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT ck_department_alert_digest_hour CHECK (digest_hour BETWEEN 0 AND 23)
);
--rollback DROP TABLE department_alert_digest; DROP TABLE department_alert_default; DROP TABLE alert_choice;
