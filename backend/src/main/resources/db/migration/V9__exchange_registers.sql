-- The departments' registers behind the data catalogue (workflows/catalogue/data-catalogue.yaml), kept by the
-- exchange module: only it reads or writes these tables, every read for an application is recorded in the person's
-- data-use record. In a city these would be the departments' own systems; here they are tables a department system
-- fills through the exchange API, seeded with demo records that match the demo accounts.

-- 公安 · 户籍: households and their members
CREATE TABLE ex_household (
    household_number  VARCHAR(30)   NOT NULL,
    address           VARCHAR(200)  NOT NULL,
    head_name         VARCHAR(50)   NOT NULL,
    head_id_number    VARCHAR(18)   NULL,
    registered_on     DATE          NULL,
    updated_at        TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_ex_household PRIMARY KEY (household_number)
);

CREATE TABLE ex_household_member (
    id_number             VARCHAR(18)   NOT NULL,
    household_number      VARCHAR(30)   NOT NULL,
    name                  VARCHAR(50)   NOT NULL,
    gender                VARCHAR(10)   NOT NULL,
    birth_date            DATE          NOT NULL,
    ethnicity             VARCHAR(20)   NULL,
    relationship_to_head  VARCHAR(40)   NULL,
    registered_on         DATE          NULL,
    recorded_by           VARCHAR(100)  NULL,
    updated_at            TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_ex_household_member PRIMARY KEY (id_number),
    CONSTRAINT fk_ex_household_member_household FOREIGN KEY (household_number) REFERENCES ex_household (household_number)
);
CREATE INDEX ix_ex_household_member_household ON ex_household_member (household_number);

-- 市场监管 · 企业登记
CREATE TABLE ex_business_registration (
    uscc                   VARCHAR(18)    NOT NULL,
    name                   VARCHAR(200)   NOT NULL,
    entity_type            VARCHAR(100)   NULL,
    legal_representative   VARCHAR(50)    NOT NULL,
    registered_address     VARCHAR(200)   NOT NULL,
    registered_capital     DECIMAL(18,2)  NULL,
    business_scope         VARCHAR(2000)  NULL,
    established_on         DATE           NULL,
    status                 VARCHAR(20)    NULL,
    updated_at             TIMESTAMP(6)   NOT NULL,
    CONSTRAINT pk_ex_business_registration PRIMARY KEY (uscc)
);

-- 医保 · 参保登记
CREATE TABLE ex_medical_insurance (
    id_number    VARCHAR(18)   NOT NULL,
    name         VARCHAR(50)   NOT NULL,
    scheme       VARCHAR(100)  NULL,
    enrolled_on  DATE          NULL,
    status       VARCHAR(20)   NULL,
    recorded_by  VARCHAR(100)  NULL,
    updated_at   TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_ex_medical_insurance PRIMARY KEY (id_number)
);

-- 人社 · 就业和社会保险
CREATE TABLE ex_social_insurance (
    id_number                   VARCHAR(18)   NOT NULL,
    name                        VARCHAR(50)   NOT NULL,
    last_employer_name          VARCHAR(200)  NULL,
    last_employer_uscc          VARCHAR(18)   NULL,
    employment_end_date         DATE          NULL,
    separation_reason           VARCHAR(60)   NULL,
    contribution_years          DECIMAL(5,1)  NULL,
    unemployment_registered_on  DATE          NULL,
    bank_name                   VARCHAR(100)  NULL,
    bank_account_number         VARCHAR(30)   NULL,
    updated_at                  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_ex_social_insurance PRIMARY KEY (id_number)
);

-- 卫健 · 预防接种
CREATE TABLE ex_vaccination (
    id_number           VARCHAR(18)   NOT NULL,
    name                VARCHAR(50)   NOT NULL,
    certificate_number  VARCHAR(30)   NOT NULL,
    complete            BOOLEAN       NULL,
    last_dose_on        DATE          NULL,
    updated_at          TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_ex_vaccination PRIMARY KEY (id_number)
);

-- What an application read or wrote through the exchange: the record as it was (provenance for the clerk and the
-- applicant), from which department, for which department and purpose, and when.
CREATE TABLE exchange_binding (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    application_id  VARCHAR(36)   NOT NULL,
    dataset         VARCHAR(100)  NOT NULL,
    record_key      VARCHAR(100)  NULL,
    origin          VARCHAR(10)   NOT NULL,
    department      VARCHAR(64)   NOT NULL,
    purpose         VARCHAR(500)  NULL,
    snapshot        LONGTEXT      NOT NULL,
    record_date     TIMESTAMP(6)  NULL,
    bound_at        TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_exchange_binding PRIMARY KEY (id)
);
CREATE INDEX ix_exchange_binding_application ON exchange_binding (application_id, dataset);

-- The applicant's decision about each dataset a service reads: granted (with the record chosen), declined
-- (they type and upload instead) or disputed (the record is wrong: they upload, and the clerk sees why).
CREATE TABLE application_source (
    application_id  VARCHAR(36)   NOT NULL,
    dataset         VARCHAR(100)  NOT NULL,
    decision        VARCHAR(10)   NOT NULL,
    record_key      VARCHAR(100)  NULL,
    reason          VARCHAR(500)  NULL,
    decided_at      TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_application_source PRIMARY KEY (application_id, dataset),
    CONSTRAINT fk_application_source_application FOREIGN KEY (application_id) REFERENCES application (id)
);
