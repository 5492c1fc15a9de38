-- Pairs of consecutive terms in a b-tree, so that a phrase reads only its newest matches.
--
-- Without it, PostgreSQL finds the newest documents holding a phrase ("variazione di
-- bilancio", "art. 50") by walking the newest documents and checking positions: a
-- phrase in 3 % of them meant ≈ 10,500 rows for 300 matches, 7–11 ms of CPU
-- (docs/benchmarks.md, row 7). A GIN index of the pairs (tried as 0010, dropped) finds the
-- matches in no order, so every one of them was still read. A b-tree of (pair, document)
-- gives them newest first: the query reads the pair's newest entries from the index alone
-- and only the documents they name.
--
-- A pair is the md5 of "first second" (terms never hold a space), cut to 64 bits: a fixed
-- function of the text, the same on every machine and version, and a small key. Two pairs
-- sharing a key only add candidates, which the query's position check (`tsv @@`) drops.
-- The triggers keep the table in step with `search_docs.terms`, as SQLite's FTS5 triggers
-- do for its pair column (its 0010); the app only names `search_pair(first, second)`.
-- No foreign key: it would check `search_docs` for every pair written, and deletes go
-- through the trigger.

create function search_pair(first text, second text) returns bigint
    language sql immutable strict parallel safe
    as $$ select ('x' || left(md5(first || ' ' || second), 16))::bit(64)::bigint $$;

-- The distinct pairs of a document's terms.
create function search_pairs_of(terms text) returns setof bigint
    language sql immutable strict parallel safe
    as $$
        select distinct search_pair(a, b)
        from (select a, lead(a) over (order by i) as b
              from unnest(string_to_array(terms, ' ')) with ordinality as t(a, i)) s
        where b is not null and a <> '' and b <> ''
    $$;

-- `community_id` rides along in the index, so that a community filter is checked there
-- and only that community's documents are read.
create table search_pairs (
    pair         bigint not null,
    doc_id       bigint not null,
    community_id bigint not null,
    primary key (pair, doc_id) include (community_id)
);
-- Phrases are chosen by people, so the planner must know the frequent pairs ("decreto
-- legislativo") from the rest: a longer list of most common values than the default.
alter table search_pairs alter column pair set statistics 1000;

insert into search_pairs (pair, doc_id, community_id)
select p, d.id, d.community_id from search_docs d, search_pairs_of(d.terms) p;

create function search_docs_pairs() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        delete from search_pairs
        where doc_id = old.id and pair = any (array(select search_pairs_of(old.terms)));
    end if;
    if tg_op <> 'DELETE' then
        insert into search_pairs (pair, doc_id, community_id)
        select p, new.id, new.community_id from search_pairs_of(new.terms) p;
    end if;
    return null;
end
$$;

create trigger search_docs_pairs_ai after insert on search_docs
    for each row execute function search_docs_pairs();
create trigger search_docs_pairs_ad after delete on search_docs
    for each row execute function search_docs_pairs();
-- An edit, or a thread moved to another community.
create trigger search_docs_pairs_au after update of terms, community_id on search_docs
    for each row
    when (old.terms is distinct from new.terms or old.community_id <> new.community_id)
    execute function search_docs_pairs();
