//! Rate limits shared by replicas through Redis, and enforced per replica while Redis is
//! gone. Two servers on one PostgreSQL database and a private Redis (stopped and restarted).

use std::time::{Duration, Instant};

use piazza::Config;
use piazza_e2e::{Backend, TestApp, redis::RedisServer};
use serde_json::{Value, json};

const LOGIN: &str =
    "mutation($e: String!) { login(email: $e, password: \"sbagliata, ma lunga\") { token } }";

/// One login attempt with a wrong password: the throttle counts it before the password is
/// checked. Returns the error (UNAUTHENTICATED when admitted, RATE_LIMITED when not).
async fn attempt(app: &TestApp) -> Value {
    let started = Instant::now();
    let resp = app
        .gql(None, LOGIN, json!({ "e": "bersaglio@comune.example.it" }))
        .await;
    // Never held up by Redis: its checks give up after 200 ms.
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "took {:?}",
        started.elapsed()
    );
    resp["errors"][0].clone()
}

fn code(error: &Value) -> &str {
    error["extensions"]["code"].as_str().unwrap_or("none")
}

/// Alternates attempts between the replicas until one is refused; returns how many were
/// admitted, and the refusal.
async fn admitted_until_refused(replicas: &[&TestApp]) -> (usize, Value) {
    for n in 0..20 {
        let error = attempt(replicas[n % replicas.len()]).await;
        match code(&error) {
            "UNAUTHENTICATED" => {}
            "RATE_LIMITED" => return (n, error),
            other => panic!("attempt {n}: unexpected {other}: {error}"),
        }
    }
    panic!("20 login attempts in a row were admitted");
}

/// Attempts on `app` until Redis holds a rate-limit key: the replica uses Redis again.
async fn until_shared(app: &TestApp, redis: &RedisServer) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while redis.key_count().await == 0 {
        assert!(
            Instant::now() < deadline,
            "the replica never used Redis again"
        );
        let error = attempt(app).await;
        assert!(
            matches!(code(&error), "UNAUTHENTICATED" | "RATE_LIMITED"),
            "{error}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    redis.command(&["FLUSHALL"]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_share_budgets_through_redis_and_keep_limits_without_it() {
    let mut redis = RedisServer::start().await;
    let url = redis.url();
    let limited = |c: &mut Config| {
        c.redis_url = Some(url.clone());
        c.rate_limit_disabled = false;
    };
    let a = TestApp::spawn_with(Backend::Postgres, limited).await;
    let b = a.spawn_replica(limited).await;

    // Shared: six attempts a minute from one IP, whichever replica takes them.
    let (admitted, refusal) = admitted_until_refused(&[&a, &b]).await;
    assert_eq!(admitted, 6, "{refusal}");
    assert!(
        refusal["extensions"]["retryAfterSeconds"]
            .as_u64()
            .is_some_and(|s| (1..=10).contains(&s)),
        "{refusal}"
    );
    assert_eq!(code(&attempt(&a).await), "RATE_LIMITED");
    assert!(redis.key_count().await > 0, "the budget lives in Redis");

    // Redis gone: each replica enforces the limit alone, from what it saw itself, and
    // requests are answered as usual (no errors, no waiting on Redis).
    redis.stop();
    let (admitted_on_a, _) = admitted_until_refused(&[&a]).await;
    assert!(admitted_on_a <= 3, "A admitted {admitted_on_a} more");
    let (admitted_on_b, _) = admitted_until_refused(&[&b]).await;
    assert!(admitted_on_b <= 3, "B admitted {admitted_on_b} more");
    let metrics = a
        .client
        .get(format!("{}/metrics", a.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics
            .lines()
            .any(|l| l.starts_with("piazza_rate_limit_fallbacks_total ") && !l.ends_with(" 0")),
        "{metrics}"
    );

    // Redis back (empty): both replicas use it again, and share one budget again. A's own
    // limiter is exhausted, so A admitting its share proves Redis decides.
    redis.restart().await;
    until_shared(&a, &redis).await;
    until_shared(&b, &redis).await;
    let (admitted, refusal) = admitted_until_refused(&[&a, &b]).await;
    assert_eq!(admitted, 6, "{refusal}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posting_limits_follow_the_member_across_replicas() {
    let redis = RedisServer::start().await;
    let url = redis.url();
    let limited = |c: &mut Config| {
        c.redis_url = Some(url.clone());
        c.rate_limit_disabled = false;
    };
    let a = TestApp::spawn_with(Backend::Postgres, limited).await;
    let b = a.spawn_replica(limited).await;
    let member = a.register("Ida Ritmo").await;
    // A burst of three posts (the question and two replies), spread over both replicas.
    let thread = a
        .ask(
            &member,
            "appalti-contratti",
            "Quante risposte di fila?",
            "x",
        )
        .await;
    b.reply(&member, &thread, "prima").await;
    a.reply(&member, &thread, "seconda").await;
    let posts = a.count("posts").await;
    let vars = json!({ "input": { "threadId": thread, "body": "terza, troppo presto" } });
    let q = "mutation($input: CreatePostInput!) { createPost(input: $input) { id } }";
    let refused = b.gql(Some(&member.token), q, vars).await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "RATE_LIMITED",
        "{refused}"
    );
    assert!(refused["errors"][0]["extensions"]["retryAfterSeconds"].as_u64() >= Some(1));
    assert_eq!(
        a.count("posts").await,
        posts,
        "the refused post was not stored"
    );
    // Another member has a budget of their own.
    let other = b.register("Oto Calma").await;
    b.reply(&other, &thread, "io posso").await;
}
