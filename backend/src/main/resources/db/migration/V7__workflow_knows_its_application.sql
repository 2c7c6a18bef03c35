-- A workflow instance knows the application it runs for: its id, its number (办件编号) and the applicant's name,
-- given at start. Every event carries them (no listener has to ask), and the clerks' queue is filtered, searched
-- and paged in SQL over the workflow's own tables.
ALTER TABLE workflow_instance ADD COLUMN application_id VARCHAR(36) NULL;
ALTER TABLE workflow_instance ADD COLUMN reference VARCHAR(32) NULL;
ALTER TABLE workflow_instance ADD COLUMN applicant_name VARCHAR(200) NULL;
UPDATE workflow_instance SET
    application_id = (SELECT a.id FROM application a WHERE a.workflow_instance_id = workflow_instance.id),
    reference = (SELECT a.number FROM application a WHERE a.workflow_instance_id = workflow_instance.id),
    applicant_name = (SELECT a.applicant_name FROM application a WHERE a.workflow_instance_id = workflow_instance.id);
CREATE INDEX ix_workflow_instance_application ON workflow_instance (application_id);
