package main

// sync/atomic on rt's hooks (rt/src/gohooks.rs: LOCK CMPXCHG, LOCK XADD, XCHG on gc's ABI0 frames).

import "sync/atomic"

type S struct{ a, b int }

func main() {
	var i32 int32 = 5
	println(atomic.AddInt32(&i32, 3), atomic.SwapInt32(&i32, -1), atomic.CompareAndSwapInt32(&i32, -1, 9), atomic.CompareAndSwapInt32(&i32, -1, 10), atomic.LoadInt32(&i32))
	var u64 uint64 = 1 << 40
	println(atomic.AddUint64(&u64, ^uint64(0)), atomic.SwapUint64(&u64, 7), atomic.CompareAndSwapUint64(&u64, 7, 8), atomic.LoadUint64(&u64))
	atomic.StoreUint64(&u64, 42)
	atomic.StoreInt32(&i32, -42)
	println(u64, i32)
	var up uintptr
	println(atomic.AddUintptr(&up, 10), atomic.LoadUintptr(&up))
	var v atomic.Value
	println(v.Load() == nil)
	v.Store(S{1, 2})
	s := v.Load().(S)
	println(s.a, s.b, v.CompareAndSwap(S{1, 2}, S{3, 4}), v.Swap(S{5, 6}).(S).a, v.Load().(S).b)
	var ai atomic.Int64
	ai.Add(100)
	var ab atomic.Bool
	ab.Store(true)
	var ptr atomic.Pointer[S]
	println(ptr.Load() == nil)
	ptr.Store(&S{7, 8})
	println(ai.Load(), ab.Load(), ptr.Load().b, ptr.CompareAndSwap(nil, nil))
	var u32 atomic.Uint32
	u32.Store(1)
	println(u32.Add(^uint32(0)), u32.Load())
}
