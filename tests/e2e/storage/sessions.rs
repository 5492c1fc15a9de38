//! `piazza_db::sessions`: token hashes, expiry, and ending one or every session of a user.

use piazza_db::{now, sessions};

use super::{DAY, HOUR, SECOND, add_user, assert_conflict, begin, commit, shift};

storage_test! {
    async fn a_session_finds_its_user_until_it_expires(db) {
        let anna = add_user(&db, "anna").await;
        let created = now();
        let expires = shift(created, 30 * DAY + 1);
        let mut tx = begin(&db).await;
        sessions::insert_session(&mut tx, &[0xAA; 32], anna, created, expires)
            .await
            .expect("insert");
        commit(tx).await;

        let user = sessions::find_session_user(&db, &[0xAA; 32], created)
            .await
            .expect("find")
            .expect("a user");
        assert_eq!(user.id, anna);
        assert_eq!(user.handle, "anna");
        let just_before = shift(expires, -1);
        assert!(
            sessions::find_session_user(&db, &[0xAA; 32], just_before)
                .await
                .expect("find")
                .is_some()
        );
        assert!(
            sessions::find_session_user(&db, &[0xAA; 32], expires)
                .await
                .expect("find")
                .is_none(),
            "a session is over at expires_at"
        );
        assert!(
            sessions::find_session_user(&db, &[0xAA; 32], shift(expires, SECOND))
                .await
                .expect("find")
                .is_none()
        );
        assert!(
            sessions::find_session_user(&db, &[0xBB; 32], created)
                .await
                .expect("find")
                .is_none(),
            "unknown hash"
        );
        assert!(
            sessions::find_session_user(&db, &[0xAA; 31], created)
                .await
                .expect("find")
                .is_none(),
            "a prefix is not the hash"
        );
    }

    async fn duplicate_token_hash_is_a_conflict(db) {
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;
        let at = now();
        let mut tx = begin(&db).await;
        sessions::insert_session(&mut tx, b"same", anna, at, shift(at, HOUR))
            .await
            .expect("insert");
        commit(tx).await;
        let mut tx = begin(&db).await;
        assert_conflict(
            sessions::insert_session(&mut tx, b"same", bruno, at, shift(at, HOUR)).await,
            "duplicate hash",
        );
        drop(tx);
        let user = sessions::find_session_user(&db, b"same", at)
            .await
            .expect("find")
            .expect("a user");
        assert_eq!(user.id, anna, "the first session is untouched");
    }

    async fn deleting_sessions(db) {
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;
        let t0 = now();
        let mut tx = begin(&db).await;
        // anna: one expired, one expiring exactly at t0 + 1h, one long-lived; bruno: one expired, one live.
        sessions::insert_session(
            &mut tx,
            b"anna-old",
            anna,
            shift(t0, -(31 * DAY)),
            shift(t0, -DAY),
        )
        .await
        .expect("s");
        sessions::insert_session(&mut tx, b"anna-edge", anna, t0, shift(t0, HOUR))
            .await
            .expect("s");
        sessions::insert_session(&mut tx, b"anna-live", anna, t0, shift(t0, 30 * DAY))
            .await
            .expect("s");
        sessions::insert_session(
            &mut tx,
            b"bruno-old",
            bruno,
            shift(t0, -(2 * DAY)),
            shift(t0, -1),
        )
        .await
        .expect("s");
        sessions::insert_session(&mut tx, b"bruno-live", bruno, t0, shift(t0, 30 * DAY))
            .await
            .expect("s");
        commit(tx).await;

        let mut tx = begin(&db).await;
        assert_eq!(
            sessions::delete_expired_sessions(&mut tx, t0)
                .await
                .expect("expired"),
            2,
            "the two expired before t0"
        );
        assert_eq!(
            sessions::delete_expired_sessions(&mut tx, t0)
                .await
                .expect("expired"),
            0,
            "idempotent"
        );
        assert_eq!(
            sessions::delete_expired_sessions(&mut tx, shift(t0, HOUR))
                .await
                .expect("expired"),
            1,
            "a session expiring exactly at `now` is expired"
        );
        commit(tx).await;
        for (hash, live) in [
            (&b"anna-old"[..], false),
            (b"anna-edge", false),
            (b"anna-live", true),
            (b"bruno-old", false),
            (b"bruno-live", true),
        ] {
            let found = sessions::find_session_user(&db, hash, shift(t0, -(40 * DAY)))
                .await
                .expect("find");
            assert_eq!(
                found.is_some(),
                live,
                "session {}",
                String::from_utf8_lossy(hash)
            );
        }

        let mut tx = begin(&db).await;
        assert_eq!(
            sessions::delete_session(&mut tx, b"bruno-live")
                .await
                .expect("delete"),
            1
        );
        assert_eq!(
            sessions::delete_session(&mut tx, b"bruno-live")
                .await
                .expect("delete"),
            0
        );
        assert_eq!(
            sessions::delete_session(&mut tx, b"never-issued")
                .await
                .expect("delete"),
            0
        );
        sessions::insert_session(&mut tx, b"anna-second", anna, t0, shift(t0, 30 * DAY))
            .await
            .expect("s");
        assert_eq!(
            sessions::delete_user_sessions(&mut tx, anna)
                .await
                .expect("delete all"),
            2
        );
        assert_eq!(
            sessions::delete_user_sessions(&mut tx, anna)
                .await
                .expect("delete all"),
            0
        );
        assert_eq!(
            sessions::delete_user_sessions(&mut tx, bruno)
                .await
                .expect("delete all"),
            0
        );
        commit(tx).await;
        for hash in [&b"anna-live"[..], b"anna-second", b"bruno-live"] {
            assert!(
                sessions::find_session_user(&db, hash, t0)
                    .await
                    .expect("find")
                    .is_none()
            );
        }
    }
}
