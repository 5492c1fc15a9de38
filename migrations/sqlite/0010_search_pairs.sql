-- Pairs of consecutive terms, indexed as words of their own: a two-word phrase
-- ("variazione di bilancio", "art. 50", "36/2023") becomes one lookup instead of a position
-- check on every document holding both words, and a longer phrase is narrowed by its pairs
-- before positions are checked (docs/benchmarks.md, row 7). The pair word is
-- piazza_search::analyze::pair_token: 'p', the first term's length in two digits, then
-- both terms. Pairs have a column of their own, which queries name, so a pair word is
-- never mistaken for a term.
--
-- `search_docs.terms` stays as it was (ranking reads it); the view below adds the pairs.
-- The FTS5 table is contentless: nothing reads text back from it (only rowids), and FTS5
-- cannot read a view using json_each as its content. PostgreSQL does without pairs (see its
-- migration of this number).
create view search_docs_indexed as
select d.id, d.terms, coalesce((
    select group_concat('p' || printf('%02d', length(a)) || a || b, ' ')
    from (select value as a, lead(value) over (order by key) as b
          from json_each('["' || replace(d.terms, ' ', '","') || '"]'))
    where b is not null), '') as pairs
from search_docs d;

drop trigger search_docs_ai;
drop trigger search_docs_ad;
drop trigger search_docs_au;
drop table search_fts;

create virtual table search_fts using fts5 (
    terms,
    pairs,
    content = '',
    -- terms are already folded and lowercase: the tokenizer must not change them
    tokenize = 'unicode61 remove_diacritics 0'
);
insert into search_fts (rowid, terms, pairs) select id, terms, pairs from search_docs_indexed;

-- FTS5 removes a document by the text it indexed: read from the view while the old row
-- is still there.
create trigger search_docs_ai after insert on search_docs begin
    insert into search_fts (rowid, terms, pairs)
    select id, terms, pairs from search_docs_indexed where id = new.id;
end;
create trigger search_docs_bd before delete on search_docs begin
    insert into search_fts (search_fts, rowid, terms, pairs)
    select 'delete', id, terms, pairs from search_docs_indexed where id = old.id;
end;
create trigger search_docs_bu before update of terms on search_docs begin
    insert into search_fts (search_fts, rowid, terms, pairs)
    select 'delete', id, terms, pairs from search_docs_indexed where id = old.id;
end;
create trigger search_docs_au after update of terms on search_docs begin
    insert into search_fts (rowid, terms, pairs)
    select id, terms, pairs from search_docs_indexed where id = new.id;
end;
