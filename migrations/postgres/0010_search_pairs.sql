-- SQLite's migration of this number indexes pairs of consecutive terms, so that a phrase is
-- a lookup. PostgreSQL does not: whether its GIN index finds the pair or the planner walks
-- the newest documents checking positions, it reads a heap row per candidate, and that
-- costs more than the check (measured in docs/benchmarks.md, row 7), while the pairs
-- doubled the cost of indexing a post. Nothing to change; the file keeps both migration
-- trees at the same versions.
select 1;
