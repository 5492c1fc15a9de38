//! Registration, login, sessions and roles.

use serde_json::json;

use piazza_e2e::PASSWORD;

const REGISTER: &str = "mutation($input: RegisterInput!) { register(input: $input) { token user { id displayName handle email comune { name isPiccolo } } } }";
const LOGIN: &str =
    "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }";
const ME: &str = "{ me { id email role displayName comune { istatCode isPiccolo } } }";

fn registration(email: &str, password: &str) -> serde_json::Value {
    json!({ "input": { "email": email, "password": password, "displayName": "Anna Bianchi",
                       "comuneIstatCode": "001003", "jobTitle": "Segretaria comunale" } })
}

both_backends! {
    async fn register_then_see_my_profile(app) {
        let data = app.ok(None, REGISTER, registration("Anna@Comune.Example.it", PASSWORD)).await;
        let token = data["register"]["token"].as_str().unwrap();
        assert!(token.len() >= 43);
        assert_eq!(data["register"]["user"]["handle"], "anna.bianchi");
        let me = app.ok(Some(token), ME, json!({})).await;
        assert_eq!(me["me"]["email"], "anna@comune.example.it");
        assert_eq!(me["me"]["role"], "MEMBER");
        // Ala di Stura has 462 residents: a piccolo comune.
        assert_eq!(me["me"]["comune"]["isPiccolo"], true);
        assert_eq!(app.ok(None, ME, json!({})).await["me"], serde_json::Value::Null);
    }

    async fn bad_registrations_are_refused_and_store_nothing(app) {
        let before = app.count("users").await;
        for (email, password) in [
            ("not-an-email", PASSWORD),
            ("a@b.it", "corta"),
            ("a@b.it", "password123"),
            ("a@b.it", &"x".repeat(257)),
        ] {
            assert_eq!(app.err(None, REGISTER, registration(email, password)).await, "BAD_USER_INPUT");
        }
        let mut unknown_comune = registration("c@b.it", PASSWORD);
        unknown_comune["input"]["comuneIstatCode"] = json!("999999");
        assert_eq!(app.err(None, REGISTER, unknown_comune).await, "BAD_USER_INPUT");
        assert_eq!(app.count("users").await, before);
        assert_eq!(app.count("sessions").await, 0);
    }

    async fn an_email_registers_once(app) {
        app.ok(None, REGISTER, registration("dup@comune.example.it", PASSWORD)).await;
        let users = app.count("users").await;
        let code = app.err(None, REGISTER, registration("DUP@comune.example.it", PASSWORD)).await;
        assert_eq!(code, "CONFLICT");
        assert_eq!(app.count("users").await, users);
    }

    async fn handles_are_unique(app) {
        let a = app.ok(None, REGISTER, registration("a1@comune.example.it", PASSWORD)).await;
        let b = app.ok(None, REGISTER, registration("a2@comune.example.it", PASSWORD)).await;
        assert_eq!(a["register"]["user"]["handle"], "anna.bianchi");
        assert_eq!(b["register"]["user"]["handle"], "anna.bianchi2");
    }

    async fn login_fails_the_same_way_for_unknown_and_wrong(app) {
        let m = app.register("Carlo Verdi").await;
        let wrong = app.gql(None, LOGIN, json!({ "e": m.email, "p": "sbagliata sbagliata" })).await;
        let unknown = app.gql(None, LOGIN, json!({ "e": "nessuno@example.it", "p": PASSWORD })).await;
        assert_eq!(wrong["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
        assert_eq!(wrong["errors"][0]["message"], unknown["errors"][0]["message"]);
        assert_eq!(unknown["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
        let again = app.login(&m.email.to_uppercase()).await;
        assert_ne!(again.token, m.token, "a new session token at each login");
    }

    async fn logout_ends_only_that_session(app) {
        let m = app.register("Dora Neri").await;
        let other = app.login(&m.email).await;
        assert_eq!(app.ok(Some(&m.token), "mutation { logout }", json!({})).await["logout"], true);
        assert_eq!(app.ok(Some(&m.token), ME, json!({})).await["me"], serde_json::Value::Null);
        assert_eq!(app.ok(Some(&other.token), ME, json!({})).await["me"]["id"], json!(m.id));
        assert_eq!(app.ok(None, "mutation { logout }", json!({})).await["logout"], false);
    }

    async fn changing_the_password_ends_every_session(app) {
        let m = app.register("Elio Gialli").await;
        let other = app.login(&m.email).await;
        let q = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }";
        let code = app.err(Some(&m.token), q, json!({ "c": "non è questa", "n": "nuova password lunga" })).await;
        assert_eq!(code, "BAD_USER_INPUT");
        let data = app.ok(Some(&m.token), q, json!({ "c": PASSWORD, "n": "nuova password lunga" })).await;
        let fresh = data["changePassword"]["token"].as_str().unwrap();
        for old in [&m.token, &other.token] {
            assert_eq!(app.ok(Some(old), ME, json!({})).await["me"], serde_json::Value::Null);
        }
        assert_eq!(app.ok(Some(fresh), ME, json!({})).await["me"]["id"], json!(m.id));
    }

    async fn email_is_private(app) {
        let a = app.register("Fabio Blu").await;
        let b = app.register("Gina Rosa").await;
        let admin = app.admin().await;
        let q = "query($id: ID!) { user(id: $id) { email displayName } }";
        let vars = json!({ "id": a.id });
        assert_eq!(app.ok(Some(&a.token), q, vars.clone()).await["user"]["email"], json!(a.email));
        assert_eq!(app.ok(Some(&admin.token), q, vars.clone()).await["user"]["email"], json!(a.email));
        assert!(app.ok(Some(&b.token), q, vars.clone()).await["user"]["email"].is_null());
        assert!(app.ok(None, q, vars).await["user"]["email"].is_null());
    }

    async fn only_admins_set_roles(app) {
        let m = app.register("Ugo Viola").await;
        let other = app.register("Vera Oro").await;
        let admin = app.admin().await;
        let q = "mutation($id: ID!, $r: Role!) { setUserRole(userId: $id, role: $r) { role } }";
        let vars = json!({ "id": m.id, "r": "EXPERT" });
        assert_eq!(app.err(None, q, vars.clone()).await, "UNAUTHENTICATED");
        assert_eq!(app.err(Some(&other.token), q, vars.clone()).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&m.token), q, json!({ "id": m.id, "r": "ADMIN" })).await, "FORBIDDEN");
        assert_eq!(app.ok(Some(&m.token), ME, json!({})).await["me"]["role"], "MEMBER");
        assert_eq!(app.ok(Some(&admin.token), q, vars).await["setUserRole"]["role"], "EXPERT");
        assert_eq!(app.ok(Some(&m.token), ME, json!({})).await["me"]["role"], "EXPERT");
        let missing = json!({ "id": "987654", "r": "EXPERT" });
        assert_eq!(app.err(Some(&admin.token), q, missing).await, "NOT_FOUND");
    }

    async fn profile_updates_carry_no_privileges(app) {
        let m = app.register("Zeno Grigi").await;
        let q = "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { displayName jobTitle comune { name } role } }";
        let data = app.ok(Some(&m.token), q, json!({ "i": { "displayName": "Zeno G.", "jobTitle": "RUP", "comuneIstatCode": "001002" } })).await;
        assert_eq!(data["updateProfile"]["comune"]["name"], "Airasca");
        assert_eq!(data["updateProfile"]["role"], "MEMBER");
        let smuggled = json!({ "i": { "displayName": "Zeno", "role": "ADMIN" } });
        let resp = app.gql(Some(&m.token), q, smuggled).await;
        assert!(resp["errors"].is_array(), "an unknown `role` field must be rejected");
        assert_eq!(app.err(None, q, json!({ "i": { "displayName": "Zeno" } })).await, "UNAUTHENTICATED");
    }
}

/// Rate limits are on here (the other tests turn them off).
mod throttling {
    use piazza_e2e::{Backend, TestApp};
    use serde_json::json;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn aliased_login_attempts_each_count() {
        let app = TestApp::spawn_with(Backend::Sqlite, |c| c.rate_limit_disabled = false).await;
        // Ten attempts in one document: the limit (6 per minute per IP) applies to each.
        let aliases: String = (0..10)
            .map(|i| format!("a{i}: login(email: \"x{i}@example.it\", password: \"sbagliata sbagliata\") {{ token }}"))
            .collect::<Vec<_>>()
            .join(" ");
        let resp = app
            .gql(None, &format!("mutation {{ {aliases} }}"), json!({}))
            .await;
        let codes: Vec<&str> = resp["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .map(|e| e["extensions"]["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes.len(), 10);
        assert_eq!(codes.iter().filter(|c| **c == "UNAUTHENTICATED").count(), 6);
        assert_eq!(codes.iter().filter(|c| **c == "RATE_LIMITED").count(), 4);
        let limited = resp["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["extensions"]["code"] == "RATE_LIMITED");
        assert!(
            limited.unwrap()["extensions"]["retryAfterSeconds"]
                .as_u64()
                .unwrap()
                >= 1
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn posting_is_limited_per_account() {
        let app = TestApp::spawn_with(Backend::Sqlite, |c| c.rate_limit_disabled = false).await;
        let m = app.register("Lina Rapida").await;
        let thread = app
            .ask(
                &m,
                "bilancio-tributi",
                "Variazione di bilancio urgente",
                "Testo",
            )
            .await;
        let q = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }";
        let mut codes = Vec::new();
        for n in 0..4 {
            let resp = app
                .gql(
                    Some(&m.token),
                    q,
                    json!({ "i": { "threadId": thread, "body": format!("risposta {n}") } }),
                )
                .await;
            codes.push(
                resp["errors"][0]["extensions"]["code"]
                    .as_str()
                    .unwrap_or("OK")
                    .to_owned(),
            );
        }
        // The thread took one of the 3-post burst; two replies pass, then the limit bites.
        assert_eq!(codes, ["OK", "OK", "RATE_LIMITED", "RATE_LIMITED"]);
        assert_eq!(app.count("posts").await, 3);
    }
}
