//! First-start data: the ISTAT registry of comuni (shipped in `seed/comuni.csv`, with its
//! attribution in `seed/README.md`) and the starting communities of the small-comuni
//! programme. Seeding only fills empty tables, so admins' edits are never overwritten.

use anyhow::Context as _;
use piazza_db::{
    Db,
    communities::{self, NewCommunity},
    comuni::{self, NewComune},
};
use serde::Deserialize;

use crate::services::validate::fold;

const COMUNI_CSV: &str = include_str!("../seed/comuni.csv");

/// `(slug, name, description)` of the communities a fresh deployment starts with.
pub const STARTING_COMMUNITIES: &[(&str, &str, &str)] = &[
    (
        "appalti-contratti",
        "Appalti e contratti pubblici",
        "Affidamenti, gare, RUP, Codice dei contratti (D.Lgs. 36/2023), MePA e piattaforme di e-procurement.",
    ),
    (
        "personale-organizzazione",
        "Personale e organizzazione",
        "Assunzioni, capacità assunzionale, contratti decentrati, segreteria convenzionata, gestioni associate.",
    ),
    (
        "bilancio-tributi",
        "Bilancio e tributi",
        "Bilancio di previsione e rendiconto, DUP, PEG, armonizzazione contabile, IMU, TARI e riscossione.",
    ),
    (
        "pnrr-fondi-europei",
        "PNRR e fondi europei",
        "Bandi, rendicontazione su ReGiS, CUP e CIG, milestone e target, fondi di coesione.",
    ),
    (
        "transizione-digitale",
        "Transizione digitale",
        "SPID e CIE, pagoPA, App IO, piattaforma PDND, migrazione al cloud, accessibilità dei siti.",
    ),
    (
        "rigenerazione-urbana",
        "Rigenerazione urbana",
        "Progetti di rigenerazione, borghi, edilizia e urbanistica, opere pubbliche nei piccoli comuni.",
    ),
    (
        "trasparenza-anticorruzione",
        "Trasparenza e anticorruzione",
        "PIAO, Amministrazione trasparente, accesso civico, whistleblowing, conflitti di interesse.",
    ),
];

#[derive(Deserialize)]
struct ComuneCsv {
    istat: String,
    nome: String,
    sigla: String,
    provincia: String,
    regione: String,
    codice_catastale: String,
    popolazione: Option<i64>,
    fonte_popolazione: String,
}

pub fn parse_comuni() -> anyhow::Result<Vec<NewComune>> {
    let mut reader = csv::Reader::from_reader(COMUNI_CSV.as_bytes());
    reader
        .deserialize::<ComuneCsv>()
        .map(|row| {
            let r = row.context("seed/comuni.csv is malformed")?;
            Ok(NewComune {
                name_folded: fold(&r.nome),
                istat_code: r.istat,
                name: r.nome,
                province: r.provincia,
                province_code: r.sigla,
                region: r.regione,
                cadastral_code: r.codice_catastale,
                population: r.popolazione,
                population_source: r.fonte_popolazione,
            })
        })
        .collect()
}

/// Seeds whatever is empty. Safe to run at every start.
pub async fn run(db: &Db) -> anyhow::Result<()> {
    if comuni::count_comuni(db).await? == 0 {
        let rows = parse_comuni()?;
        let mut tx = db.begin().await?;
        let n = comuni::insert_comuni(&mut tx, &rows, piazza_db::now()).await?;
        tx.commit().await?;
        tracing::info!(comuni = n, "seeded the ISTAT registry of comuni");
    }
    if communities::count_communities(db).await? == 0 {
        let mut tx = db.begin().await?;
        for (slug, name, description) in STARTING_COMMUNITIES {
            let new = NewCommunity {
                slug,
                name,
                description,
                created_at: piazza_db::now(),
            };
            communities::insert_community(&mut tx, &new).await?;
        }
        tx.commit().await?;
        tracing::info!(
            communities = STARTING_COMMUNITIES.len(),
            "seeded the starting communities"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_registry_has_every_comune() {
        let rows = super::parse_comuni().unwrap();
        assert_eq!(rows.len(), 7_896);
        let agliè = rows.iter().find(|c| c.istat_code == "001001").unwrap();
        assert_eq!(
            (agliè.name.as_str(), agliè.name_folded.as_str()),
            ("Agliè", "aglie")
        );
        let piccoli = rows
            .iter()
            .filter(|c| c.population.is_some_and(|p| p <= 5_000))
            .count();
        assert_eq!(piccoli, 5_479);
    }
}
