//! `piazza_db::communities`: communities, their alphabetical keyset pages, and memberships
//! with an exact `member_count`.

use piazza_db::{
    Db,
    communities::{self, Community, NewCommunity},
    now,
};

use super::{add_community, add_user, assert_conflict, assert_not_found, begin, commit, sorted};

async fn member_count(db: &Db, id: i64) -> i64 {
    communities::get_community(db, id)
        .await
        .expect("community")
        .member_count
}

async fn join(db: &Db, community: i64, user: i64) -> bool {
    let mut tx = begin(db).await;
    let joined = communities::insert_membership(&mut tx, community, user, now())
        .await
        .expect("join");
    commit(tx).await;
    joined
}

async fn leave(db: &Db, community: i64, user: i64) -> bool {
    let mut tx = begin(db).await;
    let left = communities::delete_membership(&mut tx, community, user)
        .await
        .expect("leave");
    commit(tx).await;
    left
}

fn slugs(list: &[Community]) -> Vec<&str> {
    list.iter().map(|c| c.slug.as_str()).collect()
}

storage_test! {
    async fn insert_and_read_back_a_community(db) {
        let created_at = now();
        let new = NewCommunity {
            slug: "tributi-locali",
            name: "Tributi locali",
            description: "IMU, TARI e canone unico: domande e risposte tra uffici.",
            created_at,
        };
        let mut tx = begin(&db).await;
        let id = communities::insert_community(&mut tx, &new)
            .await
            .expect("insert");
        assert_eq!(
            communities::get_community_by_slug_tx(&mut tx, "tributi-locali")
                .await
                .expect("in tx")
                .id,
            id
        );
        assert_not_found(
            communities::get_community_by_slug_tx(&mut tx, "nessuna").await,
            "get_community_by_slug_tx of a missing slug",
        );
        commit(tx).await;

        let c = communities::get_community(&db, id).await.expect("get");
        assert_eq!(
            (c.id, c.slug.as_str(), c.name.as_str()),
            (id, "tributi-locali", "Tributi locali")
        );
        assert_eq!(c.description, new.description);
        assert_eq!(c.member_count, 0);
        assert_eq!(c.created_at, created_at, "created_at round-trips exactly");
        let found = communities::find_community_by_slug(&db, "tributi-locali")
            .await
            .expect("find")
            .expect("present");
        assert_eq!((found.id, found.created_at), (id, created_at));
        assert!(
            communities::find_community_by_slug(&db, "Tributi-Locali")
                .await
                .expect("find")
                .is_none(),
            "slugs match exactly"
        );
        assert_not_found(
            communities::get_community(&db, id + 1000).await,
            "get_community of a missing id",
        );
        assert_eq!(communities::count_communities(&db).await.expect("count"), 1);

        let other = add_community(&db, "anagrafe", "Anagrafe").await;
        assert!(
            communities::list_communities_by_ids(&db, &[])
                .await
                .expect("empty")
                .is_empty()
        );
        let listed = communities::list_communities_by_ids(&db, &[other, id + 1000, id])
            .await
            .expect("list");
        let ids: Vec<i64> = listed.iter().map(|c| c.id).collect();
        assert_eq!(sorted(&ids), sorted(&[id, other]));
    }

    async fn duplicate_slug_is_a_conflict(db) {
        add_community(&db, "anagrafe", "Anagrafe").await;
        let mut tx = begin(&db).await;
        let dup = NewCommunity {
            slug: "anagrafe",
            name: "Anagrafe bis",
            description: "",
            created_at: now(),
        };
        assert_conflict(
            communities::insert_community(&mut tx, &dup).await,
            "duplicate slug",
        );
        drop(tx);
        assert_eq!(communities::count_communities(&db).await.expect("count"), 1);
        let c = communities::find_community_by_slug(&db, "anagrafe")
            .await
            .expect("find")
            .expect("present");
        assert_eq!(c.name, "Anagrafe");
    }

    async fn update_community_changes_name_and_description(db) {
        let id = add_community(&db, "anagrafe", "Anagrafe").await;
        let other = add_community(&db, "tributi", "Tributi").await;
        let mut tx = begin(&db).await;
        communities::update_community(
            &mut tx,
            id,
            "Anagrafe e stato civile",
            "Certificati, ANPR, cittadinanza.",
        )
        .await
        .expect("update");
        assert_not_found(
            communities::update_community(&mut tx, id + 1000, "x", "y").await,
            "update of a missing id",
        );
        commit(tx).await;
        let c = communities::get_community(&db, id).await.expect("get");
        assert_eq!(
            (c.slug.as_str(), c.name.as_str()),
            ("anagrafe", "Anagrafe e stato civile")
        );
        assert_eq!(c.description, "Certificati, ANPR, cittadinanza.");
        assert_eq!(
            communities::get_community(&db, other)
                .await
                .expect("get")
                .name,
            "Tributi"
        );
    }

    async fn list_communities_walks_every_page_alphabetically(db) {
        // Inserted out of order, with two communities sharing a name (the id breaks the tie).
        for (slug, name) in [
            ("urbanistica", "Urbanistica"),
            ("anagrafe", "Anagrafe"),
            ("polizia-locale", "Polizia locale"),
            ("bilancio", "Bilancio"),
            ("servizi-sociali-a", "Servizi sociali"),
            ("elettorale", "Elettorale"),
            ("servizi-sociali-b", "Servizi sociali"),
        ] {
            add_community(&db, slug, name).await;
        }
        let expected = [
            "anagrafe",
            "bilancio",
            "elettorale",
            "polizia-locale",
            "servizi-sociali-a",
            "servizi-sociali-b",
            "urbanistica",
        ];
        for page in 1..=8 {
            let mut seen: Vec<String> = Vec::new();
            let mut after: Option<(String, i64)> = None;
            loop {
                let rows = communities::list_communities(
                    &db,
                    after.as_ref().map(|(n, i)| (n.as_str(), *i)),
                    page,
                )
                .await
                .expect("page");
                assert!(
                    rows.len() as i64 <= page,
                    "a page holds at most `limit` rows"
                );
                seen.extend(rows.iter().map(|c| c.slug.clone()));
                assert!(
                    seen.len() <= expected.len(),
                    "page size {page}: rows repeat: {seen:?}"
                );
                let Some(last) = rows.last() else { break };
                after = Some((last.name.clone(), last.id));
            }
            assert_eq!(seen, expected, "page size {page}");
        }
    }

    async fn member_count_stays_exact_across_joins_and_leaves(db) {
        let tributi = add_community(&db, "tributi", "Tributi").await;
        let anagrafe = add_community(&db, "anagrafe", "Anagrafe").await;
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;
        let carla = add_user(&db, "carla").await;

        assert!(join(&db, tributi, anna).await, "first join");
        assert!(!join(&db, tributi, anna).await, "double join is a no-op");
        assert_eq!(member_count(&db, tributi).await, 1);
        assert!(join(&db, tributi, bruno).await);
        assert!(join(&db, anagrafe, anna).await);
        assert_eq!(
            (
                member_count(&db, tributi).await,
                member_count(&db, anagrafe).await
            ),
            (2, 1)
        );

        assert!(leave(&db, tributi, anna).await);
        assert!(!leave(&db, tributi, anna).await, "leaving twice is a no-op");
        assert!(
            !leave(&db, tributi, carla).await,
            "a non-member cannot leave"
        );
        assert_eq!(
            (
                member_count(&db, tributi).await,
                member_count(&db, anagrafe).await
            ),
            (1, 1)
        );
        assert!(join(&db, tributi, anna).await, "rejoining after leaving");
        assert_eq!(member_count(&db, tributi).await, 2);

        // The count matches the memberships themselves.
        let mut members = 0;
        for user in [anna, bruno, carla] {
            if communities::find_membership_role(&db, tributi, user)
                .await
                .expect("role")
                .is_some()
            {
                members += 1;
            }
        }
        assert_eq!(members, member_count(&db, tributi).await);

        // A join inside a dropped transaction changes nothing.
        let mut tx = begin(&db).await;
        assert!(
            communities::insert_membership(&mut tx, tributi, carla, now())
                .await
                .expect("join")
        );
        drop(tx);
        assert_eq!(member_count(&db, tributi).await, 2);
        assert!(
            communities::find_membership_role(&db, tributi, carla)
                .await
                .expect("role")
                .is_none()
        );
    }

    async fn membership_roles_and_lists(db) {
        let tributi = add_community(&db, "tributi", "Tributi").await;
        let anagrafe = add_community(&db, "anagrafe", "Anagrafe").await;
        let bilancio = add_community(&db, "bilancio", "Bilancio").await;
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;

        join(&db, tributi, anna).await;
        join(&db, anagrafe, anna).await;
        assert_eq!(
            communities::find_membership_role(&db, tributi, anna)
                .await
                .expect("role")
                .as_deref(),
            Some("member")
        );
        assert_eq!(
            communities::find_membership_role(&db, tributi, bruno)
                .await
                .expect("role"),
            None
        );

        // Promoting a non-member joins them (counted once); promoting a member does not recount.
        let mut tx = begin(&db).await;
        communities::set_membership_role(&mut tx, bilancio, bruno, "moderator", now())
            .await
            .expect("promote");
        communities::set_membership_role(&mut tx, tributi, anna, "moderator", now())
            .await
            .expect("promote");
        commit(tx).await;
        assert_eq!(
            communities::find_membership_role(&db, bilancio, bruno)
                .await
                .expect("role")
                .as_deref(),
            Some("moderator")
        );
        assert_eq!(
            communities::find_membership_role(&db, tributi, anna)
                .await
                .expect("role")
                .as_deref(),
            Some("moderator")
        );
        assert_eq!(
            (
                member_count(&db, bilancio).await,
                member_count(&db, tributi).await
            ),
            (1, 1)
        );

        let mut tx = begin(&db).await;
        communities::set_membership_role(&mut tx, tributi, anna, "member", now())
            .await
            .expect("demote");
        commit(tx).await;
        assert_eq!(
            communities::find_membership_role(&db, tributi, anna)
                .await
                .expect("role")
                .as_deref(),
            Some("member")
        );
        assert_eq!(member_count(&db, tributi).await, 1);

        assert_eq!(
            slugs(
                &communities::list_user_communities(&db, anna)
                    .await
                    .expect("list")
            ),
            ["anagrafe", "tributi"]
        );
        assert_eq!(
            slugs(
                &communities::list_user_communities(&db, bruno)
                    .await
                    .expect("list")
            ),
            ["bilancio"]
        );
        assert!(
            communities::list_user_communities(&db, bruno + 1000)
                .await
                .expect("list")
                .is_empty()
        );
        assert_eq!(
            communities::list_user_memberships(&db, bruno)
                .await
                .expect("memberships"),
            [(bilancio, "moderator".to_owned())]
        );
        let mut anna_roles = vec![(anagrafe, "member".to_owned()), (tributi, "member".to_owned())];
        anna_roles.sort();
        assert_eq!(
            communities::list_user_memberships(&db, anna)
                .await
                .expect("memberships"),
            anna_roles,
            "ordered by community id"
        );
        let anna_tributi = communities::list_user_communities(&db, anna)
            .await
            .expect("list");
        assert_eq!(
            anna_tributi[1].member_count, 1,
            "listed communities carry their member count"
        );

        assert!(
            communities::list_joined_among(&db, anna, &[])
                .await
                .expect("empty")
                .is_empty()
        );
        let joined = communities::list_joined_among(
            &db,
            anna,
            &[bilancio, tributi, anagrafe, tributi + 1000],
        )
        .await
        .expect("joined");
        assert_eq!(sorted(&joined), sorted(&[tributi, anagrafe]));
        assert_eq!(
            communities::list_joined_among(&db, bruno, &[tributi, anagrafe])
                .await
                .expect("joined"),
            Vec::<i64>::new()
        );
    }
}
