-- Plans a reader can subscribe to, and each reader's subscription. A subscription gives access
-- while its status is active (or past_due, Stripe's grace while a renewal is retried) and its
-- period has not ended; it lapses on its own at current_period_end.

create table plans (
    id             bigint generated always as identity primary key,
    slug           text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name           text not null check (length(name) between 1 and 120),
    interval       text not null check (interval in ('month', 'year')),
    price_cents    int  not null check (price_cents >= 0),
    currency       text not null default 'usd' check (currency ~ '^[a-z]{3}$'),
    stripe_price_id text unique,
    active         boolean not null default true
);

create table subscriptions (
    id                   bigint generated always as identity primary key,
    user_id              bigint not null unique references users (id) on delete cascade,
    plan_id              bigint references plans (id),
    status               text not null check (status in ('active', 'past_due', 'canceled', 'revoked')),
    current_period_end   timestamptz not null,
    cancel_at_period_end boolean not null default false,
    source               text not null default 'manual' check (source in ('manual', 'stripe')),
    stripe_customer_id   text,
    stripe_subscription_id text unique,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              int not null default 1
);
create index subscriptions_period on subscriptions (current_period_end) where status in ('active', 'past_due');
