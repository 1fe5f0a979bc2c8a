//! Hash functions for map keys: gc 1.19's portable `memhash` family (runtime/hash64.go) and `typehash`
//! (runtime/alg.go), which hashes a value by walking its type descriptor.
//!
//! In: a value's address, its type, a seed. Out: a word. The process-wide `hashkey` is taken from the 16
//! random bytes the kernel leaves in the auxiliary vector (AT_RANDOM), on first use, so iteration orders
//! and hash values differ from run to run as in gc.
//!
//! Invariants: equal values (by the type's `equal`) hash equally (+0 and -0 included); NaNs hash randomly.

use crate::iface::{
    self, Type, K_ARRAY, K_COMPLEX128, K_COMPLEX64, K_FLOAT32, K_FLOAT64, K_INTERFACE, K_STRING, K_STRUCT,
    TFLAG_REGULAR_MEMORY,
};
use crate::Global;

const M1: u64 = 0xa0761d6478bd642f;
const M2: u64 = 0xe7037ed1a0b428db;
const M3: u64 = 0x8ebc6af09c88c6e3;
const M4: u64 = 0x589965cc75374cc3;
const M5: u64 = 0x1d8e4e27c47d124f;
const C0: u64 = 33054211828000289;
const C1: u64 = 23344194077549503;

/// (initialized, hashkey, fastrand state)
static KEY: Global<(bool, [u64; 4], u64)> = Global::new((false, [0; 4], 0));

fn init() -> &'static mut (bool, [u64; 4], u64) {
    // SAFETY: single-threaded runtime.
    let k = unsafe { &mut *KEY.get() };
    if !k.0 {
        k.0 = true;
        let (a, b) = at_random();
        k.1 = [a | 1, b | 1, a.rotate_left(17) ^ M3 | 1, b.rotate_left(29) ^ M4 | 1];
        k.2 = a ^ b.rotate_left(32) ^ M5;
    }
    k
}

/// The 16 AT_RANDOM bytes, found after the environment in the initial stack.
fn at_random() -> (u64, u64) {
    #[cfg(not(test))]
    // SAFETY: `envp` is the kernel's environment array, followed by the auxiliary vector.
    unsafe {
        let mut p = (*crate::start::ARGS.get()).envp;
        if !p.is_null() {
            while !(*p).is_null() {
                p = p.add(1);
            }
            let mut aux = p.add(1) as *const usize;
            while *aux != 0 {
                if *aux == 25 {
                    let r = *aux.add(1) as *const u64;
                    return (r.read_unaligned(), r.add(1).read_unaligned());
                }
                aux = aux.add(2);
            }
        }
    }
    (0x243f6a8885a308d3, 0x13198a2e03707344)
}

/// gc's `fastrand` (wyrand).
pub fn fastrand() -> u64 {
    let k = init();
    k.2 = k.2.wrapping_add(0xa0761d6478bd642f);
    mix(k.2, k.2 ^ 0xe7037ed1a0b428db)
}

/// A random map seed.
pub fn seed() -> u64 {
    fastrand()
}

fn mix(a: u64, b: u64) -> u64 {
    let r = (a as u128) * (b as u128);
    ((r >> 64) as u64) ^ (r as u64)
}

unsafe fn r4(p: *const u8) -> u64 {
    (p as *const u32).read_unaligned() as u64
}
unsafe fn r8(p: *const u8) -> u64 {
    (p as *const u64).read_unaligned()
}

/// gc's `memhashFallback`.
///
/// # Safety
/// `p` must be valid for `s` bytes.
pub unsafe fn memhash(mut p: *const u8, seed: u64, s: usize) -> u64 {
    let key = init().1;
    let mut seed = seed ^ key[0] ^ M1;
    let (a, b);
    if s == 0 {
        return seed;
    } else if s < 4 {
        let mut x = *p as u64;
        x |= (*p.add(s >> 1) as u64) << 8;
        x |= (*p.add(s - 1) as u64) << 16;
        a = x;
        b = 0;
    } else if s == 4 {
        a = r4(p);
        b = a;
    } else if s < 8 {
        a = r4(p);
        b = r4(p.add(s - 4));
    } else if s == 8 {
        a = r8(p);
        b = a;
    } else if s <= 16 {
        a = r8(p);
        b = r8(p.add(s - 8));
    } else {
        let mut l = s;
        if l > 48 {
            let mut seed1 = seed;
            let mut seed2 = seed;
            while l > 48 {
                seed = mix(r8(p) ^ M2, r8(p.add(8)) ^ seed);
                seed1 = mix(r8(p.add(16)) ^ M3, r8(p.add(24)) ^ seed1);
                seed2 = mix(r8(p.add(32)) ^ M4, r8(p.add(40)) ^ seed2);
                p = p.add(48);
                l -= 48;
            }
            seed ^= seed1 ^ seed2;
        }
        while l > 16 {
            seed = mix(r8(p) ^ M2, r8(p.add(8)) ^ seed);
            p = p.add(16);
            l -= 16;
        }
        a = r8(p.add(l).sub(16));
        b = r8(p.add(l).sub(8));
    }
    mix(M5 ^ s as u64, mix(a ^ M2, b ^ seed))
}

unsafe fn f64hash(f: f64, h: u64) -> u64 {
    if f == 0.0 {
        C1.wrapping_mul(C0 ^ h)
    } else if f != f {
        C1.wrapping_mul(C0 ^ h ^ fastrand())
    } else {
        memhash(&f as *const f64 as *const u8, h, 8)
    }
}

/// gc's `typehash`: the hash of the value of type `t` at `p`.
///
/// # Safety
/// `p` must point at a value of type `t`.
pub unsafe fn typehash(t: &Type, p: *const u8, h: u64) -> u64 {
    if t.tflag & TFLAG_REGULAR_MEMORY != 0 {
        return memhash(p, h, t.size);
    }
    match t.kind() {
        K_FLOAT32 => f64hash(*(p as *const f32) as f64, h),
        K_FLOAT64 => f64hash(*(p as *const f64), h),
        K_COMPLEX64 => {
            let c = *(p as *const [f32; 2]);
            f64hash(c[1] as f64, f64hash(c[0] as f64, h))
        }
        K_COMPLEX128 => {
            let c = *(p as *const [f64; 2]);
            f64hash(c[1], f64hash(c[0], h))
        }
        K_STRING => {
            let s = *(p as *const [usize; 2]);
            memhash(s[0] as *const u8, h, s[1])
        }
        K_INTERFACE => {
            let it = &*(t as *const Type as *const iface::InterfaceType);
            let w = *(p as *const [usize; 2]);
            let dt = if it.mlen == 0 { w[0] } else { iface::itab_type(w[0]) };
            if dt == 0 {
                return h;
            }
            let dt = &*(dt as *const Type);
            if dt.equal == 0 {
                unhashable(dt);
            }
            if dt.direct_iface() {
                C1.wrapping_mul(typehash(dt, &w[1] as *const usize as *const u8, h ^ C0))
            } else {
                C1.wrapping_mul(typehash(dt, w[1] as *const u8, h ^ C0))
            }
        }
        K_ARRAY => {
            let at = &*(t as *const Type as *const iface::ArrayType);
            let e = &*at.elem;
            let mut h = h;
            for i in 0..at.len {
                h = typehash(e, p.add(i * e.size), h);
            }
            h
        }
        K_STRUCT => {
            let st = &*(t as *const Type as *const iface::StructType);
            let fs = core::slice::from_raw_parts(st.fields, st.flen);
            let mut h = h;
            for f in fs {
                if iface::name_bytes(f.name) == b"_" {
                    continue;
                }
                h = typehash(&*f.typ, p.add(f.offset), h);
            }
            h
        }
        _ => {
            if t.equal == 0 {
                unhashable(t);
            }
            memhash(p, h, t.size)
        }
    }
}

fn unhashable(t: &Type) -> ! {
    crate::panic::runtime_error(iface::heap_msg(&[b"hash of unhashable type ", t.string()]))
}

/// The body of every map type's `hasher` func value.
///
/// # Safety
/// `p` must point at a value of type `t`.
#[no_mangle]
pub unsafe extern "C" fn g1c_typehash(t: *const Type, p: *const u8, seed: u64) -> u64 {
    typehash(&*t, p, seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memhash_depends_on_every_byte() {
        let a = [1u8; 64];
        let mut b = a;
        b[63] = 2;
        unsafe {
            for n in [0usize, 1, 3, 4, 7, 8, 15, 16, 17, 48, 49, 64] {
                assert_eq!(memhash(a.as_ptr(), 7, n), memhash(a.as_ptr(), 7, n));
            }
            assert_ne!(memhash(a.as_ptr(), 7, 64), memhash(b.as_ptr(), 7, 64));
        }
    }
}
