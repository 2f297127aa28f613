-- Readers' comments under articles, their likes and reports, replies announced to the reader
-- replied to, and what moderation needs: a mode per article, bans, and a review queue.

-- open: comments appear at once; premoderated: each waits for an editor; closed: none taken.
alter table articles add column comment_mode text not null default 'open'
    check (comment_mode in ('open', 'premoderated', 'closed'));
-- null: the site setting decides; true/false: this article overrides it.
alter table articles add column comments_subscribers_only boolean;

create table comments (
    id           bigint generated always as identity primary key,
    article_id   bigint not null references articles (id) on delete cascade,
    user_id      bigint references users (id) on delete set null,
    author_name  text   not null check (length(author_name) between 1 and 120),
    -- the top-level comment of the thread (null for a top-level one) and the comment answered
    root_id      bigint references comments (id) on delete cascade,
    reply_to_id  bigint references comments (id) on delete cascade,
    body         text   not null check (length(body) <= 5000),
    body_html    text   not null,
    status       text   not null check (status in ('visible', 'pending', 'rejected', 'deleted')),
    -- why it was held (premoderation, words, links, new_account, reports) or what the moderator said
    hold_reason  text,
    moderation_note text not null default '',
    -- true while an editor should look at it: held, or reported and not yet reviewed
    needs_review boolean not null default false,
    like_count   int    not null default 0 check (like_count >= 0),
    report_count int    not null default 0 check (report_count >= 0),
    created_at   timestamptz not null default now(),
    edited_at    timestamptz,
    version      int    not null default 1,
    check ((root_id is null) = (reply_to_id is null))
);
create index comments_article on comments (article_id, created_at desc, id desc) where status in ('visible', 'deleted');
create index comments_root on comments (root_id, created_at, id) where root_id is not null;
create index comments_user on comments (user_id, created_at desc);
-- the moderation queue, newest first, with and without an article filter
create index comments_queue on comments (created_at desc, id desc) where needs_review;
create index comments_queue_article on comments (article_id, created_at desc, id desc) where needs_review;

create table comment_likes (
    comment_id bigint not null references comments (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (comment_id, user_id)
);
create index comment_likes_user on comment_likes (user_id);

create table comment_reports (
    comment_id bigint not null references comments (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    reason     text   not null check (reason in ('spam', 'abuse', 'off_topic', 'misinformation', 'other')),
    detail     text   not null default '' check (length(detail) <= 500),
    created_at timestamptz not null default now(),
    primary key (comment_id, user_id)
);
create index comment_reports_user on comment_reports (user_id);

-- A reader's commenting settings and standing.
create table commenters (
    user_id        bigint primary key references users (id) on delete cascade,
    email_replies  boolean not null default false,
    banned_at      timestamptz,
    ban_reason     text not null default ''
);

-- "Someone replied to you", shown in the reader's account area.
create table comment_notifications (
    id         bigint generated always as identity primary key,
    user_id    bigint not null references users (id) on delete cascade,
    comment_id bigint not null references comments (id) on delete cascade,
    created_at timestamptz not null default now(),
    read_at    timestamptz,
    unique (user_id, comment_id)
);
create index comment_notifications_user on comment_notifications (user_id, created_at desc);

-- When an account is deleted its comments stay (replies depend on them) but no longer carry the name.
create function comments_forget_author() returns trigger language plpgsql as $$
begin
    update comments set author_name = 'Former reader' where user_id = old.id;
    return old;
end $$;
create trigger users_forget_comment_author before delete on users
    for each row execute function comments_forget_author();

-- The rules (comments_per_minute and the rest) live in settings; absent keys mean the defaults in
-- CommentSettings, so a fresh database needs no rows.
