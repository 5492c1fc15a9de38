//! DataLoaders, created per request, so related records load in one query per type and
//! nothing is cached across requests (or across viewers).

use std::{collections::HashMap, sync::Arc};

use async_graphql::{
    Context,
    dataloader::{DataLoader, Loader},
};
use piazza_db::{
    Db, DbError, communities::Community, comuni::Comune, faq::FaqEntry, posts::Post,
    threads::Thread, users::User,
};

use crate::error::AppError;

/// A load failure; converted to an internal error (never `Display`ed to clients).
#[derive(Clone, Debug)]
pub struct LoadError(Arc<DbError>);

impl From<DbError> for LoadError {
    fn from(e: DbError) -> Self {
        LoadError(Arc::new(e))
    }
}

impl From<LoadError> for async_graphql::Error {
    fn from(e: LoadError) -> Self {
        AppError::Internal(anyhow::anyhow!("loader: {:?}", e.0)).into()
    }
}

pub struct UserLoader(pub Db);
pub struct CommunityLoader(pub Db);
pub struct ThreadLoader(pub Db);
pub struct PostLoader(pub Db);
pub struct ComuneLoader(pub Db);
pub struct FaqEntryLoader(pub Db);
/// FAQ entries promoted from each post (all statuses; callers filter drafts).
pub struct FaqBySourcePostLoader(pub Db);
/// Community ids the viewer has joined.
pub struct MembershipLoader {
    pub db: Db,
    pub user_id: i64,
}
/// The viewer's vote on posts.
pub struct VoteLoader {
    pub db: Db,
    pub user_id: i64,
}

macro_rules! by_id_loader {
    ($loader:ty, $value:ty, $list:path, $key_field:ident) => {
        impl Loader<i64> for $loader {
            type Value = $value;
            type Error = LoadError;

            async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, $value>, LoadError> {
                let rows = $list(&self.0, keys).await?;
                Ok(rows.into_iter().map(|r| (r.$key_field, r)).collect())
            }
        }
    };
}

by_id_loader!(UserLoader, User, piazza_db::users::list_users_by_ids, id);
by_id_loader!(
    CommunityLoader,
    Community,
    piazza_db::communities::list_communities_by_ids,
    id
);
by_id_loader!(
    ThreadLoader,
    Thread,
    piazza_db::threads::list_threads_by_ids,
    id
);
by_id_loader!(PostLoader, Post, piazza_db::posts::list_posts_by_ids, id);
by_id_loader!(
    FaqEntryLoader,
    FaqEntry,
    piazza_db::faq::list_faq_entries_by_ids,
    id
);

impl Loader<i64> for FaqBySourcePostLoader {
    type Value = Vec<FaqEntry>;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Vec<FaqEntry>>, LoadError> {
        let rows = piazza_db::faq::list_faq_entries_by_source_posts(&self.0, keys).await?;
        let mut out: HashMap<i64, Vec<FaqEntry>> = HashMap::new();
        for entry in rows {
            if let Some(post_id) = entry.source_post_id {
                out.entry(post_id).or_default().push(entry);
            }
        }
        Ok(out)
    }
}

impl Loader<String> for ComuneLoader {
    type Value = Comune;
    type Error = LoadError;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Comune>, LoadError> {
        let rows = piazza_db::comuni::list_comuni_by_codes(&self.0, keys).await?;
        Ok(rows
            .into_iter()
            .map(|c| (c.istat_code.clone(), c))
            .collect())
    }
}

impl Loader<i64> for MembershipLoader {
    type Value = bool;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, bool>, LoadError> {
        let joined =
            piazza_db::communities::list_joined_among(&self.db, self.user_id, keys).await?;
        Ok(keys.iter().map(|k| (*k, joined.contains(k))).collect())
    }
}

impl Loader<i64> for VoteLoader {
    type Value = i64;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, i64>, LoadError> {
        Ok(
            piazza_db::posts::list_votes_of_user(&self.db, self.user_id, keys)
                .await?
                .into_iter()
                .collect(),
        )
    }
}

/// The per-request set of loaders.
pub struct Loaders {
    pub users: DataLoader<UserLoader>,
    pub communities: DataLoader<CommunityLoader>,
    pub threads: DataLoader<ThreadLoader>,
    pub posts: DataLoader<PostLoader>,
    pub comuni: DataLoader<ComuneLoader>,
    pub faq_entries: DataLoader<FaqEntryLoader>,
    pub faq_by_source_post: DataLoader<FaqBySourcePostLoader>,
    /// The viewer's own data (signed in only), read through the methods below, which mark
    /// the response as personal so the feed cache never shares it.
    memberships: Option<DataLoader<MembershipLoader>>,
    votes: Option<DataLoader<VoteLoader>>,
    qa: Option<QaLoaders>,
}

impl Loaders {
    /// Which communities the viewer joined.
    pub fn memberships(&self, ctx: &Context<'_>) -> Option<&DataLoader<MembershipLoader>> {
        personal(ctx, self.memberships.as_ref())
    }

    /// The viewer's votes.
    pub fn votes(&self, ctx: &Context<'_>) -> Option<&DataLoader<VoteLoader>> {
        personal(ctx, self.votes.as_ref())
    }

    /// The viewer's follow levels and bookmarks.
    pub fn qa(&self, ctx: &Context<'_>) -> Option<&QaLoaders> {
        personal(ctx, self.qa.as_ref())
    }

    pub fn new(db: &Db, viewer_id: Option<i64>) -> Self {
        Self {
            users: DataLoader::new(UserLoader(db.clone()), tokio::spawn),
            communities: DataLoader::new(CommunityLoader(db.clone()), tokio::spawn),
            threads: DataLoader::new(ThreadLoader(db.clone()), tokio::spawn),
            posts: DataLoader::new(PostLoader(db.clone()), tokio::spawn),
            comuni: DataLoader::new(ComuneLoader(db.clone()), tokio::spawn),
            faq_entries: DataLoader::new(FaqEntryLoader(db.clone()), tokio::spawn),
            faq_by_source_post: DataLoader::new(FaqBySourcePostLoader(db.clone()), tokio::spawn),
            memberships: viewer_id.map(|user_id| {
                DataLoader::new(
                    MembershipLoader {
                        db: db.clone(),
                        user_id,
                    },
                    tokio::spawn,
                )
            }),
            votes: viewer_id.map(|user_id| {
                DataLoader::new(
                    VoteLoader {
                        db: db.clone(),
                        user_id,
                    },
                    tokio::spawn,
                )
            }),
            qa: viewer_id.map(|user_id| QaLoaders::new(db, user_id)),
        }
    }
}

fn personal<'a, T>(ctx: &Context<'_>, loader: Option<&'a T>) -> Option<&'a T> {
    if loader.is_some() {
        super::context::mark_personal(ctx);
    }
    loader
}

/// The viewer's effective notification level per thread (as stored: `watching` …).
pub struct ThreadLevelLoader {
    pub db: Db,
    pub user_id: i64,
}
/// The viewer's notification level per community; absent means the default.
pub struct CommunityLevelLoader {
    pub db: Db,
    pub user_id: i64,
}
/// Whether the viewer bookmarked each thread (as a whole).
pub struct ThreadBookmarkLoader {
    pub db: Db,
    pub user_id: i64,
}
/// Whether the viewer bookmarked each post.
pub struct PostBookmarkLoader {
    pub db: Db,
    pub user_id: i64,
}

impl Loader<i64> for ThreadLevelLoader {
    type Value = String;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, String>, LoadError> {
        let rows =
            piazza_db::follows::list_effective_thread_levels(&self.db, self.user_id, keys).await?;
        Ok(rows.into_iter().collect())
    }
}

impl Loader<i64> for CommunityLevelLoader {
    type Value = String;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, String>, LoadError> {
        let rows = piazza_db::follows::list_community_levels(&self.db, self.user_id, keys).await?;
        Ok(rows.into_iter().collect())
    }
}

impl Loader<i64> for ThreadBookmarkLoader {
    type Value = bool;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, bool>, LoadError> {
        let saved =
            piazza_db::bookmarks::list_bookmarked_threads_among(&self.db, self.user_id, keys)
                .await?;
        Ok(keys.iter().map(|k| (*k, saved.contains(k))).collect())
    }
}

impl Loader<i64> for PostBookmarkLoader {
    type Value = bool;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, bool>, LoadError> {
        let saved =
            piazza_db::bookmarks::list_bookmarked_posts_among(&self.db, self.user_id, keys).await?;
        Ok(keys.iter().map(|k| (*k, saved.contains(k))).collect())
    }
}

/// The viewer's follow levels and bookmarks.
pub struct QaLoaders {
    pub thread_levels: DataLoader<ThreadLevelLoader>,
    pub community_levels: DataLoader<CommunityLevelLoader>,
    pub thread_bookmarks: DataLoader<ThreadBookmarkLoader>,
    pub post_bookmarks: DataLoader<PostBookmarkLoader>,
}

impl QaLoaders {
    fn new(db: &Db, user_id: i64) -> Self {
        let db = || db.clone();
        Self {
            thread_levels: DataLoader::new(ThreadLevelLoader { db: db(), user_id }, tokio::spawn),
            community_levels: DataLoader::new(
                CommunityLevelLoader { db: db(), user_id },
                tokio::spawn,
            ),
            thread_bookmarks: DataLoader::new(
                ThreadBookmarkLoader { db: db(), user_id },
                tokio::spawn,
            ),
            post_bookmarks: DataLoader::new(PostBookmarkLoader { db: db(), user_id }, tokio::spawn),
        }
    }
}
