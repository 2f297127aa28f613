-- The newsroom's photo library: who uploaded each photo, a version for optimistic locking of
-- caption edits, the library's newest-first order, and a word index over caption and credit.

alter table photos add column uploaded_by bigint references users (id) on delete set null;
alter table photos add column updated_at timestamptz not null default now();
alter table photos add column version int not null default 1;

create index photos_newest on photos (created_at desc, id desc);
create index photos_words on photos using gin (to_tsvector('english', caption || ' ' || credit));

-- "Which articles use this photo?" when a caption changes or a photo leaves the library.
create index article_photos_photo on article_photos (photo_id);
create index articles_lead_photo on articles (lead_photo_id) where lead_photo_id is not null;
