//! DataLoaders, created per request, so related records load in one query per type and
//! nothing is cached across requests (or across viewers).

use std::{collections::HashMap, sync::Arc};

use async_graphql::dataloader::{DataLoader, Loader};
use piazza_db::{
    Db, DbError, communities::Community, comuni::Comune, posts::Post, threads::Thread, users::User,
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
    /// Present only for a signed-in viewer.
    pub memberships: Option<DataLoader<MembershipLoader>>,
    pub votes: Option<DataLoader<VoteLoader>>,
}

impl Loaders {
    pub fn new(db: &Db, viewer_id: Option<i64>) -> Self {
        Self {
            users: DataLoader::new(UserLoader(db.clone()), tokio::spawn),
            communities: DataLoader::new(CommunityLoader(db.clone()), tokio::spawn),
            threads: DataLoader::new(ThreadLoader(db.clone()), tokio::spawn),
            posts: DataLoader::new(PostLoader(db.clone()), tokio::spawn),
            comuni: DataLoader::new(ComuneLoader(db.clone()), tokio::spawn),
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
        }
    }
}
