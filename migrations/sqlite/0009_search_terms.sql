-- Every word the search index holds, so that a prefix ("progett*") can be searched as the
-- list of words starting with it: FTS5 answers a prefix by merging the postings of all
-- those words in full before the first row, a list of words is read newest first and
-- stops early (docs/benchmarks.md, row 7). Written with each document's terms, in the same
-- transaction; never pruned (a word no document holds any more only costs an empty lookup).
create table search_terms (
    term text primary key
) without rowid;

-- The words already indexed, as FTS5 itself lists them.
create virtual table temp.search_fts_words using fts5vocab(main, search_fts, 'row');
insert into search_terms (term) select term from temp.search_fts_words;
drop table temp.search_fts_words;
