use async_graphql::{Context, ID, InputObject, Object, Result};

use crate::{
    graphql::{
        context::{state, viewer},
        types::Community,
    },
    services::{
        communities::{self, CommunityInput},
        parse_id,
    },
};

#[derive(InputObject)]
pub struct CreateCommunityInput {
    /// URL identifier: lowercase letters, digits and hyphens.
    pub slug: String,
    pub name: String,
    pub description: String,
}

#[derive(InputObject)]
pub struct UpdateCommunityInput {
    pub name: String,
    pub description: String,
}

#[derive(Default)]
pub struct CommunityMutation;

#[Object]
impl CommunityMutation {
    /// Creates a community (admins only).
    async fn create_community(
        &self,
        ctx: &Context<'_>,
        input: CreateCommunityInput,
    ) -> Result<Community> {
        let input = CommunityInput {
            slug: input.slug,
            name: input.name,
            description: input.description,
        };
        Ok(Community(
            communities::create(state(ctx)?, viewer(ctx), input).await?,
        ))
    }

    /// Renames or re-describes a community (admins only).
    async fn update_community(
        &self,
        ctx: &Context<'_>,
        slug: String,
        input: UpdateCommunityInput,
    ) -> Result<Community> {
        let c = communities::update(
            state(ctx)?,
            viewer(ctx),
            &slug,
            &input.name,
            &input.description,
        )
        .await?;
        Ok(Community(c))
    }

    /// Joins a community.
    async fn join_community(&self, ctx: &Context<'_>, slug: String) -> Result<Community> {
        Ok(Community(
            communities::join(state(ctx)?, viewer(ctx), &slug).await?,
        ))
    }

    /// Leaves a community.
    async fn leave_community(&self, ctx: &Context<'_>, slug: String) -> Result<Community> {
        Ok(Community(
            communities::leave(state(ctx)?, viewer(ctx), &slug).await?,
        ))
    }

    /// Appoints or dismisses a moderator of one community (admins only).
    async fn set_community_moderator(
        &self,
        ctx: &Context<'_>,
        slug: String,
        user_id: ID,
        moderator: bool,
    ) -> Result<Community> {
        let user_id = parse_id(&user_id, "Utente")?;
        Ok(Community(
            communities::set_moderator(state(ctx)?, viewer(ctx), &slug, user_id, moderator).await?,
        ))
    }
}
