package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress shows a long build's stage on a terminal: nothing for the
// first second (most builds are over by then), then one line, rewritten
// in place, with the stage, the provisions it works through and the time
// so far. Output that is not a terminal gets only the summary line.
type progress struct {
	w     io.Writer
	start time.Time

	mu     sync.Mutex
	stage  string
	items  int
	shown  bool
	done   chan struct{}
	closed sync.WaitGroup
}

// newProgress returns a progress display on w, or nil when w is not a
// terminal.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	p := &progress{w: w, start: time.Now(), done: make(chan struct{})}
	p.closed.Add(1)
	go p.run()
	return p
}

// Stage records the stage that has started; build.Config.Progress.
func (p *progress) Stage(stage string, provisions int) {
	p.mu.Lock()
	p.stage, p.items = stage, provisions
	p.mu.Unlock()
}

func (p *progress) run() {
	defer p.closed.Done()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-tick.C:
			if time.Since(p.start) < time.Second {
				continue
			}
			p.mu.Lock()
			line := fmt.Sprintf("travaux build: %s", p.stage)
			if p.items > 0 {
				line += fmt.Sprintf(", %d provisions", p.items)
			}
			line += fmt.Sprintf(", %.1f s", time.Since(p.start).Seconds())
			fmt.Fprintf(p.w, "\r\033[K%s", line)
			p.shown = true
			p.mu.Unlock()
		}
	}
}

// Stop ends the display and clears its line.
func (p *progress) Stop() {
	if p == nil {
		return
	}
	close(p.done)
	p.closed.Wait()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
