package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"travaux/generator/preview"
	"travaux/generator/serve"
	"travaux/templates"
)

const serveUsage = "travaux serve [-C dir] [-addr 127.0.0.1:1313] [--open]"

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", serveUsage, stdout, stderr)
	dir := fs.String("C", ".", "site root: the folder holding content/ and templates/")
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on; loopback unless you name another")
	open := fs.Bool("open", false, "open the site in the default browser")
	if code := parseFlagsOnly(fs, args, stdout, stderr); code >= 0 {
		return code
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

	site, err := preview.New(*dir, templates.FS, preview.Options{Log: stderr})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "travaux serve: %v\n", err)
		return exitContent
	}
	defer site.Close()

	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stdout, "travaux serve: serving %s at %s (Ctrl-C to stop)\n", *dir, url)
	if *open {
		openBrowser(url)
	}
	if err := site.Serve(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "travaux serve: %v\n", err)
		return exitContent
	}
	fmt.Fprintln(stdout, "travaux serve: stopped")
	return exitOK
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
