//! End-to-end tests: each runs against the real server on port 0, once on SQLite and once
//! on PostgreSQL, over HTTP.

/// Defines each test twice, as `<name>::sqlite` and `<name>::postgres`.
macro_rules! both_backends {
    ($(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($app: piazza_e2e::TestApp) $body

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    run(piazza_e2e::TestApp::spawn(piazza_e2e::Backend::Sqlite).await).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    run(piazza_e2e::TestApp::spawn(piazza_e2e::Backend::Postgres).await).await;
                }
            }
        )*
    };
}

/// Like `both_backends!`, with the server's configuration adjusted by `$configure`.
macro_rules! both_backends_with {
    ($configure:expr; $(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($app: piazza_e2e::TestApp) $body

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    run(piazza_e2e::TestApp::spawn_with(piazza_e2e::Backend::Sqlite, $configure).await).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    run(piazza_e2e::TestApp::spawn_with(piazza_e2e::Backend::Postgres, $configure).await).await;
                }
            }
        )*
    };
}

mod accounts;
mod authz;
mod cache;
mod communities;
mod comuni;
mod faq;
mod faults;
mod floods;
mod http;
mod limits;
mod live;
mod moderation;
mod new_members;
mod notifications;
mod posts;
mod qa;
mod replicas;
mod sanctions;
mod schema;
mod search;
mod storage;
mod threads;
mod trust;
mod watched_words;
