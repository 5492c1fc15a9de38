//! `piazza_db::search`: the search documents (insert, replace, hide, delete, answer
//! flags), the ranked and grouped match with its filters on both engines, the backfill
//! lists and the admin synonym groups. Terms and query trees are written by hand here, as
//! the analyser and the parser would produce them, so these tests pin the storage contract
//! alone.

use piazza_db::{
    Db, now,
    search::{self, NewSearchDoc, SearchFilter},
};
use piazza_search::{Query, query::Node};
use sqlx::types::chrono::{DateTime, Utc};

use super::{DAY, add_community, add_reply, add_user, begin, commit, open_thread, shift};

fn all_of(clauses: Vec<Node>) -> Query {
    Query {
        clauses,
        match_any: false,
        scope: None,
    }
}

fn word(t: &str) -> Node {
    Node::Term(t.into())
}

fn term(t: &str) -> Query {
    all_of(vec![word(t)])
}

fn post_doc<'a>(
    thread_id: i64,
    post_id: i64,
    community_id: i64,
    terms: &'a str,
    first: bool,
    at: DateTime<Utc>,
) -> NewSearchDoc<'a> {
    NewSearchDoc {
        kind: search::POST,
        thread_id: Some(thread_id),
        post_id: Some(post_id),
        faq_entry_id: None,
        community_id,
        author_id: None,
        title: "Titolo",
        body: "Testo",
        terms,
        is_first_post: first,
        is_accepted: false,
        is_official: false,
        hidden: None,
        created_at: at,
    }
}

async fn put(db: &Db, doc: &NewSearchDoc<'_>) {
    let mut tx = begin(db).await;
    search::upsert_doc(&mut tx, doc).await.expect("upsert");
    commit(tx).await;
}

async fn hits(db: &Db, q: &Query, filter: &SearchFilter) -> Vec<(Option<i64>, Option<i64>)> {
    search::search(db, q, filter, 0, 50)
        .await
        .expect("search")
        .into_iter()
        .map(|h| (h.thread_id, h.post_id.or(h.faq_entry_id)))
        .collect()
}

/// Rows of PostgreSQL's pair index (migration 0011); SQLite keeps its pairs inside FTS5.
async fn pair_rows(db: &Db) -> Option<i64> {
    match db.backend() {
        piazza_db::Backend::Postgres(pool) => Some(
            sqlx::query_scalar("select count(*) from search_pairs")
                .fetch_one(pool)
                .await
                .expect("count pairs"),
        ),
        piazza_db::Backend::Sqlite { .. } => None,
    }
}

storage_test! {
    async fn documents_are_replaced_and_deleted(db) {
        let c = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let (thread, first) = open_thread(&db, c, anna, "question", "Gara", &[], now()).await;
        put(&db, &post_doc(thread, first, c, "gar appalt soglia", true, now())).await;
        let all = SearchFilter::default();
        assert_eq!(hits(&db, &term("appalt"), &all).await, [(Some(thread), Some(first))]);

        // Replacing keeps one document per post and re-indexes its terms.
        put(&db, &post_doc(thread, first, c, "gar concession", true, now())).await;
        assert_eq!(search::count_docs(&db).await.unwrap(), 1);
        assert!(hits(&db, &term("appalt"), &all).await.is_empty());
        assert_eq!(hits(&db, &term("concession"), &all).await.len(), 1);

        let mut tx = begin(&db).await;
        assert!(search::delete_post_doc(&mut tx, first).await.unwrap());
        assert!(!search::delete_post_doc(&mut tx, first).await.unwrap());
        commit(tx).await;
        assert!(hits(&db, &term("concession"), &all).await.is_empty());
        assert_eq!(search::count_docs(&db).await.unwrap(), 0);
    }

    async fn hidden_documents_are_left_out_until_shown_again(db) {
        let c = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let (thread, first) = open_thread(&db, c, anna, "question", "Gara", &[], now()).await;
        put(&db, &post_doc(thread, first, c, "spam", true, now())).await;
        let all = SearchFilter::default();
        let mut tx = begin(&db).await;
        assert!(search::set_post_hidden(&mut tx, first, true).await.unwrap());
        assert!(!search::set_post_hidden(&mut tx, first, true).await.unwrap(), "no change");
        commit(tx).await;
        assert!(hits(&db, &term("spam"), &all).await.is_empty());
        // Re-indexing an edit keeps it hidden.
        put(&db, &post_doc(thread, first, c, "spam ancora", true, now())).await;
        assert!(hits(&db, &term("spam"), &all).await.is_empty());
        let mut tx = begin(&db).await;
        assert!(search::set_post_hidden(&mut tx, first, false).await.unwrap());
        commit(tx).await;
        assert_eq!(hits(&db, &term("spam"), &all).await.len(), 1);
    }

    async fn a_write_can_hide_or_show_its_document(db) {
        let c = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let (thread, first) = open_thread(&db, c, anna, "question", "Gara", &[], now()).await;
        let all = SearchFilter::default();
        let doc = |terms, hidden| NewSearchDoc {
            hidden,
            ..post_doc(thread, first, c, terms, true, now())
        };
        put(&db, &doc("attes", Some(true))).await;
        assert!(hits(&db, &term("attes"), &all).await.is_empty(), "written hidden");
        put(&db, &doc("attes approv", None)).await;
        assert!(hits(&db, &term("attes"), &all).await.is_empty(), "an edit keeps it hidden");
        put(&db, &doc("attes approv", Some(false))).await;
        assert_eq!(hits(&db, &term("approv"), &all).await.len(), 1, "shown by the next write");
        assert_eq!(search::count_docs(&db).await.unwrap(), 1);
    }

    async fn one_hit_per_thread_boosted_by_answers(db) {
        let c = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let t0 = now();
        let (thread, first) = open_thread(&db, c, anna, "question", "Gara", &[], t0).await;
        let reply = add_reply(&db, thread, anna, "x", shift(t0, 1)).await;
        let (other, other_first) = open_thread(&db, c, anna, "question", "Altro", &[], t0).await;
        put(&db, &post_doc(thread, first, c, "proroga contratt", true, t0)).await;
        put(&db, &post_doc(thread, reply, c, "proroga proroga tecnic", false, shift(t0, 1))).await;
        put(&db, &post_doc(other, other_first, c, "proroga termin", true, t0)).await;
        let all = SearchFilter::default();
        let found = hits(&db, &term("proroga"), &all).await;
        assert_eq!(found.len(), 2, "one hit per thread: {found:?}");
        let threads: Vec<Option<i64>> = found.iter().map(|h| h.0).collect();
        assert!(threads.contains(&Some(thread)) && threads.contains(&Some(other)));

        // The accepted answer stands for its thread and lifts it.
        let mut tx = begin(&db).await;
        search::set_thread_answers(&mut tx, thread, Some(reply), None).await.unwrap();
        commit(tx).await;
        let found = hits(&db, &term("proroga"), &all).await;
        assert_eq!(found[0], (Some(thread), Some(reply)));

        // Paging: offset and limit over the grouped hits.
        let page = search::search(&db, &term("proroga"), &all, 1, 1).await.unwrap();
        assert_eq!(page.len(), 1);
        assert_eq!(page[0].thread_id, found[1].0);
        assert!(page[0].score > 0.0);
    }

    async fn filters_apply_on_both_engines(db) {
        let a = add_community(&db, "appalti", "Appalti").await;
        let b = add_community(&db, "bilancio", "Bilancio").await;
        let anna = add_user(&db, "anna").await;
        let t0 = now();
        let (question, q_first) = open_thread(&db, a, anna, "question", "Q", &["mensa"], t0).await;
        let (discussion, d_first) = open_thread(&db, a, anna, "discussion", "D", &[], t0).await;
        let (elsewhere, e_first) = open_thread(&db, b, anna, "question", "E", &[], shift(t0, DAY)).await;
        let reply = add_reply(&db, question, anna, "r", t0).await;
        for (thread, post, c, first) in [
            (question, q_first, a, true),
            (question, reply, a, false),
            (discussion, d_first, a, true),
            (elsewhere, e_first, b, true),
        ] {
            let mut doc = post_doc(thread, post, c, "proroga", first, if c == b { shift(t0, DAY) } else { t0 });
            doc.author_id = Some(anna);
            put(&db, &doc).await;
        }
        let q = term("proroga");
        let threads = |f: SearchFilter| {
            let db = db.clone();
            let q = q.clone();
            async move {
                let mut t: Vec<i64> = hits(&db, &q, &f).await.into_iter().filter_map(|h| h.0).collect();
                t.sort();
                t
            }
        };
        let mut every = vec![question, discussion, elsewhere];
        every.sort();
        assert_eq!(threads(SearchFilter::default()).await, every);
        assert_eq!(threads(SearchFilter { community_id: Some(b), ..Default::default() }).await, [elsewhere]);
        assert_eq!(threads(SearchFilter { thread_kind: Some("discussion".into()), ..Default::default() }).await, [discussion]);
        assert_eq!(threads(SearchFilter { tag: Some("mensa".into()), ..Default::default() }).await, [question]);
        let mut unanswered = vec![question, elsewhere];
        unanswered.sort();
        assert_eq!(threads(SearchFilter { answered: Some(false), ..Default::default() }).await, unanswered);
        assert!(threads(SearchFilter { answered: Some(true), ..Default::default() }).await.is_empty());
        assert!(threads(SearchFilter { has_official_answer: Some(true), ..Default::default() }).await.is_empty());
        assert_eq!(threads(SearchFilter { from: Some(shift(t0, DAY / 2)), ..Default::default() }).await, [elsewhere]);
        assert_eq!(threads(SearchFilter { to: Some(shift(t0, DAY / 2)), community_id: Some(b), ..Default::default() }).await, Vec::<i64>::new());
        assert_eq!(threads(SearchFilter { author_id: Some(anna + 1), ..Default::default() }).await, Vec::<i64>::new());
        assert!(threads(SearchFilter { doc_kind: Some(search::FAQ.into()), ..Default::default() }).await.is_empty());
        // Only first posts: the reply no longer stands for the question.
        let firsts = hits(&db, &q, &SearchFilter { first_posts_only: true, ..Default::default() }).await;
        assert!(firsts.iter().all(|h| h.1 != Some(reply)));
    }

    async fn phrases_and_prefixes_match_alike(db) {
        let c = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let (t1, p1) = open_thread(&db, c, anna, "question", "A", &[], now()).await;
        let (t2, p2) = open_thread(&db, c, anna, "question", "B", &[], now()).await;
        put(&db, &post_doc(t1, p1, c, "art 50 d lgs 36 2023", true, now())).await;
        put(&db, &post_doc(t2, p2, c, "art 12 50 2023 36", true, now())).await;
        let all = SearchFilter::default();
        let phrase = all_of(vec![Node::Phrase(vec!["36".into(), "2023".into()], false)]);
        assert_eq!(hits(&db, &phrase, &all).await, [(Some(t1), Some(p1))]);
        let prefix = all_of(vec![Node::Prefix("lg".into())]);
        assert_eq!(hits(&db, &prefix, &all).await, [(Some(t1), Some(p1))]);
        let both = all_of(vec![word("art"), word("12")]);
        assert_eq!(hits(&db, &both, &all).await, [(Some(t2), Some(p2))]);
        let any = Query { match_any: true, ..all_of(vec![word("lgs"), word("12")]) };
        assert_eq!(hits(&db, &any, &all).await.len(), 2);
        // Phrases are looked up by their pairs of words: a document holding each pair, but
        // not in a row, does not match three words; "ab c" is not "a bc".
        let (t3, p3) = open_thread(&db, c, anna, "question", "C", &[], now()).await;
        put(&db, &post_doc(t3, p3, c, "lgs 36 zz 36 2023 ab c", true, now())).await;
        let three = all_of(vec![Node::Phrase(vec!["lgs".into(), "36".into(), "2023".into()], false)]);
        assert_eq!(hits(&db, &three, &all).await, [(Some(t1), Some(p1))]);
        let pair = |a: &str, b: &str| all_of(vec![Node::Phrase(vec![a.into(), b.into()], false)]);
        assert_eq!(hits(&db, &pair("ab", "c"), &all).await, [(Some(t3), Some(p3))]);
        assert!(hits(&db, &pair("a", "bc"), &all).await.is_empty());
        // An edit's new words are pairs at once; the old pairs are gone.
        put(&db, &post_doc(t3, p3, c, "c ab", true, now())).await;
        assert!(hits(&db, &pair("ab", "c"), &all).await.is_empty());
        assert_eq!(hits(&db, &pair("c", "ab"), &all).await, [(Some(t3), Some(p3))]);
    }

    async fn phrases_follow_moves_and_deletes_within_a_community(db) {
        let (a, b) = (add_community(&db, "appalti", "Appalti").await, add_community(&db, "bilancio", "Bilancio").await);
        let anna = add_user(&db, "anna").await;
        let (t1, p1) = open_thread(&db, a, anna, "question", "A", &[], now()).await;
        let (t2, p2) = open_thread(&db, b, anna, "question", "B", &[], now()).await;
        let pairs_before = pair_rows(&db).await;
        put(&db, &post_doc(t1, p1, a, "variazion bilanc urgent", true, now())).await;
        put(&db, &post_doc(t2, p2, b, "bilanc variazion", true, now())).await;
        let phrase = all_of(vec![Node::Phrase(vec!["variazion".into(), "bilanc".into()], false)]);
        let within = |c| SearchFilter { community_id: Some(c), ..Default::default() };
        assert_eq!(hits(&db, &phrase, &within(a)).await, [(Some(t1), Some(p1))]);
        assert!(hits(&db, &phrase, &within(b)).await.is_empty());
        // The thread moves: its phrase is found in its new community only.
        put(&db, &post_doc(t1, p1, b, "variazion bilanc urgent", true, now())).await;
        assert!(hits(&db, &phrase, &within(a)).await.is_empty());
        assert_eq!(hits(&db, &phrase, &within(b)).await, [(Some(t1), Some(p1))]);
        // Deleted documents leave no pairs behind (PostgreSQL keeps them in a table).
        let mut tx = begin(&db).await;
        assert!(search::delete_post_doc(&mut tx, p1).await.unwrap());
        assert!(search::delete_post_doc(&mut tx, p2).await.unwrap());
        commit(tx).await;
        assert!(hits(&db, &phrase, &SearchFilter::default()).await.is_empty());
        assert_eq!(pair_rows(&db).await, pairs_before);
    }

    async fn prefixes_find_every_word_of_the_index_they_start(db) {
        let c = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let (t1, p1) = open_thread(&db, c, anna, "question", "A", &[], now()).await;
        let (t2, p2) = open_thread(&db, c, anna, "question", "B", &[], now()).await;
        let (t3, p3) = open_thread(&db, c, anna, "question", "C", &[], now()).await;
        put(&db, &post_doc(t1, p1, c, "progett esecut", true, now())).await;
        put(&db, &post_doc(t2, p2, c, "progettual gara", true, now())).await;
        let progett = all_of(vec![Node::Prefix("progett".into())]);
        let threads = |q: Query| {
            let db = db.clone();
            async move {
                let mut t: Vec<i64> = hits(&db, &q, &SearchFilter::default()).await.into_iter().filter_map(|h| h.0).collect();
                t.sort();
                t
            }
        };
        assert_eq!(threads(progett.clone()).await, [t1, t2]);
        // A word an edit brings in is found by its prefix at once; one it takes away is not.
        put(&db, &post_doc(t3, p3, c, "progettazion", true, now())).await;
        put(&db, &post_doc(t1, p1, c, "esecut", true, now())).await;
        assert_eq!(threads(progett.clone()).await, [t2, t3]);
        // With another required word, or as one of several alternatives.
        let with_gara = all_of(vec![Node::Prefix("progett".into()), word("gara")]);
        assert_eq!(threads(with_gara).await, [t2]);
        let nothing = all_of(vec![Node::Prefix("zzz".into()), word("gara")]);
        assert!(threads(nothing).await.is_empty());
        let either = Query { match_any: true, ..all_of(vec![Node::Prefix("zzz".into()), word("esecut")]) };
        assert_eq!(threads(either).await, [t1]);
        // A prefix of more words than are listed out is left to the engine, with the same result.
        let many: Vec<String> = (0..=search::MAX_PREFIX_WORDS).map(|i| format!("lav{i}")).collect();
        let many = many.join(" ");
        put(&db, &post_doc(t1, p1, c, &many, true, now())).await;
        put(&db, &post_doc(t2, p2, c, "lavor", true, now())).await;
        assert_eq!(threads(all_of(vec![Node::Prefix("lav".into())])).await, [t1, t2]);
    }

    async fn many_searches_at_once_wait_their_turn_and_all_answer(db) {
        let c = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let (t1, p1) = open_thread(&db, c, anna, "question", "A", &[], now()).await;
        put(&db, &post_doc(t1, p1, c, "proroga contratto", true, now())).await;
        // Far more than the searches admitted at once (two per core): the others queue.
        let searches: Vec<_> = (0..64)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move { hits(&db, &term("proroga"), &SearchFilter::default()).await })
            })
            .collect();
        for s in searches {
            assert_eq!(s.await.expect("search task"), [(Some(t1), Some(p1))]);
        }
    }

    async fn backfill_lists_and_synonym_groups(db) {
        let c = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let (thread, first) = open_thread(&db, c, anna, "question", "Gara", &[], now()).await;
        let reply = add_reply(&db, thread, anna, "r", now()).await;
        assert_eq!(search::list_unindexed_posts(&db, 0, 10).await.unwrap(), [first, reply]);
        assert_eq!(search::list_unindexed_posts(&db, first, 10).await.unwrap(), [reply]);
        put(&db, &post_doc(thread, first, c, "gar", true, now())).await;
        assert_eq!(search::list_unindexed_posts(&db, 0, 10).await.unwrap(), [reply]);
        assert!(search::list_unindexed_faq_entries(&db).await.unwrap().is_empty());

        assert!(search::list_synonym_groups(&db).await.unwrap().is_empty());
        let groups = vec![vec!["ZTL".to_owned(), "zona a traffico limitato".to_owned()]];
        for _ in 0..2 {
            let mut tx = begin(&db).await;
            search::replace_synonym_groups(&mut tx, &groups, anna, now()).await.unwrap();
            commit(tx).await;
        }
        let stored = search::list_synonym_groups(&db).await.unwrap();
        assert_eq!(stored.len(), 1, "replaced, not appended");
        assert_eq!(stored[0].expression_list(), groups[0]);
        assert_eq!(stored[0].created_by, anna);
    }
}

/// The app binds the key of a phrase's pair (`search::search_pair`); the triggers of
/// migration 0011 store the keys SQL's `search_pair()` computes. They must agree, or
/// PostgreSQL would find no phrase at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pair_keys_are_the_ones_postgresql_stores() {
    super::with_db(piazza_e2e::Backend::Postgres, |db| async move {
        let piazza_db::Backend::Postgres(pool) = db.backend() else {
            unreachable!("a PostgreSQL database")
        };
        for (first, second) in [("variazion", "bilanc"), ("città", "36"), ("2023", "straße")] {
            let stored: i64 = sqlx::query_scalar("select search_pair($1, $2)")
                .bind(first)
                .bind(second)
                .fetch_one(pool)
                .await
                .expect("search_pair");
            assert_eq!(
                search::search_pair(first, second),
                stored,
                "{first} {second}"
            );
        }
        let c = add_community(&db, "bilancio", "Bilancio").await;
        let anna = add_user(&db, "anna").await;
        let (thread, first) = open_thread(&db, c, anna, "question", "A", &[], now()).await;
        put(
            &db,
            &post_doc(thread, first, c, "variazion bilanc", true, now()),
        )
        .await;
        let rows: i64 = sqlx::query_scalar("select count(*) from search_pairs where pair = $1")
            .bind(search::search_pair("variazion", "bilanc"))
            .fetch_one(pool)
            .await
            .expect("pair rows");
        assert_eq!(rows, 1);
    })
    .await;
}
