//! Follow levels: how much a member hears about a thread or a community.
//!
//! - Thread: `WATCHING` hears of every reply; `TRACKING` and `NORMAL` only of what is
//!   addressed to them (mentions, their answer accepted, an official answer to their
//!   question); `MUTED` of nothing at all about the thread.
//! - Community: `WATCHING` hears of every new thread; `WATCHING` and `TRACKING` hear of FAQ
//!   changes; `MUTED` also mutes the community's threads the member has no level for.
//!
//! Defaults are written when a member asks or replies (`WATCHING` the thread) and joins
//! (`TRACKING` the community), but never over a level they chose.

use piazza_db::{
    Tx,
    communities::Community,
    follows::{self, MUTED, NORMAL, TRACKING, WATCHING},
    threads::Thread,
};

use super::{AppState, communities, signed_in};
use crate::{auth::Viewer, error::AppResult};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Watching,
    Tracking,
    Normal,
    Muted,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Watching => WATCHING,
            Level::Tracking => TRACKING,
            Level::Normal => NORMAL,
            Level::Muted => MUTED,
        }
    }

    pub fn parse(s: &str) -> Level {
        match s {
            WATCHING => Level::Watching,
            TRACKING => Level::Tracking,
            MUTED => Level::Muted,
            _ => Level::Normal,
        }
    }
}

/// Sets the viewer's level for a thread.
pub async fn set_thread_level(
    state: &AppState,
    viewer: Option<&Viewer>,
    thread_id: i64,
    level: Level,
) -> AppResult<Thread> {
    let viewer = signed_in(viewer)?;
    let thread = super::threads::get(state, thread_id).await?;
    let mut tx = state.db.begin().await?;
    follows::set_thread_level(&mut tx, thread.id, viewer.id(), level.as_str()).await?;
    tx.commit().await?;
    Ok(thread)
}

/// Sets the viewer's level for a community (joining is not required).
pub async fn set_community_level(
    state: &AppState,
    viewer: Option<&Viewer>,
    slug: &str,
    level: Level,
) -> AppResult<Community> {
    let viewer = signed_in(viewer)?;
    let community = communities::get_by_slug(state, slug).await?;
    let mut tx = state.db.begin().await?;
    follows::set_community_level(&mut tx, community.id, viewer.id(), level.as_str()).await?;
    tx.commit().await?;
    Ok(community)
}

/// Members whose level for the community is one of `levels` (e.g. `&["watching",
/// "tracking"]` for FAQ changes), read inside the caller's write transaction.
pub async fn community_followers(
    tx: &mut Tx,
    community_id: i64,
    levels: &[&str],
) -> AppResult<Vec<i64>> {
    Ok(follows::list_community_followers(tx, community_id, levels).await?)
}

/// Members watching a thread (who hear of every reply).
pub async fn thread_watchers(tx: &mut Tx, thread_id: i64) -> AppResult<Vec<i64>> {
    Ok(follows::list_thread_followers(tx, thread_id, WATCHING).await?)
}

/// Whether a member has muted the thread (or its community, without a thread level).
pub async fn is_muted(tx: &mut Tx, thread_id: i64, user_id: i64) -> AppResult<bool> {
    Ok(follows::effective_thread_level_tx(tx, thread_id, user_id).await? == MUTED)
}

/// The default after asking or replying: watch the thread, unless a level was chosen.
pub async fn watch_by_default(tx: &mut Tx, thread_id: i64, user_id: i64) -> AppResult<()> {
    follows::insert_thread_level_if_absent(tx, thread_id, user_id, WATCHING).await?;
    Ok(())
}

/// The default after joining: track the community, unless a level was chosen.
pub async fn track_by_default(tx: &mut Tx, community_id: i64, user_id: i64) -> AppResult<()> {
    follows::insert_community_level_if_absent(tx, community_id, user_id, TRACKING).await?;
    Ok(())
}

/// After leaving: back to the default, so a former member hears nothing more (a chosen
/// `MUTED` stays).
pub async fn forget_community(tx: &mut Tx, community_id: i64, user_id: i64) -> AppResult<()> {
    follows::reset_community_level(tx, community_id, user_id).await?;
    Ok(())
}
