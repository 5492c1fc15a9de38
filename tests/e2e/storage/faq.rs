//! `piazza_db::faq`: entries with numbered revisions, status transitions, the filtered
//! community list, links to source posts, the changelog and the per-member seen marker.

use piazza_db::{
    Db,
    faq::{self, FaqContent, NewFaqChange, NewFaqEntry},
    now,
};
use sqlx::types::chrono::{DateTime, NaiveDate, Utc};

use super::{
    HOUR, add_community, add_reply, add_user, assert_not_found, begin, commit, open_thread, shift,
};

fn content(question: &str, answer: &str, tags: &[&str], refs: &[&str]) -> FaqContent {
    FaqContent {
        question: question.to_owned(),
        answer: answer.to_owned(),
        answer_html: format!("<p>{answer}</p>"),
        renderer_version: 1,
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        references: refs.iter().map(|r| (*r).to_owned()).collect(),
        valid_from: None,
        valid_until: None,
    }
}

async fn add_entry(
    db: &Db,
    community_id: i64,
    author: i64,
    status: &str,
    c: &FaqContent,
    source_post_id: Option<i64>,
) -> i64 {
    let mut tx = begin(db).await;
    let id = faq::insert_faq_entry(
        &mut tx,
        &NewFaqEntry {
            community_id,
            status,
            content: c,
            source_post_id,
            created_by: author,
            change_note: "Prima versione",
            created_at: now(),
        },
    )
    .await
    .expect("insert entry");
    commit(tx).await;
    id
}

async fn add_change(db: &Db, community_id: i64, entry: i64, kind: &str, at: DateTime<Utc>) -> i64 {
    let actor_id = faq::get_faq_entry(db, entry)
        .await
        .expect("entry")
        .created_by;
    let mut tx = begin(db).await;
    let id = faq::insert_faq_change(
        &mut tx,
        &NewFaqChange {
            community_id,
            faq_entry_id: entry,
            kind,
            version: 1,
            note: "nota",
            actor_id,
            created_at: at,
        },
    )
    .await
    .expect("insert change");
    commit(tx).await;
    id
}

fn ids(entries: &[faq::FaqEntry]) -> Vec<i64> {
    entries.iter().map(|e| e.id).collect()
}

storage_test! {
    async fn entries_round_trip_and_every_change_is_a_revision(db) {
        let community = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;
        let mut c = content("Serve il CIG?", "Sì, **sempre**.", &["cig", "anac"], &["D.Lgs. 36/2023 art. 50", "L. 136/2010"]);
        c.valid_from = NaiveDate::from_ymd_opt(2024, 1, 1);
        c.valid_until = NaiveDate::from_ymd_opt(2025, 12, 31);
        let id = add_entry(&db, community, anna, faq::PUBLISHED, &c, None).await;

        let e = faq::get_faq_entry(&db, id).await.expect("get");
        assert_eq!((e.community_id, e.status.as_str(), e.version), (community, "published", 1));
        assert_eq!((e.question.as_str(), e.answer.as_str(), e.answer_html.as_str()), ("Serve il CIG?", "Sì, **sempre**.", "<p>Sì, **sempre**.</p>"));
        assert_eq!(e.tag_list(), vec!["cig", "anac"]);
        assert_eq!(e.reference_list(), vec!["D.Lgs. 36/2023 art. 50", "L. 136/2010"]);
        assert_eq!((e.valid_from, e.valid_until), (c.valid_from, c.valid_until), "dates round-trip");
        assert!(e.published_at.is_some(), "a published entry has published_at");
        assert_eq!(e.published_at, Some(e.created_at));
        assert_eq!((e.withdrawn_at, e.withdrawal_reason.as_deref(), e.source_post_id), (None, None, None));
        assert_not_found(faq::get_faq_entry(&db, id + 1000).await, "missing entry");

        let mut changed = content("Serve sempre il CIG?", "Sì, tranne i casi esclusi.", &["cig"], &[]);
        changed.valid_until = None;
        let later = shift(now(), HOUR);
        let mut tx = begin(&db).await;
        let v = faq::update_faq_content(&mut tx, id, &changed, "Casi esclusi", bruno, later).await.expect("update");
        assert_eq!(v, 2);
        commit(tx).await;

        let e = faq::get_faq_entry(&db, id).await.expect("get");
        assert_eq!((e.version, e.question.as_str(), e.updated_at), (2, "Serve sempre il CIG?", later));
        assert_eq!(e.tag_list(), vec!["cig"]);
        assert!(e.reference_list().is_empty());
        assert_eq!(e.valid_until, None, "validity can be cleared");

        let revisions = faq::list_faq_revisions(&db, id).await.expect("revisions");
        let summary: Vec<_> = revisions.iter().map(|r| (r.version, r.question.as_str(), r.change_note.as_str(), r.editor_id)).collect();
        assert_eq!(summary, vec![(1, "Serve il CIG?", "Prima versione", anna), (2, "Serve sempre il CIG?", "Casi esclusi", bruno)]);
        assert_eq!(revisions[0].tags, "cig,anac", "a revision keeps its own tags");
        let r1 = faq::find_faq_revision(&db, id, 1).await.expect("find").expect("version 1");
        assert_eq!(r1.answer, "Sì, **sempre**.");
        assert!(faq::find_faq_revision(&db, id, 3).await.expect("find").is_none());

        // The tag index follows the text: the old tag no longer matches.
        let by_tag = |tag: &'static str| {
            let db = db.clone();
            async move { ids(&faq::list_community_faq(&db, community, &[faq::PUBLISHED], Some(tag), None, 10).await.expect("list")) }
        };
        assert_eq!(by_tag("cig").await, vec![id]);
        assert!(by_tag("anac").await.is_empty());
    }

    async fn status_transitions_are_guarded(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let draft = add_entry(&db, community, anna, faq::DRAFT, &content("Domanda in bozza?", "Risposta", &[], &[]), None).await;
        let e = faq::get_faq_entry(&db, draft).await.expect("get");
        assert_eq!((e.status.as_str(), e.published_at), ("draft", None));
        assert!(e.is_draft());

        let mut tx = begin(&db).await;
        assert!(!faq::withdraw_faq_entry(&mut tx, draft, "motivo", anna, now()).await.expect("withdraw"), "a draft cannot be withdrawn");
        assert!(faq::publish_faq_draft(&mut tx, draft, now()).await.expect("publish"));
        assert!(!faq::publish_faq_draft(&mut tx, draft, now()).await.expect("publish"), "only once");
        let at = now();
        assert!(faq::withdraw_faq_entry(&mut tx, draft, "Norma abrogata", anna, at).await.expect("withdraw"));
        assert!(!faq::withdraw_faq_entry(&mut tx, draft, "ancora", anna, now()).await.expect("withdraw"), "only once");
        let update = faq::update_faq_content(&mut tx, draft, &content("Nuova domanda?", "x", &[], &[]), "nota", anna, now()).await;
        assert_not_found(update, "a withdrawn entry's text cannot change");
        commit(tx).await;

        let e = faq::get_faq_entry(&db, draft).await.expect("get");
        assert_eq!((e.status.as_str(), e.version), ("withdrawn", 1), "status changes keep the version");
        assert_eq!((e.withdrawn_at, e.withdrawn_by, e.withdrawal_reason.as_deref()), (Some(at), Some(anna), Some("Norma abrogata")));
        assert!(e.published_at.is_some());
        assert_eq!(faq::list_faq_revisions(&db, draft).await.expect("revisions").len(), 1);
    }

    async fn community_lists_filter_by_status_and_tag_and_page(db) {
        let community = add_community(&db, "personale", "Personale").await;
        let other = add_community(&db, "bilancio", "Bilancio").await;
        let anna = add_user(&db, "anna").await;
        let p1 = add_entry(&db, community, anna, faq::PUBLISHED, &content("Prima pubblicata?", "a", &["ferie"], &[]), None).await;
        let d1 = add_entry(&db, community, anna, faq::DRAFT, &content("Una bozza?", "b", &["ferie"], &[]), None).await;
        let p2 = add_entry(&db, community, anna, faq::PUBLISHED, &content("Seconda pubblicata?", "c", &["permessi"], &[]), None).await;
        let p3 = add_entry(&db, community, anna, faq::PUBLISHED, &content("Terza pubblicata?", "d", &[], &[]), None).await;
        add_entry(&db, other, anna, faq::PUBLISHED, &content("Di un'altra comunità?", "e", &["ferie"], &[]), None).await;
        let mut tx = begin(&db).await;
        faq::withdraw_faq_entry(&mut tx, p3, "superata", anna, now()).await.expect("withdraw");
        commit(tx).await;

        let list = |statuses: &'static [&'static str], tag: Option<&'static str>, after: Option<i64>, limit: i64| {
            let db = db.clone();
            async move { ids(&faq::list_community_faq(&db, community, statuses, tag, after, limit).await.expect("list")) }
        };
        assert_eq!(list(&[faq::PUBLISHED], None, None, 10).await, vec![p1, p2]);
        assert_eq!(list(&[faq::PUBLISHED, faq::DRAFT], None, None, 10).await, vec![p1, d1, p2]);
        assert_eq!(list(&[faq::WITHDRAWN], None, None, 10).await, vec![p3]);
        assert_eq!(list(&[faq::PUBLISHED, faq::DRAFT], Some("ferie"), None, 10).await, vec![p1, d1]);
        assert_eq!(list(&[faq::PUBLISHED], Some("nessuna"), None, 10).await, Vec::<i64>::new());
        assert_eq!(list(&[], None, None, 10).await, Vec::<i64>::new(), "no status, no entries");
        // Keyset pages in creation order.
        assert_eq!(list(&[faq::PUBLISHED, faq::DRAFT], None, None, 2).await, vec![p1, d1]);
        assert_eq!(list(&[faq::PUBLISHED, faq::DRAFT], None, Some(d1), 2).await, vec![p2]);

        assert!(faq::list_faq_entries_by_ids(&db, &[]).await.expect("empty").is_empty());
        let mut by_ids = ids(&faq::list_faq_entries_by_ids(&db, &[p2, p1, 9999]).await.expect("by ids"));
        by_ids.sort();
        assert_eq!(by_ids, vec![p1, p2]);
    }

    async fn entries_link_back_to_their_source_posts(db) {
        let community = add_community(&db, "appalti", "Appalti").await;
        let anna = add_user(&db, "anna").await;
        let (thread, first) = open_thread(&db, community, anna, "question", "Domanda", &[], now()).await;
        let answer = add_reply(&db, thread, anna, "Risposta", now()).await;
        let (other_thread, _) = open_thread(&db, community, anna, "question", "Altra", &[], now()).await;
        let other_answer = add_reply(&db, other_thread, anna, "Altra risposta", now()).await;

        let mut tx = begin(&db).await;
        assert_eq!(faq::find_live_entry_for_post(&mut tx, answer).await.expect("find"), None);
        commit(tx).await;
        let e1 = add_entry(&db, community, anna, faq::DRAFT, &content("Dalla risposta?", "Risposta", &[], &[]), Some(answer)).await;
        let e2 = add_entry(&db, community, anna, faq::PUBLISHED, &content("Dall'altra risposta?", "Altra", &[], &[]), Some(other_answer)).await;
        add_entry(&db, community, anna, faq::PUBLISHED, &content("Senza fonte?", "x", &[], &[]), None).await;

        let mut tx = begin(&db).await;
        assert_eq!(faq::find_live_entry_for_post(&mut tx, answer).await.expect("find"), Some(e1));
        assert_eq!(faq::find_live_entry_for_post(&mut tx, first).await.expect("find"), None);
        faq::withdraw_faq_entry(&mut tx, e2, "superata", anna, now()).await.expect("withdraw");
        assert_eq!(faq::find_live_entry_for_post(&mut tx, other_answer).await.expect("find"), None, "withdrawn entries do not count");
        commit(tx).await;

        assert_eq!(ids(&faq::list_thread_faq_entries(&db, thread).await.expect("thread")), vec![e1]);
        assert_eq!(ids(&faq::list_thread_faq_entries(&db, other_thread).await.expect("thread")), vec![e2]);
        assert_eq!(ids(&faq::list_faq_entries_by_source_posts(&db, &[answer, other_answer, first]).await.expect("by posts")), vec![e1, e2]);
        assert!(faq::list_faq_entries_by_source_posts(&db, &[]).await.expect("empty").is_empty());
    }

    async fn the_changelog_pages_and_counts_since_the_seen_marker(db) {
        let community = add_community(&db, "pnrr", "PNRR").await;
        let other = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;
        let entry = add_entry(&db, community, anna, faq::PUBLISHED, &content("Domanda PNRR?", "a", &[], &[]), None).await;
        let elsewhere = add_entry(&db, other, anna, faq::PUBLISHED, &content("Domanda tributi?", "b", &[], &[]), None).await;
        let t0 = now();
        assert_eq!(faq::find_latest_faq_change(&db, community).await.expect("latest"), None);
        let c1 = add_change(&db, community, entry, faq::ADDED, shift(t0, -2 * HOUR)).await;
        let c2 = add_change(&db, community, entry, faq::CHANGED, shift(t0, -HOUR)).await;
        let other_change = add_change(&db, other, elsewhere, faq::ADDED, t0).await;
        let c3 = add_change(&db, community, entry, faq::REMOVED, t0).await;

        let page = |since: Option<DateTime<Utc>>, before: Option<i64>, limit: i64| {
            let db = db.clone();
            async move {
                faq::list_faq_changes(&db, community, since, before, limit)
                    .await
                    .expect("changes")
                    .into_iter()
                    .map(|c| (c.id, c.kind))
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(page(None, None, 10).await, vec![(c3, "withdrawn".into()), (c2, "changed".into()), (c1, "added".into())]);
        assert_eq!(page(None, None, 2).await.len(), 2);
        assert_eq!(page(None, Some(c2), 10).await, vec![(c1, "added".into())]);
        assert_eq!(page(Some(shift(t0, -HOUR)), None, 10).await, vec![(c3, "withdrawn".into()), (c2, "changed".into())], "since is inclusive");
        let latest = faq::find_latest_faq_change(&db, community).await.expect("latest").expect("some");
        assert_eq!((latest.id, latest.faq_entry_id, latest.version, latest.actor_id, latest.created_at), (c3, entry, 1, anna, t0));

        // The marker: none yet, then at the newest change, then moved by later changes.
        assert_eq!(faq::find_faq_seen(&db, community, bruno).await.expect("seen"), None);
        assert_eq!(faq::count_faq_changes_after(&db, community, 0).await.expect("count"), 3);
        let at = now();
        let mut tx = begin(&db).await;
        assert_eq!(faq::mark_faq_seen(&mut tx, community, bruno, at).await.expect("mark"), c3);
        commit(tx).await;
        assert_eq!(faq::find_faq_seen(&db, community, bruno).await.expect("seen"), Some((c3, at)));
        assert_eq!(faq::count_faq_changes_after(&db, community, c3).await.expect("count"), 0);
        let c4 = add_change(&db, community, entry, faq::CHANGED, now()).await;
        assert_eq!(faq::count_faq_changes_after(&db, community, c3).await.expect("count"), 1);
        let later = shift(at, HOUR);
        let mut tx = begin(&db).await;
        assert_eq!(faq::mark_faq_seen(&mut tx, community, bruno, later).await.expect("mark again"), c4);
        assert_eq!(faq::mark_faq_seen(&mut tx, other, bruno, later).await.expect("mark other"), other_change, "per community");
        assert_eq!(faq::mark_faq_seen(&mut tx, community, anna, later).await.expect("mark anna"), c4);
        commit(tx).await;
        assert_eq!(faq::find_faq_seen(&db, community, bruno).await.expect("seen"), Some((c4, later)));
        let mut tx = begin(&db).await;
        let empty = add_community_in(&mut tx).await;
        assert_eq!(faq::mark_faq_seen(&mut tx, empty, bruno, later).await.expect("mark empty"), 0, "no changes yet");
        commit(tx).await;
    }
}

/// A community created inside an open transaction (for the marker of an empty changelog).
async fn add_community_in(tx: &mut piazza_db::Tx) -> i64 {
    piazza_db::communities::insert_community(
        tx,
        &piazza_db::communities::NewCommunity {
            slug: "vuota",
            name: "Vuota",
            description: "",
            created_at: now(),
        },
    )
    .await
    .expect("insert community")
}
