//! The ISTAT registry: seeded, searchable, correctable by admins.

use serde_json::json;

const SEARCH: &str = "query($s: String!, $n: Int) { comuni(search: $s, first: $n) { istatCode name province provinceCode region population isPiccolo } }";
const CORRECT: &str = "mutation($c: String!, $p: Int, $s: String!) { updateComunePopulation(istatCode: $c, population: $p, source: $s) { population populationSource isPiccolo } }";

both_backends! {
    async fn every_comune_is_seeded(app) {
        assert_eq!(app.count("comuni").await, 7_896);
        assert_eq!(app.count("communities").await, 7);
        let data = app.ok(None, "{ comune(istatCode: \"001001\") { name provinceCode region isPiccolo population } }", json!({})).await;
        assert_eq!(data["comune"], json!({ "name": "Agliè", "provinceCode": "TO", "region": "Piemonte", "isPiccolo": true, "population": 2644 }));
        assert!(app.ok(None, "{ comune(istatCode: \"000000\") { name } }", json!({})).await["comune"].is_null());
    }

    async fn search_ignores_case_and_accents(app) {
        let data = app.ok(None, SEARCH, json!({ "s": "ABBADIA" })).await;
        let names: Vec<&str> = data["comuni"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert!(names.contains(&"Abbadia Lariana") && names.contains(&"Abbadia San Salvatore"), "{names:?}");
        let forli = app.ok(None, SEARCH, json!({ "s": "forli" })).await;
        assert!(forli["comuni"].as_array().unwrap().iter().any(|c| c["name"] == "Forlì"));
        // A word inside the name matches too.
        let salvatore = app.ok(None, SEARCH, json!({ "s": "salvatore" })).await;
        assert!(salvatore["comuni"].as_array().unwrap().iter().any(|c| c["name"] == "Abbadia San Salvatore"));
        let capped = app.ok(None, SEARCH, json!({ "s": "san", "n": 1000 })).await;
        assert_eq!(capped["comuni"].as_array().unwrap().len(), 50);
        let wildcard = app.ok(None, SEARCH, json!({ "s": "%" })).await;
        assert_eq!(wildcard["comuni"].as_array().unwrap().len(), 0);
        assert_eq!(app.err(None, SEARCH, json!({ "s": "x".repeat(101) })).await, "BAD_USER_INPUT");
    }

    async fn admins_correct_population_and_source(app) {
        let member = app.register("Piero Conti").await;
        let admin = app.admin().await;
        // Abbadia San Salvatore (052001) had 6,557 residents in 2011.
        let vars = json!({ "c": "052001", "p": 4990, "s": "ISTAT, 1 gennaio 2025" });
        assert_eq!(app.err(None, CORRECT, vars.clone()).await, "UNAUTHENTICATED");
        assert_eq!(app.err(Some(&member.token), CORRECT, vars.clone()).await, "FORBIDDEN");
        let unchanged = app.ok(None, "{ comune(istatCode: \"052001\") { population isPiccolo } }", json!({})).await;
        assert_eq!(unchanged["comune"], json!({ "population": 6557, "isPiccolo": false }));
        let data = app.ok(Some(&admin.token), CORRECT, vars).await;
        assert_eq!(data["updateComunePopulation"], json!({ "population": 4990, "populationSource": "ISTAT, 1 gennaio 2025", "isPiccolo": true }));
        let bad = json!({ "c": "052001", "p": -1, "s": "x" });
        assert_eq!(app.err(Some(&admin.token), CORRECT, bad).await, "BAD_USER_INPUT");
        let missing = json!({ "c": "999999", "p": 1, "s": "x" });
        assert_eq!(app.err(Some(&admin.token), CORRECT, missing).await, "NOT_FOUND");
    }
}
