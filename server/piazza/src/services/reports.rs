//! Reports: any approved member reports a post (or a thread, through its first post) with
//! a reason — never their own (`FORBIDDEN`, like voting on it). Reports of the same post
//! collapse into its one open review item, which counts them; a member's second report of
//! the same item is not counted again.

use piazza_db::moderation::{self, NewReviewItem};

use super::{AppState, moderation as actions, poster, posts, threads};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    live,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Spam,
    Offensive,
    OffTopic,
    Inaccurate,
    PersonalData,
    Other,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Spam => "spam",
            Reason::Offensive => "offensive",
            Reason::OffTopic => "off_topic",
            Reason::Inaccurate => "inaccurate",
            Reason::PersonalData => "personal_data",
            Reason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Reason {
        match s {
            "spam" => Reason::Spam,
            "offensive" => Reason::Offensive,
            "off_topic" => Reason::OffTopic,
            "inaccurate" => Reason::Inaccurate,
            "personal_data" => Reason::PersonalData,
            _ => Reason::Other,
        }
    }
}

pub async fn report_post(
    state: &AppState,
    viewer: Option<&Viewer>,
    post_id: i64,
    reason: Reason,
    note: Option<&str>,
) -> AppResult<bool> {
    let viewer = poster(viewer)?;
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 500) {
        return Err(AppError::bad_input("Nota: al massimo 500 caratteri"));
    }
    let post = posts::get(state, post_id).await?;
    if post.deleted_at.is_some() || post.moderation != piazza_db::posts::VISIBLE {
        return Err(AppError::NotFound("Messaggio"));
    }
    // A rule about who may act, like voting on one's own post: FORBIDDEN, with the reason.
    if post.author_id == viewer.id() {
        return Err(AppError::Denied(
            "Non puoi segnalare un tuo messaggio: puoi modificarlo o eliminarlo".into(),
        ));
    }
    let thread = threads::get(state, post.thread_id).await?;
    let now = piazza_db::now();
    let mut tx = state.db.begin().await?;
    let new = NewReviewItem {
        kind: moderation::REPORT,
        community_id: Some(thread.community_id),
        user_id: Some(post.author_id),
        post_id: Some(post.id),
        thread_id: Some(thread.id),
    };
    let item_id = moderation::open_review_item(&mut tx, &new, now).await?;
    let mut events = Vec::new();
    if moderation::insert_report(&mut tx, item_id, viewer.id(), reason.as_str(), note, now).await? {
        let item = moderation::get_review_item_tx(&mut tx, item_id).await?;
        events = actions::record_review(&mut tx, &item).await?;
    }
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(true)
}

/// Reports a thread: its opening post stands for it in the queue.
pub async fn report_thread(
    state: &AppState,
    viewer: Option<&Viewer>,
    thread_id: i64,
    reason: Reason,
    note: Option<&str>,
) -> AppResult<bool> {
    poster(viewer)?;
    let thread = threads::get(state, thread_id).await?;
    let first = thread
        .first_post_id
        .ok_or(AppError::NotFound("Discussione"))?;
    report_post(state, viewer, first, reason, note).await
}
