-- Search: a durable log of which articles changed, filled by triggers whoever writes (a node, an
-- import, psql), so every node's search index can apply the same changes after the last one it
-- applied, and wakes up on NOTIFY search_changed. Rows older than a week are pruned; a node whose
-- index is older than that rebuilds it.

create table search_changes (
    id         bigint generated always as identity primary key,
    article_id bigint,                        -- no foreign keys: a deleted article or photo is a change too
    photo_id   bigint,                        -- the newsroom's photo library is searched with the same engine
    changed_at timestamptz not null default now(),
    check ((article_id is null) <> (photo_id is null))
);
create index search_changes_at on search_changes (changed_at);

create function search_changed(article bigint) returns void language plpgsql as $$
begin
    insert into search_changes (article_id) values (article);
    perform pg_notify('search_changed', '');
end $$;

-- An article itself: insert, any update (text, status, access, section, lead photo...) and delete.
create function search_articles_changed() returns trigger language plpgsql as $$
begin
    perform search_changed(case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end $$;
create trigger articles_search after insert or delete or update on articles
    for each row execute function search_articles_changed();

-- Rows that hang off an article: bylines, topics, gallery photos, corrections.
create function search_links_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then perform search_changed(old.article_id); end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.article_id <> old.article_id) then
        perform search_changed(new.article_id);
    end if;
    return null;
end $$;
create trigger article_authors_search after insert or update or delete on article_authors
    for each row execute function search_links_changed();
create trigger article_topics_search after insert or update or delete on article_topics
    for each row execute function search_links_changed();
create trigger article_photos_search after insert or update or delete on article_photos
    for each row execute function search_links_changed();
create trigger corrections_search after insert or update or delete on corrections
    for each row execute function search_links_changed();

-- Renames: every article that shows the name.
create function search_author_renamed() returns trigger language plpgsql as $$
begin
    perform search_changed(article_id) from article_authors where author_id = new.id;
    return null;
end $$;
create trigger authors_search after update of name, slug on authors
    for each row when (old.name is distinct from new.name or old.slug is distinct from new.slug)
    execute function search_author_renamed();

create function search_topic_renamed() returns trigger language plpgsql as $$
begin
    perform search_changed(article_id) from article_topics where topic_id = new.id;
    return null;
end $$;
create trigger topics_search after update of name, slug, aliases on topics
    for each row when (old.name is distinct from new.name or old.slug is distinct from new.slug
                       or old.aliases is distinct from new.aliases)
    execute function search_topic_renamed();

create function search_section_renamed() returns trigger language plpgsql as $$
begin
    perform search_changed(id) from articles where section_id = new.id;
    return null;
end $$;
create trigger sections_search after update of name, slug on sections
    for each row when (old.name is distinct from new.name or old.slug is distinct from new.slug)
    execute function search_section_renamed();

-- A photo: itself in the library (any change), and every article that shows its words, as lead
-- photo or in its gallery, when they change.
create function search_photo_changed() returns trigger language plpgsql as $$
begin
    insert into search_changes (photo_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
    perform pg_notify('search_changed', '');
    if tg_op = 'UPDATE' and (old.caption is distinct from new.caption or old.credit is distinct from new.credit
                             or old.alt_text is distinct from new.alt_text) then
        perform search_changed(id) from articles where lead_photo_id = new.id;
        perform search_changed(article_id) from article_photos where photo_id = new.id;
    end if;
    return null;
end $$;
create trigger photos_search after insert or update or delete on photos
    for each row execute function search_photo_changed();
