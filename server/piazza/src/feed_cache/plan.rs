//! Whether a GraphQL request may be answered from the cache, and with which key material
//! and dependencies. A request qualifies when it is one query whose root fields are all
//! feeds we know how to keep fresh: `community(slug)`, `thread(id)`, `homeFeed`,
//! `communities` (and `__typename`). Anything else runs as usual.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use lru::LruCache;

use async_graphql::{
    Name, Request, Value,
    parser::{
        parse_query,
        types::{DocumentOperations, OperationType, Selection},
    },
};

use super::{deps, scope};
use crate::{auth::Viewer, error::AppResult, services::AppState};

/// How a qualifying request is cached.
pub struct Plan {
    /// The cache's name in metrics: the first root field.
    pub name: &'static str,
    pub deps: Vec<String>,
    /// What identifies the answer besides the versions: the request and the scope.
    pub key: Vec<u8>,
    /// The communities the home feed shows, fixed here because the key includes them.
    pub home: Option<HomeCommunities>,
}

/// The communities of the viewer's home feed, as read when the request was planned.
#[derive(Clone, Debug)]
pub struct HomeCommunities(pub Vec<i64>);

/// Plans requests; remembers community ids by slug (slugs never change) and the shapes of
/// recent documents.
pub struct Planner {
    slugs: Mutex<HashMap<String, i64>>,
    shapes: Mutex<LruCache<Document, Option<Arc<Vec<Shape>>>>>,
}

/// A document and the operation chosen in it.
type Document = (String, Option<String>);

/// Distinct documents whose shape is remembered (the web sends a few dozen).
const SHAPES: usize = 512;

impl Default for Planner {
    fn default() -> Self {
        Self {
            slugs: Mutex::default(),
            shapes: Mutex::new(LruCache::new(
                std::num::NonZeroUsize::new(SHAPES).expect("non-zero"),
            )),
        }
    }
}

enum Root {
    Community(String),
    Thread(Option<i64>),
    HomeFeed,
    Communities,
    Typename,
}

/// A cache plan for `request`, or `None` when it must run uncached.
pub async fn plan(
    planner: &Planner,
    state: &AppState,
    viewer: Option<&Viewer>,
    request: &Request,
) -> AppResult<Option<Plan>> {
    let Some(roots) = planner.roots(request) else {
        return Ok(None);
    };
    let memberships = match viewer {
        Some(v) => piazza_db::communities::list_user_memberships(&state.db, v.id()).await?,
        None => Vec::new(),
    };
    let mut deps = vec![deps::GLOBAL.to_owned()];
    let mut home = None;
    for root in &roots {
        match root {
            Root::Community(slug) => {
                // An unknown slug answers null until a community is created, which bumps
                // `global`.
                if let Some(id) = planner.community_id(state, slug).await? {
                    deps.push(deps::community(id));
                }
            }
            Root::Thread(Some(id)) => deps.push(deps::thread(*id)),
            Root::HomeFeed => {
                let ids = home_communities(state, &memberships).await?;
                deps.extend(ids.iter().map(|id| deps::community(*id)));
                home = Some(HomeCommunities(ids));
            }
            Root::Communities => {
                // Each community can show its threads and counts nested in the list.
                let all = home_communities(state, &[]).await?;
                deps.extend(all.iter().map(|id| deps::community(*id)));
            }
            Root::Thread(None) | Root::Typename => {}
        }
    }
    let name = match roots.first() {
        Some(Root::Community(_)) => "community",
        Some(Root::Thread(_)) => "thread",
        Some(Root::HomeFeed) => "home_feed",
        _ => "communities",
    };
    let mut key = Vec::with_capacity(request.query.len() + 64);
    for part in [
        request.query.as_bytes(),
        request
            .operation_name
            .as_deref()
            .unwrap_or_default()
            .as_bytes(),
        &serde_json::to_vec(&request.variables).unwrap_or_default(),
        scope::of(viewer.map(Viewer::role), &memberships).as_bytes(),
        format!("{:?}", home.as_ref().map(|h| &h.0)).as_bytes(),
    ] {
        key.extend_from_slice(part);
        key.push(0);
    }
    Ok(Some(Plan {
        name,
        deps,
        key,
        home,
    }))
}

/// The home feed's communities: those joined, or all of them before joining any.
pub async fn home_communities(
    state: &AppState,
    memberships: &[(i64, String)],
) -> AppResult<Vec<i64>> {
    if !memberships.is_empty() {
        return Ok(memberships.iter().map(|(id, _)| *id).collect());
    }
    let all = piazza_db::communities::list_communities(&state.db, None, 1000).await?;
    let mut ids: Vec<i64> = all.into_iter().map(|c| c.id).collect();
    ids.sort_unstable();
    Ok(ids)
}

impl Planner {
    /// The root fields of the request's operation, if it is a query made only of feeds.
    fn roots(&self, request: &Request) -> Option<Vec<Root>> {
        let key = (request.query.clone(), request.operation_name.clone());
        let known = self.shapes.lock().expect("shapes lock").get(&key).cloned();
        let shapes = match known {
            Some(shapes) => shapes,
            None => {
                let shapes = shape(&request.query, request.operation_name.as_deref()).map(Arc::new);
                self.shapes
                    .lock()
                    .expect("shapes lock")
                    .put(key, shapes.clone());
                shapes
            }
        };
        resolve(&shapes?, request)
    }

    async fn community_id(&self, state: &AppState, slug: &str) -> AppResult<Option<i64>> {
        if let Some(id) = self.slugs.lock().expect("slugs lock").get(slug) {
            return Ok(Some(*id));
        }
        let found = piazza_db::communities::find_community_by_slug(&state.db, slug).await?;
        if let Some(c) = &found {
            self.slugs
                .lock()
                .expect("slugs lock")
                .insert(slug.to_owned(), c.id);
        }
        Ok(found.map(|c| c.id))
    }
}

/// A root field as written, before variables are substituted.
enum Shape {
    Community(Arg),
    Thread(Arg),
    HomeFeed,
    Communities,
    Typename,
}

enum Arg {
    Value(Value),
    Variable { name: Name, default: Option<Value> },
}

/// The shape of a document's operation, if it is a query made only of feeds. Parsing
/// costs more than answering from the cache, so the planner remembers shapes by document.
fn shape(query: &str, operation_name: Option<&str>) -> Option<Vec<Shape>> {
    let doc = parse_query(query).ok()?;
    let op = match (&doc.operations, operation_name) {
        (DocumentOperations::Single(op), _) => &op.node,
        (DocumentOperations::Multiple(ops), Some(name)) => &ops.get(name)?.node,
        (DocumentOperations::Multiple(_), None) => return None,
    };
    if op.ty != OperationType::Query {
        return None;
    }
    let mut shapes = Vec::new();
    for item in &op.selection_set.node.items {
        let Selection::Field(field) = &item.node else {
            return None; // fragments at the root: not worth analysing
        };
        let field = &field.node;
        let arg = |name: &str| -> Option<Arg> {
            let value = &field.get_argument(name)?.node;
            // The first variable met, if any: for these scalar arguments, the value itself.
            match value.clone().into_const_with(Err::<Value, Name>) {
                Ok(v) => Some(Arg::Value(v)),
                Err(var) => {
                    let default = op
                        .variable_definitions
                        .iter()
                        .find(|d| d.node.name.node == var)
                        .and_then(|d| d.node.default_value.as_ref())
                        .map(|d| d.node.clone());
                    Some(Arg::Variable { name: var, default })
                }
            }
        };
        shapes.push(match field.name.node.as_str() {
            "community" => Shape::Community(arg("slug")?),
            "thread" => Shape::Thread(arg("id")?),
            "homeFeed" => Shape::HomeFeed,
            "communities" => Shape::Communities,
            "__typename" => Shape::Typename,
            _ => return None,
        });
    }
    Some(shapes)
}

/// The roots of `shapes` with the request's variables substituted.
fn resolve(shapes: &[Shape], request: &Request) -> Option<Vec<Root>> {
    let value = |arg: &Arg| match arg {
        Arg::Value(v) => Some(v.clone()),
        Arg::Variable { name, default } => request
            .variables
            .get(name)
            .cloned()
            .or_else(|| default.clone()),
    };
    shapes
        .iter()
        .map(|shape| {
            Some(match shape {
                Shape::Community(arg) => Root::Community(match value(arg)? {
                    Value::String(s) => s,
                    _ => return None,
                }),
                Shape::Thread(arg) => Root::Thread(match value(arg)? {
                    Value::String(s) => s.parse().ok(),
                    Value::Number(n) => n.as_i64(),
                    _ => return None,
                }),
                Shape::HomeFeed => Root::HomeFeed,
                Shape::Communities => Root::Communities,
                Shape::Typename => Root::Typename,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use async_graphql::Variables;

    use super::*;

    fn kinds(query: &str, variables: serde_json::Value) -> Option<Vec<String>> {
        let request = Request::new(query).variables(Variables::from_json(variables));
        Planner::default().roots(&request).map(|roots| {
            roots
                .into_iter()
                .map(|r| match r {
                    Root::Community(slug) => format!("community {slug}"),
                    Root::Thread(id) => format!("thread {id:?}"),
                    Root::HomeFeed => "home".into(),
                    Root::Communities => "communities".into(),
                    Root::Typename => "typename".into(),
                })
                .collect()
        })
    }

    #[test]
    fn feeds_qualify_with_literal_or_variable_arguments() {
        let none = serde_json::json!({});
        assert_eq!(
            kinds(
                r#"{ community(slug: "appalti") { threads { edges { node { title } } } } }"#,
                none.clone()
            ),
            Some(vec!["community appalti".into()])
        );
        assert_eq!(
            kinds(
                "query($s: String!, $t: ID!) { community(slug: $s) { name } thread(id: $t) { title } }",
                serde_json::json!({"s": "pnrr", "t": "42"})
            ),
            Some(vec!["community pnrr".into(), "thread Some(42)".into()])
        );
        assert_eq!(
            kinds(
                r#"query($s: String = "bilancio") { community(slug: $s) { name } }"#,
                none.clone()
            ),
            Some(vec!["community bilancio".into()]),
            "a variable's default counts"
        );
        assert_eq!(
            kinds("{ homeFeed { edges { node { id } } } __typename }", none),
            Some(vec!["home".into(), "typename".into()])
        );
    }

    #[test]
    fn anything_else_runs_uncached() {
        let none = serde_json::json!({});
        for query in [
            "{ me { id } }",
            r#"{ community(slug: "a") { name } me { id } }"#,
            r#"mutation { login(email: "a", password: "b") { token } }"#,
            "subscription { communityEvents(slug: \"a\") { kind } }",
            "{ ...F } fragment F on Query { communities { edges { node { id } } } }",
            "query($s: String!) { community(slug: $s) { name } }",
            "query A { communities { edges { node { id } } } } query B { me { id } }",
            "{ unparseable",
        ] {
            assert_eq!(kinds(query, none.clone()), None, "{query}");
        }
    }
}
