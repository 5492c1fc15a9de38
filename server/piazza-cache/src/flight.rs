//! Single flight: concurrent misses on one key compute the answer once. The first caller
//! computes; the others wait for it and share a shareable result. A personal result is not
//! handed to anyone else: each waiter then computes its own.

use std::{
    collections::HashMap,
    future::Future,
    sync::{Arc, Mutex},
};

use bytes::Bytes;
use tokio::sync::OnceCell;

use crate::Computed;

type Cell = Arc<OnceCell<Option<Bytes>>>;

#[derive(Default)]
pub struct Flights {
    in_flight: Mutex<HashMap<String, Cell>>,
}

impl Flights {
    /// The answer for `key`, and whether this caller computed it (and so should store it).
    pub async fn run<F, Fut>(&self, key: &str, compute: F) -> (Computed, bool)
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Computed>,
    {
        let cell = {
            let mut map = self.in_flight.lock().expect("flights lock");
            map.entry(key.to_owned()).or_default().clone()
        };
        let mut compute = Some(compute);
        let mut own = None;
        // If the computing caller goes away (its request was cancelled), the cell lets the
        // next waiter compute instead.
        let shared = cell
            .get_or_init(|| {
                let compute = compute.take().expect("compute runs once");
                let own = &mut own;
                async move {
                    let computed = compute().await;
                    if computed.shareable {
                        Some(computed.body)
                    } else {
                        *own = Some(computed.body);
                        None
                    }
                }
            })
            .await
            .clone();
        self.forget(key, &cell);
        if let Some(body) = own {
            return (
                Computed {
                    body,
                    shareable: false,
                },
                true,
            );
        }
        match (shared, compute) {
            (Some(body), compute) => (
                Computed {
                    body,
                    shareable: true,
                },
                compute.is_none(),
            ),
            (None, Some(compute)) => (compute().await, false),
            (None, None) => unreachable!("the computing caller keeps its own answer"),
        }
    }

    fn forget(&self, key: &str, cell: &Cell) {
        let mut map = self.in_flight.lock().expect("flights lock");
        if map.get(key).is_some_and(|c| Arc::ptr_eq(c, cell)) {
            map.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[tokio::test]
    async fn concurrent_callers_share_one_computation() {
        let flights = Arc::new(Flights::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let (release, released) = tokio::sync::watch::channel(false);
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let (flights, calls, mut released) =
                    (flights.clone(), calls.clone(), released.clone());
                tokio::spawn(async move {
                    flights
                        .run("k", || async move {
                            calls.fetch_add(1, Ordering::SeqCst);
                            // Hold the flight open until every caller has joined.
                            let _ = released.wait_for(|r| *r).await;
                            Computed {
                                body: Bytes::from_static(b"answer"),
                                shareable: true,
                            }
                        })
                        .await
                })
            })
            .collect();
        // Finish the computation only once every caller holds the flight's cell: 20 tasks,
        // the map and this test's own handle.
        loop {
            let joined = flights
                .in_flight
                .lock()
                .unwrap()
                .get("k")
                .map_or(0, Arc::strong_count);
            if joined == 21 {
                break;
            }
            tokio::task::yield_now().await;
        }
        release.send(true).unwrap();
        let mut leaders = 0;
        for task in tasks {
            let (computed, led) = task.await.unwrap();
            assert_eq!(computed.body, Bytes::from_static(b"answer"));
            leaders += usize::from(led);
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(leaders, 1);
        assert!(flights.in_flight.lock().unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_personal_answer_is_not_handed_to_waiters() {
        let flights = Flights::default();
        let (mine, _) = flights
            .run("k", || async {
                Computed {
                    body: Bytes::from_static(b"mine"),
                    shareable: false,
                }
            })
            .await;
        assert_eq!(mine.body, Bytes::from_static(b"mine"));
        assert!(!mine.shareable);
    }
}
