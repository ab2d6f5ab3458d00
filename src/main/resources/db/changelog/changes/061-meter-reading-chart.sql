--liquibase formatted sql

--changeset rigsync:061-meter-reading-chart-index
-- The apparatus page's meter chart groups a range of one apparatus' readings into time buckets: this index holds every
-- column that query reads, so it never visits the table's rows (which lie scattered among every other apparatus'
-- readings, in the order the syncs wrote them).
CREATE INDEX ix_meter_reading_chart ON meter_reading (apparatus_id, kind, read_at, meter_value, flag);
--rollback DROP INDEX ix_meter_reading_chart ON meter_reading;
