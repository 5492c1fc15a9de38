//! Live subscriptions. Each one listens to its topic on the bus first, then (given `after`)
//! replays what the client missed from the database, then streams live events, skipping
//! any it already replayed. Every event is reloaded and re-checked before delivery.

use async_graphql::{Context, ID, Result, Subscription as SubscriptionObject};
use futures_util::{Stream, StreamExt, stream};
use piazza_db::events::{self, Event};
use piazza_live::Receiver;

use super::{
    context::{state, viewer},
    types::{
        Community, CommunityEvent, CommunityEventKind, FaqEntry, Notification, Post, ReviewItem,
        ReviewQueueEvent, Thread, ThreadEvent, ThreadEventKind,
    },
};
use crate::{
    error::AppError,
    live::{Kind, Topic},
    services::{
        AppState, communities, moderation, notifications, parse_id, posts, review, signed_in,
        threads,
    },
};

/// Most events replayed to a reconnecting client; older ones need a reload of the page.
const REPLAY_LIMIT: i64 = 500;

pub struct Subscription;

fn parse_cursor(after: Option<&str>) -> Result<Option<i64>> {
    after
        .map(|a| {
            a.parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| AppError::bad_input("Cursore non valido").into())
        })
        .transpose()
}

/// Live events of a subscribed topic, skipping those up to `skip_through` (already replayed).
fn live_events(rx: Receiver, skip_through: i64) -> impl Stream<Item = Event> + Send {
    stream::unfold(rx, move |mut rx| async move {
        loop {
            let message = rx.recv().await?;
            match serde_json::from_str::<Event>(&message) {
                Ok(event) if event.id > skip_through => return Some((event, rx)),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "unreadable live event"),
            }
        }
    })
}

/// Replay after `after` (if given), then live events of the topic.
async fn topic_events(
    state: &AppState,
    topic: Topic,
    after: Option<i64>,
) -> Result<impl Stream<Item = Event> + Send + use<>> {
    let rx = state.bus.subscribe(&topic.key());
    let replay = match after {
        Some(after) => events::list_events_after(&state.db, &topic.key(), after, REPLAY_LIMIT)
            .await
            .map_err(AppError::from)?,
        None => Vec::new(),
    };
    let skip_through = replay.last().map(|e| e.id).or(after).unwrap_or(0);
    Ok(stream::iter(replay).chain(live_events(rx, skip_through)))
}

async fn thread_event(
    state: &AppState,
    viewer: Option<&crate::auth::Viewer>,
    event: Event,
) -> Option<ThreadEvent> {
    let kind = match Kind::parse(&event.kind)? {
        Kind::PostCreated => ThreadEventKind::PostCreated,
        Kind::PostEdited => ThreadEventKind::PostEdited,
        Kind::PostDeleted => ThreadEventKind::PostDeleted,
        Kind::AnswerAccepted => ThreadEventKind::AnswerAccepted,
        Kind::OfficialAnswer => ThreadEventKind::OfficialAnswer,
        Kind::PostHidden => ThreadEventKind::PostHidden,
        Kind::PostRestored => ThreadEventKind::PostRestored,
        Kind::ThreadUpdated => ThreadEventKind::ThreadUpdated,
        Kind::ThreadMoved => ThreadEventKind::ThreadMoved,
        _ => return None,
    };
    let thread = threads::get(state, event.thread_id?).await.ok()?;
    // A thread held for approval is followed by its author and moderators only.
    if !threads::visible_to(state, viewer, &thread).await.ok()? {
        return None;
    }
    let post = match event.post_id {
        Some(id) => {
            let post = posts::get(state, id).await.ok()?;
            let visible = (post.deleted_at.is_none()
                && post.moderation != piazza_db::posts::PENDING)
                || posts::may_see_deleted(state, viewer, &post).await.ok()?;
            visible.then_some(Post(post))
        }
        None => None,
    };
    Some(ThreadEvent {
        kind,
        thread: Thread(thread),
        post,
        cursor: event.id.to_string(),
    })
}

async fn community_event(
    state: &AppState,
    viewer: Option<&crate::auth::Viewer>,
    event: Event,
) -> Option<CommunityEvent> {
    let kind = match Kind::parse(&event.kind)? {
        Kind::ThreadCreated => CommunityEventKind::ThreadCreated,
        Kind::FaqPublished => CommunityEventKind::FaqPublished,
        Kind::FaqUpdated => CommunityEventKind::FaqUpdated,
        Kind::FaqWithdrawn => CommunityEventKind::FaqWithdrawn,
        Kind::ThreadUpdated => CommunityEventKind::ThreadUpdated,
        Kind::ThreadMoved => CommunityEventKind::ThreadMoved,
        _ => return None,
    };
    let community = piazza_db::communities::get_community(&state.db, event.community_id?)
        .await
        .ok()?;
    let thread = match event.thread_id {
        Some(id) => {
            let thread = threads::get(state, id).await.ok()?;
            // A thread held for approval is announced to its author and moderators only.
            if !threads::visible_to(state, viewer, &thread).await.ok()? {
                return None;
            }
            Some(Thread(thread))
        }
        None => None,
    };
    // Likewise a held post the event is about (it is reloaded, so its state is current).
    if let Some(id) = event.post_id
        && let Ok(post) = posts::get(state, id).await
        && !posts::readable_by(state, viewer, &post).await.ok()?
    {
        return None;
    }
    // FAQ events concern published or withdrawn entries; a draft is never shown here.
    let faq_entry = match event.faq_entry_id {
        Some(id) => piazza_db::faq::get_faq_entry(&state.db, id)
            .await
            .ok()
            .filter(|e| !e.is_draft())
            .map(FaqEntry),
        None => None,
    };
    Some(CommunityEvent {
        kind,
        community: Community(community),
        thread,
        faq_entry,
        cursor: event.id.to_string(),
    })
}

#[SubscriptionObject]
impl Subscription {
    /// Posts created, edited or deleted and answers accepted or marked official in a thread.
    async fn thread_events(
        &self,
        ctx: &Context<'_>,
        thread_id: ID,
        #[graphql(
            desc = "The `cursor` of the last event received (or \"0\" for all), to get what was missed."
        )]
        after: Option<String>,
    ) -> Result<impl Stream<Item = ThreadEvent> + use<>> {
        let state = state(ctx)?.clone();
        let viewer = viewer(ctx).cloned();
        let id = parse_id(&thread_id, "Discussione")?;
        let thread = threads::get(&state, id).await?;
        if !threads::visible_to(&state, viewer.as_ref(), &thread).await? {
            return Err(AppError::NotFound("Discussione").into());
        }
        let events =
            topic_events(&state, Topic::Thread(id), parse_cursor(after.as_deref())?).await?;
        Ok(events.filter_map(move |event| {
            let (state, viewer) = (state.clone(), viewer.clone());
            async move { thread_event(&state, viewer.as_ref(), event).await }
        }))
    }

    /// New threads and FAQ changes in a community.
    async fn community_events(
        &self,
        ctx: &Context<'_>,
        slug: String,
        #[graphql(desc = "The `cursor` of the last event received, to get what was missed.")] after: Option<String>,
    ) -> Result<impl Stream<Item = CommunityEvent> + use<>> {
        let state = state(ctx)?.clone();
        let viewer = viewer(ctx).cloned();
        let community = communities::get_by_slug(&state, &slug).await?;
        let events = topic_events(
            &state,
            Topic::Community(community.id),
            parse_cursor(after.as_deref())?,
        )
        .await?;
        Ok(events.filter_map(move |event| {
            let (state, viewer) = (state.clone(), viewer.clone());
            async move { community_event(&state, viewer.as_ref(), event).await }
        }))
    }

    /// The signed-in member's notifications as they arrive. With `after` (a notification
    /// id, or 0 for all), unread notifications newer than it are delivered first.
    async fn notification_received(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The id of the newest notification already received.")] after: Option<ID>,
    ) -> Result<impl Stream<Item = Notification> + use<>> {
        let state = state(ctx)?.clone();
        let viewer = signed_in(viewer(ctx))?.clone();
        let rx = state.bus.subscribe(&Topic::Inbox(viewer.id()).key());
        let after = parse_cursor(after.as_deref().map(|id| id.as_str()))?;
        let mut replay = match after {
            Some(after) => piazza_db::notifications::list_notifications(
                &state.db,
                viewer.id(),
                true,
                None,
                REPLAY_LIMIT,
            )
            .await
            .map_err(AppError::from)?
            .into_iter()
            .filter(|n| n.id > after)
            .collect(),
            None => Vec::new(),
        };
        replay.reverse();
        let skip_through = replay.last().map(|n| n.id).or(after).unwrap_or(0);
        let live = live_events(rx, 0).filter_map(move |event| {
            let (state, viewer) = (state.clone(), viewer.clone());
            async move {
                let id = event.notification_id.filter(|id| *id > skip_through)?;
                notifications::find_own(&state, &viewer, id)
                    .await
                    .ok()
                    .flatten()
            }
        });
        Ok(stream::iter(replay).chain(live).map(Notification))
    }

    /// Changes in a review queue (items opened, reported again or resolved): a community's
    /// for its moderators, or every item (no slug) for global moderators and admins. Access
    /// is re-checked for each event.
    async fn review_queue_events(
        &self,
        ctx: &Context<'_>,
        community_slug: Option<String>,
        #[graphql(desc = "The `cursor` of the last event received, to get what was missed.")] after: Option<String>,
    ) -> Result<impl Stream<Item = ReviewQueueEvent> + use<>> {
        let state = state(ctx)?.clone();
        let viewer = signed_in(viewer(ctx))?.clone();
        let scope =
            moderation::queue_scope(&state, Some(&viewer), community_slug.as_deref()).await?;
        let events = topic_events(
            &state,
            Topic::Review(scope),
            parse_cursor(after.as_deref())?,
        )
        .await?;
        Ok(events.filter_map(move |event| {
            let (state, viewer) = (state.clone(), viewer.clone());
            async move {
                let item = review::get(&state, &viewer, event.review_item_id?)
                    .await
                    .ok()?;
                Some(ReviewQueueEvent {
                    item: ReviewItem(item),
                    cursor: event.id.to_string(),
                })
            }
        }))
    }
}
