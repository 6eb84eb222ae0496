-- The append-only, hash-chained audit trail. seq is assigned by the appender (last seq + 1), so
-- the primary key also stops two writers from extending the chain from the same entry.
-- hash = SHA-256(canonical encoding of the entry including prev_hash), hex; see AuditHash.
CREATE TABLE audit_log (
    seq            BIGINT        NOT NULL PRIMARY KEY,
    event_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    username       VARCHAR(64),
    remote_address VARCHAR(128),
    action         VARCHAR(128)  NOT NULL,
    target         VARCHAR(256),
    outcome        VARCHAR(32)   NOT NULL,
    details        VARCHAR(4000),
    prev_hash      CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (event_time);
