package watch

import "time"

// Clock is the debouncer's time source. The real one is the time package;
// tests pass a fake whose time moves only when the test says.
type Clock interface {
	// AfterFunc calls f in its own goroutine once d has passed, unless
	// stop is called first. stop reports whether it prevented the call.
	AfterFunc(d time.Duration, f func()) (stop func() bool)
}

// RealClock is the Clock of the time package.
type RealClock struct{}

// AfterFunc runs f after d, using time.AfterFunc.
func (RealClock) AfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}
