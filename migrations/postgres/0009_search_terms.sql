-- SQLite's migration of this number lists the index's words, so that a prefix can be
-- searched as the words it stands for. PostgreSQL does not need it: its GIN index answers
-- a prefix as fast as a word (docs/benchmarks.md, row 7), and writing every post's words
-- to such a list cost a fifth of its create-post throughput (row 2). Nothing to change;
-- the file keeps both migration trees at the same versions.
select 1;
