-- Former ids of registered devices. A sender that was unknown has its messages filed under its
-- address-derived id ("ip-192-0-2-7"); when it is assigned to a registered device, those daily
-- files stay where they are (they are the legal record, possibly sealed already) and a row here
-- says that the rows of alias_id that arrived before assigned_at (and at or after the previous
-- assignment of the same alias_id, if any) belong to device_id. Searches by device include them.
CREATE TABLE device_aliases (
    alias_id    VARCHAR(64)  NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    device_id   VARCHAR(64)  NOT NULL,
    sender      VARCHAR(45)  NOT NULL,
    PRIMARY KEY (alias_id, assigned_at)
);
CREATE INDEX device_aliases_device ON device_aliases (device_id);
