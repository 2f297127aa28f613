-- "Related" under an article, as search found it: kept here so a page's render reads it with the
-- article instead of asking the index, and every node shares one answer. Valid for the article's
-- version it was found for, for a day (newer stories may be more related by then); the search
-- engine finds it again when a published article changes, and a render finds it when it is missing.
create table article_related (
    article_id  bigint primary key references articles (id) on delete cascade,
    version     int not null,
    related_ids bigint[] not null,
    found_at    timestamptz not null default now()
);
