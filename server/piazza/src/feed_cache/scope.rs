//! The permission scope of a request: what, besides the request itself, may change the
//! answer for reasons of permission (FAQ drafts shown to editors, say). Responses are
//! cached per scope, so two members with the same role and moderated communities share
//! entries, and nobody sees what their permissions would not show.

use crate::auth::Role;

/// The scope as part of a cache key, from the viewer's global role (none when signed out)
/// and their `(community, role)` list.
pub fn of(role: Option<Role>, memberships: &[(i64, String)]) -> String {
    let Some(role) = role else {
        return "anonymous".to_owned();
    };
    if matches!(role, Role::Moderator | Role::Admin) {
        return format!("{role:?}"); // they moderate everywhere
    }
    let moderated: Vec<String> = memberships
        .iter()
        .filter(|(_, r)| r == "moderator")
        .map(|(id, _)| id.to_string())
        .collect();
    format!("{role:?}:{}", moderated.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_separate_roles_and_moderated_communities_only() {
        let member = Role::Member;
        let joined = [(3, "member".to_owned()), (5, "moderator".to_owned())];
        assert_eq!(of(None, &[]), "anonymous");
        assert_eq!(of(Some(member), &[]), "Member:");
        assert_eq!(
            of(Some(member), &joined[..1]),
            "Member:",
            "joining is not a permission"
        );
        assert_eq!(of(Some(member), &joined), "Member:5");
        assert_eq!(of(Some(Role::Expert), &joined), "Expert:5");
        assert_eq!(of(Some(Role::Admin), &joined), "Admin");
    }
}
