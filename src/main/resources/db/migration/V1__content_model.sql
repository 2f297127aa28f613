-- The content model readers see: sections, authors, topics, photos, articles and
-- everything hanging off an article. Append-only: later changes get a new V file.

create table sections (
    id          bigint generated always as identity primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text not null check (length(name) between 1 and 80),
    description text not null default '',
    position    int  not null default 0
);

create table photos (
    id          bigint generated always as identity primary key,
    external_id text unique,
    file_key    text not null,            -- sha-256 of the original bytes, hex
    mime_type   text not null check (mime_type in ('image/jpeg', 'image/png', 'image/webp')),
    width       int  not null check (width > 0),
    height      int  not null check (height > 0),
    caption     text not null default '',
    credit      text not null default '',
    alt_text    text not null default '',
    created_at  timestamptz not null default now()
);

create table authors (
    id                bigint generated always as identity primary key,
    slug              text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name              text not null check (length(name) between 1 and 120),
    title             text not null default '',
    bio               text not null default '',
    portrait_photo_id bigint references photos (id)
);

create table topics (
    id      bigint generated always as identity primary key,
    slug    text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name    text not null check (length(name) between 1 and 120),
    kind    text not null check (kind in ('person', 'organization', 'place', 'subject')),
    aliases text[] not null default '{}'
);

create table articles (
    id            bigint generated always as identity primary key,
    external_id   text unique,
    slug          text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    headline      text not null check (length(headline) between 1 and 300),
    deck          text not null default '',
    body          text not null default '',  -- CommonMark, plus [[related:slug]] / [[newsletter:slug]] lines
    section_id    bigint not null references sections (id),
    kind          text not null default 'news' check (kind in ('news', 'opinion', 'analysis', 'explainer')),
    status        text not null default 'draft'
                  check (status in ('draft', 'ready', 'scheduled', 'published', 'unpublished')),
    published_at  timestamptz,
    updated_at    timestamptz not null default now(),
    created_at    timestamptz not null default now(),
    lead_photo_id bigint references photos (id),
    version       int not null default 1,
    check (status <> 'published' or published_at is not null)
);

-- Lists read newest-first with keyset paging on (published_at, id).
create index articles_published on articles (published_at desc, id desc) where status = 'published';
create index articles_section_published on articles (section_id, published_at desc, id desc) where status = 'published';

create table article_authors (
    article_id bigint not null references articles (id) on delete cascade,
    author_id  bigint not null references authors (id),
    position   int    not null default 0,
    primary key (article_id, author_id)
);
create index article_authors_author on article_authors (author_id, article_id);

create table article_topics (
    article_id bigint not null references articles (id) on delete cascade,
    topic_id   bigint not null references topics (id),
    position   int    not null default 0,
    primary key (article_id, topic_id)
);
create index article_topics_topic on article_topics (topic_id, article_id);

-- The article's gallery, in hand-set order (the lead photo is usually first).
create table article_photos (
    article_id bigint not null references articles (id) on delete cascade,
    photo_id   bigint not null references photos (id),
    position   int    not null default 0,
    primary key (article_id, photo_id)
);

create table corrections (
    id         bigint generated always as identity primary key,
    article_id bigint not null references articles (id) on delete cascade,
    kind       text   not null default 'correction' check (kind in ('correction', 'update')),
    body       text   not null check (length(body) between 1 and 4000),
    created_at timestamptz not null default now()
);
create index corrections_article on corrections (article_id, created_at);

create table newsletters (
    id          bigint generated always as identity primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text not null,
    description text not null default '',
    audience    text not null default 'everyone' check (audience in ('everyone', 'subscribers')),
    schedule    text not null default ''
);

-- Editor-chosen order of a front: 'home' or 'section:<slug>'.
create table front_items (
    front      text   not null,
    position   int    not null,
    article_id bigint not null references articles (id) on delete cascade,
    primary key (front, position),
    unique (front, article_id)
);

-- Site-wide settings (name, tagline, ...), one row per key.
create table settings (
    key   text primary key,
    value text not null
);
