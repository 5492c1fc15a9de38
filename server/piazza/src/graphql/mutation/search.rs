//! Search settings: the synonym groups admins add to the built-in list.

use async_graphql::{Context, Object, Result};

use crate::{
    graphql::context::{state, viewer},
    services::search,
};

#[derive(Default)]
pub struct SearchMutation;

#[Object]
impl SearchMutation {
    /// Replaces the synonym groups admins added (admins only). Each group lists equivalent
    /// expressions, e.g. `["RUP", "responsabile unico del progetto"]`; searching any of them
    /// finds all. Returns the groups as stored; they apply to the next search.
    async fn set_search_synonyms(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Groups of 2 to 20 equivalent expressions (at most 500 groups).")]
        groups: Vec<Vec<String>>,
    ) -> Result<Vec<Vec<String>>> {
        Ok(search::set_synonyms(state(ctx)?, viewer(ctx), groups).await?)
    }
}
