-- Registered devices. id is derived from the MAC ("mac-001a2b3c4d5e") and names the device's
-- folder of daily files, so it never changes; a retired device keeps its row (retired_at set).
CREATE TABLE devices (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    mac           CHAR(17)     NOT NULL,
    name          VARCHAR(128) NOT NULL,
    location      VARCHAR(256) NOT NULL,
    device_type   VARCHAR(64)  NOT NULL,
    static_ip     VARCHAR(45),
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT devices_mac UNIQUE (mac)
);

-- Senders whose messages were not attributed to a registered device: first/last seen and count,
-- flushed from memory every few seconds (the hot path only counts in memory).
CREATE TABLE unknown_senders (
    address       VARCHAR(45)  NOT NULL PRIMARY KEY,
    device_id     VARCHAR(64)  NOT NULL,
    first_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    message_count BIGINT       NOT NULL
);
