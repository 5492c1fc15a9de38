//! The ISTAT registry of Italian comuni, seeded on first start and correctable by admins.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

use crate::{Db, Result, Tx};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Comune {
    pub istat_code: String,
    pub name: String,
    pub province: String,
    pub province_code: String,
    pub region: String,
    pub cadastral_code: String,
    pub population: Option<i64>,
    pub population_source: String,
    pub updated_at: DateTime<Utc>,
}

pub struct NewComune {
    pub istat_code: String,
    pub name: String,
    pub name_folded: String,
    pub province: String,
    pub province_code: String,
    pub region: String,
    pub cadastral_code: String,
    pub population: Option<i64>,
    pub population_source: String,
}

macro_rules! select_comuni {
    ($($sql:literal),*) => {
        concat!("select istat_code, name, province, province_code, region, cadastral_code, \
            population, population_source, updated_at from comuni ", $($sql),*)
    };
}

/// Inserts comuni in multi-row batches; existing codes are left untouched so an admin's
/// corrections survive a re-seed.
pub async fn insert_comuni(tx: &mut Tx, comuni: &[NewComune], now: DateTime<Utc>) -> Result<u64> {
    let mut inserted = 0;
    // 10 binds per row: stay well under SQLite's 32,766 bound parameters per statement.
    for chunk in comuni.chunks(500) {
        let done = on_tx!(tx, conn => {
            let mut qb = QueryBuilder::new(
                "insert into comuni (istat_code, name, name_folded, province, province_code, \
                 region, cadastral_code, population, population_source, updated_at) ",
            );
            qb.push_values(chunk, |mut row, c| {
                row.push_bind(&c.istat_code)
                    .push_bind(&c.name)
                    .push_bind(&c.name_folded)
                    .push_bind(&c.province)
                    .push_bind(&c.province_code)
                    .push_bind(&c.region)
                    .push_bind(&c.cadastral_code)
                    .push_bind(c.population)
                    .push_bind(&c.population_source)
                    .push_bind(now);
            });
            qb.push(" on conflict (istat_code) do nothing");
            qb.build().execute(conn).await.map(|r| r.rows_affected())
        })?;
        inserted += done;
    }
    Ok(inserted)
}

pub async fn count_comuni(db: &Db) -> Result<i64> {
    Ok(
        on_read!(db, pool => sqlx::query_scalar("select count(*) from comuni").fetch_one(pool).await)?,
    )
}

pub async fn find_comune(db: &Db, istat_code: &str) -> Result<Option<Comune>> {
    let sql = select_comuni!("where istat_code = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(istat_code).fetch_optional(pool).await)?)
}

/// Comuni whose folded name starts with `folded` or has a word starting with it; prefix
/// matches first, then larger comuni, then alphabetical.
pub async fn search_comuni(db: &Db, folded: &str, limit: i64) -> Result<Vec<Comune>> {
    let sql = select_comuni!(
        "where name_folded like $1 || '%' or name_folded like '% ' || $1 || '%' \
         or name_folded like '%''' || $1 || '%' or name_folded like '%-' || $1 || '%' \
         order by case when name_folded like $1 || '%' then 0 else 1 end, \
         coalesce(population, 0) desc, name, istat_code limit $2"
    );
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(folded).bind(limit).fetch_all(pool).await)?)
}

pub async fn list_comuni_by_codes(db: &Db, codes: &[String]) -> Result<Vec<Comune>> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(select_comuni!("where istat_code in ("));
        crate::push_in_list(&mut qb, codes, ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// Admin correction of a comune's population and where the figure comes from.
pub async fn update_population(
    tx: &mut Tx,
    istat_code: &str,
    population: Option<i64>,
    source: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update comuni set population = $1, population_source = $2, updated_at = $3 where istat_code = $4")
        .bind(population)
        .bind(source)
        .bind(now)
        .bind(istat_code)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(crate::DbError::NotFound);
    }
    Ok(())
}
