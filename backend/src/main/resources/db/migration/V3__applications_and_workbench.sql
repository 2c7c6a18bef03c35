-- Applications (办件), the clerks' claims on waiting steps, and the log of who opened whose data.

CREATE TABLE application (
    id                    VARCHAR(36)   NOT NULL,
    number                VARCHAR(32)   NULL,
    service_code          VARCHAR(100)  NOT NULL,
    definition_version    INT           NOT NULL,
    applicant_subject     VARCHAR(100)  NOT NULL,
    applicant_name        VARCHAR(200)  NOT NULL,
    applicant_email       VARCHAR(200)  NULL,
    enterprise_uscc       VARCHAR(18)   NULL,
    enterprise_name       VARCHAR(200)  NULL,
    status                VARCHAR(20)   NOT NULL,
    form_data             LONGTEXT      NOT NULL,
    workflow_instance_id  VARCHAR(36)   NULL,
    idempotency_key       VARCHAR(100)  NULL,
    created_at            TIMESTAMP(6)  NOT NULL,
    updated_at            TIMESTAMP(6)  NOT NULL,
    submitted_at          TIMESTAMP(6)  NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT pk_application PRIMARY KEY (id),
    CONSTRAINT uq_application_number UNIQUE (number),
    CONSTRAINT uq_application_idempotency UNIQUE (applicant_subject, idempotency_key),
    CONSTRAINT uq_application_instance UNIQUE (workflow_instance_id)
);
CREATE INDEX ix_application_applicant ON application (applicant_subject, updated_at);
CREATE INDEX ix_application_enterprise ON application (enterprise_uscc, updated_at);

-- A clerk's claim on a waiting step: locked to that clerk until released or reassigned.
ALTER TABLE workflow_task ADD COLUMN claimed_by VARCHAR(100) NULL;
ALTER TABLE workflow_task ADD COLUMN claimed_at TIMESTAMP(6) NULL;

-- Every opening of an application's personal data by an official: who, when, which application, why.
CREATE TABLE personal_data_access (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    application_id     VARCHAR(36)   NOT NULL,
    actor              VARCHAR(100)  NOT NULL,
    actor_name         VARCHAR(200)  NULL,
    actor_department   VARCHAR(64)   NULL,
    purpose            VARCHAR(100)  NOT NULL,
    step_id            VARCHAR(100)  NULL,
    fields             VARCHAR(2000) NULL,
    at                 TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_personal_data_access PRIMARY KEY (id)
);
CREATE INDEX ix_personal_data_access_application ON personal_data_access (application_id, at);

-- Documents attached to an application, one or more per required material. The file itself is
-- stored under a generated name; the applicant's file name is kept only as a label.
CREATE TABLE attachment (
    id              VARCHAR(36)   NOT NULL,
    application_id  VARCHAR(36)   NOT NULL,
    material_code   VARCHAR(100)  NOT NULL,
    file_name       VARCHAR(200)  NOT NULL,
    media_type      VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    uploaded_by     VARCHAR(100)  NOT NULL,
    uploaded_at     TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_attachment PRIMARY KEY (id),
    CONSTRAINT fk_attachment_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_attachment_application ON attachment (application_id, material_code);

-- Every person's in-app inbox; a department's inbox (recipient "department:<code>") for its clerks.
-- The text is rendered when read, in the reader's language, from the kind and its parameters.
CREATE TABLE notification (
    id             VARCHAR(36)   NOT NULL,
    recipient      VARCHAR(100)  NOT NULL,
    kind           VARCHAR(50)   NOT NULL,
    application_id VARCHAR(36)   NULL,
    parameters     VARCHAR(2000) NOT NULL,
    created_at     TIMESTAMP(6)  NOT NULL,
    read_at        TIMESTAMP(6)  NULL,
    CONSTRAINT pk_notification PRIMARY KEY (id)
);
CREATE INDEX ix_notification_recipient ON notification (recipient, created_at);
