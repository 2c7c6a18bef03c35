-- Departments' own roles (岗位角色) and who holds them; applicant steps, escalation moves, limits in hours and named
-- end states in the workflow engine.

-- The government services administration runs the 12345 hotline: citizens' complaints and requests (诉求) are
-- dispatched from there to the officials who resolve them.
INSERT INTO department (code, name_zh, name_en, sort_order) VALUES
    ('government-services', '政务服务管理局', 'Government Services Administration', 80);

-- A role a department defines for itself, besides clerk and dept-admin which every department has: e.g. 派单员
-- (dispatcher), 承办人 (field officer), 督办负责人 (supervisor). Workflow definitions name them in a step's role.
CREATE TABLE department_role (
    department  VARCHAR(64)   NOT NULL,
    code        VARCHAR(64)   NOT NULL,
    name_zh     VARCHAR(100)  NOT NULL,
    name_en     VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_department_role PRIMARY KEY (department, code),
    CONSTRAINT fk_department_role_department FOREIGN KEY (department) REFERENCES department (code)
);

-- Who holds a department's role, granted by its department admin in the portal (the identity provider's
-- department_roles claim grants roles too; both count).
CREATE TABLE department_role_holder (
    department  VARCHAR(64)   NOT NULL,
    role        VARCHAR(64)   NOT NULL,
    subject     VARCHAR(100)  NOT NULL,
    granted_at  TIMESTAMP(6)  NOT NULL,
    granted_by  VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_department_role_holder PRIMARY KEY (department, role, subject),
    CONSTRAINT fk_department_role_holder_role FOREIGN KEY (department, role) REFERENCES department_role (department, code)
);
CREATE INDEX ix_department_role_holder_subject ON department_role_holder (subject);

-- The hotline's officials who resolve complaints and their supervisors; its admin defines more (e.g. 派单员).
INSERT INTO department_role (department, code, name_zh, name_en, created_at, created_by) VALUES
    ('government-services', 'field-officer', '承办人', 'Field officer', CURRENT_TIMESTAMP, 'system'),
    ('government-services', 'supervisor', '督办负责人', 'Supervisor', CURRENT_TIMESTAMP, 'system');

-- The person directory records the department roles of an official's latest sign-in (department:role).
ALTER TABLE person ADD COLUMN department_roles VARCHAR(1000) NULL;

-- A task's role may be a department's own role; applicant steps wait under the role ~applicant.
ALTER TABLE workflow_task MODIFY role VARCHAR(64) NOT NULL;
-- A paused limit in hours keeps its remaining minutes.
ALTER TABLE workflow_task ADD COLUMN remaining_minutes INT NULL;
-- The named end state (办结状态) an application reached, when its definition names them.
ALTER TABLE workflow_instance ADD COLUMN end_state VARCHAR(100) NULL;
