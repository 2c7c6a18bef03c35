-- Workflow engine state, readable without the engine. Portable across H2 (MySQL mode), MariaDB, MySQL.

-- Published versions of each service's definition; the YAML text itself is kept, so an instance
-- always runs on exactly the version it started with.
CREATE TABLE workflow_definition (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    service_code   VARCHAR(100)  NOT NULL,
    version        INT           NOT NULL,
    content_hash   CHAR(64)      NOT NULL,
    content        LONGTEXT      NOT NULL,
    source_file    VARCHAR(300)  NOT NULL,
    published_at   TIMESTAMP(6)  NOT NULL,
    published_by   VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_workflow_definition PRIMARY KEY (id),
    CONSTRAINT uq_workflow_definition_version UNIQUE (service_code, version)
);

-- One row per application's workflow. "state" is the machine state: the current step, or for a
-- parallel step the step of every branch. "version" increases with every transition.
CREATE TABLE workflow_instance (
    id                  VARCHAR(36)   NOT NULL,
    definition_id       BIGINT        NOT NULL,
    service_code        VARCHAR(100)  NOT NULL,
    definition_version  INT           NOT NULL,
    state               VARCHAR(1000) NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    certificate_type    VARCHAR(100)  NULL,
    form_data           LONGTEXT      NOT NULL,
    applicant           VARCHAR(100)  NOT NULL,
    started_at          TIMESTAMP(6)  NOT NULL,
    updated_at          TIMESTAMP(6)  NOT NULL,
    ended_at            TIMESTAMP(6)  NULL,
    history_size        INT           NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_workflow_instance PRIMARY KEY (id),
    CONSTRAINT fk_workflow_instance_definition FOREIGN KEY (definition_id) REFERENCES workflow_definition (id)
);
CREATE INDEX ix_workflow_instance_definition ON workflow_instance (definition_id, status);

-- The steps waiting for someone, with their time limits. A step in correction waits for the
-- applicant: its clock is paused (paused_at set, next_timer_at empty).
CREATE TABLE workflow_task (
    instance_id            VARCHAR(36)   NOT NULL,
    step_id                VARCHAR(100)  NOT NULL,
    branch_id              VARCHAR(100)  NULL,
    department             VARCHAR(64)   NOT NULL,
    role                   VARCHAR(32)   NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    activated_at           TIMESTAMP(6)  NOT NULL,
    warn_at                TIMESTAMP(6)  NOT NULL,
    due_at                 TIMESTAMP(6)  NOT NULL,
    escalate_at            TIMESTAMP(6)  NOT NULL,
    paused_at              TIMESTAMP(6)  NULL,
    remaining_working_days INT           NULL,
    warned_at              TIMESTAMP(6)  NULL,
    overdue_at             TIMESTAMP(6)  NULL,
    escalated_at           TIMESTAMP(6)  NULL,
    next_timer_at          TIMESTAMP(6)  NULL,
    CONSTRAINT pk_workflow_task PRIMARY KEY (instance_id, step_id),
    CONSTRAINT fk_workflow_task_instance FOREIGN KEY (instance_id) REFERENCES workflow_instance (id)
);
CREATE INDEX ix_workflow_task_timer ON workflow_task (next_timer_at);
CREATE INDEX ix_workflow_task_queue ON workflow_task (department, status, due_at);

-- Every transition: who, what, when, why.
CREATE TABLE workflow_history (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    instance_id       VARCHAR(36)   NOT NULL,
    seq               INT           NOT NULL,
    step_id           VARCHAR(100)  NULL,
    action            VARCHAR(40)   NOT NULL,
    actor             VARCHAR(100)  NOT NULL,
    actor_department  VARCHAR(64)   NULL,
    reason            VARCHAR(2000) NULL,
    details           VARCHAR(4000) NULL,
    from_state        VARCHAR(1000) NOT NULL,
    to_state          VARCHAR(1000) NOT NULL,
    at                TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_workflow_history PRIMARY KEY (id),
    CONSTRAINT uq_workflow_history_seq UNIQUE (instance_id, seq),
    CONSTRAINT fk_workflow_history_instance FOREIGN KEY (instance_id) REFERENCES workflow_instance (id)
);
