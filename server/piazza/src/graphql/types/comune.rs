use async_graphql::{Context, Object, Result};
use chrono::{DateTime, Utc};
use piazza_db::comuni::Comune as ComuneRecord;

use crate::services::comuni::is_piccolo;

/// An Italian comune from the ISTAT registry (Fonte: ISTAT, CC BY 4.0).
pub struct Comune(pub ComuneRecord);

impl Comune {
    /// The comune with this ISTAT code, through the request's loader (one query for all the
    /// codes a response needs); `None` for no code or an unknown one.
    pub async fn by_code(ctx: &Context<'_>, code: Option<&str>) -> Result<Option<Comune>> {
        let Some(code) = code else {
            return Ok(None);
        };
        Ok(crate::graphql::context::loaders(ctx)?
            .comuni
            .load_one(code.to_owned())
            .await?
            .map(Comune))
    }
}

#[Object]
impl Comune {
    /// Six-digit ISTAT code, e.g. "001001".
    async fn istat_code(&self) -> &str {
        &self.0.istat_code
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Province (or metropolitan city) name.
    async fn province(&self) -> &str {
        &self.0.province
    }

    /// Two-letter province code, e.g. "TO".
    async fn province_code(&self) -> &str {
        &self.0.province_code
    }

    async fn region(&self) -> &str {
        &self.0.region
    }

    /// Cadastral (Belfiore) code, e.g. "A074".
    async fn cadastral_code(&self) -> &str {
        &self.0.cadastral_code
    }

    /// Resident population, when known (see `populationSource`).
    async fn population(&self) -> Option<i64> {
        self.0.population
    }

    /// Where the population figure comes from, e.g. "census2011" or an admin's correction.
    async fn population_source(&self) -> &str {
        &self.0.population_source
    }

    /// Whether this is a *piccolo comune*: at most 5,000 residents (Law 158/2017).
    async fn is_piccolo(&self) -> bool {
        is_piccolo(&self.0)
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}
