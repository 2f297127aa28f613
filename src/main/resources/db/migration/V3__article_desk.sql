-- The newsroom's article desk: autosaved revisions are marked so that a burst of autosaves by
-- one person shares one revision row; the desk's list sorts by last change and filters by owner.

alter table article_revisions add column autosave boolean not null default false;

create index articles_updated on articles (updated_at desc, id desc);
create index articles_created_by on articles (created_by) where created_by is not null;
