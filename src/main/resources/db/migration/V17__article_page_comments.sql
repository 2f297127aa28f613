-- Comments on the article page itself (issue 13): the first comments are part of the cached article
-- page, so every node must drop that page when what it shows changes.

-- off: no comments shown and none taken (closed still shows the comments there are).
alter table articles drop constraint articles_comment_mode_check;
alter table articles add constraint articles_comment_mode_check
    check (comment_mode in ('open', 'premoderated', 'closed', 'off'));

-- Any change to a comment readers can see (posted, approved, edited, deleted, removed, held by
-- reports, its author's name forgotten) tells every node, on commit, to drop the pages that carry
-- the surrogate key comments-<article id>: the payload of content_changed names what to drop (an
-- empty payload drops everything). Likes and reports that hide nothing change no page, and
-- PostgreSQL sends one notification per transaction and article, however many rows changed.
create function comments_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status = 'visible' then
            perform pg_notify('content_changed', 'comments-' || new.article_id);
        end if;
        return null;
    elsif tg_op = 'DELETE' then
        if old.status = 'visible' then
            perform pg_notify('content_changed', 'comments-' || old.article_id);
        end if;
        return null;
    end if;
    if (old.status = 'visible' or new.status = 'visible')
       and (old.status, old.body_html, old.author_name) is distinct from (new.status, new.body_html, new.author_name) then
        perform pg_notify('content_changed', 'comments-' || new.article_id);
    end if;
    return null;
end $$;

create trigger comments_changed after insert or update or delete on comments
    for each row execute function comments_changed();
