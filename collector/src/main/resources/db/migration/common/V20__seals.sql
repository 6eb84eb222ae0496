-- One row per sealed day of a device: what its seal statement says and what the last
-- verification found, so status queries never re-hash daily files. The files beside the log
-- (.seal, .seal.p7s, .seal.tsr) are the evidence; these rows are an index of them and can be
-- rebuilt from the files at any time.
CREATE TABLE seals (
    device_id          VARCHAR(64)   NOT NULL,
    seal_day           DATE          NOT NULL,
    file_name          VARCHAR(64)   NOT NULL,
    file_size          BIGINT        NOT NULL,
    line_count         BIGINT        NOT NULL,
    file_sha256        CHAR(64)      NOT NULL,
    statement_sha256   CHAR(64)      NOT NULL,
    previous_day       DATE,
    sealed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    tsa_time           TIMESTAMP WITH TIME ZONE,
    tsa_label          VARCHAR(256)  NOT NULL,
    builtin_tsa        BOOLEAN       NOT NULL,
    signer_fingerprint CHAR(64)      NOT NULL,
    -- plain, gzip (compressed by the archive) or deleted (past retention; the row stays as record)
    storage            VARCHAR(16)   NOT NULL,
    verified_at        TIMESTAMP WITH TIME ZONE,
    verified_ok        BOOLEAN,
    verify_problem     VARCHAR(2000),
    PRIMARY KEY (device_id, seal_day)
);
CREATE INDEX seals_day ON seals (seal_day);
