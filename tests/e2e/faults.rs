//! Faults: the database restarting under write load, and the database going away. Each test
//! runs its own PostgreSQL cluster, so the shared one stays up for everything else.

use std::{
    collections::BTreeSet,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use piazza_e2e::{FreshDatabase, TestApp, postgres::PostgresServer};
use serde_json::json;

const REPLY: &str = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_restart_under_load_loses_no_acknowledged_write() {
    let pg = PostgresServer::start();
    let database = FreshDatabase::create_on_postgres(pg.url()).await;
    let app = Arc::new(TestApp::spawn_on_database(database, |_| {}).await);
    let member = app.register("Ugo Carico").await;
    let thread = app
        .ask(
            &member,
            "appalti-contratti",
            "Discussione sotto carico",
            "inizio",
        )
        .await;

    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..4 {
        let (app, member, thread) = (app.clone(), member.clone(), thread.clone());
        let (acknowledged, failures, stop) = (acknowledged.clone(), failures.clone(), stop.clone());
        writers.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let vars = json!({ "i": { "threadId": thread, "body": format!("scrittore {w}, messaggio {n}") } });
                let resp = app.gql(Some(&member.token), REPLY, vars).await;
                match resp["data"]["createPost"]["id"].as_str() {
                    Some(id) => {
                        acknowledged.lock().unwrap().insert(id.parse::<i64>().unwrap());
                    }
                    None => failures.lock().unwrap().push(resp),
                }
            }
        }));
    }
    let wait_for = |count: usize| {
        let acknowledged = acknowledged.clone();
        async move {
            let deadline = Instant::now() + Duration::from_secs(60);
            while acknowledged.lock().unwrap().len() < count {
                assert!(Instant::now() < deadline, "writes did not progress");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    };
    wait_for(30).await;
    // pg_ctl blocks until the restart is complete; keep it off the test's async workers.
    let pg = Arc::new(pg);
    tokio::task::spawn_blocking({
        let pg = pg.clone();
        move || pg.restart()
    })
    .await
    .unwrap();
    let before_recovery = acknowledged.lock().unwrap().len();
    // The service recovers by itself: writes are acknowledged again after the restart.
    wait_for(before_recovery + 30).await;
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.unwrap();
    }

    // Every acknowledged write is stored.
    let stored: Vec<i64> = {
        let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&app.database.url)
            .await
            .unwrap();
        sqlx::query_scalar("select id from posts")
            .fetch_all(&mut conn)
            .await
            .unwrap()
    };
    let stored: BTreeSet<i64> = stored.into_iter().collect();
    let acknowledged = acknowledged.lock().unwrap().clone();
    let lost: Vec<_> = acknowledged.difference(&stored).collect();
    assert!(lost.is_empty(), "acknowledged but not stored: {lost:?}");
    // Failures during the restart are generic errors, never internals.
    for failure in failures.lock().unwrap().iter() {
        assert_eq!(
            failure["errors"][0]["extensions"]["code"], "INTERNAL_SERVER_ERROR",
            "{failure}"
        );
        let message = failure["errors"][0]["message"].as_str().unwrap();
        assert!(
            !message.contains("SQLSTATE")
                && !message.contains("57P01")
                && !message.contains("connection"),
            "{message}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_database_down_requests_fail_fast_and_readiness_says_so() {
    let pg = PostgresServer::start();
    let database = FreshDatabase::create_on_postgres(pg.url()).await;
    let app = TestApp::spawn_on_database(database, |_| {}).await;
    let member = app.register("Vera Guasto").await;
    tokio::task::block_in_place(|| pg.stop());
    let started = Instant::now();
    let resp = app
        .gql(
            Some(&member.token),
            "{ communities(first: 1) { edges { node { slug } } } }",
            json!({}),
        )
        .await;
    // Bounded by the pool's acquire timeout (3 s), not sqlx's default 30 s.
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(
        resp["errors"][0]["extensions"]["code"], "INTERNAL_SERVER_ERROR",
        "{resp}"
    );
    let ready = app
        .client
        .get(format!("{}/readyz", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 503);
    assert_eq!(
        app.client
            .get(format!("{}/healthz", app.url))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    tokio::task::block_in_place(|| pg.resume());
    // Back by itself once the database returns.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let ready = app
            .client
            .get(format!("{}/readyz", app.url))
            .send()
            .await
            .unwrap();
        if ready.status() == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "not ready again after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    app.ok(Some(&member.token), "{ me { id } }", json!({}))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_on_sqlite_never_see_a_locked_database() {
    let app = Arc::new(TestApp::spawn(piazza_e2e::Backend::Sqlite).await);
    let member = app.register("Zeno Folla").await;
    let thread = app
        .ask(
            &member,
            "bilancio-tributi",
            "Molte risposte contemporanee",
            "via",
        )
        .await;
    let mut tasks = Vec::new();
    for n in 0..40 {
        let (app, member, thread) = (app.clone(), member.clone(), thread.clone());
        tasks.push(tokio::spawn(async move {
            let vars = json!({ "i": { "threadId": thread, "body": format!("risposta {n}") } });
            app.gql(Some(&member.token), REPLY, vars).await
        }));
    }
    for task in tasks {
        let resp = task.await.unwrap();
        assert!(resp.get("errors").is_none(), "{resp}");
    }
    assert_eq!(app.count("posts").await, 41);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_server_restart_clients_reconnect_and_catch_up() {
    use piazza_e2e::ws::WsClient;
    let app = TestApp::spawn(piazza_e2e::Backend::Sqlite).await;
    let member = app.register("Rita Riavvio").await;
    let thread = app
        .ask(&member, "transizione-digitale", "Migrazione al cloud", "x")
        .await;
    let query = "subscription($t: ID!, $a: String) { threadEvents(threadId: $t, after: $a) { cursor post { body } } }";
    let mut client = WsClient::connect(&app.url, "graphql-transport-ws", &[])
        .await
        .unwrap();
    client.init(None).await;
    client
        .subscribe("t", query, json!({ "t": thread, "a": "0" }))
        .await;
    app.reply(&member, &thread, "prima del riavvio").await;
    let cursor = client.data("t").await["data"]["threadEvents"]["cursor"]
        .as_str()
        .unwrap()
        .to_owned();

    // Planned restart: the socket is closed with a retryable code.
    let database = app.database.clone();
    let stopping = tokio::spawn(app.stop());
    assert_eq!(client.closed().await, 1012);
    stopping.await.unwrap();
    let app = TestApp::spawn_on(database, |_| {}).await;
    app.reply(&member, &thread, "mentre il client era scollegato")
        .await;

    let mut client = WsClient::connect(&app.url, "graphql-transport-ws", &[])
        .await
        .unwrap();
    client.init(None).await;
    client
        .subscribe("t", query, json!({ "t": thread, "a": cursor }))
        .await;
    let missed = client.data("t").await;
    assert_eq!(
        missed["data"]["threadEvents"]["post"]["body"],
        "mentre il client era scollegato"
    );
}

/// What a member sees of a community, to compare before and after a restore.
async fn snapshot(app: &TestApp) -> serde_json::Value {
    let q = "{ community(slug: \"appalti-contratti\") { memberCount threads(first: 10) { edges { node { title postCount firstPost { body bodyHtml revisions { version body } } posts(first: 10) { edges { node { body author { displayName } } } } } } } } }";
    app.ok(None, q, json!({})).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_wipe_restore_gives_identical_data() {
    let app = TestApp::spawn(piazza_e2e::Backend::Sqlite).await;
    let m = app.register("Bruna Copia").await;
    app.join(&m, "appalti-contratti").await;
    let t = app
        .ask(
            &m,
            "appalti-contratti",
            "Domanda da salvare nel backup",
            "**testo**",
        )
        .await;
    app.reply(&m, &t, "una risposta").await;
    let before = snapshot(&app).await;
    let backup_dir = tempfile::tempdir().unwrap();
    let backup = backup_dir.path().join("backup.db");
    app.state
        .db
        .backup_sqlite(backup.to_str().unwrap())
        .await
        .expect("backup");
    let database = app.database.clone();
    app.stop().await;

    // Wipe, restore the copy in place, start again.
    let path = database.url.trim_start_matches("sqlite:").to_owned();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    std::fs::copy(&backup, &path).unwrap();
    let restored = TestApp::spawn_on(database, |_| {}).await;
    assert_eq!(snapshot(&restored).await, before);
    // Sessions are data too: the member is still signed in.
    assert!(
        restored
            .ok(Some(&m.token), "{ me { id } }", json!({}))
            .await["me"]["id"]
            .is_string()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_dump_wipe_restore_gives_identical_data() {
    let app = TestApp::spawn(piazza_e2e::Backend::Postgres).await;
    let m = app.register("Piero Dump").await;
    app.join(&m, "appalti-contratti").await;
    let t = app
        .ask(
            &m,
            "appalti-contratti",
            "Domanda da salvare con pg_dump",
            "_testo_",
        )
        .await;
    app.reply(&m, &t, "una risposta").await;
    let before = snapshot(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("piazza.dump");
    let url = app.database.url.clone();
    let database = app.database.clone();
    app.stop().await;
    let run = |program: &str, args: &[&str]| {
        let status = std::process::Command::new(program)
            .args(args)
            .status()
            .unwrap_or_else(|e| panic!("{program}: {e}"));
        assert!(status.success(), "{program} {args:?}");
    };
    run("pg_dump", &["-Fc", "-f", dump.to_str().unwrap(), &url]);
    // Wipe: drop every table, then restore from the dump.
    {
        let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&url)
            .await
            .unwrap();
        sqlx::query("drop schema public cascade")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("create schema public")
            .execute(&mut conn)
            .await
            .unwrap();
    }
    run(
        "pg_restore",
        &["--no-owner", "-d", &url, dump.to_str().unwrap()],
    );
    let restored = TestApp::spawn_on(database, |_| {}).await;
    assert_eq!(snapshot(&restored).await, before);
}
