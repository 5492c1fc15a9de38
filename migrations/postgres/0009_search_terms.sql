-- Every word the search index holds, so that a prefix ("progett*") can be searched as the
-- list of words starting with it (see the SQLite migration of the same number). Byte order
-- (collation "C"), so that a prefix is a range of the primary key.
create table search_terms (
    term text collate "C" primary key
);

insert into search_terms (term)
select distinct unnest(tsvector_to_array(tsv)) from search_docs;
