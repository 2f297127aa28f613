-- Article reads, counted without cookies or anything about the reader: one row per article per hour,
-- added to by every node's buffered counts (see broadsheet.reads). Rows older than 8 days are removed.
create table article_reads (
    article_id bigint not null references articles (id) on delete cascade,
    -- the start of the hour (UTC) the reads fell in
    hour       timestamptz not null,
    reads      int not null check (reads > 0),
    primary key (article_id, hour)
);
-- the most-read lists sum the last 24 hours or 7 days: an index-only scan of the recent hours
create index article_reads_hour on article_reads (hour, article_id) include (reads);
