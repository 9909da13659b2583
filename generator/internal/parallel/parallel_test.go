package parallel

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestForRunsEachOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		counts := make([]int32, n)
		var total atomic.Int32
		For(n, func(i int) {
			atomic.AddInt32(&counts[i], 1)
			total.Add(1)
		})
		if int(total.Load()) != n {
			t.Errorf("n=%d: %d calls", n, total.Load())
		}
		for i, c := range counts {
			if c != 1 {
				t.Errorf("n=%d: item %d ran %d times", n, i, c)
			}
		}
	}
}

// TestForRaisesPanicInCaller: a panic in f reaches For's caller, which
// can recover it, and the other items stop being started.
func TestForRaisesPanicInCaller(t *testing.T) {
	var ran atomic.Int32
	panicking := make(chan struct{})
	got := func() (v any) {
		defer func() { v = recover() }()
		For(10000, func(i int) {
			ran.Add(1)
			if i == 3 {
				close(panicking)
				panic("item 3")
			}
			if i > 3 {
				// Items after the panic take a while, as real ones do:
				// otherwise a worker could race through all of them
				// while the panicking one is not yet scheduled again.
				<-panicking
				time.Sleep(time.Millisecond)
			}
		})
		return nil
	}()
	if got != "item 3" {
		t.Fatalf("recovered %v, want the panic of item 3", got)
	}
	if n := ran.Load(); n == 10000 {
		t.Errorf("all %d items ran after the panic", n)
	}
}
