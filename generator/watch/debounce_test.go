package watch

import (
	"slices"
	"sort"
	"sync"
	"testing"
	"time"
)

// fakeClock is a Clock whose time moves only on Advance, which runs the
// callbacks that fall due in the caller's goroutine, in deadline order.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Duration
	timers []*fakeTimer
}

type fakeTimer struct {
	at      time.Duration
	f       func()
	stopped bool
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{at: c.now + d, f: f}
	c.timers = append(c.timers, t)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		was := !t.stopped
		t.stopped = true
		return was
	}
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	end := c.now + d
	c.mu.Unlock()
	for {
		c.mu.Lock()
		sort.SliceStable(c.timers, func(i, j int) bool { return c.timers[i].at < c.timers[j].at })
		var next *fakeTimer
		for _, t := range c.timers {
			if !t.stopped && t.at <= end {
				next = t
				break
			}
		}
		if next == nil {
			c.now = end
			c.mu.Unlock()
			return
		}
		next.stopped = true
		c.now = next.at
		c.mu.Unlock()
		next.f() // outside the lock: f may arm or stop timers
	}
}

const (
	quiet   = 50 * time.Millisecond
	maxWait = time.Second
	ms      = time.Millisecond
)

func TestDebounceBurstIsOneBatch(t *testing.T) {
	c := &fakeClock{}
	d := newDebouncer(c, quiet, maxWait)
	// An atomic save: temp file, then the final name, then a second write.
	d.add("content/b.md")
	c.Advance(10 * ms)
	d.add("content/a.md")
	c.Advance(10 * ms)
	d.add("content/b.md")
	c.Advance(quiet - ms)
	if got := d.take(); got != nil {
		t.Fatalf("batch released during the quiet period: %q", got)
	}
	c.Advance(ms)
	want := []string{"content/a.md", "content/b.md"}
	if got := d.take(); !slices.Equal(got, want) {
		t.Fatalf("batch = %q, want %q (sorted, no repeats)", got, want)
	}
	c.Advance(time.Hour)
	if got := d.take(); got != nil {
		t.Fatalf("second batch %q after one burst", got)
	}
}

func TestDebounceLastSaveOfBurstKept(t *testing.T) {
	c := &fakeClock{}
	d := newDebouncer(c, quiet, maxWait)
	d.add("a.md")
	c.Advance(quiet) // the first burst is ready ...
	d.add("b.md")    // ... and a save lands before anyone took it
	first := d.take()
	if !slices.Equal(first, []string{"a.md"}) {
		t.Fatalf("first batch = %q, want [a.md]", first)
	}
	c.Advance(quiet - ms)
	if got := d.take(); got != nil {
		t.Fatalf("b.md released before its quiet period: %q", got)
	}
	c.Advance(ms)
	if got := d.take(); !slices.Equal(got, []string{"b.md"}) {
		t.Fatalf("last save lost: batch = %q, want [b.md]", got)
	}
}

func TestDebounceMaxWait(t *testing.T) {
	c := &fakeClock{}
	d := newDebouncer(c, quiet, maxWait)
	// A save every 20ms never leaves a quiet period.
	var batches [][]string
	for i := 0; i < 110; i++ {
		d.add("stream.md")
		c.Advance(20 * ms)
		if b := d.take(); b != nil {
			batches = append(batches, b)
		}
	}
	// 2.2s of stream with a 1s MaxWait: one batch at 1s, one at 2s, none
	// yet for the last 0.2s, which is still arriving.
	if len(batches) != 2 {
		t.Fatalf("got %d batches over 2.2s of continuous events, want 2 (MaxWait 1s)", len(batches))
	}
	c.Advance(quiet)
	if b := d.take(); !slices.Equal(b, []string{"stream.md"}) {
		t.Fatalf("the tail of the stream: batch = %q, want [stream.md]", b)
	}
}

func TestDebounceStop(t *testing.T) {
	c := &fakeClock{}
	d := newDebouncer(c, quiet, maxWait)
	d.add("a.md")
	d.stop()
	c.Advance(time.Hour)
	d.add("b.md")
	c.Advance(time.Hour)
	if got := d.take(); got != nil {
		t.Fatalf("batch %q after stop", got)
	}
}

// TestDeliverMerges checks that batches completed while the receiver is
// busy reach it as one.
func TestDeliverMerges(t *testing.T) {
	c := &fakeClock{}
	d := newDebouncer(c, quiet, maxWait)
	out := make(chan []string)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() { d.deliver(out, done); close(finished) }()
	defer func() { close(done); <-finished }()

	d.add("a.md")
	c.Advance(quiet)
	waitNotifyTaken(t, d)
	d.add("b.md")
	c.Advance(quiet)
	waitNotifyTaken(t, d)
	select {
	case got := <-out:
		if want := []string{"a.md", "b.md"}; !slices.Equal(got, want) {
			t.Fatalf("batch = %q, want %q", got, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no batch delivered")
	}
}

// waitNotifyTaken waits until deliver has taken the ready paths.
func waitNotifyTaken(t *testing.T, d *debouncer) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		d.mu.Lock()
		n := len(d.ready)
		d.mu.Unlock()
		if n == 0 && len(d.notify) == 0 {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("deliver did not take the ready batch")
}
