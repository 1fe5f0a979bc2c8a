//! Package sync's runtime half: semaphores (gc's sema.go) and the notify lists behind sync.Cond, with the
//! other functions gc's runtime gives package sync through `//go:linkname` (its clock, `sync.runtime_nanotime`,
//! is `time::g1c_nanotime`).
//!
//! In: ABI0 calls from sync's body-less functions (`sync.runtime_Semacquire`, …), reaching the Rust
//! functions below through the trampolines at the end (named like the Go functions, as in `gohooks`).
//! Out: goroutines parked and readied through `sched`.
//!
//! Semantics (gc 1.19's `runtime/sema.go`): `semacquire(s)` waits until `*s > 0`, then decrements it;
//! `semrelease(s)` increments `*s` and wakes one waiter of `s` (FIFO; `lifo` queues a waiter first). A
//! notify list hands out tickets (`wait`), and `notify` is the next ticket to wake: `notifyListWait(l, t)`
//! returns at once when ticket `t` was already notified, else parks until it is.
//!
//! Invariants: the runtime runs goroutines on one thread (see `Global`), so the counters need no atomic
//! instructions here, and a goroutine between `notifyListAdd` and `notifyListWait` cannot miss a wake-up:
//! a notify before it parks moves `notify` past its ticket. Waiters are nodes from the collected heap, kept
//! alive by the list's head in this module's static (the data segment is a root of the collector).

use crate::sched::{self, G};
use crate::Global;

/// One parked goroutine: what it waits on (`key`: the semaphore's or the notify list's address) and, on a
/// notify list, its ticket.
#[repr(C)]
struct Waiter {
    next: *mut Waiter,
    g: *mut G,
    key: usize,
    ticket: u32,
    /// A semaphore's count was handed to this waiter by the release that woke it (gc's `ticket == 1`).
    granted: bool,
    /// When a waiter on a mutex's semaphore began to wait, in CPU ticks, while the mutex profile is on
    /// (else 0): the release that wakes it records the difference (gc's `sudog.acquiretime`).
    acquiretime: i64,
    /// gc's `releasetime`: -1 while the waiter times its wait for the block profile (else 0); the wake-up
    /// writes the time, in CPU ticks.
    releasetime: i64,
}

/// Every waiter, oldest first (a queue per key would be faster; the list is short in practice).
struct Waiters {
    head: *mut Waiter,
}

static WAITERS: Global<Waiters> = Global::new(Waiters { head: core::ptr::null_mut() });

fn waiters() -> &'static mut Waiters {
    // SAFETY: single-threaded runtime (see `Global`).
    unsafe { &mut *WAITERS.get() }
}

/// Queues the running goroutine as a waiter for `key` (first when `lifo`) and parks it; true when the
/// release that woke it handed it the semaphore's count. With `blocked_since` (the block profile's start
/// of the wait, else 0), a block event is recorded for the Go frames above the rt frame `fp`.
fn wait(
    key: usize,
    ticket: u32,
    lifo: bool,
    reason: &'static [u8],
    acquiretime: i64,
    blocked_since: i64,
    skip: usize,
    fp: usize,
) -> bool {
    let w = crate::mem::g1c_alloc(core::mem::size_of::<Waiter>()) as *mut Waiter;
    // SAFETY: `w` is fresh memory of the right size; the list's nodes are live.
    unsafe {
        let releasetime = if blocked_since != 0 { -1 } else { 0 };
        *w = Waiter {
            next: core::ptr::null_mut(),
            g: sched::curg(),
            key,
            ticket,
            granted: false,
            acquiretime,
            releasetime,
        };
        let list = waiters();
        if lifo || list.head.is_null() {
            (*w).next = list.head;
            list.head = w;
        } else {
            let mut p = list.head;
            while !(*p).next.is_null() {
                p = (*p).next;
            }
            (*p).next = w;
        }
    }
    sched::park(reason);
    // SAFETY: `w` stays reachable from this frame, and the waker wrote it before readying us.
    unsafe {
        if blocked_since != 0 && (*w).releasetime > 0 {
            crate::mprof::block_event((*w).releasetime - blocked_since, skip, fp);
        }
        (*w).granted
    }
}

/// Readies the goroutine of waiter `w`, just taken off the list, noting the time when it timed its wait.
///
/// # Safety
/// `w` is a live waiter whose goroutine is parked.
unsafe fn ready_waiter(w: *mut Waiter) {
    if (*w).releasetime != 0 {
        (*w).releasetime = crate::arch::amd64::cputicks();
    }
    sched::ready((*w).g);
}

/// Removes the first waiter for which `pick(key, ticket)` holds from the list and returns it (null if
/// none), its goroutine still parked.
fn take_first(pick: &dyn Fn(usize, u32) -> bool) -> *mut Waiter {
    let list = waiters();
    let mut link: *mut *mut Waiter = &mut list.head;
    // SAFETY: the list's nodes are live; `link` points at the head or at a node's `next`.
    unsafe {
        while !(*link).is_null() {
            let w = *link;
            if pick((*w).key, (*w).ticket) {
                *link = (*w).next;
                return w;
            }
            link = &mut (*w).next;
        }
    }
    core::ptr::null_mut()
}

/// Removes the first waiter for which `pick(key, ticket)` holds and readies its goroutine; false if none.
fn wake_first(pick: &dyn Fn(usize, u32) -> bool) -> bool {
    let w = take_first(pick);
    if w.is_null() {
        return false;
    }
    // SAFETY: a live node just taken off the list.
    unsafe { ready_waiter(w) };
    true
}

/// `profile` bit: waits are block profile events (gc's `semaBlockProfile`).
const SEMA_BLOCK_PROFILE: u8 = 1;
/// `profile` bit: a mutex's semaphore, whose waits the mutex profile times (gc's `semaMutexProfile`).
const SEMA_MUTEX_PROFILE: u8 = 2;

/// `sync.runtime_Semacquire`, `runtime_SemacquireMutex`, internal/poll's `runtime_Semacquire`: `profile`
/// says which profiles the wait counts in, `skip` how many of sync's frames a block event leaves out
/// (sync's `skipframes`).
///
/// # Safety
/// `s` points at the semaphore's count.
#[no_mangle]
pub unsafe extern "C" fn g1c_semacquire(s: *mut u32, lifo: u8, profile: u8, skip: usize) {
    let _l = crate::lock::rt();
    if *s > 0 {
        *s -= 1;
        return;
    }
    let blocked_since = if profile & SEMA_BLOCK_PROFILE != 0 { crate::chan::block_start() } else { 0 };
    let t0 =
        if profile & SEMA_MUTEX_PROFILE != 0 && crate::mprof::on() { crate::arch::amd64::cputicks().max(1) } else { 0 };
    let fp = crate::arch::amd64::frame_pointer();
    // A release that wakes us without handing over its count lets any goroutine take it first: wait again.
    loop {
        if wait(s as usize, 0, lifo != 0, b"semacquire", t0, blocked_since, skip, fp) {
            return;
        }
        if *s > 0 {
            *s -= 1;
            return;
        }
    }
}

/// `sync.runtime_Semrelease(s, handoff, skipframes)`, internal/poll's `runtime_Semrelease` (no handoff).
/// The first waiter is woken; with `handoff` (a mutex in starvation mode) it is given the count at once and
/// the releaser yields to it, as gc's `semrelease1` does; else it runs when the scheduler reaches it and
/// takes the count if still there. A woken waiter that timed its wait is a mutex profile event with the
/// releaser's stack (`skip` frames of sync's above the trampoline frame `fp` left out).
///
/// # Safety
/// `s` points at the semaphore's count; `fp` is the trampoline's frame pointer.
#[no_mangle]
pub unsafe extern "C" fn g1c_semrelease(s: *mut u32, handoff: u8, skip: usize, fp: usize) {
    let l = crate::lock::rt();
    *s += 1;
    let key = s as usize;
    let w = take_first(&|k, _| k == key);
    if w.is_null() {
        return;
    }
    let waited_since = (*w).acquiretime;
    if waited_since != 0 {
        let now = crate::arch::amd64::cputicks();
        // The next waiter's contention is counted from now on (gc's `dequeue`), not twice.
        let mut n = waiters().head;
        while !n.is_null() && (*n).key != key {
            n = (*n).next;
        }
        if !n.is_null() && (*n).acquiretime != 0 {
            (*n).acquiretime = now.max(1);
        }
        crate::mprof::event(now - waited_since, skip, fp);
    }
    let handed = handoff != 0 && *s > 0;
    if handed {
        *s -= 1;
        (*w).granted = true;
    }
    ready_waiter(w);
    drop(l);
    if handed && !sched::curg().is_null() {
        sched::g1c_gosched();
    }
}

/// sync.notifyList's layout (gc's runtime.notifyList): the next ticket to hand out, the next to notify;
/// the rest (lock, head, tail) is unused by rt.
#[repr(C)]
pub struct NotifyList {
    wait: u32,
    notify: u32,
    lock: usize,
    head: usize,
    tail: usize,
}

/// `a < b` for tickets that wrap around (gc's `less`).
fn less(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// # Safety
/// `l` points at a sync.notifyList.
#[no_mangle]
pub unsafe extern "C" fn g1c_notify_list_add(l: *mut NotifyList) -> u32 {
    let _l = crate::lock::rt();
    let t = (*l).wait;
    (*l).wait = t.wrapping_add(1);
    t
}

/// # Safety
/// `l` points at a sync.notifyList.
#[no_mangle]
pub unsafe extern "C" fn g1c_notify_list_wait(l: *mut NotifyList, t: u32) {
    let _l = crate::lock::rt();
    if less(t, (*l).notify) {
        return;
    }
    let blocked_since = crate::chan::block_start();
    wait(l as usize, t, false, b"sync.Cond.Wait", 0, blocked_since, 0, crate::arch::amd64::frame_pointer());
}

/// # Safety
/// `l` points at a sync.notifyList.
#[no_mangle]
pub unsafe extern "C" fn g1c_notify_list_notify_all(l: *mut NotifyList) {
    let _l = crate::lock::rt();
    if (*l).wait == (*l).notify {
        return;
    }
    (*l).notify = (*l).wait;
    let key = l as usize;
    while wake_first(&|k, _| k == key) {}
}

/// # Safety
/// `l` points at a sync.notifyList.
#[no_mangle]
pub unsafe extern "C" fn g1c_notify_list_notify_one(l: *mut NotifyList) {
    let _l = crate::lock::rt();
    if (*l).wait == (*l).notify {
        return;
    }
    let t = (*l).notify;
    (*l).notify = t.wrapping_add(1);
    let key = l as usize;
    // No waiter with ticket `t` yet: it has not parked, and will see `notify` past its ticket.
    wake_first(&|k, ticket| k == key && ticket == t);
}

/// `sync.runtime_notifyListCheck`: sync's notifyList must have rt's layout.
#[no_mangle]
pub extern "C" fn g1c_notify_list_check(size: usize) {
    if size != core::mem::size_of::<NotifyList>() {
        crate::panic::throw(b"bad notifyList size");
    }
}

/// `sync.throw`, `sync.fatal`: `fatal error: <msg>`, exit 2.
///
/// # Safety
/// `p` and `n` are a Go string.
#[no_mangle]
pub unsafe extern "C" fn g1c_sync_throw(p: *const u8, n: usize) -> ! {
    crate::panic::throw(core::slice::from_raw_parts(p, n))
}

/// sync's `poolCleanup` (a `func()` value), once sync registered it; 0 before.
static POOL_CLEANUP: Global<usize> = Global::new(0);

/// `sync.runtime_registerPoolCleanup(cleanup)`.
#[no_mangle]
pub extern "C" fn g1c_register_pool_cleanup(cleanup: usize) {
    let _l = crate::lock::rt();
    // SAFETY: under the runtime lock.
    unsafe { *POOL_CLEANUP.get() = cleanup };
}

/// Empties sync's Pools as gc does at the start of a collection (`clearpools`): runs sync's registered
/// cleanup on the calling goroutine with the world stopped (the caller holds the runtime lock and has
/// stopped it), so no Put or Get runs meanwhile. Pinned to its thread, the goroutine cannot be switched
/// out at a preemption check inside the cleanup, and its own stack guard is reset first.
pub fn clear_pools() {
    let _l = crate::lock::rt();
    // SAFETY: under the runtime lock.
    let f = unsafe { *POOL_CLEANUP.get() };
    let g = sched::curg();
    if f == 0 || g.is_null() {
        return;
    }
    // SAFETY: `g` runs on this thread; `f` is sync's func() value, whose code runs on this goroutine's stack.
    unsafe {
        crate::stack::set_guard((*g).seg);
        let m = sched::m();
        m.pinned.fetch_add(1, core::sync::atomic::Ordering::SeqCst);
        crate::arch::amd64::g1c_call_go(*(f as *const usize), f);
        m.pinned.fetch_sub(1, core::sync::atomic::Ordering::SeqCst);
    }
}

/// A cache registered by `crypto/internal/boring/bcache.registerCache`: the address of its table pointer.
#[repr(C)]
struct CacheNode {
    next: *mut CacheNode,
    table: *mut usize,
}

static CACHES: Global<*mut CacheNode> = Global::new(core::ptr::null_mut());

/// `crypto/internal/boring/bcache.registerCache(p)`: `*p` is set to nil at the start of every collection.
#[no_mangle]
pub extern "C" fn g1c_register_cache(table: *mut usize) {
    let _l = crate::lock::rt();
    let n = crate::mem::g1c_alloc(core::mem::size_of::<CacheNode>()) as *mut CacheNode;
    // SAFETY: fresh memory of the right size; CACHES is touched only under the runtime lock.
    unsafe {
        *n = CacheNode { next: *CACHES.get(), table };
        *CACHES.get() = n;
    }
}

/// Empties the registered caches, as gc's `clearpools` does when a collection starts (the collector calls
/// this with the world stopped, before marking, so what only a cache held is freed).
pub fn clear_caches() {
    // SAFETY: the collector holds the runtime lock; the nodes and the tables' words are live.
    unsafe {
        let mut n = *CACHES.get();
        while !n.is_null() {
            core::ptr::write_volatile((*n).table, 0);
            n = (*n).next;
        }
    }
}

static RAND: Global<u64> = Global::new(0x9E37_79B9_7F4A_7C15);

/// `sync.fastrandn`: a pseudo-random number in [0, n) (xorshift64*; sync uses it to pick pool shards and
/// needs no quality beyond spreading).
#[no_mangle]
pub extern "C" fn g1c_fastrandn(n: u32) -> u32 {
    let _l = crate::lock::rt();
    // SAFETY: single-threaded runtime (see `Global`).
    let s = unsafe { &mut *RAND.get() };
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    let r = (s.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) as u32;
    ((r as u64 * n as u64) >> 32) as u32
}

// The trampolines (gc's ABI0 frame offsets from RBP after the prologue: the first argument at +16).
// sync.runtime_canSpin(i int) bool: false, as gc answers on one P. sync.runtime_doSpin: never called then.
// crypto/internal/boring/bcache.registerCache(p unsafe.Pointer): p +16 (its caches are emptied by every
// collection, `clear_caches`). sync.runtime_registerPoolCleanup(cleanup func()): cleanup +16; runtime.GC runs it (`clear_pools`); the
// collections allocation starts do not (a Pool may drop its items at any time or keep them; gc empties
// them at each collection, but rt's run where Go code cannot be called).
// sync.runtime_procPin/Unpin: as sync/atomic's (gohooks). sync.runtime_LoadAcquintptr and StoreReluintptr:
// plain MOVs are acquire loads and release stores on amd64. runtime.GOMAXPROCS(n int) int: the previous
// setting; n > 0 sets it (sched::g1c_gomaxprocs).
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"sync.runtime_Semacquire\"",
    "\"sync.runtime_Semacquire\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    xor esi, esi",
    "    mov edx, 1",
    "    xor ecx, ecx",
    "    call g1c_semacquire",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_SemacquireMutex\"",
    "\"sync.runtime_SemacquireMutex\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    movzx esi, byte ptr [rbp + 24]",
    "    mov edx, 3",
    "    mov rcx, [rbp + 32]",
    "    call g1c_semacquire",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_Semrelease\"",
    "\"sync.runtime_Semrelease\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    movzx esi, byte ptr [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    mov rcx, rbp",
    "    call g1c_semrelease",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_notifyListAdd\"",
    "\"sync.runtime_notifyListAdd\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_notify_list_add",
    "    mov [rbp + 24], eax",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_notifyListWait\"",
    "\"sync.runtime_notifyListWait\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov esi, [rbp + 24]",
    "    call g1c_notify_list_wait",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_notifyListNotifyAll\"",
    "\"sync.runtime_notifyListNotifyAll\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_notify_list_notify_all",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_notifyListNotifyOne\"",
    "\"sync.runtime_notifyListNotifyOne\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_notify_list_notify_one",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_notifyListCheck\"",
    "\"sync.runtime_notifyListCheck\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_notify_list_check",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_nanotime\"",
    "\"sync.runtime_nanotime\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    call g1c_nanotime",
    "    mov [rbp + 16], rax",
    "    pop rbp",
    "    ret",
    ".globl \"sync.throw\"",
    "\"sync.throw\":",
    ".globl \"sync.fatal\"",
    "\"sync.fatal\":",
    ".globl \"runtime.throw\"",
    "\"runtime.throw\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    call g1c_sync_throw",
    "    ud2",
    ".globl \"sync.fastrandn\"",
    "\"sync.fastrandn\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov edi, [rbp + 16]",
    "    call g1c_fastrandn",
    "    mov [rbp + 24], eax",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_canSpin\"",
    "\"sync.runtime_canSpin\":",
    "    mov byte ptr [rsp + 16], 0",
    "    ret",
    ".globl \"sync.runtime_doSpin\"",
    "\"sync.runtime_doSpin\":",
    "    ret",
    ".globl \"crypto/internal/boring/bcache.registerCache\"",
    "\"crypto/internal/boring/bcache.registerCache\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_register_cache",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_registerPoolCleanup\"",
    "\"sync.runtime_registerPoolCleanup\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_register_pool_cleanup",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_procPin\"",
    "\"sync.runtime_procPin\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    call g1c_proc_pin",
    "    mov [rbp + 16], rax",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_procUnpin\"",
    "\"sync.runtime_procUnpin\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    call g1c_proc_unpin",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_LoadAcquintptr\"",
    "\"sync.runtime_LoadAcquintptr\":",
    "    mov rcx, [rsp + 8]",
    "    mov rax, [rcx]",
    "    mov [rsp + 16], rax",
    "    ret",
    ".globl \"sync.runtime_StoreReluintptr\"",
    "\"sync.runtime_StoreReluintptr\":",
    "    mov rcx, [rsp + 8]",
    "    mov rax, [rsp + 16]",
    "    mov [rcx], rax",
    "    mov [rsp + 24], rax",
    "    ret",
    ".globl \"runtime.GOMAXPROCS\"",
    "\"runtime.GOMAXPROCS\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_gomaxprocs",
    "    mov [rbp + 24], rax",
    "    pop rbp",
    "    ret",
);
