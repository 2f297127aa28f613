-- Wire stories (IPTC ninjs) imported as drafts: one row per agency item, keyed by the agency's own id
-- (its ninjs "uri", or "guid"), so that a later version of the same item updates its draft instead of
-- making another. article_version is the draft's version as the import last wrote it: a different
-- version means an editor has changed the draft since, and the import then leaves it alone and keeps
-- the newer agency version in held_version for the desk to see.
create table wire_items (
    agency_id       text primary key check (length(agency_id) between 1 and 1000),
    article_id      bigint not null unique references articles (id) on delete cascade,
    wire_version    text not null default '',
    article_version int not null,
    held_version    text,
    held_reason     text,
    pubstatus       text not null default 'usable' check (pubstatus in ('usable', 'withheld', 'canceled')),
    first_imported  timestamptz not null default now(),
    last_imported   timestamptz not null default now()
);
