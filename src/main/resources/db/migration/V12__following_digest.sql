-- The opt-in daily "Following" digest: one row per reader who asked for it.
create table following_digests (
    user_id       bigint primary key references users (id) on delete cascade,
    -- articles published after this time go into the next digest
    sent_through  timestamptz not null default now(),
    next_due_at   timestamptz not null,
    -- a node that is sending this digest holds it until then (so a crashed node's work is picked up again)
    claimed_until timestamptz,
    -- the capability in every digest's unsubscribe link; random, not derived from anything
    unsubscribe_token text not null unique,
    created_at    timestamptz not null default now()
);
create index following_digests_due on following_digests (next_due_at);
