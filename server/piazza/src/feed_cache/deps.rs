//! What a cached answer depends on, as version keys, and the bumps writes make.
//!
//! - `community:{id}`: anything shown in the community's feeds — its threads and their
//!   posts, answers and scores, its FAQ, its member count. Every thread-level change bumps
//!   its community too, so a community feed that shows thread details stays exact.
//! - `thread:{id}`: a thread page.
//! - `global`: facts shown everywhere and rarely changed (names, roles, comuni, the list
//!   of communities). Every plan depends on it.

use piazza_db::events::Event;

use crate::services::AppState;

pub const GLOBAL: &str = "global";

pub fn community(id: i64) -> String {
    format!("community:{id}")
}

pub fn thread(id: i64) -> String {
    format!("thread:{id}")
}

/// Retires every cached answer that depends on `deps`. Call it after the commit, before
/// answering: a read that starts after the write's response then sees the write.
pub async fn bump(state: &AppState, deps: &[String]) {
    if let Some(cache) = &state.cache {
        cache.bump(deps).await;
    }
}

/// The bumps for committed live events (called where they are published).
pub async fn bump_events(state: &AppState, events: &[Event]) {
    if state.cache.is_none() {
        return;
    }
    let mut deps = Vec::new();
    for event in events {
        if !(event.topic.starts_with("thread:") || event.topic.starts_with("community:")) {
            continue; // inbox and session events change nothing shared
        }
        let community_id = match (event.community_id, event.thread_id) {
            (Some(id), _) => Some(id),
            (None, Some(thread_id)) => community_of(state, thread_id).await,
            (None, None) => None,
        };
        deps.extend(event.thread_id.map(thread));
        if let Some(entry_id) = event.faq_entry_id {
            // A thread whose post became an FAQ entry links to it.
            deps.extend(source_thread(state, entry_id).await.map(thread));
        }
        match community_id {
            Some(id) => deps.push(community(id)),
            // Unknown: retire everything rather than risk a stale feed.
            None => deps.push(GLOBAL.to_owned()),
        }
    }
    deps.sort();
    deps.dedup();
    bump(state, &deps).await;
}

/// Retires a thread's page and its community's feeds (for writes that record no event).
pub async fn bump_thread(state: &AppState, thread_id: i64) {
    if state.cache.is_none() {
        return;
    }
    let mut deps = vec![thread(thread_id)];
    deps.push(match community_of(state, thread_id).await {
        Some(id) => community(id),
        None => GLOBAL.to_owned(),
    });
    bump(state, &deps).await;
}

/// Retires what shows an FAQ entry that records no event (a draft): its community's FAQ
/// and the thread it was promoted from.
pub async fn bump_faq_entry(state: &AppState, entry: &piazza_db::faq::FaqEntry) {
    if state.cache.is_none() {
        return;
    }
    let mut deps = vec![community(entry.community_id)];
    deps.extend(source_thread(state, entry.id).await.map(thread));
    bump(state, &deps).await;
}

/// The thread of the post an FAQ entry was promoted from, if any.
async fn source_thread(state: &AppState, entry_id: i64) -> Option<i64> {
    let found = async {
        let entry = piazza_db::faq::get_faq_entry(&state.db, entry_id).await?;
        match entry.source_post_id {
            Some(post_id) => piazza_db::posts::get_post(&state.db, post_id)
                .await
                .map(|p| Some(p.thread_id)),
            None => Ok(None),
        }
    };
    found.await.unwrap_or_else(|e: piazza_db::DbError| {
        tracing::warn!(error = %e, entry_id, "finding an FAQ entry's thread to refresh it");
        None
    })
}

async fn community_of(state: &AppState, thread_id: i64) -> Option<i64> {
    match piazza_db::threads::get_thread(&state.db, thread_id).await {
        Ok(t) => Some(t.community_id),
        Err(e) => {
            tracing::warn!(error = %e, thread_id, "finding a thread's community to refresh its feeds");
            None
        }
    }
}
