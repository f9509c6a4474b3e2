//! The fuzz driver: proptest's runner, in two modes.
//!
//! - Quick (plain `cargo test`): `quick_cases` cases per target, from a
//!   fixed seed (so CI is reproducible; `FUZZ_SEED=n` picks another).
//! - Long (`FUZZ_SECS=n`, what `make fuzz` sets): batches of cases from
//!   fresh seeds until the target has run for `n` seconds.
//!
//! A failure is shrunk to a minimal input, printed with the panic that it
//! causes, and written to `target/tmp/fuzz-artifacts/<target>/` in the
//! corpus format, ready to be copied into `tests/fuzz-corpus/<target>/`.
//! Nothing is persisted anywhere else (proptest's own failure persistence is
//! off).

use std::cell::{Cell, RefCell};
use std::fmt::Debug;
use std::path::PathBuf;
use std::sync::Once;
use std::time::{Duration, Instant};

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngSeed, TestError, TestRunner};

/// One fuzz target: how to check an input and how to store it.
pub struct Target<T> {
    pub name: &'static str,
    /// Cases for the quick run (part of `cargo test`).
    pub quick_cases: u32,
    /// Panics when a property does not hold.
    pub check: fn(&T),
    /// The input as a corpus file (see `corpus`).
    pub encode: fn(&T) -> Vec<u8>,
    /// Corpus file extension.
    pub ext: &'static str,
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Panics inside checks are expected (while shrinking, many): they are
/// recorded instead of printed. Any other panic is printed as usual.
fn quiet_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let msg = info.to_string();
                LAST_PANIC.with(|l| *l.borrow_mut() = Some(msg));
            } else {
                default(info);
            }
        }));
    });
}

/// Runs `check` on `input`; the panic message (with its location) if any.
pub fn try_check<T>(check: fn(&T), input: &T) -> Result<(), String> {
    quiet_panics();
    LAST_PANIC.with(|l| l.borrow_mut().take());
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(input)));
    QUIET.with(|q| q.set(false));
    result.map_err(|_| {
        LAST_PANIC
            .with(|l| l.borrow_mut().take())
            .unwrap_or_else(|| "panic without a message".into())
    })
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// Seconds per target in long mode (`FUZZ_SECS`), `None` in quick mode.
pub fn long_mode_secs() -> Option<u64> {
    env_u64("FUZZ_SECS").filter(|&s| s > 0)
}

fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn artifact(name: &str, ext: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("fuzz-artifacts")
        .join(name);
    let path = dir.join(format!("crash-{:016x}.{ext}", fnv64(bytes)));
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(&path, bytes);
    path
}

fn shown(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &s[..end], s.len())
}

/// Fuzzes `target` with inputs from `strategy`; panics on the first
/// failing input, after shrinking it.
pub fn fuzz<S>(target: &Target<S::Value>, strategy: S)
where
    S: Strategy,
    S::Value: Debug,
{
    quiet_panics();
    let long = long_mode_secs().map(Duration::from_secs);
    let base_seed = env_u64("FUZZ_SEED").unwrap_or_else(|| {
        if long.is_some() {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        } else {
            fnv64(target.name.as_bytes())
        }
    });
    let start = Instant::now();
    let cases = Cell::new(0u64);
    let mut batch = 0u64;
    loop {
        let seed = base_seed.wrapping_add(batch.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let config = Config {
            cases: target.quick_cases,
            failure_persistence: None,
            rng_seed: RngSeed::Fixed(seed),
            max_shrink_iters: 4096,
            max_shrink_time: 120_000,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        let result = runner.run(&strategy, |input| {
            cases.set(cases.get() + 1);
            QUIET.with(|q| q.set(true));
            (target.check)(&input);
            QUIET.with(|q| q.set(false));
            Ok(())
        });
        QUIET.with(|q| q.set(false));
        match result {
            Ok(()) => {}
            Err(TestError::Fail(reason, minimal)) => {
                let panic = try_check(target.check, &minimal)
                    .err()
                    .unwrap_or_else(|| reason.to_string());
                let path = artifact(target.name, target.ext, &(target.encode)(&minimal));
                panic!(
                    "fuzz target {name} failed after {n} runs (seed {seed}).\n\
                     Minimal input: {input}\n\
                     Failure: {panic}\n\
                     Stored as {path}; once fixed, keep it as a regression test:\n  \
                     cp {path} tests/fuzz-corpus/{name}/",
                    name = target.name,
                    n = cases.get(),
                    input = shown(&format!("{minimal:?}"), 4000),
                    path = path.display(),
                );
            }
            Err(e) => panic!("fuzz target {}: {e}", target.name),
        }
        batch += 1;
        match long {
            Some(limit) if start.elapsed() < limit => continue,
            _ => break,
        }
    }
    println!(
        "fuzz {:<20} {:>8} cases in {:>6.1}s (base seed {base_seed})",
        target.name,
        cases.get(),
        start.elapsed().as_secs_f64()
    );
}
