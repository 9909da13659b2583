package watch

import (
	"slices"
	"sync"
	"time"
)

// debouncer gathers changed paths into batches. Each path added restarts
// a quiet timer; when the timer runs out the batch is ready. A second timer,
// started by the first path of a batch and not restarted, bounds the wait
// so that a continuous stream of events (a large copy, a tool rewriting
// many files) still produces batches.
//
// The last save of a burst cannot be lost: every add restarts the quiet
// timer after recording the path, so some timer always fires after the
// last path recorded, and a batch is only ever moved out whole, under the
// lock that add takes.
//
// Ready batches pile up (merged) until take is called; notify, which holds
// at most one signal, says there is something to take.
type debouncer struct {
	clock   Clock
	quiet   time.Duration
	maxWait time.Duration
	notify  chan struct{}

	mu        sync.Mutex
	pending   map[string]struct{} // the batch being gathered; nil when none
	ready     map[string]struct{} // batches complete and not yet taken
	quietStop func() bool
	maxStop   func() bool
	quietID   uint64 // identifies the armed quiet timer; see fire
	maxID     uint64
	nextID    uint64
	stopped   bool
}

func newDebouncer(clock Clock, quiet, maxWait time.Duration) *debouncer {
	return &debouncer{
		clock:   clock,
		quiet:   quiet,
		maxWait: maxWait,
		notify:  make(chan struct{}, 1),
	}
}

// add records paths as changed and restarts the quiet period.
func (d *debouncer) add(paths ...string) {
	if len(paths) == 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped {
		return
	}
	if d.pending == nil {
		d.pending = make(map[string]struct{})
		d.maxID, d.maxStop = d.arm(d.maxWait)
	}
	for _, p := range paths {
		d.pending[p] = struct{}{}
	}
	if d.quietStop != nil {
		d.quietStop()
	}
	d.quietID, d.quietStop = d.arm(d.quiet)
}

// arm starts a timer that calls fire with a fresh id. Called with mu held.
func (d *debouncer) arm(after time.Duration) (uint64, func() bool) {
	d.nextID++
	id := d.nextID
	return id, d.clock.AfterFunc(after, func() { d.fire(id) })
}

// fire moves the pending batch to ready if timer id is still armed. A
// stopped timer whose callback had already started (time.Timer.Stop does
// not wait for it) finds its id replaced and does nothing, so it cannot
// cut a quiet period short.
func (d *debouncer) fire(id uint64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped || d.pending == nil || (id != d.quietID && id != d.maxID) {
		return
	}
	d.quietStop()
	d.maxStop()
	d.quietStop, d.maxStop = nil, nil
	d.quietID, d.maxID = 0, 0
	if d.ready == nil {
		d.ready = d.pending
	} else {
		for p := range d.pending {
			d.ready[p] = struct{}{}
		}
	}
	d.pending = nil
	select {
	case d.notify <- struct{}{}:
	default: // a signal is already waiting
	}
}

// take returns the ready paths, sorted, and forgets them; nil if none.
func (d *debouncer) take() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.ready) == 0 {
		return nil
	}
	out := make([]string, 0, len(d.ready))
	for p := range d.ready {
		out = append(out, p)
	}
	slices.Sort(out)
	d.ready = nil
	return out
}

// stop cancels the timers; later adds and fires do nothing.
func (d *debouncer) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stopped = true
	if d.quietStop != nil {
		d.quietStop()
	}
	if d.maxStop != nil {
		d.maxStop()
	}
}

// deliver sends ready batches on out until done is closed. While the
// receiver is busy (rebuilding), newly ready batches merge into the one
// waiting to be sent, so the receiver gets one batch holding everything
// that changed since its last one.
func (d *debouncer) deliver(out chan<- []string, done <-chan struct{}) {
	var batch []string
	for {
		var send chan<- []string
		if batch != nil {
			send = out
		}
		select {
		case <-d.notify:
			batch = mergeSorted(batch, d.take())
		case send <- batch:
			batch = nil
		case <-done:
			return
		}
	}
}

// mergeSorted returns the sorted union of two sorted, duplicate-free lists.
func mergeSorted(a, b []string) []string {
	if a == nil {
		return b
	}
	out := make([]string, 0, len(a)+len(b))
	out = append(out, a...)
	out = append(out, b...)
	slices.Sort(out)
	return slices.Compact(out)
}
