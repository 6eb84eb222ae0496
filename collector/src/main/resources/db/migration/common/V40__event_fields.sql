-- The normalised fields vendor dialects extract (src_ip, dst_port, nat_src_ip, mac, user,
-- action, protocol, bytes, event, ...; see org.logmaster.collector.parse.Field), one row per
-- field of an event, for searches such as "srcip=10.0.0.5 action=deny".
--
-- Why a key/value table and not typed columns on events:
--  * most events have no fields, and a firewall event has five to ten of the twenty: rows
--    cost only what is there, and a field added to the vocabulary needs no migration;
--  * one index, (field_name, field_value, event_id), serves every field. Typed columns would
--    need an index per searchable column on the hot insert path of events.
--  * the search is "events.id IN (SELECT event_id FROM event_fields WHERE field_name = ? AND
--    field_value = ?)": H2 evaluates the subquery once on this index and looks the events up by
--    primary key (it uses an index for IN (subquery) on a single indexed column, not for a
--    correlated EXISTS); PostgreSQL turns it into a semi-join on the same index. Both stay fast
--    for selective values (an address, a MAC, a user) over any time range.
-- Keyed by the event's id (read back after the insert, in the same transaction). No foreign
-- key: its per-row check made inserting fields into PostgreSQL some 40 % slower. Rows whose
-- event is gone are never found (searches start from events.id, and ids are never reused),
-- so whoever deletes events should delete their fields too (event_id below the oldest id kept)
-- only to free the space.
CREATE TABLE event_fields (
    event_id    BIGINT       NOT NULL,
    field_name  VARCHAR(32)  NOT NULL,
    field_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (event_id, field_name)
);
CREATE INDEX event_fields_value ON event_fields (field_name, field_value, event_id);
