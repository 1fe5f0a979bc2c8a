// g1c's own code: part of package runtime's Go face (lib/runtime/omit; the runtime itself is rt). It stands
// in for these declarations of GOROOT's runtime: StartTrace, StopTrace, ReadTrace (trace.go).
//
// The execution tracer writes gc 1.19's trace format (the header, then events: a type byte whose top two
// bits count the arguments, then the arguments as unsigned LEB128 varints, timestamps as deltas within a
// batch) with what g1c can say truthfully: a batch for the P that starts the trace, with GOMAXPROCS at the
// start, and the clock's frequency at the end. rt's scheduler, collector and system calls record no
// events yet, so a trace holds none of them: a parser (internal/trace) reads it as a valid trace in which
// nothing was observed.
//
// As in gc, ReadTrace is called by one reader goroutine at a time; it blocks until there is data, and
// after StopTrace returns the rest, then nil; StopTrace returns once the reader has had everything.

package runtime

// nanotime is the monotonic clock in nanoseconds (rt: g1c_nanotime); the trace's ticks.
func nanotime() int64

// The event types written (gc's traceEv*).
const (
	traceEvBatch      = 1 // [pid, timestamp]
	traceEvFrequency  = 2 // [ticks per second]
	traceEvGomaxprocs = 4 // [timestamp delta, GOMAXPROCS, stack id]
)

// traceError is StartTrace's error: a runtime.Error, worded as gc's ("runtime error: ...").
type traceError string

func (e traceError) RuntimeError() {}

func (e traceError) Error() string { return "runtime error: " + string(e) }

// traceMu is the tracer's lock: a token in a one-slot channel (package runtime cannot use package sync).
var traceMu = make(chan struct{}, 1)

var tracer struct {
	on      bool   // between StartTrace and StopTrace
	stopped bool   // StopTrace ran; the reader has not yet returned nil
	pending []byte // written, not yet read
	start   int64  // nanotime at StartTrace: the batch's timestamp
	wake    chan struct{}
	done    chan struct{}
}

func traceLock()   { traceMu <- struct{}{} }
func traceUnlock() { <-traceMu }

// traceByte and traceVarint append to the pending data.
func traceByte(b byte) { tracer.pending = append(tracer.pending, b) }

func traceVarint(v uint64) {
	for ; v >= 0x80; v >>= 7 {
		traceByte(byte(v) | 0x80)
	}
	traceByte(byte(v))
}

// traceEvent appends an event of type ev with its arguments (fewer than four: counted in the type byte).
func traceEvent(ev byte, args ...uint64) {
	traceByte(ev | byte(len(args)-1)<<6)
	for _, a := range args {
		traceVarint(a)
	}
}

// traceWake tells a reader blocked in ReadTrace that there is news.
func traceWake() {
	select {
	case tracer.wake <- struct{}{}:
	default:
	}
}

// StartTrace starts tracing; an error if a trace is already running.
func StartTrace() error {
	traceLock()
	defer traceUnlock()
	if tracer.on || tracer.stopped {
		return traceError("tracing is already enabled")
	}
	if tracer.wake == nil {
		tracer.wake = make(chan struct{}, 1)
		tracer.done = make(chan struct{})
	}
	tracer.on = true
	tracer.start = nanotime()
	tracer.pending = append(tracer.pending[:0], "go 1.19 trace\x00\x00\x00"...)
	traceEvent(traceEvBatch, 0, uint64(tracer.start))
	traceEvent(traceEvGomaxprocs, 1, uint64(GOMAXPROCS(0)), 0)
	traceWake()
	return nil
}

// StopTrace stops the trace and waits until the reader has read all of it.
func StopTrace() {
	traceLock()
	if !tracer.on {
		traceUnlock()
		return
	}
	tracer.on = false
	tracer.stopped = true
	traceEvent(traceEvFrequency, 1e9)
	traceWake()
	traceUnlock()
	<-tracer.done
}

// ReadTrace returns the next chunk of the trace, blocking until there is one; nil once a stopped trace
// has been read entirely.
func ReadTrace() []byte {
	traceLock()
	for {
		if len(tracer.pending) > 0 {
			b := tracer.pending
			tracer.pending = nil
			traceUnlock()
			return b
		}
		if tracer.stopped {
			tracer.stopped = false
			traceUnlock()
			tracer.done <- struct{}{}
			return nil
		}
		// Nothing to read: wait for data or the end of the trace. With no trace running, the reader
		// waits for the next one, as gc's does once a trace has been read.
		wake := tracer.wake
		traceUnlock()
		<-wake
		traceLock()
	}
}
