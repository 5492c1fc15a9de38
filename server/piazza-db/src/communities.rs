//! Thematic communities and who belongs to them (with per-community moderators).

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

use crate::{Db, DbError, Result, Tx};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Community {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
}

pub struct NewCommunity<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub created_at: DateTime<Utc>,
}

macro_rules! select_communities {
    ($($sql:literal),*) => {
        concat!("select id, slug, name, description, member_count, created_at from communities ", $($sql),*)
    };
}

pub async fn insert_community(tx: &mut Tx, new: &NewCommunity<'_>) -> Result<i64> {
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "insert into communities (slug, name, description, created_at) values ($1, $2, $3, $4) returning id")
        .bind(new.slug)
        .bind(new.name)
        .bind(new.description)
        .bind(new.created_at)
        .fetch_one(conn)
        .await)?)
}

pub async fn count_communities(db: &Db) -> Result<i64> {
    Ok(
        on_read!(db, pool => sqlx::query_scalar("select count(*) from communities").fetch_one(pool).await)?,
    )
}

pub async fn find_community_by_slug(db: &Db, slug: &str) -> Result<Option<Community>> {
    let sql = select_communities!("where slug = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(slug).fetch_optional(pool).await)?)
}

pub async fn get_community_by_slug_tx(tx: &mut Tx, slug: &str) -> Result<Community> {
    let sql = select_communities!("where slug = $1");
    Ok(on_tx!(tx, conn => sqlx::query_as(sql).bind(slug).fetch_one(conn).await)?)
}

pub async fn get_community(db: &Db, id: i64) -> Result<Community> {
    let sql = select_communities!("where id = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(id).fetch_one(pool).await)?)
}

/// A page of communities in alphabetical order, after the given `(name, id)` key.
pub async fn list_communities(
    db: &Db,
    after: Option<(&str, i64)>,
    limit: i64,
) -> Result<Vec<Community>> {
    let (name, id) = after.map_or((None, 0), |(n, i)| (Some(n), i));
    let sql = select_communities!(
        "where $1 is null or name > $1 or (name = $1 and id > $2) order by name, id limit $3"
    );
    Ok(
        on_read!(db, pool => sqlx::query_as(sql).bind(name).bind(id).bind(limit).fetch_all(pool).await)?,
    )
}

pub async fn list_communities_by_ids(db: &Db, ids: &[i64]) -> Result<Vec<Community>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(select_communities!("where id in ("));
        crate::push_in_list(&mut qb, ids.iter().copied(), ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// Communities a user has joined, alphabetically.
pub async fn list_user_communities(db: &Db, user_id: i64) -> Result<Vec<Community>> {
    let sql = "select c.id, c.slug, c.name, c.description, c.member_count, c.created_at \
        from communities c join memberships m on m.community_id = c.id \
        where m.user_id = $1 order by c.name, c.id";
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await)?)
}

pub async fn update_community(tx: &mut Tx, id: i64, name: &str, description: &str) -> Result<()> {
    let done = on_tx!(tx, conn => sqlx::query("update communities set name = $1, description = $2 where id = $3")
        .bind(name)
        .bind(description)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// Adds a member; returns false if they already belonged. Keeps `member_count` exact.
pub async fn insert_membership(
    tx: &mut Tx,
    community_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "insert into memberships (community_id, user_id, joined_at) values ($1, $2, $3) \
         on conflict (community_id, user_id) do nothing")
        .bind(community_id)
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    let joined = done == 1;
    if joined {
        bump_member_count(tx, community_id, 1).await?;
    }
    Ok(joined)
}

/// Removes a member; returns false if they did not belong.
pub async fn delete_membership(tx: &mut Tx, community_id: i64, user_id: i64) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query("delete from memberships where community_id = $1 and user_id = $2")
        .bind(community_id)
        .bind(user_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    let left = done == 1;
    if left {
        bump_member_count(tx, community_id, -1).await?;
    }
    Ok(left)
}

async fn bump_member_count(tx: &mut Tx, community_id: i64, delta: i64) -> Result<()> {
    on_tx!(tx, conn => sqlx::query("update communities set member_count = member_count + $1 where id = $2")
        .bind(delta)
        .bind(community_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The user's role in a community (`member` or `moderator`), if they joined it.
pub async fn find_membership_role(
    db: &Db,
    community_id: i64,
    user_id: i64,
) -> Result<Option<String>> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select role from memberships where community_id = $1 and user_id = $2")
        .bind(community_id)
        .bind(user_id)
        .fetch_optional(pool)
        .await)?)
}

/// Every community the user joined, with their role in it (`member` or `moderator`).
pub async fn list_user_memberships(db: &Db, user_id: i64) -> Result<Vec<(i64, String)>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select community_id, role from memberships where user_id = $1 order by community_id")
        .bind(user_id)
        .fetch_all(pool)
        .await)?)
}

/// Of the given communities, those the user has joined (for `viewerIsMember` in lists).
pub async fn list_joined_among(db: &Db, user_id: i64, community_ids: &[i64]) -> Result<Vec<i64>> {
    if community_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new("select community_id from memberships where user_id = ");
        qb.push_bind(user_id).push(" and community_id in (");
        crate::push_in_list(&mut qb, community_ids.iter().copied(), ")");
        qb.build_query_scalar().fetch_all(pool).await
    })?)
}

/// Makes a member a moderator of the community (joining them if needed), or back.
pub async fn set_membership_role(
    tx: &mut Tx,
    community_id: i64,
    user_id: i64,
    role: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    insert_membership(tx, community_id, user_id, now).await?;
    on_tx!(tx, conn => sqlx::query("update memberships set role = $1 where community_id = $2 and user_id = $3")
        .bind(role)
        .bind(community_id)
        .bind(user_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}
