-- Following: what each reader follows, and what the personal feed reads.
--
-- The feed merges one short index scan per followed author, topic or section (newest first,
-- from a keyset position), so it needs each link table ordered by publication time. The
-- article's published_at is copied into article_authors and article_topics while the article
-- is published (null otherwise) and kept right by triggers, whoever writes the articles.

create table follows (
    user_id    bigint not null references users (id) on delete cascade,
    kind       text   not null check (kind in ('author', 'topic', 'section')),
    target_id  bigint not null,
    created_at timestamptz not null default now(),
    primary key (user_id, kind, target_id)
);
create index follows_target on follows (kind, target_id);

-- How many readers follow each thing: suggestions for newcomers read it, kept by a trigger.
create table follow_counts (
    kind      text   not null,
    target_id bigint not null,
    followers int    not null default 0 check (followers >= 0),
    primary key (kind, target_id)
);
create index follow_counts_popular on follow_counts (kind, followers desc);

create function follows_count() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into follow_counts (kind, target_id, followers) values (new.kind, new.target_id, 1)
        on conflict (kind, target_id) do update set followers = follow_counts.followers + 1;
        return new;
    end if;
    update follow_counts set followers = followers - 1 where kind = old.kind and target_id = old.target_id;
    return old;
end $$;
create trigger follows_count after insert or delete on follows for each row execute function follows_count();

-- A followed author, topic or section that is deleted takes its follows with it.
create function follows_forget() returns trigger language plpgsql as $$
begin
    delete from follows where kind = tg_argv[0] and target_id = old.id;
    delete from follow_counts where kind = tg_argv[0] and target_id = old.id;
    return old;
end $$;
create trigger authors_forget_follows after delete on authors for each row execute function follows_forget('author');
create trigger topics_forget_follows after delete on topics for each row execute function follows_forget('topic');
create trigger sections_forget_follows after delete on sections for each row execute function follows_forget('section');

alter table article_authors add column published_at timestamptz;
alter table article_topics add column published_at timestamptz;

update article_authors x set published_at = a.published_at from articles a where a.id = x.article_id and a.status = 'published';
update article_topics x set published_at = a.published_at from articles a where a.id = x.article_id and a.status = 'published';

create index article_authors_feed on article_authors (author_id, published_at desc, article_id desc) where published_at is not null;
create index article_topics_feed on article_topics (topic_id, published_at desc, article_id desc) where published_at is not null;

create function article_links_published_at() returns trigger language plpgsql as $$
begin
    select case when a.status = 'published' then a.published_at end into new.published_at
      from articles a where a.id = new.article_id;
    return new;
end $$;
create trigger article_authors_published_at before insert or update of article_id on article_authors
    for each row execute function article_links_published_at();
create trigger article_topics_published_at before insert or update of article_id on article_topics
    for each row execute function article_links_published_at();

create function articles_publish_links() returns trigger language plpgsql as $$
declare
    at timestamptz := case when new.status = 'published' then new.published_at end;
begin
    update article_authors set published_at = at where article_id = new.id and published_at is distinct from at;
    update article_topics set published_at = at where article_id = new.id and published_at is distinct from at;
    return null;
end $$;
create trigger articles_publish_links after update of status, published_at on articles
    for each row when (old.status is distinct from new.status or old.published_at is distinct from new.published_at)
    execute function articles_publish_links();
