//! The search index: one `search_docs` row per visible post and per published FAQ entry,
//! and the full-text query over it.
//!
//! The rows are written by the app inside the transaction of the change they reflect, with
//! `terms` already analysed in Rust (crate `piazza-search`), so both engines index the same
//! words. Everything here is portable SQL except the match itself: **this module and the
//! migrations are the only dialect-specific SQL in the project.** SQLite matches with
//! `search_fts MATCH $1`, PostgreSQL with `tsv @@ to_tsquery('simple', $1)`; the two
//! engines' parts of the statement sit side by side ([`SQLITE`], [`POSTGRES`]) and the rest
//! (filters, order, limit) is written once. SQLite indexes, beside the terms, a word for
//! each pair of consecutive terms (`piazza_search::analyze::pair_token`, migration 0010), so
//! a phrase is first a lookup of its pairs, and lists the index's words (`search_terms`,
//! migration 0009), so a prefix is searched as the words it stands for. PostgreSQL keeps
//! the pairs in a b-tree of their own (`search_pairs`, migration 0011), from which the
//! planner reads a phrase's newest matches instead of checking positions document after
//! document.
//!
//! Ranking happens in Rust ([`piazza_search::Ranker`]), not in the engines: BM25 over the
//! stored terms times a boost (FAQ entries, official and accepted answers, first posts),
//! then recency; posts are grouped by thread, the best post standing for it. The engines'
//! own rank functions first walk every match in the index to count document frequencies,
//! which cost milliseconds per common word (docs/benchmarks.md, row 7); the engines now only
//! find the newest [`RANK_WINDOW`] matching documents (after filters), which are ranked.
//! Below that many matches (a specific question, a rare word, a narrow filter) the order is
//! exactly by relevance over all matches; above it, over the newest ones. Either way it is
//! the same on both backends.
//!
//! The terms start with a community token (see `piazza_search::analyze::community_token`):
//! the FTS5 expression includes it for a community filter, so SQLite intersects doclists
//! instead of checking rows; PostgreSQL relies on the SQL condition, which its planner
//! combines better with the GIN match (docs/benchmarks.md, row 7).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use piazza_search::Query;
use sqlx::QueryBuilder;

use crate::{Backend, Db, DbError, Result, Tx};

/// How many of the newest matching documents are ranked. Every candidate is read and
/// scored, so this bounds a search's cost: 300 keeps the commonest words within the
/// benchmark's budget (docs/benchmarks.md, row 7) and is still fifteen pages of results.
pub const RANK_WINDOW: i64 = 300;

/// Document kinds, as stored.
pub const POST: &str = "post";
pub const FAQ: &str = "faq";

/// A document as the app builds it.
#[derive(Clone, Debug)]
pub struct NewSearchDoc<'a> {
    /// [`POST`] or [`FAQ`].
    pub kind: &'a str,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub faq_entry_id: Option<i64>,
    pub community_id: i64,
    pub author_id: Option<i64>,
    /// The thread's title or the FAQ question, as written.
    pub title: &'a str,
    /// Plain text of the post or answer, as written (for snippets).
    pub body: &'a str,
    /// The analysed terms, space-separated.
    pub terms: &'a str,
    pub is_first_post: bool,
    pub is_accepted: bool,
    pub is_official: bool,
    /// Left out of results (hidden by moderation, or not yet approved); `None` keeps an
    /// existing document's flag, and a new one is shown.
    pub hidden: Option<bool>,
    pub created_at: DateTime<Utc>,
}

/// Narrows a search. `None` and `false` leave a dimension open.
#[derive(Clone, Debug, Default)]
pub struct SearchFilter {
    pub community_id: Option<i64>,
    /// Only documents of this kind ([`POST`] or [`FAQ`]).
    pub doc_kind: Option<String>,
    /// Only posts of threads of this kind (`question` or `discussion`).
    pub thread_kind: Option<String>,
    /// Only questions with (true) or without (false) an accepted or official answer.
    pub answered: Option<bool>,
    /// Only threads with (true) or without (false) an official answer.
    pub has_official_answer: Option<bool>,
    pub tag: Option<String>,
    pub author_id: Option<i64>,
    /// Created at or after.
    pub from: Option<DateTime<Utc>>,
    /// Created before.
    pub to: Option<DateTime<Utc>>,
    /// Only threads' first posts (title and question): "similar questions".
    pub first_posts_only: bool,
}

/// One result: the best document of a thread, or an FAQ entry.
#[derive(Clone, Debug)]
pub struct SearchHit {
    pub id: i64,
    pub kind: String,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub faq_entry_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub score: f64,
    pub created_at: DateTime<Utc>,
}

/// How one engine writes the candidates statement; everything else in it is shared.
struct Dialect {
    from: &'static str,
    /// The community condition, before its bound id.
    community: &'static str,
    /// Newest first is descending order of this.
    order: &'static str,
}

/// SQLite: FTS5 over the terms and their pairs (view `search_docs_indexed`), newest first
/// (FTS5 walks its doclists backwards for `order by rowid desc`, so the limit stops the
/// walk). The community is also in the
/// FTS5 expression (its token); the unary `+` keeps the planner from the community index,
/// which would both lose that and, with SQLite's STAT4 statistics, re-plan the statement
/// for every value bound.
const SQLITE: Dialect = Dialect {
    from: "search_fts join search_docs d on d.id = search_fts.rowid",
    community: "+d.community_id = ",
    order: "search_fts.rowid",
};

/// PostgreSQL: the generated `tsv` column (GIN-indexed); the planner picks between it,
/// the primary key, the community index and, for a phrase, the pairs' b-tree.
const POSTGRES: Dialect = Dialect {
    from: "search_docs d",
    community: "d.community_id = ",
    order: "d.id",
};

/// The engine's match condition, as the query writes it.
enum Match<'q> {
    Fts5(String),
    /// The tsquery, and pairs of consecutive terms every match holds (from required
    /// phrases), each looked up in `search_pairs` (migration 0011).
    Tsquery(String, Vec<(&'q str, &'q str)>),
}

/// The key of "`first` immediately followed by `second`" in `search_pairs`: the first 64
/// bits of the MD5 of `first second`, as migration 0011's `search_pair()` computes it for
/// the triggers that fill the table. Computed here and bound as a number: a call of the SQL
/// function in a statement is run through PostgreSQL's SQL-function executor while the
/// statement is planned (0.1–0.2 ms of a phrase search, docs/benchmarks.md row 7). A
/// storage test checks that both give the same key.
pub fn search_pair(first: &str, second: &str) -> i64 {
    use md5::{Digest, Md5};
    let digest = Md5::new()
        .chain_update(first)
        .chain_update(" ")
        .chain_update(second)
        .finalize();
    let mut key = [0; 8];
    key.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(key)
}

/// At most this many of a query's required pairs are written into the statement: each is
/// a join the planner weighs, and the position check covers the rest.
const MAX_PAIR_LOOKUPS: usize = 3;

/// The candidates of a match: the newest [`RANK_WINDOW`] matching documents that pass the
/// filters, with only what ranking needs (every column of hundreds of rows costs).
///
/// Only the filters in use are written: a statement per combination (each cached by the
/// pool), rather than one with `$n is null or …` for each, whose unused branches still
/// made SQLite re-plan on every call.
fn candidates_sql<DB: sqlx::Database>(
    d: &Dialect,
    matches: Match<'_>,
    f: &SearchFilter,
) -> QueryBuilder<DB>
where
    for<'t> String: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> i64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> bool: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> DateTime<Utc>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    // Stored columns only: the boost and the group are computed in Rust ([`Candidate`]).
    // Expressions over hundreds of rows cost the engine more than the match itself
    // (PostgreSQL's `extract(epoch …)` and decimal literals are `numeric` arithmetic).
    let mut qb = QueryBuilder::new(
        "select d.id, d.thread_id, d.faq_entry_id, d.kind = 'faq' as is_faq, d.is_official, \
         d.is_accepted, d.is_first_post, d.created_at, d.terms from ",
    );
    qb.push(d.from).push(" where ");
    match matches {
        Match::Fts5(expr) => {
            qb.push("search_fts match ").push_bind(expr);
        }
        Match::Tsquery(q, pairs) => {
            qb.push("d.tsv @@ to_tsquery('simple', ")
                .push_bind(q)
                .push(")");
            // The planner can then read a phrase's matches newest first from the pairs'
            // b-tree, instead of walking every newest document to check positions.
            for (first, second) in pairs.into_iter().take(MAX_PAIR_LOOKUPS) {
                qb.push(
                    " and exists (select 1 from search_pairs p where p.doc_id = d.id \
                     and p.pair = ",
                )
                .push_bind(search_pair(first, second));
                if let Some(id) = f.community_id {
                    qb.push(" and p.community_id = ").push_bind(id);
                }
                qb.push(")");
            }
        }
    }
    qb.push(" and d.hidden = false");
    if let Some(id) = f.community_id {
        qb.push(" and ").push(d.community).push_bind(id);
    }
    if let Some(kind) = &f.doc_kind {
        qb.push(" and d.kind = ").push_bind(kind.clone());
    }
    if let Some(kind) = &f.thread_kind {
        qb.push(" and exists (select 1 from threads t where t.id = d.thread_id and t.kind = ")
            .push_bind(kind.clone())
            .push(")");
    }
    if let Some(answered) = f.answered {
        qb.push(
            " and exists (select 1 from threads t where t.id = d.thread_id \
             and t.kind = 'question' \
             and (t.accepted_post_id is not null or t.official_post_id is not null) = ",
        )
        .push_bind(answered)
        .push(")");
    }
    if let Some(official) = f.has_official_answer {
        qb.push(
            " and exists (select 1 from threads t where t.id = d.thread_id \
             and (t.official_post_id is not null) = ",
        )
        .push_bind(official)
        .push(")");
    }
    if let Some(tag) = &f.tag {
        qb.push(
            " and (exists (select 1 from thread_tags tg where tg.thread_id = d.thread_id \
             and tg.tag = ",
        )
        .push_bind(tag.clone())
        .push(
            ") or exists (select 1 from faq_entry_tags ft \
             where ft.faq_entry_id = d.faq_entry_id and ft.tag = ",
        )
        .push_bind(tag.clone())
        .push("))");
    }
    if let Some(author) = f.author_id {
        qb.push(" and d.author_id = ").push_bind(author);
    }
    if let Some(from) = f.from {
        qb.push(" and d.created_at >= ").push_bind(from);
    }
    if let Some(to) = f.to {
        qb.push(" and d.created_at < ").push_bind(to);
    }
    if f.first_posts_only {
        qb.push(" and d.is_first_post = true");
    }
    qb.push(" order by ")
        .push(d.order)
        .push(" desc limit ")
        .push_bind(RANK_WINDOW);
    qb
}

/// A matching document, as ranking sees it.
struct Candidate {
    id: i64,
    thread_id: Option<i64>,
    faq_entry_id: Option<i64>,
    is_faq: bool,
    is_official: bool,
    is_accepted: bool,
    is_first_post: bool,
    created_at: DateTime<Utc>,
    terms: String,
}

/// A candidate's columns, in the statement's order: read by position, as looking up
/// nine names in each of hundreds of rows showed in profiles.
type CandidateRow = (
    i64,
    Option<i64>,
    Option<i64>,
    bool,
    bool,
    bool,
    bool,
    DateTime<Utc>,
    String,
);

impl From<CandidateRow> for Candidate {
    fn from(row: CandidateRow) -> Self {
        Candidate {
            id: row.0,
            thread_id: row.1,
            faq_entry_id: row.2,
            is_faq: row.3,
            is_official: row.4,
            is_accepted: row.5,
            is_first_post: row.6,
            created_at: row.7,
            terms: row.8,
        }
    }
}

impl Candidate {
    /// The thread it stands for, or its FAQ entry (negated, so the two never collide).
    fn group(&self) -> i64 {
        self.thread_id
            .or(self.faq_entry_id.map(|id| -id))
            .unwrap_or(-self.id)
    }

    /// What relevance is multiplied by: FAQ entries, official and accepted answers and
    /// questions themselves first.
    fn boost(&self) -> f64 {
        let mut boost = 1.0;
        for (holds, weight) in [
            (self.is_faq, 0.5),
            (self.is_official, 0.3),
            (self.is_accepted, 0.2),
            (self.is_first_post, 0.1),
        ] {
            if holds {
                boost += weight;
            }
        }
        boost
    }
}

/// What a hit shows, read for the page only.
#[derive(sqlx::FromRow)]
struct Shown {
    id: i64,
    kind: String,
    thread_id: Option<i64>,
    post_id: Option<i64>,
    faq_entry_id: Option<i64>,
    title: String,
    body: String,
    created_at: DateTime<Utc>,
}

/// Runs a query: the best hit per thread (and each FAQ entry), best first, skipping
/// `offset` hits.
///
/// The engine finds the candidates; [`piazza_search::Ranker`] scores them from their terms
/// (BM25 times the boost); the best document of each thread stands for it; ties
/// go to the newer. Only the page's texts are then read.
pub async fn search(
    db: &Db,
    query: &Query,
    filter: &SearchFilter,
    offset: i64,
    limit: i64,
) -> Result<Vec<SearchHit>> {
    if query.is_empty() || limit <= 0 {
        return Ok(Vec::new());
    }
    let _turn = db.search_turn().await?;
    let candidates = fetch_candidates(db, query, filter).await?;
    let terms: Vec<&str> = candidates.iter().map(|c| c.terms.as_str()).collect();
    let relevance = query.ranker().scores(&terms);
    let mut best: HashMap<i64, (f64, usize)> = HashMap::with_capacity(candidates.len());
    for (i, (c, r)) in candidates.iter().zip(relevance).enumerate() {
        let score = r * c.boost();
        // Candidates come newest first, so on a tie the one already kept is the newer.
        best.entry(c.group())
            .and_modify(|kept| {
                if score > kept.0 {
                    *kept = (score, i);
                }
            })
            .or_insert((score, i));
    }
    let mut ranked: Vec<(f64, usize)> = best.into_values().collect();
    ranked.sort_by(|a, b| {
        let (ca, cb) = (&candidates[a.1], &candidates[b.1]);
        b.0.total_cmp(&a.0)
            .then(cb.created_at.cmp(&ca.created_at))
            .then(cb.id.cmp(&ca.id))
    });
    let page: Vec<(f64, i64)> = ranked
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(0))
        .take(usize::try_from(limit).unwrap_or(0))
        .map(|(score, i)| (score, candidates[i].id))
        .collect();
    let mut shown = fetch_shown(db, page.iter().map(|(_, id)| *id)).await?;
    // A document deleted since the match is left out.
    Ok(page
        .into_iter()
        .filter_map(|(score, id)| {
            let s = shown.remove(&id)?;
            Some(SearchHit {
                id,
                kind: s.kind,
                thread_id: s.thread_id,
                post_id: s.post_id,
                faq_entry_id: s.faq_entry_id,
                title: s.title,
                body: s.body,
                score,
                created_at: s.created_at,
            })
        })
        .collect())
}

async fn fetch_candidates(db: &Db, query: &Query, filter: &SearchFilter) -> Result<Vec<Candidate>> {
    let rows: Vec<CandidateRow> = match db.backend() {
        Backend::Sqlite { read, .. } => {
            let expanded;
            let query = if query.prefixes().is_empty() {
                query
            } else {
                match query.with_prefix_words(&prefix_words(read, query).await?) {
                    Some(q) => {
                        expanded = q;
                        &expanded
                    }
                    None => return Ok(Vec::new()),
                }
            };
            candidates_sql(&SQLITE, Match::Fts5(query.fts5()), filter)
                .build_query_as()
                .fetch_all(read)
                .await
        }
        // Not a named (cached) statement: PostgreSQL would, after five runs, switch to a
        // generic plan made without the values, which for a community filter combines the
        // whole GIN match with the community (26 ms) instead of walking the community's
        // newest documents (1.3 ms). An unnamed statement is planned for its values. Its
        // GIN index answers a prefix as fast as a word: no list of words here.
        Backend::Postgres(pool) => {
            let m = Match::Tsquery(query.tsquery(), query.required_pairs());
            candidates_sql(&POSTGRES, m, filter)
                .build_query_as()
                .persistent(false)
                .fetch_all(pool)
                .await
        }
    }?;
    Ok(rows.into_iter().map(Candidate::from).collect())
}

/// A prefix standing for more words than this is left to the engine: a list that long
/// would cost more than the engine's merge.
pub const MAX_PREFIX_WORDS: i64 = 64;

/// The words of the index each of the query's prefixes stands for (see
/// [`Query::with_prefix_words`]); a prefix with too many is left out. SQLite only.
async fn prefix_words(
    read: &sqlx::SqlitePool,
    query: &Query,
) -> Result<BTreeMap<String, Vec<String>>> {
    let mut out = BTreeMap::new();
    for prefix in query.prefixes() {
        // Every word starting with the prefix sorts between it and the prefix followed by
        // the last code point (SQLite compares text bytewise).
        let end = format!("{prefix}\u{10FFFF}");
        let words: Vec<String> = sqlx::query_scalar(
            "select term from search_terms where term >= $1 and term < $2 order by term limit $3",
        )
        .bind(prefix)
        .bind(&end)
        .bind(MAX_PREFIX_WORDS + 1)
        .fetch_all(read)
        .await?;
        if words.len() as i64 <= MAX_PREFIX_WORDS {
            out.insert(prefix.to_owned(), words);
        }
    }
    Ok(out)
}

/// What the page's hits show, by document id.
async fn fetch_shown(db: &Db, ids: impl Iterator<Item = i64>) -> Result<HashMap<i64, Shown>> {
    let ids: Vec<i64> = ids.collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<Shown> = on_read!(db, pool => {
        let mut qb = QueryBuilder::new(
            "select id, kind, thread_id, post_id, faq_entry_id, title, body, created_at \
             from search_docs where id in (",
        );
        crate::push_in_list(&mut qb, ids.iter().copied(), ")");
        qb.build_query_as().fetch_all(pool).await
    })?;
    Ok(rows.into_iter().map(|s| (s.id, s)).collect())
}

// ---------------------------------------------------------------------------------------
// Keeping the index in step (portable SQL)

/// The upsert of a document whose key is the column `$key` (`post_id` or `faq_entry_id`).
/// `$13`, the hidden flag, keeps an existing document's when null.
macro_rules! upsert_sql {
    ($key:literal) => {
        concat!(
            "insert into search_docs (kind, thread_id, post_id, faq_entry_id, community_id, \
             author_id, title, body, terms, is_first_post, is_accepted, is_official, hidden, \
             created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
             coalesce($13, false), $14) on conflict (",
            $key,
            ") do update set kind = excluded.kind, thread_id = excluded.thread_id, \
             community_id = excluded.community_id, author_id = excluded.author_id, \
             title = excluded.title, body = excluded.body, terms = excluded.terms, \
             is_first_post = excluded.is_first_post, is_accepted = excluded.is_accepted, \
             is_official = excluded.is_official, hidden = coalesce($13, search_docs.hidden), \
             created_at = excluded.created_at"
        )
    };
}

/// Inserts or replaces the document of a post (by `post_id`) or FAQ entry (by
/// `faq_entry_id`); an existing document keeps its `hidden` flag unless the new one sets it.
pub async fn upsert_doc(tx: &mut Tx, doc: &NewSearchDoc<'_>) -> Result<()> {
    // One statement whether the document is new or not: every statement of a write is a
    // round trip to the database (on SQLite, to the writer's thread).
    let upsert = match (doc.post_id, doc.faq_entry_id) {
        (Some(_), _) => upsert_sql!("post_id"),
        (None, Some(_)) => upsert_sql!("faq_entry_id"),
        (None, None) => return Ok(()),
    };
    on_tx!(tx, conn => sqlx::query(upsert)
        .bind(doc.kind)
        .bind(doc.thread_id)
        .bind(doc.post_id)
        .bind(doc.faq_entry_id)
        .bind(doc.community_id)
        .bind(doc.author_id)
        .bind(doc.title)
        .bind(doc.body)
        .bind(doc.terms)
        .bind(doc.is_first_post)
        .bind(doc.is_accepted)
        .bind(doc.is_official)
        .bind(doc.hidden)
        .bind(doc.created_at)
        .execute(conn)
        .await
        .map(|_| ()))?;
    add_words(tx, doc.terms).await
}

/// Adds a document's words to `search_terms` (SQLite), the list prefixes are looked up in.
async fn add_words(tx: &mut Tx, terms: &str) -> Result<()> {
    let Tx::Sqlite(tx) = tx else {
        return Ok(());
    };
    let words: BTreeSet<&str> = terms.split(' ').filter(|w| !w.is_empty()).collect();
    let list =
        serde_json::to_string(&words).map_err(|e| DbError::Other(sqlx::Error::Encode(e.into())))?;
    sqlx::query(
        "insert into search_terms (term) select value from json_each($1) \
         where true on conflict do nothing",
    )
    .bind(list)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Removes a post's document (the post was deleted); returns whether there was one.
pub async fn delete_post_doc(tx: &mut Tx, post_id: i64) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query("delete from search_docs where post_id = $1")
        .bind(post_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done > 0)
}

/// Removes an FAQ entry's document (withdrawn, or back to draft); returns whether there was
/// one.
pub async fn delete_faq_doc(tx: &mut Tx, faq_entry_id: i64) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query("delete from search_docs where faq_entry_id = $1")
        .bind(faq_entry_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done > 0)
}

/// Hides a post's document from results, or shows it again (moderation); returns whether
/// it changed.
pub async fn set_post_hidden(tx: &mut Tx, post_id: i64, hidden: bool) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update search_docs set hidden = $1 where post_id = $2 and hidden <> $1")
        .bind(hidden)
        .bind(post_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done > 0)
}

/// Moves the accepted and official flags of a thread's documents to the given posts.
pub async fn set_thread_answers(
    tx: &mut Tx,
    thread_id: i64,
    accepted_post_id: Option<i64>,
    official_post_id: Option<i64>,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "update search_docs set is_accepted = (post_id = $2), is_official = (post_id = $3) \
         where thread_id = $1")
        .bind(thread_id)
        .bind(accepted_post_id.unwrap_or(0))
        .bind(official_post_id.unwrap_or(0))
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// How many documents the index holds (hidden included).
pub async fn count_docs(db: &Db) -> Result<i64> {
    Ok(
        on_read!(db, pool => sqlx::query_scalar("select count(*) from search_docs")
        .fetch_one(pool)
        .await)?,
    )
}

/// Ids of visible posts without a document, after `after_id`, for (re)building the index.
pub async fn list_unindexed_posts(db: &Db, after_id: i64, limit: i64) -> Result<Vec<i64>> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select p.id from posts p where p.id > $1 and p.deleted_at is null \
         and not exists (select 1 from search_docs d where d.post_id = p.id) \
         order by p.id limit $2")
        .bind(after_id)
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

/// Ids of published FAQ entries without a document.
pub async fn list_unindexed_faq_entries(db: &Db) -> Result<Vec<i64>> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select e.id from faq_entries e where e.status = 'published' \
         and not exists (select 1 from search_docs d where d.faq_entry_id = e.id) order by e.id")
        .fetch_all(pool)
        .await)?)
}

// ---------------------------------------------------------------------------------------
// Synonyms added by admins

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct SynonymGroup {
    pub id: i64,
    /// Equivalent expressions, one per line.
    pub expressions: String,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
}

impl SynonymGroup {
    pub fn expression_list(&self) -> Vec<String> {
        self.expressions
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

pub async fn list_synonym_groups(db: &Db) -> Result<Vec<SynonymGroup>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select id, expressions, created_by, created_at from search_synonyms order by id")
        .fetch_all(pool)
        .await)?)
}

/// Replaces every admin-added group with `groups` (each a list of expressions).
pub async fn replace_synonym_groups(
    tx: &mut Tx,
    groups: &[Vec<String>],
    created_by: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query("delete from search_synonyms")
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    for group in groups {
        on_tx!(tx, conn => sqlx::query(
            "insert into search_synonyms (expressions, created_by, created_at) values ($1, $2, $3)")
            .bind(group.join("\n"))
            .bind(created_by)
            .bind(now)
            .execute(conn)
            .await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}
