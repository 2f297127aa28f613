-- The Content API (issue 14): integration keys, reader tokens for apps, and the changes feed.

-- Keys per integration, made by an admin in the newsroom. Only the SHA-256 of a key is kept; the key is
-- shown once. "locked_text" lets the key read the full text of articles behind the paywall;
-- "per_minute" is its rate limit.
create table api_keys (
    id           bigint generated always as identity primary key,
    name         text not null check (length(name) between 1 and 80),
    key_hash     text not null unique,
    key_prefix   text not null,
    locked_text  boolean not null default false,
    per_minute   int not null default 600 check (per_minute between 1 and 100000),
    created_by   bigint references users (id) on delete set null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Reader tokens for apps are sessions sent as "Authorization: Bearer": the same table, the same hash,
-- named by the app and device the reader signed in from (null for a browser's cookie session).
alter table sessions add column app text check (app is null or length(app) between 1 and 80);
alter table sessions add column device text check (device is null or length(device) <= 120);

-- The changes feed: every change to an article (its row, bylines, topics, gallery, corrections), in
-- commit-independent id order. Readers of the feed ask for "after id X"; an id may appear more than once.
create table api_changes (
    id         bigint generated always as identity primary key,
    article_id bigint not null,            -- no foreign key: a deleted article is a change too
    changed_at timestamptz not null default now()
);
create index api_changes_article on api_changes (article_id, id);

create function api_article_changed() returns trigger language plpgsql as $$
begin
    insert into api_changes (article_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end $$;
create trigger articles_api_changes after insert or delete or update on articles
    for each row execute function api_article_changed();

create function api_link_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then insert into api_changes (article_id) values (old.article_id); end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.article_id <> old.article_id) then
        insert into api_changes (article_id) values (new.article_id);
    end if;
    return null;
end $$;
create trigger article_authors_api_changes after insert or update or delete on article_authors
    for each row execute function api_link_changed();
create trigger article_topics_api_changes after insert or update or delete on article_topics
    for each row execute function api_link_changed();
create trigger corrections_api_changes after insert or update or delete on corrections
    for each row execute function api_link_changed();
