-- One reader, at most one live Stripe subscription.
-- The Checkout Session a reader has open: a second tab is sent to the same page instead of opening
-- another (which could be paid for as well). A row without a url is being opened right now; it
-- lapses at expires_at (a minute, longer than the Stripe client's timeouts) should its node die.
create table stripe_checkouts (
    user_id    bigint primary key references users (id) on delete cascade,
    session_id text,
    url        text,
    opened_at  timestamptz not null default now(),
    expires_at timestamptz not null
);

-- When the Stripe subscription a row follows was created at Stripe: of two live subscriptions of one
-- reader, the newer is the duplicate.
alter table subscriptions add column stripe_subscription_created timestamptz;

-- A second live subscription Stripe reported for a reader who has one: cancelled at Stripe at once and
-- its payments refunded in full, then shown to admins on the subscriptions desk.
create table stripe_duplicates (
    id                     bigint generated always as identity primary key,
    user_id                bigint references users (id) on delete set null,
    email                  text not null,
    stripe_subscription_id text not null unique,
    kept_subscription_id   text not null,
    state                  text not null default 'found' check (state in ('found', 'settled', 'failed')),
    refunded_cents         bigint not null default 0,
    currency               text,
    detail                 text not null default '',
    found_at               timestamptz not null default now(),
    settled_at             timestamptz
);
create index stripe_duplicates_found on stripe_duplicates (found_at desc);
