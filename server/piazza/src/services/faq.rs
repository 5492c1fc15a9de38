//! The official FAQ of each community, maintained by its editors: experts (global role),
//! the community's moderators and admins.
//!
//! Rules:
//! - Every change of text is a new numbered revision with its editor and an obligatory
//!   change note; publishing a draft and withdrawing change the status, not the version.
//! - Drafts are seen by editors only; to anyone else they do not exist (`NOT_FOUND`/null,
//!   when read and when acted on), so neither their content nor their existence leaks.
//!   Published and withdrawn entries are readable by all; a withdrawn one keeps its text,
//!   history and the reason it was withdrawn.
//! - What members see change (publishing, changing a published entry, withdrawing) goes
//!   into the community's changelog, emits a community event and notifies its followers
//!   (members who watch or track it), all in the write's transaction. Work on drafts is
//!   silent.

mod diff;
mod export;
mod input;
mod reads;

use piazza_db::{
    DbError, Tx,
    events::Event,
    faq::{self, FaqContent, FaqEntry, NewFaqChange, NewFaqEntry},
    notifications::NewNotification,
};

pub use diff::diff_html;
pub use export::markdown_document;
pub use input::{EntryChange, NewEntryInput};
use input::{change_note, content, question, reason, references, validity};
pub use reads::{
    StatusFilter, changelog, diff, export, last_seen, list, mark_seen, revisions, unseen_count,
};

use super::{AppState, active, communities, follows, notifications, validate};
use crate::{
    auth::{Role, Viewer},
    error::{AppError, AppResult},
    feed_cache,
    live::{self, Kind as LiveKind, Refs, Topic},
};

/// Notification kinds, as stored.
pub const FAQ_PUBLISHED: &str = "faq_published";
pub const FAQ_UPDATED: &str = "faq_updated";

const ENTRY: &str = "Voce delle FAQ";

fn not_found(e: DbError) -> AppError {
    match e {
        DbError::NotFound => AppError::NotFound(ENTRY),
        other => other.into(),
    }
}

/// Whether the viewer edits the FAQ of the community: experts, its moderators, admins.
pub async fn may_edit(state: &AppState, viewer: &Viewer, community_id: i64) -> AppResult<bool> {
    if viewer.role() == Role::Expert {
        return Ok(true);
    }
    communities::moderates(state, viewer, community_id).await
}

/// The viewer, if they may edit the community's FAQ now (signed in, not suspended).
async fn editor<'a>(
    state: &AppState,
    viewer: Option<&'a Viewer>,
    community_id: i64,
) -> AppResult<&'a Viewer> {
    let viewer = active(viewer)?;
    if !may_edit(state, viewer, community_id).await? {
        return Err(AppError::Forbidden);
    }
    Ok(viewer)
}

/// The entry an editing mutation acts on, with the viewer if they may edit it. A draft is
/// `NOT_FOUND` to non-editors, exactly like a missing id, so acting on an id never reveals
/// that a draft exists; published and withdrawn entries are public, so there a non-editor
/// is `FORBIDDEN`.
async fn editable<'a>(
    state: &AppState,
    viewer: Option<&'a Viewer>,
    id: i64,
) -> AppResult<(&'a Viewer, FaqEntry)> {
    let viewer = active(viewer)?;
    let entry = faq::get_faq_entry(&state.db, id).await.map_err(not_found)?;
    if !may_edit(state, viewer, entry.community_id).await? {
        return Err(if entry.is_draft() {
            AppError::NotFound(ENTRY)
        } else {
            AppError::Forbidden
        });
    }
    Ok((viewer, entry))
}

/// Whether the viewer may see the entry at all (drafts: editors only).
pub async fn may_see(
    state: &AppState,
    viewer: Option<&Viewer>,
    entry: &FaqEntry,
) -> AppResult<bool> {
    if !entry.is_draft() {
        return Ok(true);
    }
    match viewer {
        Some(v) => may_edit(state, v, entry.community_id).await,
        None => Ok(false),
    }
}

/// An entry the viewer may see, or `NOT_FOUND` (a draft looks missing to non-editors).
pub async fn get(state: &AppState, viewer: Option<&Viewer>, id: i64) -> AppResult<FaqEntry> {
    let entry = faq::get_faq_entry(&state.db, id).await.map_err(not_found)?;
    if !may_see(state, viewer, &entry).await? {
        return Err(AppError::NotFound(ENTRY));
    }
    Ok(entry)
}

/// Of the given entries, those the viewer may see (the editor check runs only for drafts).
pub async fn visible(
    state: &AppState,
    viewer: Option<&Viewer>,
    entries: Vec<FaqEntry>,
) -> AppResult<Vec<FaqEntry>> {
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        if may_see(state, viewer, &entry).await? {
            out.push(entry);
        }
    }
    Ok(out)
}

pub async fn publish(
    state: &AppState,
    viewer: Option<&Viewer>,
    input: NewEntryInput,
) -> AppResult<FaqEntry> {
    active(viewer)?;
    let community = communities::get_by_slug(state, &input.community_slug).await?;
    let viewer = editor(state, viewer, community.id).await?;
    let question = question(&input.question)?;
    let answer = validate::body(&input.answer)?;
    let tags = validate::tags(&input.tags)?;
    let references = references(&input.references)?;
    validity(input.valid_from, input.valid_until)?;
    let note = match input.change_note.as_deref() {
        Some(n) => change_note(n)?,
        None if input.draft => "Prima bozza".to_owned(),
        None => "Prima pubblicazione".to_owned(),
    };
    let content = content(
        question,
        answer,
        tags,
        references,
        input.valid_from,
        input.valid_until,
    );
    let status = if input.draft {
        faq::DRAFT
    } else {
        faq::PUBLISHED
    };
    create(state, viewer, community.id, status, &content, None, &note).await
}

/// Inserts an entry and, when published, announces it; one transaction.
async fn create(
    state: &AppState,
    viewer: &Viewer,
    community_id: i64,
    status: &str,
    content: &FaqContent,
    source_post_id: Option<i64>,
    note: &str,
) -> AppResult<FaqEntry> {
    let now = piazza_db::now();
    let mut tx = state.db.begin().await?;
    if let Some(post_id) = source_post_id
        && faq::find_live_entry_for_post(&mut tx, post_id)
            .await?
            .is_some()
    {
        return Err(AppError::Conflict(
            "Questo messaggio è già una voce delle FAQ".into(),
        ));
    }
    let new = NewFaqEntry {
        community_id,
        status,
        content,
        source_post_id,
        created_by: viewer.id(),
        change_note: note,
        created_at: now,
    };
    let id = faq::insert_faq_entry(&mut tx, &new).await?;
    let entry = faq::get_faq_entry_tx(&mut tx, id).await?;
    let events = if status == faq::PUBLISHED {
        announce(&mut tx, &entry, Announcement::Published, note, viewer.id()).await?
    } else {
        Vec::new()
    };
    tx.commit().await?;
    live::publish(state, &events).await;
    if events.is_empty() {
        // A draft: no event, but its editors' view of the FAQ changed.
        feed_cache::deps::bump_faq_entry(state, &entry).await;
    }
    metrics::counter!("piazza_faq_entries_created_total").increment(1);
    Ok(entry)
}

pub async fn update(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
    change: EntryChange,
) -> AppResult<FaqEntry> {
    let (viewer, current) = editable(state, viewer, id).await?;
    let note = change_note(&change.change_note)?;
    if current.status == faq::WITHDRAWN {
        return Err(AppError::Conflict(
            "La voce è stata ritirata e non si può modificare".into(),
        ));
    }
    let question = match &change.question {
        Some(q) => question(q)?,
        None => current.question.clone(),
    };
    let answer = match &change.answer {
        Some(a) => validate::body(a)?,
        None => current.answer.clone(),
    };
    let tags = match &change.tags {
        Some(t) => validate::tags(t)?,
        None => current.tag_list(),
    };
    let references = match &change.references {
        Some(r) => references(r)?,
        None => current.reference_list(),
    };
    let valid_from = change.valid_from.unwrap_or(current.valid_from);
    let valid_until = change.valid_until.unwrap_or(current.valid_until);
    validity(valid_from, valid_until)?;
    let unchanged = question == current.question
        && answer == current.answer
        && tags == current.tag_list()
        && references == current.reference_list()
        && valid_from == current.valid_from
        && valid_until == current.valid_until;
    if unchanged {
        return Err(AppError::bad_input(
            "Nessuna modifica rispetto alla versione attuale",
        ));
    }
    let content = content(question, answer, tags, references, valid_from, valid_until);
    let mut tx = state.db.begin().await?;
    faq::update_faq_content(&mut tx, id, &content, &note, viewer.id(), piazza_db::now())
        .await
        .map_err(|e| match e {
            // Withdrawn between the check and the write.
            DbError::NotFound => AppError::Conflict("La voce è stata ritirata".into()),
            other => other.into(),
        })?;
    let entry = faq::get_faq_entry_tx(&mut tx, id).await?;
    let events = if entry.status == faq::PUBLISHED {
        announce(&mut tx, &entry, Announcement::Changed, &note, viewer.id()).await?
    } else {
        Vec::new()
    };
    tx.commit().await?;
    live::publish(state, &events).await;
    if events.is_empty() {
        feed_cache::deps::bump_faq_entry(state, &entry).await;
    }
    Ok(entry)
}

/// Publishes a draft as it is (the version stays; the changelog records the note).
pub async fn publish_draft(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
    note: Option<&str>,
) -> AppResult<FaqEntry> {
    let (viewer, _) = editable(state, viewer, id).await?;
    let note = match note {
        Some(n) => change_note(n)?,
        None => "Pubblicazione".to_owned(),
    };
    let mut tx = state.db.begin().await?;
    if !faq::publish_faq_draft(&mut tx, id, piazza_db::now()).await? {
        return Err(AppError::Conflict("La voce non è una bozza".into()));
    }
    let entry = faq::get_faq_entry_tx(&mut tx, id).await?;
    let events = announce(&mut tx, &entry, Announcement::Published, &note, viewer.id()).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(entry)
}

/// Withdraws a published entry: it stays readable, marked withdrawn with the reason.
pub async fn withdraw(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
    why: &str,
) -> AppResult<FaqEntry> {
    let (viewer, _) = editable(state, viewer, id).await?;
    let why = reason(why)?;
    let mut tx = state.db.begin().await?;
    if !faq::withdraw_faq_entry(&mut tx, id, &why, viewer.id(), piazza_db::now()).await? {
        return Err(AppError::Conflict(
            "Solo una voce pubblicata si può ritirare".into(),
        ));
    }
    let entry = faq::get_faq_entry_tx(&mut tx, id).await?;
    let events = announce(&mut tx, &entry, Announcement::Withdrawn, &why, viewer.id()).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(entry)
}

/// Turns a post (typically an accepted or official answer) into an entry of its thread's
/// community, with the question rephrased; a draft unless `publish`.
pub async fn promote(
    state: &AppState,
    viewer: Option<&Viewer>,
    post_id: i64,
    question_text: &str,
    publish: bool,
) -> AppResult<FaqEntry> {
    active(viewer)?;
    let post = super::posts::get(state, post_id).await?;
    let thread = super::threads::get(state, post.thread_id).await?;
    let viewer = editor(state, viewer, thread.community_id).await?;
    if post.deleted_at.is_some() {
        return Err(AppError::NotFound("Messaggio"));
    }
    let question = question(question_text)?;
    let content = content(
        question,
        post.body.clone(),
        thread.tag_list(),
        Vec::new(),
        None,
        None,
    );
    let note = format!(
        "Dal messaggio n. {} della discussione «{}»",
        post.id, thread.title
    );
    let status = if publish { faq::PUBLISHED } else { faq::DRAFT };
    create(
        state,
        viewer,
        thread.community_id,
        status,
        &content,
        Some(post.id),
        &note,
    )
    .await
}

#[derive(Clone, Copy)]
enum Announcement {
    Published,
    Changed,
    Withdrawn,
}

/// Records what members see change: the changelog row, the community event and the
/// followers' notifications. Returns the events to publish after commit.
async fn announce(
    tx: &mut Tx,
    entry: &FaqEntry,
    what: Announcement,
    note: &str,
    actor_id: i64,
) -> AppResult<Vec<Event>> {
    let (change_kind, live_kind, notification_kind) = match what {
        Announcement::Published => (faq::ADDED, LiveKind::FaqPublished, FAQ_PUBLISHED),
        Announcement::Changed => (faq::CHANGED, LiveKind::FaqUpdated, FAQ_UPDATED),
        Announcement::Withdrawn => (faq::REMOVED, LiveKind::FaqWithdrawn, FAQ_UPDATED),
    };
    let now = piazza_db::now();
    faq::insert_faq_change(
        tx,
        &NewFaqChange {
            community_id: entry.community_id,
            faq_entry_id: entry.id,
            kind: change_kind,
            version: entry.version,
            note,
            actor_id,
            created_at: now,
        },
    )
    .await?;
    let refs = Refs {
        community_id: Some(entry.community_id),
        faq_entry_id: Some(entry.id),
        ..Refs::default()
    };
    let mut events =
        vec![live::record(tx, Topic::Community(entry.community_id), live_kind, refs).await?];
    // Members who watch or track the community hear of FAQ changes; the editor who acted
    // does not.
    let levels = [piazza_db::follows::WATCHING, piazza_db::follows::TRACKING];
    let followers = follows::community_followers(tx, entry.community_id, &levels).await?;
    for user_id in followers.into_iter().filter(|id| *id != actor_id) {
        let new = NewNotification {
            user_id,
            kind: notification_kind.into(),
            actor_id: Some(actor_id),
            thread_id: None,
            post_id: None,
            faq_entry_id: Some(entry.id),
        };
        events.push(notifications::notify(tx, &new).await?);
    }
    Ok(events)
}
