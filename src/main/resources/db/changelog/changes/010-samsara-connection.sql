--liquibase formatted sql

--changeset rigsync:010-samsara-connection
-- One Samsara connection per department. Secrets are stored only as ciphertext ("v1:<key id>:<base64>", see
-- TokenVault); region is a key such as 'us', 'eu', 'simulated' or an operator's label, never a URL.
CREATE TABLE samsara_connection (
    department_id         BIGINT        NOT NULL PRIMARY KEY,
    enabled               BOOLEAN       NOT NULL DEFAULT FALSE,
    region                VARCHAR(40)   NOT NULL,
    tag_ids               VARCHAR(2000) NULL,
    auth_kind             VARCHAR(20)   NULL,
    secret_ciphertext     VARCHAR(2000) NULL,
    secret_last4          VARCHAR(4)    NULL,
    refresh_ciphertext    VARCHAR(2000) NULL,
    access_expires_at     DATETIME(6)   NULL,
    secret_saved_by       VARCHAR(120)  NULL,
    secret_saved_at       DATETIME(6)   NULL,
    org_id                VARCHAR(40)   NULL,
    org_name              VARCHAR(200)  NULL,
    health                VARCHAR(30)   NOT NULL,
    last_used_at          DATETIME(6)   NULL,
    sync_interval_minutes INT           NOT NULL DEFAULT 15,
    updated_by            VARCHAR(120)  NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    -- an OAuth-connected Samsara organisation belongs to one department only
    oauth_org_id          VARCHAR(40) AS (IF(auth_kind = 'OAUTH', org_id, NULL)) PERSISTENT,
    CONSTRAINT fk_samsara_connection_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT ck_samsara_connection_auth_kind CHECK (auth_kind IS NULL OR auth_kind IN ('API_TOKEN', 'OAUTH')),
    CONSTRAINT ck_samsara_connection_health
        CHECK (health IN ('OK', 'NOT_YET_VERIFIED', 'NEEDS_ATTENTION', 'RECONNECT_NEEDED', 'NOT_CONNECTED')),
    CONSTRAINT ck_samsara_connection_secret CHECK ((auth_kind IS NULL) = (secret_ciphertext IS NULL)),
    CONSTRAINT uq_samsara_connection_oauth_org UNIQUE (oauth_org_id)
);
