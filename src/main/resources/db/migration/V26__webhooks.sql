-- Webhooks: endpoints an admin registers, the events written to an outbox by triggers in the same
-- transaction as the change, and one delivery per event and endpoint, claimed with SKIP LOCKED by the
-- delivery job on every node.

create table webhook_endpoints (
    id            bigint generated always as identity primary key,
    url           text   not null check (url ~ '^https?://' and length(url) <= 2000),
    description   text   not null default '' check (length(description) <= 200),
    events        text[] not null check (cardinality(events) > 0 and events <@ array[
                      'article.published', 'article.updated', 'article.unpublished', 'correction.added',
                      'comment.posted', 'subscription.started', 'subscription.ended', 'newsletter_issue.sent']),
    -- "whsec_" and the base64 key; kept as is because every delivery is signed with it (shown once on creation)
    secret        text   not null check (secret like 'whsec\_%'),
    enabled       boolean not null default true,
    disabled_reason text,
    -- the time of the first failed attempt since the last success (null while it works)
    failing_since timestamptz,
    created_by    bigint references users (id) on delete set null,
    created_at    timestamptz not null default now()
);

create table webhook_events (
    id         bigint generated always as identity primary key,
    -- the webhook-id header: the same on every attempt, so receivers can drop duplicates
    msg_id     text   not null unique default 'msg_' || replace(gen_random_uuid()::text, '-', ''),
    type       text   not null check (type in (
                   'article.published', 'article.updated', 'article.unpublished', 'correction.added',
                   'comment.posted', 'subscription.started', 'subscription.ended', 'newsletter_issue.sent')),
    data       jsonb  not null,
    created_at timestamptz not null default now()
);

create table webhook_deliveries (
    id              bigint generated always as identity primary key,
    event_id        bigint not null references webhook_events (id) on delete cascade,
    endpoint_id     bigint not null references webhook_endpoints (id) on delete cascade,
    status          text   not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
    attempts        int    not null default 0,
    -- when the next attempt is due; while an attempt is under way, when its claim lapses
    next_attempt_at timestamptz not null default now(),
    last_attempt_at timestamptz,
    response_code   int,
    last_error      text,
    delivered_at    timestamptz,
    unique (event_id, endpoint_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, id) where status = 'pending';
create index webhook_deliveries_log on webhook_deliveries (endpoint_id, id desc);

-- Writes one event and a delivery for each enabled endpoint that wants it; nothing when none does.
create function webhook_emit(event_type text, payload jsonb) returns void language plpgsql as $$
declare
    event bigint;
begin
    if not exists (select 1 from webhook_endpoints where enabled and event_type = any(events)) then
        return;
    end if;
    insert into webhook_events (type, data) values (event_type, payload) returning id into event;
    insert into webhook_deliveries (event_id, endpoint_id)
        select event, id from webhook_endpoints where enabled and event_type = any(events);
end $$;

create function webhook_article_data(a articles) returns jsonb language sql stable as $$
    select jsonb_build_object(
        'id', a.id, 'slug', a.slug, 'headline', a.headline, 'deck', a.deck, 'status', a.status,
        'kind', a.kind, 'access', a.access,
        'section', (select s.slug from sections s where s.id = a.section_id),
        'published_at', a.published_at, 'updated_at', a.updated_at, 'version', a.version)
$$;

create function webhook_articles() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status = 'published' then
            perform webhook_emit('article.unpublished', webhook_article_data(old));
        end if;
        return null;
    end if;
    if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
        perform webhook_emit('article.published', webhook_article_data(new));
    elsif tg_op = 'UPDATE' and old.status = 'published' and new.status <> 'published' then
        perform webhook_emit('article.unpublished', webhook_article_data(new));
    elsif tg_op = 'UPDATE' and new.status = 'published'
            and (old.headline, old.deck, old.body, old.slug, old.section_id, old.kind, old.access,
                 old.lead_photo_id, old.published_at)
                is distinct from
                (new.headline, new.deck, new.body, new.slug, new.section_id, new.kind, new.access,
                 new.lead_photo_id, new.published_at) then
        perform webhook_emit('article.updated', webhook_article_data(new));
    end if;
    return null;
end $$;
create trigger articles_webhooks after insert or update or delete on articles
    for each row execute function webhook_articles();

create function webhook_corrections() returns trigger language plpgsql as $$
begin
    perform webhook_emit('correction.added', jsonb_build_object(
        'id', new.id, 'kind', new.kind, 'body', new.body, 'created_at', new.created_at,
        'article', (select webhook_article_data(a) from articles a where a.id = new.article_id)));
    return null;
end $$;
create trigger corrections_webhooks after insert on corrections
    for each row execute function webhook_corrections();

-- A comment is posted when readers can see it: at once, or when a moderator lets a held one through.
create function webhook_comments() returns trigger language plpgsql as $$
begin
    if new.status = 'visible' and (tg_op = 'INSERT' or old.status = 'pending') then
        perform webhook_emit('comment.posted', jsonb_build_object(
            'id', new.id, 'article_id', new.article_id, 'reply_to_id', new.reply_to_id,
            'author_name', new.author_name, 'body', new.body, 'created_at', new.created_at,
            'article', (select jsonb_build_object('id', a.id, 'slug', a.slug, 'headline', a.headline,
                                                  'published_at', a.published_at)
                        from articles a where a.id = new.article_id)));
    end if;
    return null;
end $$;
create trigger comments_webhooks after insert or update of status on comments
    for each row execute function webhook_comments();

-- Started when a subscription begins giving access; ended when it is canceled or revoked.
create function webhook_subscriptions() returns trigger language plpgsql as $$
declare
    giving_now boolean := new.status in ('active', 'past_due');
    gave       boolean := tg_op = 'UPDATE' and old.status in ('active', 'past_due');
    data       jsonb;
begin
    if giving_now = gave then
        return null;
    end if;
    data := jsonb_build_object(
        'id', new.id, 'user_id', new.user_id, 'status', new.status, 'source', new.source,
        'plan', (select p.slug from plans p where p.id = new.plan_id),
        'current_period_end', new.current_period_end);
    perform webhook_emit(case when giving_now then 'subscription.started' else 'subscription.ended' end, data);
    return null;
end $$;
create trigger subscriptions_webhooks after insert or update of status on subscriptions
    for each row execute function webhook_subscriptions();

create function webhook_issues() returns trigger language plpgsql as $$
begin
    if new.status = 'sent' and old.status <> 'sent' then
        perform webhook_emit('newsletter_issue.sent', jsonb_build_object(
            'id', new.id, 'subject', new.subject, 'sent_at', new.sent_at,
            'newsletter', (select n.slug from newsletters n where n.id = new.newsletter_id),
            'recipients', (select count(*) from newsletter_outbox o where o.issue_id = new.id and o.state = 'sent')));
    end if;
    return null;
end $$;
create trigger newsletter_issues_webhooks after update of status on newsletter_issues
    for each row execute function webhook_issues();
