//! Search and "similar questions", and keeping the search index in step with writes.
//!
//! The language work (folding, stems, synonyms, query syntax, snippets) is done by the
//! `piazza-search` crate; storage and the two engines' match operators by
//! `piazza_db::search`. The index lives in the database, so every replica sees the same one.
//!
//! Consistency: [`on_change`] runs inside the transaction of every write that records a
//! live event (`live::record` calls it), so a post, an edit, a deletion or an FAQ change is
//! searchable, changed or gone exactly when it commits. A hidden or held post's document
//! stays, flagged hidden ([`index_post`]), so restoring it needs no re-indexing.

use std::{
    sync::{Arc, LazyLock},
    time::Duration,
};

use piazza_db::{
    Tx,
    search::{self as index, NewSearchDoc, SearchFilter},
    threads::Thread,
};
use piazza_search::{Query, Synonyms, snippet::SNIPPET_CHARS};
use tokio::sync::watch;

use super::{AppState, RequestMeta, admin, communities};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    live::{Kind, Refs},
};

/// Results a client may page through; deeper pages are empty.
pub const MAX_OFFSET: i64 = 500;
/// Words of a draft question used to look for similar ones.
const SIMILAR_TERMS: usize = 16;
/// Longest text accepted by `similarQuestions`: a title plus the start of the body.
const MAX_SIMILAR_TITLE: usize = 500;
const MAX_SIMILAR_BODY: usize = 32_000;
/// How much of the body a draft's similarity considers.
const SIMILAR_BODY_CHARS: usize = 400;

static BUILTIN: LazyLock<Synonyms> = LazyLock::new(Synonyms::builtin);

/// The built-in synonyms plus the groups admins added.
async fn synonyms(state: &AppState) -> AppResult<Synonyms> {
    let extra = index::list_synonym_groups(&state.db).await?;
    if extra.is_empty() {
        return Ok(BUILTIN.clone());
    }
    Ok(BUILTIN
        .clone()
        .with_groups(extra.iter().map(|g| g.expression_list())))
}

/// What a search asks for.
#[derive(Clone, Debug, Default)]
pub struct SearchInput {
    pub query: String,
    pub community_slug: Option<String>,
    pub filter: SearchFilter,
}

/// One result, ready to show.
#[derive(Clone, Debug)]
pub struct Hit {
    pub thread_id: Option<i64>,
    /// The thread's post that matched best.
    pub post_id: Option<i64>,
    pub faq_entry_id: Option<i64>,
    /// The title (or FAQ question), escaped, matches marked.
    pub title_html: String,
    /// A window of the text around the first match, escaped, matches marked.
    pub snippet_html: String,
}

async fn community_filter(state: &AppState, slug: Option<&str>) -> AppResult<Option<i64>> {
    match slug.map(str::trim).filter(|s| !s.is_empty()) {
        Some(slug) => Ok(Some(communities::get_by_slug(state, slug).await?.id)),
        None => Ok(None),
    }
}

/// A page of results for `input`, skipping `offset`. Anyone may search: everything indexed
/// is public (published FAQ entries, posts that are neither deleted nor hidden).
pub async fn search(
    state: &AppState,
    viewer: Option<&Viewer>,
    meta: &RequestMeta,
    input: SearchInput,
    offset: i64,
    limit: i64,
) -> AppResult<Vec<Hit>> {
    state
        .throttle
        .search(meta.ip, viewer.map(Viewer::id))
        .await?;
    let mut query = Query::parse(&input.query, &synonyms(state).await?)
        .map_err(|e| AppError::bad_input(e.message()))?;
    let mut filter = input.filter;
    filter.community_id = community_filter(state, input.community_slug.as_deref()).await?;
    if let Some(id) = filter.community_id {
        query = query.in_community(id);
    }
    if let Some(tag) = filter.tag.take() {
        filter.tag = Some(tag.trim().to_lowercase()).filter(|t| !t.is_empty());
    }
    if query.is_empty() || offset > MAX_OFFSET {
        return Ok(Vec::new());
    }
    let hits = index::search(&state.db, &query, &filter, offset, limit).await?;
    let matcher = query.matcher();
    Ok(hits
        .into_iter()
        .map(|h| Hit {
            thread_id: h.thread_id,
            post_id: h.post_id,
            faq_entry_id: h.faq_entry_id,
            title_html: piazza_search::highlight(&h.title, &matcher),
            snippet_html: piazza_search::snippet(&h.body, &matcher, SNIPPET_CHARS),
        })
        .collect())
}

/// Questions and discussions like the one being written (title, and optionally the start
/// of the body), best first: for the ask page, as the member types.
pub async fn similar_questions(
    state: &AppState,
    viewer: Option<&Viewer>,
    meta: &RequestMeta,
    title: &str,
    body: Option<&str>,
    community_slug: Option<&str>,
    limit: i64,
) -> AppResult<Vec<Thread>> {
    state
        .throttle
        .search(meta.ip, viewer.map(Viewer::id))
        .await?;
    if title.chars().count() > MAX_SIMILAR_TITLE {
        return Err(AppError::bad_input(format!(
            "Titolo: al massimo {MAX_SIMILAR_TITLE} caratteri"
        )));
    }
    let body = body.unwrap_or_default();
    if body.chars().count() > MAX_SIMILAR_BODY {
        return Err(AppError::bad_input(format!(
            "Testo: al massimo {MAX_SIMILAR_BODY} caratteri"
        )));
    }
    let start: String = body.chars().take(SIMILAR_BODY_CHARS).collect();
    let mut query = Query::any_of(
        &format!("{title}\n{start}"),
        &synonyms(state).await?,
        SIMILAR_TERMS,
    );
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let community_id = community_filter(state, community_slug).await?;
    if let Some(id) = community_id {
        query = query.in_community(id);
    }
    let filter = SearchFilter {
        community_id,
        doc_kind: Some(index::POST.into()),
        first_posts_only: true,
        ..SearchFilter::default()
    };
    let hits = index::search(&state.db, &query, &filter, 0, limit).await?;
    let ids: Vec<i64> = hits.iter().filter_map(|h| h.thread_id).collect();
    let mut threads = piazza_db::threads::list_threads_by_ids(&state.db, &ids).await?;
    threads.sort_by_key(|t| ids.iter().position(|id| *id == t.id));
    Ok(threads)
}

// ---------------------------------------------------------------------------------------
// Keeping the index in step

/// Updates the index for a change just recorded as a live event, in the same transaction.
pub async fn on_change(tx: &mut Tx, kind: Kind, refs: Refs) -> AppResult<()> {
    match kind {
        Kind::ThreadCreated | Kind::PostCreated | Kind::PostEdited => {
            if let Some(post_id) = refs.post_id {
                index_post(tx, post_id).await?;
            }
        }
        Kind::PostDeleted => {
            if let Some(post_id) = refs.post_id {
                index::delete_post_doc(tx, post_id).await?;
            }
        }
        Kind::AnswerAccepted | Kind::OfficialAnswer => {
            if let Some(thread_id) = refs.thread_id {
                let t = piazza_db::threads::get_thread_tx(tx, thread_id).await?;
                index::set_thread_answers(tx, t.id, t.accepted_post_id, t.official_post_id).await?;
            }
        }
        Kind::FaqPublished | Kind::FaqUpdated | Kind::FaqWithdrawn => {
            if let Some(id) = refs.faq_entry_id {
                index_faq_entry(tx, id).await?;
            }
        }
        Kind::PostHidden | Kind::PostRestored => {
            if let Some(post_id) = refs.post_id {
                index_post(tx, post_id).await?;
            }
        }
        // A moved thread's documents carry the community they are searched in.
        Kind::ThreadMoved => {
            if let Some(thread_id) = refs.thread_id {
                index_thread(tx, thread_id).await?;
            }
        }
        Kind::Notification | Kind::ThreadUpdated | Kind::ReviewItem => {}
    }
    Ok(())
}

/// The terms of a document: its community's token, then the analysed parts.
pub fn indexed(community_id: i64, parts: &[&str]) -> String {
    let community = piazza_search::analyze::community_token(community_id);
    format!("{community} {}", piazza_search::index_text(parts))
}

/// (Re)writes a post's document from its current state; a deleted post's is removed.
pub async fn index_post(tx: &mut Tx, post_id: i64) -> AppResult<()> {
    let post = piazza_db::posts::get_post_tx(tx, post_id).await?;
    if post.deleted_at.is_some() {
        index::delete_post_doc(tx, post_id).await?;
        return Ok(());
    }
    let thread = piazza_db::threads::get_thread_tx(tx, post.thread_id).await?;
    let body = piazza_markdown::plain_text(&post.body);
    let first = thread.first_post_id == Some(post.id);
    // The title is searchable through the first post only, so a thread does not match a
    // title word once per reply.
    let terms = if first {
        indexed(thread.community_id, &[&thread.title, &body])
    } else {
        indexed(thread.community_id, &[&body])
    };
    // Hidden and not-yet-approved posts stay out of results (restorable without re-indexing),
    // and so does every post of a thread held for approval.
    let hidden = post.moderation != piazza_db::posts::VISIBLE || thread.pending;
    let doc = NewSearchDoc {
        kind: index::POST,
        thread_id: Some(thread.id),
        post_id: Some(post.id),
        faq_entry_id: None,
        community_id: thread.community_id,
        author_id: Some(post.author_id),
        title: &thread.title,
        body: &body,
        terms: &terms,
        is_first_post: first,
        is_accepted: thread.accepted_post_id == Some(post.id),
        is_official: post.is_official,
        hidden: Some(hidden),
        created_at: post.created_at,
    };
    index::upsert_doc(tx, &doc).await?;
    Ok(())
}

/// (Re)writes the documents of every post of a thread: after a move, or when the thread is
/// held for approval or released.
pub async fn index_thread(tx: &mut Tx, thread_id: i64) -> AppResult<()> {
    for post_id in piazza_db::posts::list_post_ids_of_thread(tx, thread_id).await? {
        index_post(tx, post_id).await?;
    }
    Ok(())
}

/// (Re)writes an FAQ entry's document; only published entries are searchable.
pub async fn index_faq_entry(tx: &mut Tx, id: i64) -> AppResult<()> {
    let entry = piazza_db::faq::get_faq_entry_tx(tx, id).await?;
    if entry.status != piazza_db::faq::PUBLISHED {
        index::delete_faq_doc(tx, id).await?;
        return Ok(());
    }
    let answer = piazza_markdown::plain_text(&entry.answer);
    let refs = entry.reference_list().join("; ");
    let body = if refs.is_empty() {
        answer
    } else {
        format!("{answer}\n{refs}")
    };
    let terms = indexed(entry.community_id, &[&entry.question, &body]);
    let doc = NewSearchDoc {
        kind: index::FAQ,
        thread_id: None,
        post_id: None,
        faq_entry_id: Some(entry.id),
        community_id: entry.community_id,
        author_id: Some(entry.created_by),
        title: &entry.question,
        body: &body,
        terms: &terms,
        is_first_post: false,
        is_accepted: false,
        is_official: true,
        hidden: Some(false),
        created_at: entry.updated_at,
    };
    index::upsert_doc(tx, &doc).await?;
    Ok(())
}

/// Posts indexed per transaction by [`index_missing`]: small, so that on SQLite members'
/// writes, which share the one writer, wait for one batch at most (tens of milliseconds).
const BACKFILL_BATCH: i64 = 50;
/// Wait before retrying a failed backfill.
const BACKFILL_RETRY: Duration = Duration::from_secs(30);

/// Whether the start-up pass of [`complete_index`] has finished; cheap to clone.
#[derive(Clone)]
pub struct Backfill(Arc<watch::Sender<bool>>);

impl Default for Backfill {
    fn default() -> Self {
        Backfill(Arc::new(watch::Sender::new(false)))
    }
}

impl Backfill {
    pub fn is_finished(&self) -> bool {
        *self.0.borrow()
    }

    /// Resolves once the pass has finished.
    pub async fn finished(&self) {
        let mut rx = self.0.subscribe();
        // The sender lives as long as `self`, so this only returns once the flag is set.
        let _ = rx.wait_for(|done| *done).await;
    }
}

/// Indexes, in the background of a starting server, every post and FAQ entry the index
/// lacks (a restore from before search existed, data imported with SQL): the server
/// serves meanwhile, and their documents appear batch by batch. Retries after failures
/// (the database restarting); replicas starting together may both try a document, and the
/// loser's batch is retried.
pub async fn complete_index(state: AppState) {
    loop {
        match index_missing(&state).await {
            Ok(written) => {
                if written > 0 {
                    tracing::info!(indexed = written, "search index completed");
                }
                state.search_backfill.0.send_replace(true);
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e.message(), "indexing for search failed; will retry");
                tokio::time::sleep(BACKFILL_RETRY).await;
            }
        }
    }
}

/// Indexes every visible post and published FAQ entry that has no document yet, in
/// batches of one transaction each. Returns how many documents were written.
pub async fn index_missing(state: &AppState) -> AppResult<u64> {
    let mut written = 0;
    let mut after = 0;
    loop {
        let ids = index::list_unindexed_posts(&state.db, after, BACKFILL_BATCH).await?;
        let Some(last) = ids.last().copied() else {
            break;
        };
        let mut tx = state.db.begin().await?;
        for id in &ids {
            index_post(&mut tx, *id).await?;
        }
        tx.commit().await?;
        written += ids.len() as u64;
        after = last;
        if written % 10_000 < BACKFILL_BATCH as u64 {
            tracing::info!(indexed = written, "indexing posts for search");
        }
    }
    let ids = index::list_unindexed_faq_entries(&state.db).await?;
    for batch in ids.chunks(BACKFILL_BATCH as usize) {
        let mut tx = state.db.begin().await?;
        for id in batch {
            index_faq_entry(&mut tx, *id).await?;
        }
        tx.commit().await?;
        written += batch.len() as u64;
    }
    Ok(written)
}

// ---------------------------------------------------------------------------------------
// Synonyms added by admins

/// The synonym groups admins added (the built-in ones are not listed).
pub async fn list_synonyms(
    state: &AppState,
    viewer: Option<&Viewer>,
) -> AppResult<Vec<Vec<String>>> {
    admin(viewer)?;
    Ok(index::list_synonym_groups(&state.db)
        .await?
        .iter()
        .map(|g| g.expression_list())
        .collect())
}

/// Replaces the admin-added synonym groups. Each group lists at least two equivalent
/// expressions ("RUP", "responsabile unico del progetto"); they apply to the next search.
pub async fn set_synonyms(
    state: &AppState,
    viewer: Option<&Viewer>,
    groups: Vec<Vec<String>>,
) -> AppResult<Vec<Vec<String>>> {
    let viewer = admin(viewer)?;
    if groups.len() > 500 {
        return Err(AppError::bad_input("Al massimo 500 gruppi di sinonimi"));
    }
    let mut clean = Vec::with_capacity(groups.len());
    for group in groups {
        let exprs: Vec<String> = group
            .iter()
            .map(|e| e.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|e| !e.is_empty())
            .collect();
        if exprs.len() < 2 || exprs.len() > 20 {
            return Err(AppError::bad_input(
                "Ogni gruppo di sinonimi ha da 2 a 20 espressioni",
            ));
        }
        if exprs.iter().any(|e| e.chars().count() > 100) {
            return Err(AppError::bad_input(
                "Sinonimi: al massimo 100 caratteri ciascuno",
            ));
        }
        if exprs
            .iter()
            .any(|e| piazza_search::analyze::terms(e).is_empty())
        {
            return Err(AppError::bad_input(
                "Ogni sinonimo deve contenere almeno una parola cercabile",
            ));
        }
        clean.push(exprs);
    }
    let mut tx = state.db.begin().await?;
    index::replace_synonym_groups(&mut tx, &clean, viewer.id(), piazza_db::now()).await?;
    tx.commit().await?;
    Ok(clean)
}
