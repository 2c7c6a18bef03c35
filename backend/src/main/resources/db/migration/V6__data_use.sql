-- The record of every use of a person's or an enterprise's data (我的数据使用记录): besides the application
-- and the official, whose data it was (the person's resident ID number, or "subject:<id>" for someone without
-- one; the enterprise's unified social credit code), what kind of use, which dataset, and the application's
-- number as the person knows it. Nothing is ever updated or deleted here by the portal.
ALTER TABLE personal_data_access ADD COLUMN owner_person VARCHAR(120) NULL;
ALTER TABLE personal_data_access ADD COLUMN owner_enterprise VARCHAR(18) NULL;
ALTER TABLE personal_data_access ADD COLUMN application_number VARCHAR(32) NULL;
ALTER TABLE personal_data_access ADD COLUMN kind VARCHAR(40) NULL;
ALTER TABLE personal_data_access ADD COLUMN dataset VARCHAR(100) NULL;
ALTER TABLE personal_data_access MODIFY application_id VARCHAR(36) NULL;
UPDATE personal_data_access SET kind = 'task-opened' WHERE kind IS NULL;
CREATE INDEX ix_personal_data_access_person ON personal_data_access (owner_person, at);
CREATE INDEX ix_personal_data_access_enterprise ON personal_data_access (owner_enterprise, at);
