-- Admin API (issue 14): staff tokens. Each belongs to one person and acts with that person's role as it
-- is at the time of each call (a person demoted or removed takes their tokens' powers with them).
-- Only the SHA-256 of a token is stored; the token itself is shown once, when it is made.
create table staff_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references users (id) on delete cascade,
    name         text not null check (length(name) between 1 and 80),
    hash         text not null unique check (length(hash) = 64),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index staff_tokens_user on staff_tokens (user_id);
