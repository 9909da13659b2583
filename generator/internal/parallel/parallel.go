// Package parallel spreads independent pieces of work over the
// processors. Stages use it where their items do not depend on each other
// (Markdown texts, pages); each item writes only its own result slot, so
// the output does not depend on scheduling.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For runs f(0) ... f(n-1) on every processor and waits for them all.
// A panic in f stops the work and is raised again in the caller's
// goroutine, where the build recovers it into an error message: in a
// goroutine of its own it would end the program.
func For(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Pointer[panicked]
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if v := recover(); v != nil {
					failed.CompareAndSwap(nil, &panicked{v})
				}
			}()
			for failed.Load() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
	if p := failed.Load(); p != nil {
		panic(p.value)
	}
}

// panicked holds the value a worker panicked with.
type panicked struct{ value any }
