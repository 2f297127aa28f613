-- The paywall: who may read each article, the meter of signed-in readers, and gift links.

-- free: everyone; registered: any signed-in reader; subscribers: subscribers (and the meter, and gift links).
alter table articles add column access text not null default 'free'
    check (access in ('free', 'registered', 'subscribers'));

-- Subscriber articles a signed-in non-subscriber has read on the meter. One row per reader and
-- article, so reading an article again never counts twice; read_at moves on when a read older
-- than the meter's window is read again (it then counts again).
create table paywall_reads (
    user_id    bigint not null references users (id) on delete cascade,
    article_id bigint not null references articles (id) on delete cascade,
    read_at    timestamptz not null default now(),
    primary key (user_id, article_id)
);
create index paywall_reads_recent on paywall_reads (user_id, read_at);

-- A subscriber's gift of one article: whoever holds the link reads it until it expires. Only the
-- token's SHA-256 is kept; the giver sees the link once (and again when the same form is resent).
create table gift_links (
    id         bigint generated always as identity primary key,
    token_hash text not null unique,
    article_id bigint not null references articles (id) on delete cascade,
    giver_id   bigint not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    check (expires_at > created_at)
);
create index gift_links_giver on gift_links (giver_id, created_at);

-- The settings paywall_meter (free subscriber articles per 30 days, default 3) and
-- paywall_gifts_per_month (default 10) are rows in settings once an editor saves them.
