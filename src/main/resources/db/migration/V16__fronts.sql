-- Fronts with hierarchy (issue 13): each front's layout, and breaking news.

-- The layout an editor chose for a front: which slots it has (a lead, secondary stories, a list of
-- headlines). A front no editor has touched has no row and uses the first layout.
alter table front_versions
    add column layout text not null default 'lead_plus_four'
        check (layout in ('lead_plus_four', 'two_leads', 'lead_plus_list'));

-- Stories an editor marked "breaking": a banner above the home page and the story's section front
-- until expires_at (never, when null, until an editor removes it). One row per story; removing it
-- deletes the row. Every node reads the expiry from here, and cached fronts expire with the banner.
create table breaking_news (
    article_id bigint primary key references articles (id) on delete cascade,
    marked_at  timestamptz not null default now(),
    expires_at timestamptz,
    marked_by  bigint references users (id) on delete set null,
    check (expires_at is null or expires_at > marked_at)
);
create index breaking_news_expires on breaking_news (expires_at);
