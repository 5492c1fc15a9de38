-- PostgreSQL's migration of this number adds a b-tree of consecutive-term pairs for
-- phrases. SQLite has had its pairs since 0010, in the FTS5 index (whose doclists it walks
-- newest first already). Nothing to change; the file keeps both migration trees at the
-- same versions.
select 1;
