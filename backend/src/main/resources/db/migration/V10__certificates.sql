-- E-certificates (电子证照). One row per certificate; at most one per application and type (the issue step may
-- run twice: a retry, two approvals at once). The data is the list of fields with their labels, as JSON text;
-- the signature is the compact JWS (ES256) over the canonical form of the certificate, made with key key_id.
-- Holders are found by kind and ID number (resident ID number or unified social credit code).
-- status is 'valid' or 'revoked': expiry is computed from valid_until when read.
CREATE TABLE certificate (
    number               VARCHAR(32)   NOT NULL,
    application_id       VARCHAR(36)   NOT NULL,
    application_number   VARCHAR(32)   NULL,
    type                 VARCHAR(100)  NOT NULL,
    type_name_zh         VARCHAR(200)  NOT NULL,
    type_name_en         VARCHAR(200)  NULL,
    issuer_department    VARCHAR(64)   NOT NULL,
    holder_kind          VARCHAR(20)   NOT NULL,
    holder_id            VARCHAR(32)   NOT NULL,
    holder_name          VARCHAR(200)  NOT NULL,
    holder_subject       VARCHAR(100)  NULL,
    data                 LONGTEXT      NOT NULL,
    issued_at            TIMESTAMP(6)  NOT NULL,
    valid_until          DATE          NULL,
    status               VARCHAR(20)   NOT NULL,
    revoked_at           TIMESTAMP(6)  NULL,
    revoked_by           VARCHAR(100)  NULL,
    revocation_reason    VARCHAR(500)  NULL,
    signature            LONGTEXT      NOT NULL,
    key_id               VARCHAR(64)   NOT NULL,
    -- the short JWS the QR code carries (number, type, issuer, issue date, hash of the signed content)
    verification_token   VARCHAR(1000) NOT NULL,
    -- how often issuing was asked for: 1 + the retries and concurrent calls that found it issued
    issue_requests       INT           NOT NULL,
    version              BIGINT        NOT NULL,
    CONSTRAINT pk_certificate PRIMARY KEY (number),
    CONSTRAINT uq_certificate_application_type UNIQUE (application_id, type)
);
CREATE INDEX ix_certificate_holder ON certificate (holder_kind, holder_id, issued_at);
CREATE INDEX ix_certificate_issuer ON certificate (issuer_department, issued_at);

-- The PDF of a certificate, made at its first download and kept, so every later download (and a verification
-- of a copy) compares against the same bytes.
CREATE TABLE certificate_pdf (
    number      VARCHAR(32)   NOT NULL,
    content     LONGBLOB      NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_certificate_pdf PRIMARY KEY (number),
    CONSTRAINT fk_certificate_pdf_certificate FOREIGN KEY (number) REFERENCES certificate (number)
);
CREATE INDEX ix_certificate_pdf_sha256 ON certificate_pdf (sha256);

-- Every public key that has ever signed certificates (as a public JWK), registered by each portal node at
-- start-up: certificates signed with a key stay verifiable after its private half has left the keys file.
CREATE TABLE certificate_key (
    key_id      VARCHAR(64)   NOT NULL,
    public_jwk  VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_certificate_key PRIMARY KEY (key_id)
);
