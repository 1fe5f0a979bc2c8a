//! libFuzzer target over the front end: scanner, parser, checker and lowering (`g1c::fuzzing::frontend`,
//! the same entry point as the fixed-seed run in test/fuzz.rs).
//!
//! In: bytes from libFuzzer, mutated half of the time by libFuzzer's own mutator and half of the time by
//! g1c's Go-aware mutator (token insertion, splicing, deep nesting). Out: nothing; a panic aborts, which
//! libFuzzer reports as a crash, and its `-timeout` and `-rss_limit_mb` catch hangs and memory blow-ups.
//! Each input runs on a thread with the driver's 512 MiB stack, as deep nesting needs it.
#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};

fuzz_target!(|data: &[u8]| {
    let data = data.to_vec();
    let worker = std::thread::Builder::new().stack_size(512 << 20).spawn(move || {
        let _ = g1c::fuzzing::frontend(&data).expect("internal compiler error");
    });
    if worker.unwrap().join().is_err() {
        // The panic hook libfuzzer-sys installs has already aborted; this is only for other hooks.
        std::process::abort();
    }
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    if seed % 2 == 0 {
        return fuzzer_mutate(data, size, max_size);
    }
    let mut rng = g1c::fuzzing::Rng::new(seed as u64);
    let out = g1c::fuzzing::mutate(&mut rng, &data[..size], &[]);
    let n = out.len().min(max_size);
    data[..n].copy_from_slice(&out[..n]);
    n
});
