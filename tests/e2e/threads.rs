//! Opening threads and reading thread lists: orders, filters, pages.

use serde_json::{Value, json};

const CREATE: &str = "mutation($i: CreateThreadInput!) { createThread(input: $i) { id kind title tags postCount isAnswered locked pinned author { displayName } community { slug } firstPost { body bodyHtml } } }";
const LIST: &str = "query($s: String!, $n: Int, $a: String, $o: ThreadSort, $f: ThreadFilter) { community(slug: $s) { threads(first: $n, after: $a, sort: $o, filter: $f) { edges { cursor node { id title kind tags } } pageInfo { hasNextPage endCursor } } } }";

fn thread_input(title: &str, body: &str, tags: Value) -> Value {
    json!({ "i": { "communitySlug": "appalti-contratti", "kind": "QUESTION", "title": title, "body": body, "tags": tags } })
}

async fn titles(app: &piazza_e2e::TestApp, vars: Value) -> Vec<String> {
    let data = app.ok(None, LIST, vars).await;
    data["community"]["threads"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["title"].as_str().unwrap().to_owned())
        .collect()
}

both_backends! {
    async fn a_member_opens_a_question(app) {
        let m = app.register("Anna Conti").await;
        let vars = thread_input("Affidamento diretto sotto i 5.000 euro", "Serve il **CIG** anche per importi minimi?", json!(["CIG", "affidamento"]));
        let data = app.ok(Some(&m.token), CREATE, vars).await;
        let t = &data["createThread"];
        assert_eq!(t["kind"], "QUESTION");
        assert_eq!(t["tags"], json!(["cig", "affidamento"]));
        assert_eq!(t["postCount"], 1);
        assert_eq!(t["isAnswered"], false);
        assert_eq!(t["author"]["displayName"], "Anna Conti");
        assert_eq!(t["community"]["slug"], "appalti-contratti");
        assert_eq!(t["firstPost"]["body"], "Serve il **CIG** anche per importi minimi?");
        assert_eq!(t["firstPost"]["bodyHtml"], "<p>Serve il <strong>CIG</strong> anche per importi minimi?</p>\n");
        let read = app.ok(None, "query($id: ID!) { thread(id: $id) { title } }", json!({ "id": t["id"] })).await;
        assert_eq!(read["thread"]["title"], "Affidamento diretto sotto i 5.000 euro");
        assert!(app.ok(None, "{ thread(id: \"99999\") { title } }", json!({})).await["thread"].is_null());
        assert!(app.ok(None, "{ thread(id: \"abc\") { title } }", json!({})).await["thread"].is_null());
    }

    async fn invalid_threads_are_refused_and_store_nothing(app) {
        let m = app.register("Bruno Sale").await;
        let ok_title = "Un titolo abbastanza lungo";
        for vars in [
            thread_input("Corto", "testo", json!([])),
            thread_input(&"t".repeat(201), "testo", json!([])),
            thread_input(ok_title, "   ", json!([])),
            thread_input(ok_title, &"x".repeat(32_001), json!([])),
            thread_input(ok_title, "testo", json!(["a", "b", "c", "d", "e", "f"])),
            thread_input(ok_title, "testo", json!(["x"])),
            thread_input(ok_title, "testo", json!(["con spazi"])),
        ] {
            assert_eq!(app.err(Some(&m.token), CREATE, vars).await, "BAD_USER_INPUT");
        }
        let mut unknown = thread_input(ok_title, "testo", json!([]));
        unknown["i"]["communitySlug"] = json!("non-esiste");
        assert_eq!(app.err(Some(&m.token), CREATE, unknown).await, "NOT_FOUND");
        assert_eq!(app.err(None, CREATE, thread_input(ok_title, "testo", json!([]))).await, "UNAUTHENTICATED");
        assert_eq!(app.count("threads").await, 0);
        assert_eq!(app.count("posts").await, 0);
    }

    async fn lists_sort_by_newest_activity_and_score(app) {
        let m = app.register("Carla Mori").await;
        let first = app.ask(&m, "appalti-contratti", "Prima domanda sugli appalti", "a").await;
        app.ask(&m, "appalti-contratti", "Seconda domanda sugli appalti", "b").await;
        app.ask(&m, "appalti-contratti", "Terza domanda sugli appalti", "c").await;
        app.reply(&m, &first, "una risposta rianima la prima").await;
        let s = "appalti-contratti";
        assert_eq!(titles(&app, json!({ "s": s, "o": "LATEST" })).await,
                   ["Terza domanda sugli appalti", "Seconda domanda sugli appalti", "Prima domanda sugli appalti"]);
        assert_eq!(titles(&app, json!({ "s": s, "o": "ACTIVE" })).await,
                   ["Prima domanda sugli appalti", "Terza domanda sugli appalti", "Seconda domanda sugli appalti"]);
        // No votes yet: equal scores fall back to newest first.
        assert_eq!(titles(&app, json!({ "s": s, "o": "TOP" })).await,
                   ["Terza domanda sugli appalti", "Seconda domanda sugli appalti", "Prima domanda sugli appalti"]);
        assert!(titles(&app, json!({ "s": "bilancio-tributi" })).await.is_empty());
    }

    async fn lists_filter_by_kind_tag_and_unanswered(app) {
        let m = app.register("Dario Neri").await;
        app.open_thread(&m, "appalti-contratti", "QUESTION", "Domanda con etichetta CIG", "a", &["cig"]).await;
        app.open_thread(&m, "appalti-contratti", "DISCUSSION", "Discussione sul nuovo codice", "b", &["codice"]).await;
        let s = "appalti-contratti";
        assert_eq!(titles(&app, json!({ "s": s, "f": { "kind": "DISCUSSION" } })).await, ["Discussione sul nuovo codice"]);
        assert_eq!(titles(&app, json!({ "s": s, "f": { "tag": "CIG" } })).await, ["Domanda con etichetta CIG"]);
        assert_eq!(titles(&app, json!({ "s": s, "f": { "unanswered": true } })).await, ["Domanda con etichetta CIG"]);
        assert!(titles(&app, json!({ "s": s, "f": { "tag": "nessuna" } })).await.is_empty());
    }

    async fn every_order_pages_through_every_thread_once(app) {
        let m = app.register("Elsa Pini").await;
        for i in 0..7 {
            let t = app.ask(&m, "transizione-digitale", &format!("Domanda numero {i} su SPID"), "testo").await;
            if i % 3 == 0 {
                app.reply(&m, &t, "risposta").await;
            }
        }
        for order in ["LATEST", "ACTIVE", "TOP"] {
            let mut seen: Vec<String> = Vec::new();
            let mut after = Value::Null;
            let mut pages = 0;
            loop {
                let data = app.ok(None, LIST, json!({ "s": "transizione-digitale", "n": 3, "a": after, "o": order })).await;
                let conn = &data["community"]["threads"];
                seen.extend(conn["edges"].as_array().unwrap().iter().map(|e| e["node"]["id"].as_str().unwrap().to_owned()));
                pages += 1;
                if !conn["pageInfo"]["hasNextPage"].as_bool().unwrap() { break; }
                after = conn["pageInfo"]["endCursor"].clone();
            }
            assert_eq!(pages, 3, "{order}");
            let mut unique = seen.clone();
            unique.sort();
            unique.dedup();
            assert_eq!((seen.len(), unique.len()), (7, 7), "{order}: {seen:?}");
        }
        // A cursor from one order is refused by another.
        let data = app.ok(None, LIST, json!({ "s": "transizione-digitale", "n": 1, "o": "TOP" })).await;
        let top_cursor = data["community"]["threads"]["pageInfo"]["endCursor"].clone();
        assert_eq!(app.err(None, LIST, json!({ "s": "transizione-digitale", "a": top_cursor, "o": "ACTIVE" })).await, "BAD_USER_INPUT");
    }

    async fn page_sizes_are_capped(app) {
        let m = app.register("Fulvio Gatti").await;
        for i in 0..3 {
            app.ask(&m, "rigenerazione-urbana", &format!("Bando borghi domanda {i}"), "testo").await;
        }
        assert_eq!(titles(&app, json!({ "s": "rigenerazione-urbana", "n": 1_000_000 })).await.len(), 3);
        assert_eq!(titles(&app, json!({ "s": "rigenerazione-urbana", "n": 2 })).await.len(), 2);
        assert_eq!(app.err(None, LIST, json!({ "s": "rigenerazione-urbana", "n": -5 })).await, "BAD_USER_INPUT");
    }
}
