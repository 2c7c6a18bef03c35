-- The application keeps what it needs of itself: the applicant's verified resident ID number (whose data it is,
-- for their record of data use and the certificates they hold), and the corrections a clerk asked for, stored
-- from the workflow's event instead of being parsed from the workflow's states.
ALTER TABLE application ADD COLUMN applicant_id_number VARCHAR(18) NULL;

CREATE TABLE application_correction (
    application_id  VARCHAR(36)   NOT NULL,
    step_id         VARCHAR(100)  NOT NULL,
    items           VARCHAR(4000) NOT NULL,
    reason          VARCHAR(2000) NULL,
    requested_at    TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_application_correction PRIMARY KEY (application_id, step_id),
    CONSTRAINT fk_application_correction_application FOREIGN KEY (application_id) REFERENCES application (id)
);

-- Corrections open before this version: the newest correction request of each step still waiting for the
-- applicant. The history kept them as {"items": [...]}; the application keeps the list itself.
INSERT INTO application_correction (application_id, step_id, items, reason, requested_at)
SELECT a.id, h.step_id, h.details, h.reason, h.at
FROM application a
JOIN workflow_task t ON t.instance_id = a.workflow_instance_id AND t.status = 'CORRECTION'
JOIN workflow_history h ON h.instance_id = a.workflow_instance_id AND h.step_id = t.step_id AND h.action = 'correct'
WHERE h.seq = (SELECT MAX(h2.seq) FROM workflow_history h2
               WHERE h2.instance_id = h.instance_id AND h2.step_id = h.step_id AND h2.action = 'correct');
UPDATE application_correction SET items = SUBSTRING(items, 10, CHAR_LENGTH(items) - 10) WHERE items LIKE '{"items":%';

CREATE INDEX ix_application_status ON application (applicant_subject, status, updated_at);
