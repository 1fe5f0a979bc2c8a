//! Finalizers: `runtime.SetFinalizer` and the goroutine that runs them (gc 1.19's mfinal.go).
//!
//! In: `runtime.SetFinalizer(obj, finalizer)` (trampoline in `arch::amd64_os`), and the collector, which
//! calls `during_mark` after marking from the roots. Out: when a collection finds an object with a finalizer
//! unreachable, the object is kept (with everything it references) and queued; the finalizer goroutine (one,
//! started by the first SetFinalizer, like gc's `createfing`) calls `finalizer(obj)` and the object is
//! collected by a later cycle if it is still unreachable then. A finalizer runs once: its registration is
//! dropped when it is queued.
//!
//! gc's semantics kept: everything an object with a finalizer references is marked (its own contents are
//! scanned during marking) but not the object itself, so in a chain of finalizable objects only the first
//! unreachable one is finalized in a cycle, and the next once the first is gone; cycles through a
//! finalizable object are never collected. `SetFinalizer(p, nil)` removes a finalizer.
//!
//! Invariants: the registrations live in memory mapped for them (`Table`), never scanned as a root, so the
//! registered object is not kept alive by its own registration; its finalizer function value is marked
//! explicitly. The queue is scanned (objects and functions) until each entry has run. Nothing here
//! allocates during a collection.

use crate::gc::Marker;
use crate::iface::{InterfaceType, Type, K_INTERFACE};
use crate::sched::{self, G};
use crate::Global;

/// One finalizer: the object, its finalizer (a func value), the finalizer's func type and the object's type.
#[derive(Clone, Copy)]
#[repr(C)]
struct Record {
    obj: usize,
    fv: usize,
    ftype: *const Type,
    otype: *const Type,
}

/// A growable array of records in its own mapping (not the collected heap).
struct Table {
    base: *mut Record,
    len: usize,
    cap: usize,
}

impl Table {
    const fn new() -> Self {
        Table { base: core::ptr::null_mut(), len: 0, cap: 0 }
    }

    fn push(&mut self, r: Record) {
        if self.len == self.cap {
            let cap = (self.cap * 2).max(256);
            let size = cap * core::mem::size_of::<Record>();
            let base = crate::os::linux::mmap_anon(size).unwrap_or_else(|| crate::panic::throw(b"out of memory"))
                as *mut Record;
            if self.len > 0 {
                // SAFETY: both mappings hold at least `len` records; the old one is unmapped after.
                unsafe { core::ptr::copy_nonoverlapping(self.base, base, self.len) };
                crate::os::linux::munmap(self.base as usize, self.cap * core::mem::size_of::<Record>());
            }
            self.base = base;
            self.cap = cap;
        }
        // SAFETY: `len < cap`.
        unsafe { self.base.add(self.len).write(r) };
        self.len += 1;
    }

    fn get(&self, i: usize) -> Record {
        // SAFETY: callers pass `i < len`.
        unsafe { *self.base.add(i) }
    }

    /// Removes record `i` (the last one takes its place).
    fn swap_remove(&mut self, i: usize) -> Record {
        let r = self.get(i);
        self.len -= 1;
        // SAFETY: both indexes are within the old length.
        unsafe { *self.base.add(i) = *self.base.add(self.len) };
        r
    }

    fn find(&self, obj: usize) -> Option<usize> {
        (0..self.len).find(|&i| self.get(i).obj == obj)
    }
}

struct State {
    registered: Table,
    queue: Table,
    /// The finalizer goroutine, once started; `parked` while it waits for work.
    fing: *mut G,
    parked: bool,
}

static STATE: Global<State> =
    Global::new(State { registered: Table::new(), queue: Table::new(), fing: core::ptr::null_mut(), parked: false });

fn state() -> &'static mut State {
    // SAFETY: single-threaded runtime (see `Global`).
    unsafe { &mut *STATE.get() }
}

/// Called by the collector once the roots are marked: keeps finalizer functions and queued entries, scans
/// every registered object's contents, then queues the registrations whose objects are unmarked and marks
/// those objects (they live until their finalizer has run).
pub fn during_mark(m: &mut Marker) {
    let st = state();
    for i in 0..st.queue.len {
        let r = st.queue.get(i);
        m.mark(r.obj);
        m.mark(r.fv);
    }
    for i in 0..st.registered.len {
        let r = st.registered.get(i);
        m.mark(r.fv);
        m.scan_contents(r.obj);
    }
    let mut i = 0;
    while i < st.registered.len {
        let r = st.registered.get(i);
        if m.is_marked(r.obj) {
            i += 1;
            continue;
        }
        st.registered.swap_remove(i);
        st.queue.push(r);
        m.mark(r.obj);
    }
}

/// Called by the collector at the end of a cycle: wakes the finalizer goroutine when work is queued.
pub fn after_collect() {
    let st = state();
    if st.queue.len > 0 && st.parked {
        st.parked = false;
        sched::ready(st.fing);
    }
}

/// The finalizer goroutine's code (gc's `runfinq`): runs queued finalizers, oldest first, then parks.
extern "C" fn run_finalizers() -> ! {
    loop {
        crate::lock::acquire();
        let st = state();
        while st.queue.len > 0 {
            // Take the entry out first: the finalizer may allocate (a collection scans the queue) or set
            // finalizers. `r` stays on this goroutine's stack, which keeps its object alive meanwhile.
            let r = st.queue.swap_remove(0);
            // Go code runs without the runtime lock.
            crate::lock::release();
            // SAFETY: the record was made by `set_finalizer` from checked types.
            unsafe { call(&r) };
            core::hint::black_box(&r);
            crate::lock::acquire();
        }
        st.parked = true;
        sched::park(b"finalizer wait");
        crate::lock::release();
    }
}

/// The finalizer goroutine's closure (one word: the code address).
static FING_CLOSURE: Global<usize> = Global::new(0);

/// Calls `r.fv(r.obj)`: the argument converted to the finalizer's parameter type (the pointer itself, or an
/// interface holding it), in an ABI0 area with room for the results, which are dropped.
unsafe fn call(r: &Record) {
    let f = r.ftype;
    let uadd = if (*f).tflag & crate::iface::TFLAG_UNCOMMON != 0 { 16 } else { 0 };
    let counts = (f as *const u8).add(48) as *const u16;
    let nout = (*counts.add(1) & 0x7fff) as usize;
    let params = (f as *const u8).add(56 + uadd) as *const *const Type;
    let fint = *params;
    // The argument words: the pointer, or an interface (type or itab, then the pointer).
    let (w0, w1, mut off) = if (*fint).kind() == K_INTERFACE {
        let it = fint as *const InterfaceType;
        let tab = if (*it).mlen == 0 { r.otype as usize } else { crate::iface::g1c_convI2I(it, r.otype) as usize };
        (tab, r.obj, 16)
    } else {
        (r.obj, 0, 8)
    };
    for k in 0..nout {
        let t = *params.add(1 + k);
        let align = ((*t).align as usize).max(1);
        off = (off + align - 1) & !(align - 1);
        off += (*t).size;
    }
    let nwords = off.div_ceil(8);
    // Room for the results, which are dropped: on this stack when small, else a heap block (a finalizer
    // may return a large array).
    let mut small = [0usize; 32];
    let area = if nwords <= small.len() { small.as_mut_ptr() } else { crate::mem::alloc(nwords * 8) as *mut usize };
    *area = w0;
    *area.add(1) = w1;
    crate::iface::g1c_call_abi0(*(r.fv as *const usize), r.fv, area, nwords);
    core::hint::black_box(&small);
}

/// `runtime.SetFinalizer(obj, finalizer)`: `(otype, obj)` and `(ftype, fv)` are the two `any` arguments.
///
/// # Safety
/// The words are Go interface values as the compiler passes them.
#[no_mangle]
pub unsafe extern "C" fn g1c_set_finalizer(otype: *const Type, obj: usize, ftype: *const Type, fv: usize) {
    let _l = crate::lock::rt();
    if otype.is_null() {
        crate::panic::throw(b"runtime.SetFinalizer: first argument is nil");
    }
    if (*otype).kind() != 22 {
        let msg =
            crate::iface::heap_msg(&[b"runtime.SetFinalizer: first argument is ", (*otype).string(), b", not pointer"]);
        crate::panic::throw(msg);
    }
    if obj == 0 {
        crate::panic::throw(b"runtime.SetFinalizer: pointer is nil");
    }
    // Objects outside the heap (globals, the zero-size base) are never freed: gc ignores them too.
    let Some(base) = crate::gc::object_base(obj) else { return };
    if base != obj {
        crate::panic::throw(b"runtime.SetFinalizer: pointer not at beginning of allocated block");
    }
    let st = state();
    if ftype.is_null() {
        if let Some(i) = st.registered.find(obj) {
            st.registered.swap_remove(i);
        }
        return;
    }
    if (*ftype).kind() != crate::iface::K_FUNC {
        let msg = crate::iface::heap_msg(&[
            b"runtime.SetFinalizer: second argument is ",
            (*ftype).string(),
            b", not a function",
        ]);
        crate::panic::throw(msg);
    }
    let nin = *((ftype as *const u8).add(48) as *const u16);
    if nin != 1 {
        let msg = crate::iface::heap_msg(&[
            b"runtime.SetFinalizer: cannot pass ",
            (*otype).string(),
            b" to finalizer ",
            (*ftype).string(),
        ]);
        crate::panic::throw(msg);
    }
    if st.registered.find(obj).is_some() {
        crate::panic::throw(b"runtime.SetFinalizer: finalizer already set");
    }
    st.registered.push(Record { obj, fv, ftype, otype });
    if st.fing.is_null() {
        *FING_CLOSURE.get() = run_finalizers as *const () as usize;
        st.parked = false;
        st.fing = sched::spawn_system(FING_CLOSURE.get());
    }
}
