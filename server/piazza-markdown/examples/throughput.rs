//! Rendering throughput, in MB of markdown per CPU-second, and the slowest 64 KiB input.
//!
//! ```text
//! cargo run --release -p piazza-markdown --example throughput
//! ```
//!
//! CPU time comes from `/proc/self/stat` (user + system, in clock ticks), so a busy
//! machine slows the wall clock but not the figure. Ticks are 10 ms, which is why each
//! document renders for a few seconds. Linux only.

#[path = "../tests/support/pathological.rs"]
mod pathological;

use std::time::{Duration, Instant};

/// A typical question: a few paragraphs, a link, a list, a quote, some emphasis.
const POST: &str = r#"Buongiorno a tutti,

per il **bando PNRR** (misura 1.4.1) ci è arrivata una richiesta di integrazione.
Qualcuno sa se la [circolare AgID](https://www.agid.gov.it/it/circolari) vale anche
per i comuni sotto i 5.000 abitanti?

- scadenza: *30 giugno*
- documenti: delibera di giunta, CUP, `determina n. 12/2026`
- referente: ufficio tecnico

> Il RUP deve firmare digitalmente la dichiarazione.

Grazie in anticipo, Maria (segreteria, Comune di Roccasecca)
"#;

/// One section of a long FAQ entry: heading, table, code, nested list, quote, raw HTML.
const SECTION: &str = r#"## Articolo 3 — adempimenti

Il responsabile del procedimento verifica la **regolarità** della domanda entro
*trenta giorni*, come previsto dal [D.Lgs. 36/2023](https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2023-03-31;36).

| Fase | Termine | Responsabile |
|:-----|:-------:|-------------:|
| Istruttoria | 30 gg | RUP |
| Verifica ~~contabile~~ | 15 gg | Ragioneria |

1. Protocollare la richiesta
   - con PEC, oppure
   - allo sportello
2. Assegnare il fascicolo

```text
Codice: 2026/UT/0042
```

> Nota: vedi anche la <abbr>FAQ</abbr> n. 12 e il modulo<br>allegato.

"#;

fn main() {
    let faq = repeat_to(SECTION, 64 * 1024);
    // The same without the one raw-HTML line: such documents skip the second sanitiser
    // pass (see `sanitize_html`).
    let faq_markdown_only = repeat_to(
        &SECTION
            .replace("<abbr>FAQ</abbr>", "FAQ")
            .replace("<br>", " "),
        64 * 1024,
    );

    println!("piazza-markdown throughput (release build, one thread)");
    for (name, doc) in [
        ("post", POST),
        ("64 KiB FAQ", faq.as_str()),
        ("64 KiB FAQ, no raw HTML", faq_markdown_only.as_str()),
    ] {
        let (docs, cpu, max_wall) = run(doc, Duration::from_secs(3));
        let mb = docs as f64 * doc.len() as f64 / 1e6;
        println!(
            "  {name:<24} {:>6} B: {docs:>6} renders, {:>5.1} MB/CPU-s, {:>8.1} µs/render, max {:.1?}",
            doc.len(),
            mb / cpu,
            cpu * 1e6 / docs as f64,
            max_wall,
        );
    }

    println!("pathological 64 KiB inputs (slowest first):");
    let mut timings: Vec<(Duration, String, usize)> = pathological::inputs(64 * 1024)
        .into_iter()
        .map(|(label, input)| {
            let slowest = (0..3).map(|_| time(&input)).max().unwrap_or_default();
            (slowest, label, input.len())
        })
        .collect();
    timings.sort_by_key(|t| std::cmp::Reverse(t.0));
    for (slowest, label, len) in timings.iter().take(8) {
        println!("  {label:<24} {len:>6} B: {slowest:.1?}");
    }
}

/// `unit` repeated, cut at the last whole line before `size` bytes.
fn repeat_to(unit: &str, size: usize) -> String {
    let long = unit.repeat(size / unit.len() + 1);
    // Bytes, not `str` slicing: `size` may fall inside a multi-byte character.
    let end = long.as_bytes()[..size]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    long[..end].to_owned()
}

/// Renders `doc` until `budget` of CPU time is spent: (renders, CPU seconds, max wall).
fn run(doc: &str, budget: Duration) -> (u64, f64, Duration) {
    let start = cpu_seconds();
    let mut renders = 0;
    let mut max_wall = Duration::ZERO;
    while cpu_seconds() - start < budget.as_secs_f64() {
        for _ in 0..10 {
            max_wall = max_wall.max(time(doc));
            renders += 1;
        }
    }
    (renders, cpu_seconds() - start, max_wall)
}

fn time(doc: &str) -> Duration {
    let started = Instant::now();
    std::hint::black_box(piazza_markdown::render(std::hint::black_box(doc)));
    started.elapsed()
}

/// User + system CPU time of this process, from `/proc/self/stat`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat (Linux only)");
    // The command name (field 2) may contain spaces; fields 14 and 15 (utime, stime)
    // are the 12th and 13th after its closing parenthesis.
    let after_name = &stat[stat.rfind(')').expect("malformed stat") + 2..];
    let ticks: u64 = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .map(|f| f.parse::<u64>().expect("numeric tick count"))
        .sum();
    // USER_HZ is 100 on every Linux configuration a server will meet.
    ticks as f64 / 100.0
}
