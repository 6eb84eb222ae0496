-- Attribution records ("who had this IP at that time?", see org.logmaster.collector.attribution),
-- built from indexed events by the attribution feed and kept here so that they survive restarts.
-- Every record's interval is [start_time, end_time), end_time null while no end was observed.
CREATE SEQUENCE attribution_ids START WITH 1;

CREATE TABLE attribution_leases (
    id          BIGINT       NOT NULL PRIMARY KEY,
    ip          VARCHAR(45)  NOT NULL,
    mac         VARCHAR(17)  NOT NULL,
    client_host VARCHAR(255),
    server      VARCHAR(64)  NOT NULL,
    start_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time    TIMESTAMP WITH TIME ZONE,
    end_reason  VARCHAR(32)  NOT NULL
);
CREATE INDEX attribution_leases_ip ON attribution_leases (ip, start_time);

CREATE TABLE attribution_translations (
    id                BIGINT       NOT NULL PRIMARY KEY,
    device_id         VARCHAR(64)  NOT NULL,
    session_key       VARCHAR(255) NOT NULL,
    protocol          VARCHAR(16),
    inside_ip         VARCHAR(45)  NOT NULL,
    inside_port       INTEGER,
    outside_ip        VARCHAR(45)  NOT NULL,
    outside_port_low  INTEGER      NOT NULL,
    outside_port_high INTEGER      NOT NULL,
    user_name         VARCHAR(255),
    start_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    start_bound       VARCHAR(16)  NOT NULL,
    end_time          TIMESTAMP WITH TIME ZONE,
    end_bound         VARCHAR(16)  NOT NULL
);
CREATE INDEX attribution_translations_outside ON attribution_translations (outside_ip, start_time);
CREATE INDEX attribution_translations_session ON attribution_translations (device_id, session_key);

CREATE TABLE attribution_associations (
    id         BIGINT       NOT NULL PRIMARY KEY,
    mac        VARCHAR(17)  NOT NULL,
    device_id  VARCHAR(64)  NOT NULL,
    iface      VARCHAR(64),
    user_name  VARCHAR(255),
    start_time TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX attribution_associations_mac ON attribution_associations (mac, start_time);
CREATE INDEX attribution_associations_open ON attribution_associations (device_id, mac);

-- Operator registrations other than the device registry's static addresses (which are read
-- from the devices table directly): DHCP reservations, configured server addresses.
CREATE TABLE attribution_statics (
    id         BIGINT       NOT NULL PRIMARY KEY,
    ip         VARCHAR(45)  NOT NULL,
    mac        VARCHAR(17)  NOT NULL,
    label      VARCHAR(128),
    valid_from TIMESTAMP WITH TIME ZONE,
    valid_until TIMESTAMP WITH TIME ZONE,
    source     VARCHAR(128) NOT NULL
);
CREATE INDEX attribution_statics_ip ON attribution_statics (ip);

-- The events that prove a record, in the order recorded (record_id is a lease, translation or
-- association id; ids come from one sequence). A line of the legal record: device, file day, offset.
CREATE TABLE attribution_evidence (
    record_id     BIGINT       NOT NULL,
    seq           INTEGER      NOT NULL,
    device_id     VARCHAR(64)  NOT NULL,
    file_day      DATE         NOT NULL,
    file_offset   BIGINT       NOT NULL,
    evidence_time TIMESTAMP WITH TIME ZONE NOT NULL,
    what          VARCHAR(64)  NOT NULL,
    PRIMARY KEY (record_id, seq)
);

-- How far the feed has turned indexed events into records: the last events.id it handled,
-- updated in the same transaction as the records, so a restart neither skips nor repeats one.
CREATE TABLE attribution_progress (
    feed          VARCHAR(32) NOT NULL PRIMARY KEY,
    last_event_id BIGINT      NOT NULL
);
