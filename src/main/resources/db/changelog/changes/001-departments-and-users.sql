--liquibase formatted sql

--changeset rigsync:001-department
CREATE TABLE department (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name             VARCHAR(120) NOT NULL,
    samsara_entitled BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_department_name UNIQUE (name)
);

--changeset rigsync:001-app-user
CREATE TABLE app_user (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    department_id        BIGINT       NULL,
    username             VARCHAR(80)  NOT NULL,
    display_name         VARCHAR(120) NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    role                 VARCHAR(20)  NOT NULL,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT ck_app_user_role CHECK (role IN ('CLIENT_SUCCESS', 'ADMINISTRATOR', 'DATA_MANAGER', 'MEMBER')),
    -- Client Success staff belong to no department; everyone else belongs to exactly one
    CONSTRAINT ck_app_user_department CHECK ((role = 'CLIENT_SUCCESS') = (department_id IS NULL))
);
