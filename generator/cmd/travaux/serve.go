package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"syscall"

	"travaux/generator/build"
	"travaux/generator/serve"
	"travaux/generator/source"
	"travaux/generator/watch"
	"travaux/generator/write"
	"travaux/templates"
)

const serveUsage = "travaux serve [-C dir] [-addr 127.0.0.1:1313] [--open]"

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", serveUsage, stdout, stderr)
	dir := fs.String("C", ".", "site root: the folder holding content/ and templates/")
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on; loopback unless you name another")
	open := fs.Bool("open", false, "open the site in the default browser")
	if code := parse(fs, args, stdout); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "travaux serve: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	if code := checkSiteRoot(*dir, "serve", stderr); code >= 0 {
		return code
	}
	ln, err := serve.Listen(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "travaux serve: %v\n", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	dev, err := newDevSite(*dir, stderr)
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "travaux serve: %v\n", err)
		return exitContent
	}
	defer dev.Close()

	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stdout, "travaux serve: serving %s at %s (Ctrl-C to stop)\n", *dir, url)
	if *open {
		openBrowser(url)
	}
	go dev.Watch(ctx)
	if err := dev.server.Serve(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "travaux serve: %v\n", err)
		return exitContent
	}
	fmt.Fprintln(stdout, "travaux serve: stopped")
	return exitOK
}

// devSite is a site under preview: it builds into a temporary folder that
// the server serves, and rebuilds when the watcher reports a change.
type devSite struct {
	dir     string // site root
	tmp     string // temporary folder holding out
	out     string // the built site the server serves
	server  *serve.Server
	watcher *watch.Watcher
	log     io.Writer
	files   map[string][]byte // the last good build
	done    chan struct{}     // closed when Watch returns
}

func newDevSite(dir string, log io.Writer) (*devSite, error) {
	tmp, err := os.MkdirTemp("", "travaux-serve-")
	if err != nil {
		return nil, err
	}
	var roots []string
	for _, sub := range []string{"content", "templates"} {
		if fi, err := os.Stat(filepath.Join(dir, sub)); err == nil && fi.IsDir() {
			roots = append(roots, filepath.Join(dir, sub))
		}
	}
	w, err := watch.New(roots, watch.Options{})
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	d := &devSite{
		dir:     dir,
		tmp:     tmp,
		out:     filepath.Join(tmp, "site"),
		watcher: w,
		log:     log,
		done:    make(chan struct{}),
	}
	d.server = serve.New(d.out, serve.Options{})
	d.rebuild()
	return d, nil
}

// Watch rebuilds on every batch of changes until ctx ends.
func (d *devSite) Watch(ctx context.Context) {
	defer close(d.done)
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-d.watcher.Changes():
			if !ok {
				return
			}
			d.rebuild()
		}
	}
}

// rebuild runs a full build. On success it swaps the new site in and
// tells browsers which files changed; on failure it keeps serving the
// last good site and shows the problems in every open page. A panic in a
// stage is reported the same way: the server never dies from bad input.
func (d *devSite) rebuild() {
	res, err := safeBuild(d.dir)
	if err != nil {
		d.fail(source.ErrorList{{Pos: source.Pos{File: d.dir}, Msg: err.Error()}})
		return
	}
	if res.Failed() {
		d.fail(res.Problems)
		return
	}
	changed := changedPaths(d.files, res.Files)
	if d.files != nil && len(changed) == 0 {
		d.server.Reload(nil) // clears an overlay after a fix that changed no output
		return
	}
	if err := write.Dir(d.out, res.Files); err != nil {
		d.fail(source.ErrorList{{Pos: source.Pos{File: d.out}, Msg: err.Error()}})
		return
	}
	d.files = res.Files
	fmt.Fprintf(d.log, "travaux serve: rebuilt, %d pages, %d changed files, %d warnings\n",
		res.Pages(), len(changed), len(res.Problems.Warnings()))
	printProblems(d.log, res.Problems)
	d.server.Reload(changed)
}

func (d *devSite) fail(problems source.ErrorList) {
	printProblems(d.log, problems)
	fmt.Fprintf(d.log, "travaux serve: %d errors; still serving the last good build\n", len(problems.Errors()))
	d.server.Fail(serve.Views(problems, d.sourceLine))
}

// sourceLine returns the line a problem points at, for the overlay.
func (d *devSite) sourceLine(p source.Pos) string {
	b, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(p.File)))
	if err != nil {
		return ""
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	return source.NewLineIndex(p.File, b).Line(p.Line)
}

// Close stops watching and serving and removes the temporary folder.
func (d *devSite) Close() {
	d.watcher.Close()
	d.server.Close()
	os.RemoveAll(d.tmp)
}

// safeBuild runs the pipeline, turning a panic into an error.
func safeBuild(dir string) (res *build.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error during the build (please report it): %v", v)
		}
	}()
	return build.Run(build.Config{Site: os.DirFS(dir), Defaults: templates.FS}), nil
}

// changedPaths lists the output paths whose bytes differ between two
// builds, including added and removed files, sorted.
func changedPaths(old, new map[string][]byte) []string {
	var out []string
	for name, data := range new {
		if prev, ok := old[name]; !ok || !bytes.Equal(prev, data) {
			out = append(out, name)
		}
	}
	for name := range old {
		if _, ok := new[name]; !ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// openBrowser asks the desktop to open url; failing that, the URL is
// already printed.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err == nil {
		go cmd.Wait()
	}
}
