-- The directory of officials (clerks, department admins, platform admins) who have signed in at least
-- once, so that pages can show a person's name instead of the identity provider's subject and department
-- admins can choose whom to reassign a task to. Written from the identity provider's claims at sign-in and
-- on API calls with a bearer token, updated when the claims change. Citizens are not recorded here: their
-- names already travel with their applications, and a directory of citizens would be personal data
-- nobody needs.

CREATE TABLE person (
    subject        VARCHAR(100)  NOT NULL,
    username       VARCHAR(200)  NULL,
    display_name   VARCHAR(200)  NOT NULL,
    email          VARCHAR(200)  NULL,
    roles          VARCHAR(200)  NOT NULL,
    first_seen_at  TIMESTAMP(6)  NOT NULL,
    updated_at     TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_person PRIMARY KEY (subject)
);

CREATE TABLE person_department (
    subject     VARCHAR(100)  NOT NULL,
    department  VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_person_department PRIMARY KEY (subject, department)
);
CREATE INDEX ix_person_department_department ON person_department (department, subject);
