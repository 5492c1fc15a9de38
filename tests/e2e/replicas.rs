//! Two servers on one PostgreSQL database, bridged by Redis: live events cross replicas,
//! the bridge heals after Redis restarts, and a paused (unresponsive) Redis slows nothing.

use std::time::Duration;

use piazza_e2e::{Backend, TestApp, redis::RedisServer, ws::WsClient};
use serde_json::json;

const THREAD_EVENTS: &str =
    "subscription($t: ID!) { threadEvents(threadId: $t) { kind post { body } } }";

/// Waits (bounded) until `check` holds, yielding between attempts.
async fn until(what: &str, mut check: impl FnMut() -> bool) {
    let waited = tokio::time::timeout(Duration::from_secs(15), async {
        while !check() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(waited.is_ok(), "timed out waiting until {what}");
}

fn subscribed(app: &TestApp) -> bool {
    app.state.bus.bridge_status().is_some_and(|s| s.subscribed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_cross_replicas_and_survive_a_redis_restart() {
    let mut redis = RedisServer::start().await;
    let url = redis.url();
    let a = TestApp::spawn_with(Backend::Postgres, |c| c.redis_url = Some(url.clone())).await;
    let b = a.spawn_replica(|c| c.redis_url = Some(url.clone())).await;
    until("both replicas are subscribed", || {
        subscribed(&a) && subscribed(&b)
    })
    .await;

    let asker = a.register("Rosa Ponte").await;
    let thread = a
        .ask(
            &asker,
            "appalti-contratti",
            "Domanda seguita da due repliche",
            "x",
        )
        .await;
    // Live only (no cursor): whatever arrives on A came through Redis from B.
    let mut client = WsClient::connect(&a.url, "graphql-transport-ws", &[])
        .await
        .unwrap();
    client.init(None).await;
    client
        .subscribe("t", THREAD_EVENTS, json!({ "t": thread }))
        .await;
    until("A's subscription is listening", || {
        a.state.bus.topic_count() > 0
    })
    .await;

    b.reply(&asker, &thread, "scritta sulla replica B").await;
    let event = client.data("t").await;
    assert_eq!(
        event["data"]["threadEvents"]["post"]["body"], "scritta sulla replica B",
        "{event}"
    );

    redis.stop();
    until("both replicas notice Redis is gone", || {
        !subscribed(&a) && !subscribed(&b)
    })
    .await;
    // Still ready: a node without Redis serves everything but cross-replica live events.
    let ready = a
        .client
        .get(format!("{}/readyz", a.url))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
    let ready: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(ready, json!({ "database": "ok", "redis": "reconnecting" }));
    // Writes keep working while Redis is down; their live fan-out to other replicas is lost
    // (at-most-once) but they are in the event log for clients that resume with a cursor.
    b.reply(&asker, &thread, "scritta mentre Redis è fermo")
        .await;
    redis.restart().await;
    until("both replicas resubscribe", || {
        subscribed(&a) && subscribed(&b)
    })
    .await;

    // The publisher side reconnects on demand; publish until one message crosses.
    let mut crossed = None;
    for attempt in 0..20 {
        b.reply(&asker, &thread, &format!("dopo il riavvio {attempt}"))
            .await;
        let got = tokio::time::timeout(Duration::from_millis(500), client.data("t")).await;
        if let Ok(event) = got {
            crossed = Some(event);
            break;
        }
    }
    let event = crossed.expect("an event crossed replicas after the Redis restart");
    let body = event["data"]["threadEvents"]["post"]["body"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(body.starts_with("dopo il riavvio"), "{body}");
}

/// Runs `op` and asserts it finished within `limit`.
async fn quick<T>(what: &str, limit: Duration, op: impl std::future::Future<Output = T>) -> T {
    let started = std::time::Instant::now();
    let out = op.await;
    assert!(
        started.elapsed() < limit,
        "{what} took {:?} while Redis was paused",
        started.elapsed()
    );
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paused_redis_slows_nothing_and_the_bridge_recovers() {
    let redis = RedisServer::start().await;
    let url = redis.url();
    // Rate limits on, so logins and posts consult Redis on every request.
    let configure = |c: &mut piazza::Config| {
        c.redis_url = Some(url.clone());
        c.rate_limit_disabled = false;
    };
    let a = TestApp::spawn_with(Backend::Postgres, configure).await;
    let b = a.spawn_replica(configure).await;
    until("both replicas are subscribed", || {
        subscribed(&a) && subscribed(&b)
    })
    .await;
    let asker = a.register("Lia Attesa").await;
    let replier = b.register("Ettore Pausa").await;
    let thread = a
        .ask(
            &asker,
            "personale-organizzazione",
            "Domanda durante una pausa di Redis",
            "x",
        )
        .await;
    let mut client = WsClient::connect(&a.url, "graphql-transport-ws", &[])
        .await
        .unwrap();
    client.init(None).await;
    client
        .subscribe("t", THREAD_EVENTS, json!({ "t": thread }))
        .await;
    until("A's subscription is listening", || {
        a.state.bus.topic_count() > 0
    })
    .await;

    // Redis stops answering every client (connections stay open, commands hang) for 3 s.
    let pause = Duration::from_secs(3);
    redis
        .command(&["CLIENT", "PAUSE", &pause.as_millis().to_string(), "ALL"])
        .await;
    let resumed = tokio::time::Instant::now() + pause;
    // Each waits at most one 200 ms rate-limit check on Redis (then Redis is skipped for a
    // second): well under half a second more than usual, which is tens of milliseconds here.
    let limit = Duration::from_millis(900);
    quick(
        "a reply",
        limit,
        b.reply(&replier, &thread, "scritta durante la pausa"),
    )
    .await;
    quick(
        "a read",
        limit,
        a.ok(
            None,
            "query($t: ID!) { thread(id: $t) { title posts(first: 10) { edges { node { body } } } } }",
            json!({ "t": thread }),
        ),
    )
    .await;
    let signed_in = quick("a login", limit, a.login(&asker.email)).await;
    quick(
        "a search",
        limit,
        a.ok(
            Some(&signed_in.token),
            "{ search(query: \"pausa\") { edges { node { thread { id } } } } }",
            json!({}),
        ),
    )
    .await;
    assert!(
        tokio::time::Instant::now() < resumed,
        "the checks ran while Redis was paused"
    );

    // After the pause the bridge recovers: a post on B reaches the subscriber on A. (The
    // reply written during the pause may arrive first, from the publisher's retry.)
    tokio::time::sleep_until(resumed).await;
    until("both replicas are linked again", || {
        [&a, &b].iter().all(|r| {
            r.state
                .bus
                .bridge_status()
                .is_some_and(|s| s.subscribed && s.publishing)
        })
    })
    .await;
    b.reply(&asker, &thread, "scritta dopo la pausa").await;
    loop {
        let event = client.data("t").await;
        let body = &event["data"]["threadEvents"]["post"]["body"];
        if body == "scritta dopo la pausa" {
            break;
        }
        assert_eq!(body, "scritta durante la pausa", "{event}");
    }
}
