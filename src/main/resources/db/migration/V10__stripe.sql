-- Payments through Stripe. A subscription row follows one Stripe subscription; webhook events may
-- arrive twice and in any order, so each event id is kept once it has been handled (a replay changes
-- nothing) and each row remembers the creation time of the newest Stripe snapshot applied to it
-- (an older event that arrives late changes nothing).

-- 'incomplete': checkout finished but Stripe has not yet told us the subscription's period.
alter table subscriptions drop constraint subscriptions_status_check;
alter table subscriptions add constraint subscriptions_status_check
    check (status in ('active', 'past_due', 'canceled', 'revoked', 'incomplete'));

alter table subscriptions add column stripe_event_at timestamptz;
create index subscriptions_stripe_customer on subscriptions (stripe_customer_id) where stripe_customer_id is not null;

create table stripe_events (
    id          text primary key,
    type        text not null,
    created_at  timestamptz not null,
    received_at timestamptz not null default now()
);
