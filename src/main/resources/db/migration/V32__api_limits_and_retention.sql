-- Issue 14, second round.
-- 1. The Content API's per-key rate limit, counted in PostgreSQL so that it holds across every node:
--    one row per key and minute (the database's clock), raised by an upsert on every request. Unlogged:
--    no WAL for a counter that only matters for a minute (a crash empties it, which only forgives a minute).
create unlogged table api_rate_windows (
    key_id   bigint  not null,
    minute   bigint  not null,  -- minutes since the epoch, by the database's clock
    requests integer not null,
    primary key (key_id, minute)
);

-- 2. Retention. The changes feed keeps rows for a while (contentapi.ApiHousekeeping); this remembers the
--    last sequence number pruned, so a cursor from before it is told to re-sync rather than silently
--    missing changes.
create table api_changes_horizon (
    only_row       boolean primary key default true check (only_row),
    pruned_through bigint  not null default 0
);
insert into api_changes_horizon default values;
create index api_changes_changed_at on api_changes (changed_at);

-- webhook events are pruned by age with their deliveries (on delete cascade), long after the day of retries
-- (webhooks.WebhookHousekeeping)
create index webhook_events_created on webhook_events (created_at);
