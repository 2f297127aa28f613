-- Newsletters: who receives each one, the issues editors write, and the outbox that sends them
-- exactly once per recipient even across crashes and several app nodes.

-- One address on one newsletter's list. 'pending' until the address is confirmed by the emailed
-- link (double opt-in); 'unsubscribed' rows are kept so a later sign-up starts again from pending.
create table newsletter_subscribers (
    id              bigint generated always as identity primary key,
    newsletter_id   bigint not null references newsletters (id) on delete cascade,
    email           text   not null check (email = lower(email) and email like '%_@_%' and length(email) <= 254),
    user_id         bigint references users (id) on delete set null,
    status          text   not null default 'pending' check (status in ('pending', 'active', 'unsubscribed')),
    created_at      timestamptz not null default now(),
    confirmed_at    timestamptz,
    updated_at      timestamptz not null default now(),
    unique (newsletter_id, email)
);
create index newsletter_subscribers_active on newsletter_subscribers (newsletter_id, id) where status = 'active';
create index newsletter_subscribers_email on newsletter_subscribers (email);

-- Confirmation links (double opt-in), one per mail sent: stored hashed, used once, expiring.
-- Opening one confirms every pending sign-up of that address.
create table newsletter_confirmations (
    hash       text primary key,
    email      text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index newsletter_confirmations_email on newsletter_confirmations (email, created_at desc);

-- An issue: written in the newsroom, then scheduled or sent; 'sending' while its outbox drains.
create table newsletter_issues (
    id            bigint generated always as identity primary key,
    newsletter_id bigint not null references newsletters (id) on delete cascade,
    subject       text   not null check (length(subject) between 1 and 200),
    intro         text   not null default '' check (length(intro) <= 20000), -- CommonMark
    status        text   not null default 'draft' check (status in ('draft', 'scheduled', 'sending', 'sent')),
    send_at       timestamptz,
    started_at    timestamptz,
    sent_at       timestamptz,
    created_by    bigint references users (id) on delete set null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       int not null default 1,
    check (status <> 'scheduled' or send_at is not null)
);
create index newsletter_issues_archive on newsletter_issues (newsletter_id, sent_at desc) where status = 'sent';
create index newsletter_issues_due on newsletter_issues (send_at) where status = 'scheduled';

create table newsletter_issue_articles (
    issue_id   bigint not null references newsletter_issues (id) on delete cascade,
    article_id bigint not null references articles (id) on delete cascade,
    position   int    not null,
    primary key (issue_id, article_id)
);

-- One row per (issue, recipient), all written in the transaction that starts the send.
-- pending -> sending (claimed, with a Message-ID, committed before SMTP) -> sent | failed;
-- suppressed when the address is on the suppression list or left the list before its turn.
create table newsletter_outbox (
    id            bigint generated always as identity primary key,
    issue_id      bigint not null references newsletter_issues (id) on delete cascade,
    subscriber_id bigint references newsletter_subscribers (id) on delete set null,
    email         text   not null,
    state         text   not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed', 'suppressed')),
    attempts      int    not null default 0,
    message_id    text unique,
    claimed_at    timestamptz,
    sent_at       timestamptz,
    error         text,
    unique (issue_id, email)
);
create index newsletter_outbox_todo on newsletter_outbox (id) where state in ('pending', 'sending');
create index newsletter_outbox_issue on newsletter_outbox (issue_id, state);

-- Addresses that bounced or complained (fed back by command or endpoint): never mailed again.
create table mail_suppressions (
    email      text primary key check (email = lower(email)),
    reason     text not null check (reason in ('bounce', 'complaint', 'manual')),
    detail     text not null default '',
    created_at timestamptz not null default now()
);
