-- 好差评 (GB/T 39735): applicants' ratings of their applications — of the whole once it has ended, of a step's
-- handling while it runs — and the rectifications (整改) a bad rating opens for the department that handled the
-- rated steps.

-- One rating per application and scope ('application', or 'step:<step>' for a step rated while the application
-- runs); changeable within the platform's period, and rated again once after the department answered.
CREATE TABLE rating (
    id                  VARCHAR(36)    NOT NULL,
    application_id      VARCHAR(36)    NOT NULL,
    application_number  VARCHAR(64)    NULL,
    scope               VARCHAR(120)   NOT NULL,
    step                VARCHAR(100)   NULL,
    service_code        VARCHAR(100)   NOT NULL,
    definition_version  INT            NOT NULL,
    department          VARCHAR(64)    NOT NULL,
    rater               VARCHAR(100)   NOT NULL,
    -- 5 非常满意, 4 满意, 3 基本满意 (good); 2 不满意, 1 非常不满意 (bad)
    level               INT            NOT NULL,
    first_level         INT            NOT NULL,
    reasons             VARCHAR(1000)  NOT NULL,
    comment             VARCHAR(2000)  NULL,
    first_rated_at      TIMESTAMP(6)   NOT NULL,
    rated_at            TIMESTAMP(6)   NOT NULL,
    changes             INT            NOT NULL,
    -- rated again after the department's answer (once)
    rerated             BOOLEAN        NOT NULL,
    -- the platform admin upheld the department's dispute: the rating no longer counts
    excluded            BOOLEAN        NOT NULL,
    version             INT            NOT NULL,
    CONSTRAINT pk_rating PRIMARY KEY (id),
    CONSTRAINT uq_rating_scope UNIQUE (application_id, scope)
);
CREATE INDEX ix_rating_service ON rating (service_code, rated_at);
CREATE INDEX ix_rating_department ON rating (department, rated_at);

-- A rectification task (整改) opened by a bad rating: the department admin answers within the limit (working days
-- on the business calendar): rectified, explained, or disputed — the platform admin decides a dispute.
CREATE TABLE rectification (
    id                  VARCHAR(36)    NOT NULL,
    rating_id           VARCHAR(36)    NOT NULL,
    application_id      VARCHAR(36)    NOT NULL,
    application_number  VARCHAR(64)    NULL,
    service_code        VARCHAR(100)   NOT NULL,
    definition_version  INT            NOT NULL,
    department          VARCHAR(64)    NOT NULL,
    step                VARCHAR(100)   NULL,
    -- the rating as it opened the task
    level               INT            NOT NULL,
    reasons             VARCHAR(1000)  NOT NULL,
    comment             VARCHAR(2000)  NULL,
    opened_at           TIMESTAMP(6)   NOT NULL,
    warn_at             TIMESTAMP(6)   NOT NULL,
    due_at              TIMESTAMP(6)   NOT NULL,
    -- open, answered, disputed, closed
    status              VARCHAR(20)    NOT NULL,
    -- rectified, explained, disputed
    answer_kind         VARCHAR(20)    NULL,
    answer              VARCHAR(2000)  NULL,
    answered_by         VARCHAR(100)   NULL,
    answered_by_name    VARCHAR(200)   NULL,
    answered_at         TIMESTAMP(6)   NULL,
    -- upheld, rejected
    dispute_decision    VARCHAR(20)    NULL,
    dispute_note        VARCHAR(2000)  NULL,
    decided_by          VARCHAR(100)   NULL,
    decided_at          TIMESTAMP(6)   NULL,
    version             INT            NOT NULL,
    CONSTRAINT pk_rectification PRIMARY KEY (id),
    CONSTRAINT fk_rectification_rating FOREIGN KEY (rating_id) REFERENCES rating (id)
);
CREATE INDEX ix_rectification_department ON rectification (department, status, due_at);
CREATE INDEX ix_rectification_status ON rectification (status, due_at);
CREATE INDEX ix_rectification_rating ON rectification (rating_id);
