-- Stripe's events in Stripe's order, whatever order they arrive in. Each subscription row remembers
-- where the last event applied to it stands in that order (see subscriptions/EventOrder): the event's
-- creation second, then the subscription's own state (ended, period end, stage, cancelling), then the
-- event id, written so that comparing the text compares the order. An event that stands earlier than
-- the one remembered changes nothing. Rows from before this migration have none; their
-- stripe_event_at still orders them by the second.
alter table subscriptions add column stripe_event_order text;
