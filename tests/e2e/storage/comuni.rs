//! `piazza_db::comuni`: the ISTAT registry — seeding that never overwrites, lookup, the
//! picker's search order, and the admin's population correction.

use piazza_db::{
    comuni::{self, NewComune},
    now,
};

use super::{MINUTE, add_comuni, assert_not_found, begin, commit, comune, shift, sorted};

fn names(list: &[comuni::Comune]) -> Vec<&str> {
    list.iter().map(|c| c.name.as_str()).collect()
}

storage_test! {
    async fn insert_and_find_a_comune(db) {
        let at = now();
        let mut tx = begin(&db).await;
        let new = NewComune {
            istat_code: "001272".to_owned(),
            name: "Torino".to_owned(),
            name_folded: "torino".to_owned(),
            province: "Torino".to_owned(),
            province_code: "TO".to_owned(),
            region: "Piemonte".to_owned(),
            cadastral_code: "L219".to_owned(),
            population: Some(848_885),
            population_source: "ISTAT 1/1/2023".to_owned(),
        };
        assert_eq!(
            comuni::insert_comuni(&mut tx, &[new], at)
                .await
                .expect("insert"),
            1
        );
        commit(tx).await;

        let c = comuni::find_comune(&db, "001272")
            .await
            .expect("find")
            .expect("present");
        assert_eq!(
            (
                c.istat_code.as_str(),
                c.name.as_str(),
                c.province.as_str(),
                c.province_code.as_str()
            ),
            ("001272", "Torino", "Torino", "TO")
        );
        assert_eq!(
            (c.region.as_str(), c.cadastral_code.as_str()),
            ("Piemonte", "L219")
        );
        assert_eq!(c.population, Some(848_885));
        assert_eq!(c.population_source, "ISTAT 1/1/2023");
        assert_eq!(c.updated_at, at, "updated_at round-trips exactly");
        assert!(
            comuni::find_comune(&db, "001273")
                .await
                .expect("find")
                .is_none()
        );
        assert!(
            comuni::find_comune(&db, "1272")
                .await
                .expect("find")
                .is_none(),
            "codes are text: leading zeros matter"
        );

        let mut tx = begin(&db).await;
        assert_eq!(
            comuni::insert_comuni(&mut tx, &[], at)
                .await
                .expect("insert nothing"),
            0
        );
        commit(tx).await;
        assert_eq!(comuni::count_comuni(&db).await.expect("count"), 1);
    }

    async fn insert_comuni_ignores_codes_already_present(db) {
        let first = [
            comune("001272", "Torino", Some(850_000)),
            comune("058091", "Roma", Some(2_750_000)),
        ];
        assert_eq!(add_comuni(&db, &first).await, 2);

        // An admin corrects Roma; a re-seed brings other names and a new comune.
        let corrected_at = now();
        let mut tx = begin(&db).await;
        comuni::update_population(
            &mut tx,
            "058091",
            Some(2_800_000),
            "Anagrafe comunale",
            corrected_at,
        )
        .await
        .expect("correct");
        commit(tx).await;
        let reseed = [
            comune("001272", "Torino (re-seed)", Some(1)),
            comune("058091", "Roma (re-seed)", Some(1)),
            comune("015146", "Milano", Some(1_350_000)),
        ];
        assert_eq!(
            add_comuni(&db, &reseed).await,
            1,
            "only the new code counts as inserted"
        );
        // Duplicates within one batch are ignored too.
        assert_eq!(
            add_comuni(
                &db,
                &[
                    comune("063049", "Napoli", None),
                    comune("063049", "Napoli bis", None)
                ]
            )
            .await,
            1
        );

        assert_eq!(comuni::count_comuni(&db).await.expect("count"), 4);
        let torino = comuni::find_comune(&db, "001272")
            .await
            .expect("find")
            .expect("torino");
        assert_eq!(
            (torino.name.as_str(), torino.population),
            ("Torino", Some(850_000))
        );
        let roma = comuni::find_comune(&db, "058091")
            .await
            .expect("find")
            .expect("roma");
        assert_eq!(
            (roma.name.as_str(), roma.population),
            ("Roma", Some(2_800_000))
        );
        assert_eq!(
            (roma.population_source.as_str(), roma.updated_at),
            ("Anagrafe comunale", corrected_at)
        );
        let napoli = comuni::find_comune(&db, "063049")
            .await
            .expect("find")
            .expect("napoli");
        assert_eq!(napoli.name, "Napoli");
    }

    async fn insert_comuni_in_many_batches(db) {
        // More than two batches of 500 rows: every row lands and is counted once.
        let all: Vec<NewComune> = (0..1_203)
            .map(|i| {
                comune(
                    &format!("{:06}", 100_000 + i),
                    &format!("Comune {i}"),
                    Some(i),
                )
            })
            .collect();
        assert_eq!(add_comuni(&db, &all).await, 1_203);
        assert_eq!(comuni::count_comuni(&db).await.expect("count"), 1_203);
        assert_eq!(
            add_comuni(&db, &all).await,
            0,
            "a full re-seed inserts nothing"
        );
        let last = comuni::find_comune(&db, "101202")
            .await
            .expect("find")
            .expect("the last row");
        assert_eq!(
            (last.name.as_str(), last.population),
            ("Comune 1202", Some(1_202))
        );
    }

    async fn list_comuni_by_codes_returns_the_known_ones(db) {
        add_comuni(
            &db,
            &[
                comune("001272", "Torino", None),
                comune("058091", "Roma", None),
                comune("015146", "Milano", None),
            ],
        )
        .await;
        assert!(
            comuni::list_comuni_by_codes(&db, &[])
                .await
                .expect("empty")
                .is_empty()
        );
        let codes = [
            "058091".to_owned(),
            "999999".to_owned(),
            "001272".to_owned(),
        ];
        let listed = comuni::list_comuni_by_codes(&db, &codes)
            .await
            .expect("list");
        let got: Vec<&str> = listed.iter().map(|c| c.istat_code.as_str()).collect();
        assert_eq!(sorted(&got), ["001272", "058091"]);
    }

    async fn search_puts_prefix_matches_first_then_larger_comuni(db) {
        add_comuni(
            &db,
            &[
                comune("000001", "Monte Romano", Some(2_000)),
                comune("000002", "Romagnano Sesia", Some(3_800)),
                comune("000003", "Roma", Some(2_750_000)),
                comune("000004", "Pietraromana", Some(9_000_000)),
                comune("000005", "Romanengo", None),
                comune("000006", "Valle-Romana", Some(500)),
                comune("000007", "Sant'Romolo", Some(2_000)),
                comune("000008", "Romano di Lombardia", Some(20_000)),
                comune("000009", "Arona", Some(14_000)),
                comune("000010", "Castel Romano", Some(2_000)),
            ],
        )
        .await;

        let found = comuni::search_comuni(&db, "rom", 20).await.expect("search");
        assert_eq!(
            names(&found),
            [
                // prefix matches, larger first, unknown population last
                "Roma",
                "Romano di Lombardia",
                "Romagnano Sesia",
                "Romanengo",
                // word matches (after a space, an apostrophe or a hyphen), larger first, then by name
                "Castel Romano",
                "Monte Romano",
                "Sant'Romolo",
                "Valle-Romana",
            ],
            "a match inside a word (Pietraromana) is not a match"
        );
        assert_eq!(
            names(&comuni::search_comuni(&db, "rom", 2).await.expect("search")),
            ["Roma", "Romano di Lombardia"]
        );
        assert_eq!(
            names(
                &comuni::search_comuni(&db, "romano", 20)
                    .await
                    .expect("search")
            ),
            ["Romano di Lombardia", "Castel Romano", "Monte Romano",]
        );
        assert_eq!(
            names(
                &comuni::search_comuni(&db, "lombardia", 20)
                    .await
                    .expect("search")
            ),
            ["Romano di Lombardia"]
        );
        assert!(
            comuni::search_comuni(&db, "zzz", 20)
                .await
                .expect("search")
                .is_empty()
        );
    }

    async fn update_population_corrects_one_comune(db) {
        add_comuni(
            &db,
            &[
                comune("001272", "Torino", Some(850_000)),
                comune("058091", "Roma", Some(2_750_000)),
            ],
        )
        .await;
        let before = comuni::find_comune(&db, "058091")
            .await
            .expect("find")
            .expect("roma");
        let at = shift(now(), MINUTE);
        let mut tx = begin(&db).await;
        comuni::update_population(&mut tx, "001272", None, "Dato non disponibile", at)
            .await
            .expect("update");
        assert_not_found(
            comuni::update_population(&mut tx, "999999", Some(1), "x", at).await,
            "update of a missing code",
        );
        commit(tx).await;

        let torino = comuni::find_comune(&db, "001272")
            .await
            .expect("find")
            .expect("torino");
        assert_eq!(torino.population, None);
        assert_eq!(torino.population_source, "Dato non disponibile");
        assert_eq!(torino.updated_at, at);
        let roma = comuni::find_comune(&db, "058091")
            .await
            .expect("find")
            .expect("roma");
        assert_eq!(
            (roma.population, roma.updated_at),
            (before.population, before.updated_at),
            "others untouched"
        );
    }
}
