//! The published schema is the one the code generates.

#[test]
fn schema_graphql_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema.graphql");
    let published = std::fs::read_to_string(path).expect("schema.graphql exists");
    let generated = piazza::graphql::sdl();
    assert!(
        published == generated,
        "schema.graphql is out of date: run `cargo run -p piazza -- schema > schema.graphql`"
    );
}

#[test]
fn the_contract_names_are_in_the_schema() {
    let sdl = piazza::graphql::sdl();
    let types = [
        "type User",
        "type Comune",
        "type Community",
        "type Thread",
        "type Post",
        "type PostRevision",
        "type AuthPayload",
        "enum Role",
        "enum ThreadSort",
        "input ThreadFilter",
        "enum ThreadKind",
        "input RegisterInput",
        "input CreateCommunityInput",
        "input CreateThreadInput",
        "input CreatePostInput",
    ];
    let operations = [
        "me",
        "comuni",
        "comune",
        "communities",
        "community",
        "thread",
        "post",
        "register",
        "login",
        "logout",
        "createCommunity",
        "joinCommunity",
        "leaveCommunity",
        "setUserRole",
        "createThread",
        "createPost",
        "editPost",
        "deletePost",
    ];
    for name in types {
        assert!(sdl.contains(&format!("{name} {{")), "schema lacks `{name}`");
    }
    for op in operations {
        let declared = sdl.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with(&format!("{op}(")) || l.starts_with(&format!("{op}:"))
        });
        assert!(declared, "schema lacks the operation `{op}`");
    }
}
