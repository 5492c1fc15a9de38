-- Pairs of consecutive terms, indexed as words of their own (see the SQLite migration of
-- the same number): the pair word is piazza_search::analyze::pair_token, 'p', the first
-- term's length in two digits, then both terms. A column of their own, so the terms'
-- tsvector stays as small as it was (every search that walks the newest documents reads
-- it), and without positions: phrases use the terms' positions.
create function piazza_search_pairs(terms text) returns text
language sql immutable parallel safe
as $$
    select coalesce(string_agg('p' || lpad(char_length(a)::text, 2, '0') || a || b, ' '), '')
    from (select w as a, lead(w) over (order by i) as b
          from unnest(string_to_array(terms, ' ')) with ordinality as x (w, i)) p
    where b is not null
$$;

alter table search_docs add column tsv_pairs tsvector
    generated always as (strip(to_tsvector('simple', piazza_search_pairs(terms)))) stored;
create index search_docs_tsv_pairs on search_docs using gin (tsv_pairs);
