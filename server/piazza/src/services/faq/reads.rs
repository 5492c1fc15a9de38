//! Reading the FAQ: lists filtered by status and tag, revisions and their diffs, the
//! changelog with each member's seen marker, and the Markdown export.

use chrono::{DateTime, Utc};
use piazza_db::{
    communities::Community,
    faq::{self, FaqChange, FaqEntry, FaqRevision},
};

use super::{diff_html, markdown_document, may_edit};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    services::{AppState, communities, signed_in},
};

/// Which entries a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFilter {
    Draft,
    Published,
    Withdrawn,
}

/// A page of a community's entries in creation order. Without a status: published
/// entries, plus drafts for editors. Asking non-editors for drafts yields nothing.
pub async fn list(
    state: &AppState,
    viewer: Option<&Viewer>,
    community_id: i64,
    status: Option<StatusFilter>,
    tag: Option<&str>,
    after_id: Option<i64>,
    limit: i64,
) -> AppResult<Vec<FaqEntry>> {
    let editor = match viewer {
        Some(v) => may_edit(state, v, community_id).await?,
        None => false,
    };
    let statuses: &[&str] = match (status, editor) {
        (None, true) => &[faq::PUBLISHED, faq::DRAFT],
        (None, false) | (Some(StatusFilter::Published), _) => &[faq::PUBLISHED],
        (Some(StatusFilter::Withdrawn), _) => &[faq::WITHDRAWN],
        (Some(StatusFilter::Draft), true) => &[faq::DRAFT],
        (Some(StatusFilter::Draft), false) => &[],
    };
    let tag = tag
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty());
    Ok(faq::list_community_faq(
        &state.db,
        community_id,
        statuses,
        tag.as_deref(),
        after_id,
        limit,
    )
    .await?)
}

/// Every revision of an entry the caller has already shown to be visible.
pub async fn revisions(state: &AppState, entry: &FaqEntry) -> AppResult<Vec<FaqRevision>> {
    Ok(faq::list_faq_revisions(&state.db, entry.id).await?)
}

/// The word-level HTML diff of question and answer between two versions of an entry.
pub async fn diff(state: &AppState, entry: &FaqEntry, from: i64, to: i64) -> AppResult<String> {
    let revision = |version| async move {
        faq::find_faq_revision(&state.db, entry.id, version)
            .await?
            .ok_or(AppError::NotFound("Versione"))
    };
    let (old, new) = (revision(from).await?, revision(to).await?);
    Ok(diff_html(&old, &new))
}

/// A page of the community's changelog, newest first.
pub async fn changelog(
    state: &AppState,
    community_id: i64,
    since: Option<DateTime<Utc>>,
    before_id: Option<i64>,
    limit: i64,
) -> AppResult<Vec<FaqChange>> {
    Ok(faq::list_faq_changes(&state.db, community_id, since, before_id, limit).await?)
}

/// When the viewer last marked the community's FAQ as seen (null if never or signed out).
pub async fn last_seen(
    state: &AppState,
    viewer: Option<&Viewer>,
    community_id: i64,
) -> AppResult<Option<DateTime<Utc>>> {
    let Some(v) = viewer else { return Ok(None) };
    let seen = faq::find_faq_seen(&state.db, community_id, v.id()).await?;
    Ok(seen.map(|(_, at)| at))
}

/// Changelog rows since the viewer's marker (all of them if they never looked); null
/// when signed out.
pub async fn unseen_count(
    state: &AppState,
    viewer: Option<&Viewer>,
    community_id: i64,
) -> AppResult<Option<i64>> {
    let Some(v) = viewer else { return Ok(None) };
    let after = faq::find_faq_seen(&state.db, community_id, v.id())
        .await?
        .map_or(0, |(id, _)| id);
    Ok(Some(
        faq::count_faq_changes_after(&state.db, community_id, after).await?,
    ))
}

/// Moves the viewer's marker to the community's newest change.
pub async fn mark_seen(
    state: &AppState,
    viewer: Option<&Viewer>,
    slug: &str,
) -> AppResult<Community> {
    let viewer = signed_in(viewer)?;
    let community = communities::get_by_slug(state, slug).await?;
    let mut tx = state.db.begin().await?;
    faq::mark_faq_seen(&mut tx, community.id, viewer.id(), piazza_db::now()).await?;
    tx.commit().await?;
    Ok(community)
}

/// The community's published FAQ as one Markdown document, dated by its latest change.
pub async fn export(state: &AppState, slug: &str) -> AppResult<String> {
    let community = communities::get_by_slug(state, slug).await?;
    let mut entries = Vec::new();
    let mut after = None;
    loop {
        let page =
            faq::list_community_faq(&state.db, community.id, &[faq::PUBLISHED], None, after, 500)
                .await?;
        let done = page.len() < 500;
        after = page.last().map(|e| e.id);
        entries.extend(page);
        if done {
            break;
        }
    }
    let latest = faq::find_latest_faq_change(&state.db, community.id).await?;
    Ok(markdown_document(
        &community,
        &entries,
        latest.map(|c| c.created_at),
    ))
}
