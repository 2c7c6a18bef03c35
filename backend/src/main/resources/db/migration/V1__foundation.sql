-- Foundation schema. Portable across H2 (MySQL mode), MariaDB 10.11 and MySQL 8:
-- no engine clauses, no inline indexes, no vendor functions.
-- Tables read by libraries (Spring Session, Spring Modulith) keep the upper-case names those
-- libraries query, because MySQL/MariaDB table names are case-sensitive on Linux.

-- Departments of the portal (政府部门). Codes match the "department" attribute of the
-- identity provider's groups and appear in tokens.
CREATE TABLE department (
    code        VARCHAR(64)  NOT NULL,
    name_zh     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    sort_order  INT          NOT NULL,
    updated_at  TIMESTAMP(6) NULL,
    updated_by  VARCHAR(100) NULL,
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_department PRIMARY KEY (code)
);

INSERT INTO department (code, name_zh, name_en, sort_order) VALUES
    ('education', '教育局', 'Education Bureau', 10),
    ('health', '卫生健康委员会', 'Health Commission', 20),
    ('market-regulation', '市场监督管理局', 'Market Regulation Administration', 30),
    ('public-security', '公安局', 'Public Security Bureau', 40),
    ('tax', '税务局', 'Tax Bureau', 50),
    ('human-resources-social-security', '人力资源和社会保障局', 'Human Resources and Social Security Bureau', 60),
    ('medical-insurance', '医疗保障局', 'Healthcare Security Administration', 70);

-- HTTP sessions (Spring Session JDBC): any portal instance can serve any request.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         BIGINT       NOT NULL,
    LAST_ACCESS_TIME      BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL INT          NOT NULL,
    EXPIRY_TIME           BIGINT       NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    LONGBLOB     NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- Spring Modulith's event publication registry (schema v2): the outbox that makes
-- module-to-module events durable.
CREATE TABLE EVENT_PUBLICATION (
    ID                     ${uuid_type}  NOT NULL,
    LISTENER_ID            VARCHAR(512)  NOT NULL,
    EVENT_TYPE             VARCHAR(512)  NOT NULL,
    SERIALIZED_EVENT       VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE       TIMESTAMP(6)  NOT NULL,
    COMPLETION_DATE        TIMESTAMP(6)  NULL,
    STATUS                 VARCHAR(20),
    COMPLETION_ATTEMPTS    INT,
    LAST_RESUBMISSION_DATE TIMESTAMP(6)  NULL,
    CONSTRAINT PK_EVENT_PUBLICATION PRIMARY KEY (ID)
);
CREATE INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX ON EVENT_PUBLICATION (COMPLETION_DATE);
