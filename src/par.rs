//! Parallel work over independent items (functions in the optimizer's function passes and in code
//! generation) on up to `jobs()` threads: `g1c build -p N`, by default the machine's available parallelism.
//!
//! In: a slice of items and a function over one item. Out: the per-item results in the items' order, so
//! that what a caller builds from them does not depend on the number of threads or on their timing.
//!
//! Invariants: every item is processed exactly once, by one thread; the items are handed out in contiguous
//! chunks from a shared counter, so a few big functions do not leave threads idle. A panic in a worker (an
//! internal compiler error) is re-raised on the calling thread after all workers stopped: the panic of the
//! *first* failing item in slice order, with that worker's source position (`pos::current`) restored, so
//! the error report is the one a single thread would have given. Workers run on large stacks, as the
//! driver's own compile thread does.

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::syntax::pos;

/// 0: not set; the machine's available parallelism.
static JOBS: AtomicUsize = AtomicUsize::new(0);

/// Items taken from the counter at a time: enough to make the counter cheap, small enough to balance.
const CHUNK: usize = 16;

/// A worker's stack (address space only; the pages are touched as needed).
const WORKER_STACK: usize = 256 << 20;

/// Sets the number of threads (`-p N`; 0 restores the default).
pub fn set_jobs(n: usize) {
    JOBS.store(n, Ordering::Relaxed);
}

/// The number of threads parallel work may use.
pub fn jobs() -> usize {
    match JOBS.load(Ordering::Relaxed) {
        0 => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        n => n,
    }
}

/// `f` over every item, the results in the items' order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let n = items.len();
    let threads = jobs().min(n.div_ceil(CHUNK));
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    // (first item of the chunk, its results) per chunk, and the panics by item index.
    let done: Mutex<Vec<(usize, Vec<R>)>> = Mutex::new(Vec::new());
    let panics: Mutex<Vec<(usize, pos::Pos, Box<dyn std::any::Any + Send>)>> = Mutex::new(Vec::new());
    let work = || loop {
        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
        if start >= n {
            break;
        }
        let end = (start + CHUNK).min(n);
        let mut out = Vec::with_capacity(end - start);
        // Every item still runs after a panic, so that the first failing one in order is always found.
        for (i, item) in items[start..end].iter().enumerate() {
            match catch_unwind(AssertUnwindSafe(|| f(item))) {
                Ok(r) => out.push(r),
                Err(p) => panics.lock().unwrap().push((start + i, pos::current(), p)),
            }
        }
        if out.len() == end - start {
            done.lock().unwrap().push((start, out));
        }
    };
    std::thread::scope(|s| {
        let handles: Vec<_> =
            (0..threads).map(|_| std::thread::Builder::new().stack_size(WORKER_STACK).spawn_scoped(s, work)).collect();
        for h in handles {
            match h {
                Ok(h) => {
                    let _ = h.join();
                }
                // No thread: this one does the work.
                Err(_) => work(),
            }
        }
    });
    let mut panics = panics.into_inner().unwrap();
    if !panics.is_empty() {
        panics.sort_by_key(|p| p.0);
        let (_, at, payload) = panics.swap_remove(0);
        pos::set_current(at);
        resume_unwind(payload);
    }
    let mut done = done.into_inner().unwrap();
    done.sort_by_key(|c| c.0);
    done.into_iter().flat_map(|(_, r)| r).collect()
}

/// `f` over every item, in place.
pub fn for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync) {
    // Each item behind its own lock: `map` hands out shared references, and no lock is ever contended
    // (every item goes to one thread).
    if jobs() <= 1 || items.len() <= CHUNK {
        items.iter_mut().for_each(f);
        return;
    }
    let cells: Vec<Mutex<&mut T>> = items.iter_mut().map(Mutex::new).collect();
    map(&cells, |c| f(&mut c.lock().unwrap()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order() {
        let items: Vec<u64> = (0..1000).collect();
        let seq: Vec<u64> = items.iter().map(|x| x * x).collect();
        assert_eq!(map(&items, |x| x * x), seq);
        let mut v = items.clone();
        for_each_mut(&mut v, |x| *x *= 3);
        assert_eq!(v, items.iter().map(|x| x * 3).collect::<Vec<_>>());
    }

    #[test]
    fn the_first_panic_in_order_is_raised() {
        let items: Vec<usize> = (0..500).collect();
        let r = catch_unwind(|| map(&items, |&i| if i % 100 == 37 { panic!("item {i}") } else { i }));
        let msg = r.err().and_then(|p| p.downcast_ref::<String>().cloned());
        assert_eq!(msg.as_deref(), Some("item 37"));
    }
}
