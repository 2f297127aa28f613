-- Accounts, sessions, one-time tokens, sign-in throttling, the audit log, and what the newsroom
-- needs on articles: revisions, who created them, and a queue of scheduled publications.

create table users (
    id                 bigint generated always as identity primary key,
    email              text not null check (email = lower(email) and email like '%_@_%'),
    email_confirmed_at timestamptz,
    password_hash      text not null,
    display_name       text not null default '' check (length(display_name) <= 120),
    role               text not null default 'reader' check (role in ('reader', 'contributor', 'editor', 'admin')),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create unique index users_email on users (email);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
create table sessions (
    id           text primary key,
    user_id      bigint not null references users (id) on delete cascade,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at   timestamptz not null
);
create index sessions_user on sessions (user_id);
create index sessions_expiry on sessions (expires_at);

-- Links sent by email: confirm an address, reset a password, move to a new address. Stored hashed, used once.
create table tokens (
    hash       text primary key,
    user_id    bigint not null references users (id) on delete cascade,
    purpose    text not null check (purpose in ('confirm_email', 'reset_password', 'change_email')),
    new_email  text,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index tokens_user on tokens (user_id, purpose);

-- Failed sign-ins, counted per account and per address to slow guessing.
create table sign_in_failures (
    key text not null,
    at  timestamptz not null default now()
);
create index sign_in_failures_key on sign_in_failures (key, at);

-- Who did what to which thing, and when. The actor's label survives the actor's account.
create table audit_log (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default now(),
    actor_id     bigint references users (id) on delete set null,
    actor_label  text not null,
    action       text not null,
    subject_type text not null,
    subject_id   bigint,
    detail       text not null default ''
);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_subject on audit_log (subject_type, subject_id, at desc);

alter table authors add column user_id bigint unique references users (id) on delete set null;
alter table articles add column created_by bigint references users (id) on delete set null;

-- Every save of an article keeps the whole article as it was saved.
create table article_revisions (
    id         bigint generated always as identity primary key,
    article_id bigint not null references articles (id) on delete cascade,
    version    int    not null,
    saved_by   bigint references users (id) on delete set null,
    saved_at   timestamptz not null default now(),
    snapshot   jsonb  not null,
    unique (article_id, version)
);

-- The publishing job looks here for scheduled articles whose time has come.
create index articles_scheduled on articles (published_at) where status = 'scheduled';
