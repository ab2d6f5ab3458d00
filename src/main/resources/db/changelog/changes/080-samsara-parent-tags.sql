--liquibase formatted sql

--changeset rigsync:080-samsara-parent-tags
-- Tags chosen with everything under them (Samsara's parentTagIds): a department organised as "Fire" with a child
-- tag per station chooses "Fire" once, and a station added later is included. tag_ids keeps the tags chosen alone.
ALTER TABLE samsara_connection ADD COLUMN parent_tag_ids VARCHAR(2000) NULL;
