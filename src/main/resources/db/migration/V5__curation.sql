-- Curation in the newsroom: fronts, authors, topics, sections, people and the audit log.

-- One row per front that an editor has changed: every change to a front first locks this row,
-- so writers of the same front take turns (front_items rows cannot serve as the lock: an empty
-- front has none, and a rewrite deletes the rows a waiting writer had found). The version lets
-- a page that posts a whole new order notice that someone else changed the front meanwhile.
create table front_versions (
    front   text primary key,
    version int  not null default 0
);

-- Optimistic locking for the newsroom's edit forms: a save names the version it was read at.
alter table sections add column version int not null default 1;
alter table authors  add column version int not null default 1;
alter table topics   add column version int not null default 1;

-- The audit log is read newest first, filtered by action or by who did it.
create index audit_log_action on audit_log (action, at desc, id desc);
create index audit_log_actor on audit_log (actor_id, at desc, id desc);
