-- Who published a definition version in which capacity: "system" (a file shipped in the jar seeded the
-- service), "dept-admin" (the owning department's admin) or "admin" (the platform admin, e.g. moving a
-- service to another department); and why, when the platform admin moved it.
ALTER TABLE workflow_definition ADD COLUMN published_as VARCHAR(20) NULL;
ALTER TABLE workflow_definition ADD COLUMN note VARCHAR(500) NULL;
UPDATE workflow_definition SET published_as = CASE WHEN published_by = 'system' THEN 'system' ELSE 'dept-admin' END;
