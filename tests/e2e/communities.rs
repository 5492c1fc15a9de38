//! Communities: the starting set, administration, joining and leaving.

use serde_json::json;

const CREATE: &str =
    "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { slug name memberCount } }";
const COMMUNITY: &str = "query($s: String!) { community(slug: $s) { name memberCount viewerIsMember viewerIsModerator } }";

both_backends! {
    async fn the_starting_communities_exist(app) {
        let data = app.ok(None, "{ communities(first: 100) { edges { node { slug name } } } }", json!({})).await;
        let names: Vec<&str> = data["communities"]["edges"].as_array().unwrap().iter().map(|e| e["node"]["name"].as_str().unwrap()).collect();
        for expected in ["Appalti e contratti pubblici", "Personale e organizzazione", "Bilancio e tributi",
                         "PNRR e fondi europei", "Transizione digitale", "Rigenerazione urbana", "Trasparenza e anticorruzione"] {
            assert!(names.contains(&expected), "missing {expected}");
        }
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "alphabetical");
    }

    async fn communities_page_with_cursors(app) {
        let q = "query($a: String) { communities(first: 3, after: $a) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }";
        let mut seen = Vec::new();
        let mut after = serde_json::Value::Null;
        loop {
            let data = app.ok(None, q, json!({ "a": after })).await;
            let page = &data["communities"];
            seen.extend(page["edges"].as_array().unwrap().iter().map(|e| e["node"]["slug"].as_str().unwrap().to_owned()));
            if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() { break; }
            after = page["pageInfo"]["endCursor"].clone();
        }
        assert_eq!(seen.len(), 7);
        seen.dedup();
        assert_eq!(seen.len(), 7);
        assert_eq!(app.err(None, q, json!({ "a": "garbage!" })).await, "BAD_USER_INPUT");
    }

    async fn only_admins_create_communities(app) {
        let member = app.register("Rita Sala").await;
        let admin = app.admin().await;
        let input = json!({ "i": { "slug": "protezione-civile", "name": "Protezione civile", "description": "Piani di emergenza comunali" } });
        assert_eq!(app.err(None, CREATE, input.clone()).await, "UNAUTHENTICATED");
        assert_eq!(app.err(Some(&member.token), CREATE, input.clone()).await, "FORBIDDEN");
        assert_eq!(app.count("communities").await, 7);
        let data = app.ok(Some(&admin.token), CREATE, input.clone()).await;
        assert_eq!(data["createCommunity"], json!({ "slug": "protezione-civile", "name": "Protezione civile", "memberCount": 0 }));
        assert_eq!(app.err(Some(&admin.token), CREATE, input).await, "CONFLICT");
        let bad_slug = json!({ "i": { "slug": "Protezione Civile", "name": "Protezione civile", "description": "" } });
        assert_eq!(app.err(Some(&admin.token), CREATE, bad_slug).await, "BAD_USER_INPUT");
        assert_eq!(app.count("communities").await, 8);
    }

    async fn admins_edit_communities(app) {
        let member = app.register("Sara Pace").await;
        let admin = app.admin().await;
        let q = "mutation($s: String!, $i: UpdateCommunityInput!) { updateCommunity(slug: $s, input: $i) { name description } }";
        let vars = json!({ "s": "bilancio-tributi", "i": { "name": "Bilancio, tributi e contabilità", "description": "Nuova descrizione" } });
        assert_eq!(app.err(Some(&member.token), q, vars.clone()).await, "FORBIDDEN");
        assert_eq!(app.ok(None, COMMUNITY, json!({ "s": "bilancio-tributi" })).await["community"]["name"], "Bilancio e tributi");
        assert_eq!(app.ok(Some(&admin.token), q, vars).await["updateCommunity"]["name"], "Bilancio, tributi e contabilità");
        let missing = json!({ "s": "non-esiste", "i": { "name": "Qualcosa", "description": "" } });
        assert_eq!(app.err(Some(&admin.token), q, missing).await, "NOT_FOUND");
    }

    async fn joining_and_leaving_keep_counts_exact(app) {
        let a = app.register("Tina Lupo").await;
        let b = app.register("Ugo Orso").await;
        let join = "mutation($s: String!) { joinCommunity(slug: $s) { memberCount viewerIsMember } }";
        let leave = "mutation($s: String!) { leaveCommunity(slug: $s) { memberCount viewerIsMember } }";
        let s = json!({ "s": "pnrr-fondi-europei" });
        assert_eq!(app.err(None, join, s.clone()).await, "UNAUTHENTICATED");
        assert_eq!(app.ok(Some(&a.token), join, s.clone()).await["joinCommunity"], json!({ "memberCount": 1, "viewerIsMember": true }));
        // Joining twice changes nothing.
        assert_eq!(app.ok(Some(&a.token), join, s.clone()).await["joinCommunity"]["memberCount"], 1);
        assert_eq!(app.ok(Some(&b.token), join, s.clone()).await["joinCommunity"]["memberCount"], 2);
        assert_eq!(app.ok(Some(&b.token), COMMUNITY, s.clone()).await["community"]["viewerIsMember"], true);
        assert_eq!(app.ok(None, COMMUNITY, s.clone()).await["community"]["viewerIsMember"], false);
        assert_eq!(app.ok(Some(&a.token), leave, s.clone()).await["leaveCommunity"], json!({ "memberCount": 1, "viewerIsMember": false }));
        assert_eq!(app.ok(Some(&a.token), leave, s.clone()).await["leaveCommunity"]["memberCount"], 1);
        let mine = app.ok(Some(&b.token), "{ myCommunities { slug } }", json!({})).await;
        assert_eq!(mine["myCommunities"], json!([{ "slug": "pnrr-fondi-europei" }]));
        assert_eq!(app.err(Some(&a.token), join, json!({ "s": "non-esiste" })).await, "NOT_FOUND");
        assert!(app.ok(None, COMMUNITY, json!({ "s": "non-esiste" })).await["community"].is_null());
    }

    async fn only_admins_appoint_community_moderators(app) {
        let m = app.register("Vito Re").await;
        let other = app.register("Zoe Re").await;
        let admin = app.admin().await;
        let q = "mutation($s: String!, $u: ID!, $m: Boolean!) { setCommunityModerator(slug: $s, userId: $u, moderator: $m) { slug } }";
        let vars = json!({ "s": "appalti-contratti", "u": m.id, "m": true });
        assert_eq!(app.err(Some(&other.token), q, vars.clone()).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&m.token), q, vars.clone()).await, "FORBIDDEN");
        let s = json!({ "s": "appalti-contratti" });
        assert_eq!(app.ok(Some(&m.token), COMMUNITY, s.clone()).await["community"]["viewerIsModerator"], false);
        app.ok(Some(&admin.token), q, vars).await;
        assert_eq!(app.ok(Some(&m.token), COMMUNITY, s.clone()).await["community"], json!({
            "name": "Appalti e contratti pubblici", "memberCount": 1, "viewerIsMember": true, "viewerIsModerator": true }));
        let other_community = json!({ "s": "bilancio-tributi" });
        assert_eq!(app.ok(Some(&m.token), COMMUNITY, other_community).await["community"]["viewerIsModerator"], false);
    }
}
