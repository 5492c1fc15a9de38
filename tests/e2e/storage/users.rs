//! `piazza_db::users`: accounts, their unique email and handle, and the updates admins and
//! members make.

use piazza_db::{
    DbError, now,
    users::{self, NewUser, ProfileUpdate},
};

use super::{
    add_comuni, add_user, assert_conflict, assert_not_found, begin, commit, comune, new_user,
    sorted,
};

storage_test! {
    async fn insert_and_read_back_a_user(db) {
        add_comuni(&db, &[comune("001272", "Torino", Some(850_000))]).await;
        let created_at = now();
        let new = NewUser {
            email: "giulia.rossi@comune.torino.it",
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
            display_name: "Giulia Rossi",
            handle: "giulia-rossi",
            job_title: Some("Responsabile tributi"),
            comune_istat_code: Some("001272"),
            role: "expert",
            created_at,
        };
        let mut tx = begin(&db).await;
        let id = users::insert_user(&mut tx, &new).await.expect("insert");
        let in_tx = users::find_user_by_email_tx(&mut tx, new.email)
            .await
            .expect("find in tx")
            .expect("present in tx");
        assert_eq!(in_tx.id, id);
        assert!(
            users::find_user_by_email_tx(&mut tx, "nessuno@example.it")
                .await
                .expect("find")
                .is_none()
        );
        assert_eq!(
            users::get_user_tx(&mut tx, id)
                .await
                .expect("get in tx")
                .email,
            new.email
        );
        assert_not_found(
            users::get_user_tx(&mut tx, id + 1000).await,
            "get_user_tx of a missing id",
        );
        commit(tx).await;

        let user = users::get_user(&db, id).await.expect("get");
        assert_eq!(user.id, id);
        assert_eq!(user.email, new.email);
        assert_eq!(user.password_hash, new.password_hash);
        assert_eq!(user.display_name, "Giulia Rossi");
        assert_eq!(user.handle, "giulia-rossi");
        assert_eq!(user.job_title.as_deref(), Some("Responsabile tributi"));
        assert_eq!(user.comune_istat_code.as_deref(), Some("001272"));
        assert_eq!(user.role, "expert");
        assert_eq!(user.suspended_until, None);
        assert_eq!(user.suspension_reason, None);
        assert_eq!(
            user.created_at, created_at,
            "created_at round-trips exactly"
        );

        let found = users::find_user_by_email(&db, new.email)
            .await
            .expect("find")
            .expect("present");
        assert_eq!(found.id, id);
        assert_eq!(found.created_at, created_at);
        assert!(
            users::find_user_by_email(&db, "nessuno@example.it")
                .await
                .expect("find")
                .is_none()
        );
        assert_not_found(
            users::get_user(&db, id + 1000).await,
            "get_user of a missing id",
        );
        assert_eq!(users::count_users(&db).await.expect("count"), 1);
    }

    async fn list_users_by_ids_returns_the_known_ones(db) {
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;
        let carla = add_user(&db, "carla").await;

        assert!(
            users::list_users_by_ids(&db, &[])
                .await
                .expect("empty")
                .is_empty()
        );
        let listed = users::list_users_by_ids(&db, &[carla, anna, carla + 1000])
            .await
            .expect("list");
        let ids: Vec<i64> = listed.iter().map(|u| u.id).collect();
        assert_eq!(
            sorted(&ids),
            sorted(&[anna, carla]),
            "known ids only, each once"
        );
        let all = users::list_users_by_ids(&db, &[anna, bruno, carla])
            .await
            .expect("list");
        let handles: Vec<String> = all.iter().map(|u| u.handle.clone()).collect();
        assert_eq!(sorted(&handles), ["anna", "bruno", "carla"]);
        assert_eq!(users::count_users(&db).await.expect("count"), 3);
    }

    async fn duplicate_email_and_handle_are_conflicts(db) {
        add_user(&db, "anna").await;

        let mut tx = begin(&db).await;
        let same_email = NewUser {
            handle: "anna-bis",
            ..new_user("anna@comune.example.it", "anna-bis")
        };
        assert_conflict(
            users::insert_user(&mut tx, &same_email).await,
            "duplicate email",
        );
        drop(tx);

        let mut tx = begin(&db).await;
        assert_conflict(
            users::insert_user(&mut tx, &new_user("altra@comune.example.it", "anna")).await,
            "duplicate handle",
        );
        drop(tx);

        assert_eq!(users::count_users(&db).await.expect("count"), 1);

        let mut tx = begin(&db).await;
        assert!(users::handle_exists(&mut tx, "anna").await.expect("exists"));
        assert!(
            !users::handle_exists(&mut tx, "anna-bis")
                .await
                .expect("exists")
        );
        users::insert_user(&mut tx, &new_user("bis@comune.example.it", "anna-bis"))
            .await
            .expect("free handle");
        assert!(
            users::handle_exists(&mut tx, "anna-bis")
                .await
                .expect("exists"),
            "sees its own insert"
        );
        commit(tx).await;
        assert_eq!(users::count_users(&db).await.expect("count"), 2);
    }

    async fn broken_references_and_checks_are_errors_not_conflicts(db) {
        // An unknown comune breaks a foreign key; both engines enforce it.
        let mut tx = begin(&db).await;
        let new = NewUser {
            comune_istat_code: Some("999999"),
            ..new_user("anna@comune.example.it", "anna")
        };
        match users::insert_user(&mut tx, &new).await {
            Err(DbError::Other(_)) => {}
            other => panic!("unknown comune: expected DbError::Other, got {other:?}"),
        }
        drop(tx);

        let mut tx = begin(&db).await;
        let new = NewUser {
            role: "superuser",
            ..new_user("anna@comune.example.it", "anna")
        };
        match users::insert_user(&mut tx, &new).await {
            Err(DbError::Other(_)) => {}
            other => panic!("unknown role: expected DbError::Other, got {other:?}"),
        }
        drop(tx);
        assert_eq!(users::count_users(&db).await.expect("count"), 0);
    }

    async fn role_password_and_profile_updates(db) {
        add_comuni(
            &db,
            &[
                comune("001272", "Torino", None),
                comune("058091", "Roma", None),
            ],
        )
        .await;
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;

        let mut tx = begin(&db).await;
        users::update_role(&mut tx, anna, "moderator")
            .await
            .expect("role");
        assert_not_found(
            users::update_role(&mut tx, anna + 1000, "admin").await,
            "update_role of a missing id",
        );
        users::update_password(&mut tx, anna, "new-hash")
            .await
            .expect("password");
        users::update_profile(
            &mut tx,
            anna,
            &ProfileUpdate {
                display_name: "Anna B.",
                job_title: Some("Ufficiale d'anagrafe"),
                comune_istat_code: Some("058091"),
            },
        )
        .await
        .expect("profile");
        commit(tx).await;

        let before = users::get_user(&db, bruno).await.expect("bruno");
        let user = users::get_user(&db, anna).await.expect("anna");
        assert_eq!(user.role, "moderator");
        assert_eq!(user.password_hash, "new-hash");
        assert_eq!(user.display_name, "Anna B.");
        assert_eq!(user.job_title.as_deref(), Some("Ufficiale d'anagrafe"));
        assert_eq!(user.comune_istat_code.as_deref(), Some("058091"));
        assert_eq!(
            user.handle, "anna",
            "the handle does not follow the display name"
        );

        // Clearing optional fields stores NULL, not an empty string.
        let mut tx = begin(&db).await;
        users::update_profile(
            &mut tx,
            anna,
            &ProfileUpdate {
                display_name: "Anna",
                job_title: None,
                comune_istat_code: None,
            },
        )
        .await
        .expect("profile");
        match users::update_role(&mut tx, anna, "superuser").await {
            Err(DbError::Other(_)) => {}
            other => panic!("unknown role: expected DbError::Other, got {other:?}"),
        }
        drop(tx);
        // The failed role change rolled the profile change back with it.
        let user = users::get_user(&db, anna).await.expect("anna");
        assert_eq!(user.display_name, "Anna B.");

        let mut tx = begin(&db).await;
        users::update_profile(
            &mut tx,
            anna,
            &ProfileUpdate {
                display_name: "Anna",
                job_title: None,
                comune_istat_code: None,
            },
        )
        .await
        .expect("profile");
        commit(tx).await;
        let user = users::get_user(&db, anna).await.expect("anna");
        assert_eq!(
            (
                user.display_name.as_str(),
                user.job_title,
                user.comune_istat_code
            ),
            ("Anna", None, None)
        );
        assert_eq!(user.role, "moderator");

        let after = users::get_user(&db, bruno).await.expect("bruno");
        assert_eq!(
            (after.role, after.password_hash, after.display_name),
            (before.role, before.password_hash, before.display_name),
            "other users are untouched"
        );
    }
}
