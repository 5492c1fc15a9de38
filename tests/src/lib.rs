//! Test harness: the real server on port 0 over a fresh database (a temporary SQLite file,
//! or a new PostgreSQL database dropped afterwards), and helpers named after what members do.
//!
//! PostgreSQL comes from `PIAZZA_TEST_POSTGRES_URL` (default: the server on 127.0.0.1:5432,
//! user postgres). It is required: a test that cannot reach it fails, it never skips.

pub mod db;
pub mod postgres;
pub mod redis;
pub mod smtp;
pub mod ws;

use std::sync::{
    Arc,
    atomic::{AtomicU32, Ordering},
};

use piazza::{Application, Config};
use serde_json::{Value, json};
use tokio::sync::oneshot;

pub use db::{Backend, FreshDatabase};

/// A running server and a client for it.
pub struct TestApp {
    pub url: String,
    pub backend: Backend,
    pub client: reqwest::Client,
    pub state: piazza::services::AppState,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    pub database: Arc<FreshDatabase>,
}

/// A signed-in member: their token and id.
#[derive(Clone, Debug)]
pub struct Member {
    pub id: String,
    pub token: String,
    pub email: String,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The email domain of members registered by [`TestApp::register`], approved for all comuni.
pub const TRUSTED_DOMAIN: &str = "comune.example.it";

/// A password that passes the rules.
pub const PASSWORD: &str = "una password abbastanza lunga";

impl TestApp {
    /// Starts a server with rate limits off (tests post quickly from one IP).
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, |_| {}).await
    }

    pub async fn spawn_with(backend: Backend, configure: impl FnOnce(&mut Config)) -> TestApp {
        let database = Arc::new(FreshDatabase::create(backend).await);
        Self::spawn_on(database, configure).await
    }

    /// A server on the given database (e.g. one on a private PostgreSQL cluster).
    pub async fn spawn_on_database(
        database: FreshDatabase,
        configure: impl FnOnce(&mut Config),
    ) -> TestApp {
        Self::spawn_on(Arc::new(database), configure).await
    }

    /// Another server on this one's database (a second replica).
    pub async fn spawn_replica(&self, configure: impl FnOnce(&mut Config)) -> TestApp {
        Self::spawn_on(self.database.clone(), configure).await
    }

    /// A server on a database another (possibly stopped) server used: a restart.
    pub async fn spawn_on(
        database: Arc<FreshDatabase>,
        configure: impl FnOnce(&mut Config),
    ) -> TestApp {
        let backend = database.backend;
        let mut config = Config::new(database.url.clone());
        config.rate_limit_disabled = true;
        config.web_dir = std::env::temp_dir().join("piazza-test-no-web");
        // Tests post freely; the limits on new members are tested on their own.
        config.new_member_posts = 0;
        configure(&mut config);
        let app = Application::build(config).await.expect("the server starts");
        let url = format!("http://127.0.0.1:{}", app.port());
        let state = app.state().clone();
        // Members registered by tests use this domain: verified, they are approved at once
        // (the real flow; tests of approval by a moderator register elsewhere).
        piazza::services::trust::ensure_approved_domain(&state, TRUSTED_DOMAIN, None, None)
            .await
            .map_err(|e| e.message())
            .expect("test domain approved");
        let (tx, rx) = oneshot::channel();
        let server = tokio::spawn(app.run_until_stopped(async {
            let _ = rx.await;
        }));
        TestApp {
            url,
            backend,
            client: reqwest::Client::builder().build().expect("http client"),
            state,
            shutdown: Some(tx),
            server: Some(server),
            database,
        }
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            server
                .await
                .expect("server task")
                .expect("server stopped cleanly");
        }
    }

    /// Runs a GraphQL operation, with a bearer token if given; returns the whole response.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let mut req = self
            .client
            .post(format!("{}/graphql", self.url))
            .json(&json!({
                "query": query,
                "variables": variables,
            }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.expect("request sent");
        assert!(resp.status().is_success(), "HTTP {}", resp.status());
        resp.json().await.expect("JSON response")
    }

    /// Runs an operation that must succeed; returns `data`.
    pub async fn ok(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let resp = self.gql(token, query, variables).await;
        assert!(resp.get("errors").is_none(), "unexpected errors: {resp:#}");
        resp["data"].clone()
    }

    /// The member's handle (what `@mentions` name).
    pub async fn handle(&self, m: &Member) -> String {
        self.ok(Some(&m.token), "{ me { handle } }", json!({}))
            .await["me"]["handle"]
            .as_str()
            .expect("a handle")
            .to_owned()
    }

    /// Runs an operation that must fail; returns the first error's `extensions.code`.
    pub async fn err(&self, token: Option<&str>, query: &str, variables: Value) -> String {
        let resp = self.gql(token, query, variables).await;
        let code = resp["errors"][0]["extensions"]["code"].as_str();
        code.unwrap_or_else(|| panic!("expected an error with a code, got {resp:#}"))
            .to_owned()
    }

    /// Registers a new member with a unique email at the trusted domain and confirms it
    /// through the link mailed to them: a member who can post.
    pub async fn register(&self, name: &str) -> Member {
        let member = self.register_unverified(name, TRUSTED_DOMAIN).await;
        self.verify_email(&member.email).await;
        member
    }

    /// A unique email address at `domain` for a member named `name`.
    pub fn email_for(name: &str, domain: &str) -> String {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        format!("{}.{n}@{domain}", name.to_lowercase().replace(' ', "."))
    }

    /// The token of the newest verification link mailed to `email` (read from the outbox,
    /// where mail goes without SMTP).
    pub async fn verification_token(&self, email: &str) -> String {
        let mail = piazza_db::trust::list_mail(&self.state.db, Some(email), None, 1)
            .await
            .expect("outbox readable");
        let body = &mail.first().expect("a mail to the member").body;
        token_in(body).expect("a verification link in the mail")
    }

    /// Opens the verification link mailed to `email`; returns the user.
    pub async fn verify_email(&self, email: &str) -> Value {
        let token = self.verification_token(email).await;
        self.ok(
            None,
            "mutation($t: String!) { verifyEmail(token: $t) { approvalStatus user { id } } }",
            json!({ "t": token }),
        )
        .await["verifyEmail"]
            .clone()
    }

    /// Registers a member at `domain` without confirming the email: they can read only.
    pub async fn register_unverified(&self, name: &str, domain: &str) -> Member {
        let email = Self::email_for(name, domain);
        let data = self
            .ok(
                None,
                "mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }",
                json!({ "input": {
                    "email": email, "password": PASSWORD, "displayName": name,
                    "comuneIstatCode": "001001", "jobTitle": "Istruttore amministrativo"
                }}),
            )
            .await;
        Member {
            id: data["register"]["user"]["id"]
                .as_str()
                .expect("id")
                .to_owned(),
            token: data["register"]["token"]
                .as_str()
                .expect("token")
                .to_owned(),
            email,
        }
    }

    /// Registers a member and gives them a global role through an admin.
    pub async fn member_with_role(&self, name: &str, role: &str) -> Member {
        let m = self.register(name).await;
        let admin = self.admin().await;
        self.ok(
            Some(&admin.token),
            "mutation($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { id } }",
            json!({ "id": m.id, "role": role }),
        )
        .await;
        m
    }

    /// An admin, created the way an operator does (`piazza admin create`), then signed in.
    pub async fn admin(&self) -> Member {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let email = format!("admin{n}@anci.example.it");
        piazza::services::accounts::create_admin(&self.state, &email, "Amministratore", PASSWORD)
            .await
            .map_err(|e| e.message())
            .expect("admin created");
        self.login(&email).await
    }

    pub async fn login(&self, email: &str) -> Member {
        let data = self
            .ok(
                None,
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }",
                json!({ "e": email, "p": PASSWORD }),
            )
            .await;
        Member {
            id: data["login"]["user"]["id"].as_str().expect("id").to_owned(),
            token: data["login"]["token"].as_str().expect("token").to_owned(),
            email: email.to_owned(),
        }
    }

    pub async fn join(&self, member: &Member, slug: &str) {
        self.ok(
            Some(&member.token),
            "mutation($s: String!) { joinCommunity(slug: $s) { id } }",
            json!({ "s": slug }),
        )
        .await;
    }

    /// Opens a question; returns the thread id.
    pub async fn ask(&self, member: &Member, slug: &str, title: &str, body: &str) -> String {
        self.open_thread(member, slug, "QUESTION", title, body, &[])
            .await
    }

    pub async fn open_thread(
        &self,
        member: &Member,
        slug: &str,
        kind: &str,
        title: &str,
        body: &str,
        tags: &[&str],
    ) -> String {
        let data = self
            .ok(
                Some(&member.token),
                "mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }",
                json!({ "input": { "communitySlug": slug, "kind": kind, "title": title, "body": body, "tags": tags } }),
            )
            .await;
        data["createThread"]["id"]
            .as_str()
            .expect("thread id")
            .to_owned()
    }

    /// Replies in a thread; returns the post id.
    pub async fn reply(&self, member: &Member, thread_id: &str, body: &str) -> String {
        let data = self
            .ok(
                Some(&member.token),
                "mutation($input: CreatePostInput!) { createPost(input: $input) { id } }",
                json!({ "input": { "threadId": thread_id, "body": body } }),
            )
            .await;
        data["createPost"]["id"]
            .as_str()
            .expect("post id")
            .to_owned()
    }

    /// Counts rows of a table straight from the database, to prove refusals change nothing.
    pub async fn count(&self, table: &str) -> i64 {
        self.database.count(table).await
    }
}

/// The token of a `/verifica-email?token=…` link in a mail body.
pub fn token_in(body: &str) -> Option<String> {
    let start = body.find("/verifica-email?token=")? + "/verifica-email?token=".len();
    let token: String = body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!token.is_empty()).then_some(token)
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}
