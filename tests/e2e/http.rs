//! The HTTP transport rules: content types, sizes, batches, GET, limits, probes, headers.

use piazza_e2e::{Backend, TestApp};
use serde_json::{Value, json};

async fn post_raw(app: &TestApp, content_type: Option<&str>, body: Vec<u8>) -> reqwest::Response {
    let mut req = app.client.post(format!("{}/graphql", app.url)).body(body);
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    req.send().await.expect("sent")
}

async fn sqlite() -> TestApp {
    TestApp::spawn(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_json_bodies_are_accepted() {
    let app = sqlite().await;
    let body = br#"{"query":"mutation { logout }"}"#.to_vec();
    for ct in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
    ] {
        let resp = post_raw(&app, ct, body.clone()).await;
        assert_eq!(resp.status(), 415, "{ct:?}");
    }
    let resp = post_raw(&app, Some("application/json; charset=utf-8"), body).await;
    assert_eq!(resp.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_runs_queries_but_never_mutations() {
    let app = sqlite().await;
    let ok = app
        .client
        .get(format!("{}/graphql", app.url))
        .query(&[(
            "query",
            "{ communities(first: 1) { edges { node { slug } } } }",
        )])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let body: Value = ok.json().await.unwrap();
    assert!(body["data"]["communities"]["edges"].is_array());
    let doc = "mutation { register(input: { email: \"g@example.it\", password: \"una password lunga\", displayName: \"Get\" }) { token } }";
    let refused = app
        .client
        .get(format!("{}/graphql", app.url))
        .query(&[("query", doc)])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 405);
    // The operation selected by name counts, not the first in the document.
    let two = "query Q { me { id } } mutation M { logout }";
    let named = app
        .client
        .get(format!("{}/graphql", app.url))
        .query(&[("query", two), ("operationName", "M")])
        .send()
        .await
        .unwrap();
    assert_eq!(named.status(), 405);
    assert_eq!(app.count("users").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_and_malformed_bodies_are_refused() {
    let app = sqlite().await;
    let big = format!(
        r#"{{"query":"{{ me {{ id }} }}","variables":{{"x":"{}"}}}}"#,
        "a".repeat(1_100_000)
    );
    assert_eq!(
        post_raw(&app, Some("application/json"), big.into_bytes())
            .await
            .status(),
        413
    );
    assert_eq!(
        post_raw(&app, Some("application/json"), b"{not json".to_vec())
            .await
            .status(),
        400
    );
    assert_eq!(
        post_raw(&app, Some("application/json"), b"42".to_vec())
            .await
            .status(),
        400
    );
    let nested = format!(
        r#"{{"query":"{{ me {{ id }} }}","variables":{{"x":{}1{}}}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(
        post_raw(&app, Some("application/json"), nested.into_bytes())
            .await
            .status(),
        400
    );
    let resp: Value = post_raw(&app, Some("application/json"), b"{\"nope\":1}".to_vec())
        .await
        .json()
        .await
        .unwrap_or(json!({}));
    assert!(resp.get("errors").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batches_are_small() {
    let app = sqlite().await;
    let op = json!({ "query": "{ communities(first: 1) { edges { node { slug } } } }" });
    let two = serde_json::to_vec(&json!([op, op])).unwrap();
    let resp = post_raw(&app, Some("application/json"), two).await;
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body.as_array().map(Vec::len), Some(2));
    let many = serde_json::to_vec(&Value::Array(vec![op; 11])).unwrap();
    assert_eq!(
        post_raw(&app, Some("application/json"), many)
            .await
            .status(),
        400
    );
    assert_eq!(
        post_raw(&app, Some("application/json"), b"[]".to_vec())
            .await
            .status(),
        400
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_and_wide_documents_fail_validation() {
    let app = sqlite().await;
    let mut deep = String::from("id");
    for _ in 0..25 {
        deep = format!("thread {{ firstPost {{ {deep} }} }}");
    }
    let resp = app
        .gql(
            None,
            &format!("{{ post(id: \"1\") {{ {deep} }} }}"),
            json!({}),
        )
        .await;
    let message = resp["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_lowercase();
    assert!(
        message.contains("nested too deep") || message.contains("recursion depth"),
        "{resp}"
    );
    assert!(resp["data"].is_null());
    let aliases: String = (0..1000)
        .map(|i| format!("a{i}: communities(first: 100) {{ edges {{ node {{ slug }} }} }} "))
        .collect();
    let resp = app.gql(None, &format!("{{ {aliases} }}"), json!({})).await;
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("complex"),
        "{resp}"
    );
    assert!(resp["data"].is_null());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn introspection_is_off_unless_enabled() {
    let app = sqlite().await;
    let resp = app
        .gql(None, "{ __schema { types { name } } }", json!({}))
        .await;
    assert!(resp["data"]["__schema"].is_null(), "{resp}");
    let open = TestApp::spawn_with(Backend::Sqlite, |c| c.introspection = true).await;
    let resp = open
        .gql(None, "{ __schema { queryType { name } } }", json!({}))
        .await;
    assert_eq!(resp["data"]["__schema"]["queryType"]["name"], "Query");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn probes_metrics_and_headers() {
    let app = sqlite().await;
    let get = |path: &str| app.client.get(format!("{}{path}", app.url)).send();
    assert_eq!(get("/healthz").await.unwrap().status(), 200);
    assert_eq!(get("/readyz").await.unwrap().status(), 200);
    app.gql(None, "{ me { id } }", json!({})).await;
    let metrics = get("/metrics").await.unwrap().text().await.unwrap();
    assert!(
        metrics.contains("piazza_http_requests_total{route=\"graphql\",status=\"200\"}"),
        "{metrics}"
    );
    for path in [
        "/",
        "/c/appalti-contratti",
        "/graphql?query=%7Bme%7Bid%7D%7D",
    ] {
        let resp = get(path).await.unwrap();
        let h = resp.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'")
                && csp.contains("object-src 'none'")
                && csp.contains("frame-ancestors 'none'")
                && csp.contains("base-uri 'none'")
        );
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert!(h.contains_key("referrer-policy"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_fails_when_the_database_is_gone() {
    let app = TestApp::spawn(Backend::Postgres).await;
    assert_eq!(
        app.client
            .get(format!("{}/readyz", app.url))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // Drop the database under the running server (forcibly closing its connections).
    let admin = piazza_e2e::db::postgres_admin_url();
    let name = app.database.url.rsplit('/').next().unwrap().to_owned();
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
        .await
        .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "drop database {name} with (force)"
    )))
    .execute(&mut conn)
    .await
    .unwrap();
    let resp = app
        .client
        .get(format!("{}/readyz", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 503);
    let body = app
        .gql(
            None,
            "{ communities(first: 1) { edges { node { slug } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        "INTERNAL_SERVER_ERROR"
    );
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(
        !message.contains("database") && !message.contains("SQLSTATE") && !message.contains(&name),
        "{message}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_cookie_is_http_only_and_works() {
    let app = sqlite().await;
    let body = json!({ "query": "mutation { register(input: { email: \"c@example.it\", password: \"una password lunga\", displayName: \"Cookie\" }) { token } }" });
    let resp = app
        .client
        .post(format!("{}/graphql", app.url))
        .json(&body)
        .send()
        .await
        .unwrap();
    let cookie = resp.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.starts_with("piazza_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap();
    let me = app
        .client
        .post(format!("{}/graphql", app.url))
        .header("cookie", pair)
        .json(&json!({ "query": "{ me { displayName } }" }))
        .send()
        .await
        .unwrap();
    let me: Value = me.json().await.unwrap();
    assert_eq!(me["data"]["me"]["displayName"], "Cookie");
    let out = app
        .client
        .post(format!("{}/graphql", app.url))
        .header("cookie", pair)
        .json(&json!({ "query": "mutation { logout }" }))
        .send()
        .await
        .unwrap();
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwarded_headers_are_believed_only_from_trusted_proxies() {
    let register = |n: u32| json!({ "query": format!("mutation {{ register(input: {{ email: \"p{n}@example.it\", password: \"una password lunga\", displayName: \"Proxy {n}\" }}) {{ token }} }}") });
    let cookie_via = |app: &TestApp, n: u32| {
        app.client
            .post(format!("{}/graphql", app.url))
            .header("x-forwarded-proto", "https")
            .header("x-forwarded-for", "198.51.100.7")
            .json(&register(n))
            .send()
    };
    let untrusted = sqlite().await;
    let resp = cookie_via(&untrusted, 1).await.unwrap();
    assert!(
        !resp.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Secure")
    );
    let behind_proxy = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]
    })
    .await;
    let resp = cookie_via(&behind_proxy, 2).await.unwrap();
    assert!(
        resp.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Secure")
    );
}
