//! Communities: reading, joining, and their administration.

use piazza_db::{
    DbError,
    communities::{self, Community, NewCommunity},
};

use super::{AppState, active, admin, follows, validate};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    feed_cache,
};

pub async fn get_by_slug(state: &AppState, slug: &str) -> AppResult<Community> {
    communities::find_community_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound("Comunità"))
}

pub struct CommunityInput {
    pub slug: String,
    pub name: String,
    pub description: String,
}

pub async fn create(
    state: &AppState,
    viewer: Option<&Viewer>,
    input: CommunityInput,
) -> AppResult<Community> {
    let viewer = admin(viewer)?;
    let slug = validate::slug(&input.slug)?;
    let name = validate::community_name(&input.name)?;
    let description = validate::community_description(&input.description)?;
    let mut tx = state.db.begin().await?;
    let new = NewCommunity {
        slug: &slug,
        name: &name,
        description: &description,
        created_at: piazza_db::now(),
    };
    match communities::insert_community(&mut tx, &new).await {
        Err(DbError::Conflict) => {
            return Err(AppError::Conflict(
                "Esiste già una comunità con questo identificativo".into(),
            ));
        }
        other => other?,
    };
    let community = communities::get_community_by_slug_tx(&mut tx, &slug).await?;
    tx.commit().await?;
    feed_cache::bump(state, &[feed_cache::deps::GLOBAL.to_owned()]).await;
    tracing::info!(by = viewer.id(), slug, "community created");
    Ok(community)
}

pub async fn update(
    state: &AppState,
    viewer: Option<&Viewer>,
    slug: &str,
    name: &str,
    description: &str,
) -> AppResult<Community> {
    admin(viewer)?;
    let name = validate::community_name(name)?;
    let description = validate::community_description(description)?;
    let community = get_by_slug(state, slug).await?;
    let mut tx = state.db.begin().await?;
    communities::update_community(&mut tx, community.id, &name, &description).await?;
    let community = communities::get_community_by_slug_tx(&mut tx, slug).await?;
    tx.commit().await?;
    feed_cache::bump(state, &[feed_cache::deps::GLOBAL.to_owned()]).await;

    Ok(community)
}

pub async fn join(state: &AppState, viewer: Option<&Viewer>, slug: &str) -> AppResult<Community> {
    let viewer = active(viewer)?;
    let community = get_by_slug(state, slug).await?;
    let mut tx = state.db.begin().await?;
    if communities::insert_membership(&mut tx, community.id, viewer.id(), piazza_db::now()).await? {
        follows::track_by_default(&mut tx, community.id, viewer.id()).await?;
    }
    let community = communities::get_community_by_slug_tx(&mut tx, slug).await?;
    tx.commit().await?;
    // The member count changed.
    feed_cache::bump(state, &[feed_cache::deps::community(community.id)]).await;
    Ok(community)
}

pub async fn leave(state: &AppState, viewer: Option<&Viewer>, slug: &str) -> AppResult<Community> {
    let viewer = super::signed_in(viewer)?;
    let community = get_by_slug(state, slug).await?;
    let mut tx = state.db.begin().await?;
    if communities::delete_membership(&mut tx, community.id, viewer.id()).await? {
        follows::forget_community(&mut tx, community.id, viewer.id()).await?;
    }
    let community = communities::get_community_by_slug_tx(&mut tx, slug).await?;
    tx.commit().await?;
    feed_cache::bump(state, &[feed_cache::deps::community(community.id)]).await;
    Ok(community)
}

/// Admins appoint (or dismiss) a moderator of one community.
pub async fn set_moderator(
    state: &AppState,
    viewer: Option<&Viewer>,
    slug: &str,
    user_id: i64,
    moderator: bool,
) -> AppResult<Community> {
    let viewer = admin(viewer)?;
    let community = get_by_slug(state, slug).await?;
    piazza_db::users::get_user(&state.db, user_id)
        .await
        .map_err(|e| match e {
            DbError::NotFound => AppError::NotFound("Utente"),
            other => other.into(),
        })?;
    let role = if moderator { "moderator" } else { "member" };
    let mut tx = state.db.begin().await?;
    communities::set_membership_role(&mut tx, community.id, user_id, role, piazza_db::now())
        .await?;
    let community = communities::get_community_by_slug_tx(&mut tx, slug).await?;
    tx.commit().await?;
    // Moderator lists and badges show across feeds.
    feed_cache::bump(state, &[feed_cache::deps::GLOBAL.to_owned()]).await;
    tracing::info!(
        by = viewer.id(),
        user_id,
        slug,
        moderator,
        "community moderator changed"
    );
    Ok(community)
}

/// Whether the viewer moderates the community (globally or as its moderator).
pub async fn moderates(state: &AppState, viewer: &Viewer, community_id: i64) -> AppResult<bool> {
    if viewer.moderates_everywhere() {
        return Ok(true);
    }
    let role = communities::find_membership_role(&state.db, community_id, viewer.id()).await?;
    Ok(role.as_deref() == Some("moderator"))
}

pub async fn is_member(state: &AppState, viewer: &Viewer, community_id: i64) -> AppResult<bool> {
    Ok(
        communities::find_membership_role(&state.db, community_id, viewer.id())
            .await?
            .is_some(),
    )
}
