-- Photo originals live in the database, so that every node of a cluster serves every photo: a node
-- makes the derivatives it is asked for from here and keeps them in its own disk cache. bytea rather
-- than large objects: a photo is at most 20 MB (well under bytea's 1 GB), it is read whole to be
-- decoded anyway, and a bytea row is deleted, dumped, replicated and rolled back with its
-- transaction like any other, where a large object needs lo_unlink and can be orphaned.
create table photo_originals (
    file_key text primary key check (file_key ~ '^[0-9a-f]{64}$'),
    bytes bytea not null,
    created_at timestamptz not null default now()
);
-- JPEG, PNG and WebP are compressed already: store them out of line without trying to compress again.
alter table photo_originals alter column bytes set storage external;
