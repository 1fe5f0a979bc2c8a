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

/// Queues the running goroutine as a waiter for `key` (first when `lifo`) and parks it.
fn wait(key: usize, ticket: u32, lifo: bool, reason: &'static [u8]) {
    let w = crate::mem::g1c_alloc(core::mem::size_of::<Waiter>()) as *mut Waiter;
    // SAFETY: `w` is fresh memory of the right size; the list's nodes are live.
    unsafe {
        *w = Waiter { next: core::ptr::null_mut(), g: sched::curg(), key, ticket };
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
}

/// Removes the first waiter for which `pick(key, ticket)` holds and readies its goroutine; false if none.
fn wake_first(pick: &dyn Fn(usize, u32) -> bool) -> bool {
    let list = waiters();
    let mut link: *mut *mut Waiter = &mut list.head;
    // SAFETY: the list's nodes are live; `link` points at the head or at a node's `next`.
    unsafe {
        while !(*link).is_null() {
            let w = *link;
            if pick((*w).key, (*w).ticket) {
                *link = (*w).next;
                sched::ready((*w).g);
                return true;
            }
            link = &mut (*w).next;
        }
    }
    false
}

/// `sync.runtime_Semacquire`, `runtime_SemacquireMutex`.
///
/// # Safety
/// `s` points at the semaphore's count.
#[no_mangle]
pub unsafe extern "C" fn g1c_semacquire(s: *mut u32, lifo: u8) {
    let _l = crate::lock::rt();
    while *s == 0 {
        wait(s as usize, 0, lifo != 0, b"semacquire");
    }
    *s -= 1;
}

/// `sync.runtime_Semrelease`: the woken goroutine runs when the scheduler reaches it (gc's `handoff`
/// would switch to it at once; both are allowed outcomes for the program).
///
/// # Safety
/// `s` points at the semaphore's count.
#[no_mangle]
pub unsafe extern "C" fn g1c_semrelease(s: *mut u32) {
    let _l = crate::lock::rt();
    *s += 1;
    let key = s as usize;
    wake_first(&|k, _| k == key);
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
    wait(l as usize, t, false, b"sync.Cond.Wait");
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
// sync.runtime_registerPoolCleanup(cleanup func()): rt's collector does not empty sync.Pools (a Pool may
// drop its items at any time or keep them; gc empties them at each collection).
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
    "    call g1c_semacquire",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_SemacquireMutex\"",
    "\"sync.runtime_SemacquireMutex\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    movzx esi, byte ptr [rbp + 24]",
    "    call g1c_semacquire",
    "    pop rbp",
    "    ret",
    ".globl \"sync.runtime_Semrelease\"",
    "\"sync.runtime_Semrelease\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
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
    ".globl \"sync.runtime_registerPoolCleanup\"",
    "\"sync.runtime_registerPoolCleanup\":",
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
