// Command travaux builds an annotated treaty site from its content.
//
// This file only wires: it parses flags, runs the build pipeline, writes
// the output and turns the outcome into an exit status (0 success,
// 1 content errors, 2 usage errors).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

type command struct {
	name    string
	summary string
	usage   string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands []command

func init() {
	commands = []command{
		{"build", "build the site: content/ + templates/ -> public/", "travaux build [-C dir] [-o out] [-base-url URL] [-stats]", runBuild},
		{"serve", "build, serve on 127.0.0.1, rebuild on save, reload the browser", serveUsage, runServe},
		{"check", "validate the content without writing anything", "travaux check [-C dir]", runCheck},
		{"new", "scaffold a new article file", `travaux new article N "Title" [-C dir] [-chapter ID]`, runNew},
		{"help", "show help for a command", "travaux help [command]", runHelp},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "travaux: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "travaux builds an annotated treaty site from content/ and templates/.")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-44s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nExit status: 0 success, 1 content errors, 2 usage errors.")
	fmt.Fprintln(w, "Run 'travaux help COMMAND' or 'travaux COMMAND --help' for a command's flags.")
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] && c.name != "help" {
			return c.run([]string{"--help"}, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "travaux help: unknown command %q\n", args[0])
	return exitUsage
}

// newFlagSet makes a flag set whose --help prints to stdout and whose
// errors print to stderr with the usage line.
func newFlagSet(c, usageLine string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\nFlags:\n", usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args; it returns a non-negative exit status when the
// command should stop (after --help or a usage error). The flag package
// would print usage itself on both; it is silenced so that help goes to
// standard output once and an error to standard error once.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) int {
	out := fs.Output()
	usage := fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		fs.SetOutput(out)
		return exitOK
	case err != nil:
		fmt.Fprintf(out, "travaux %s: %v\n", fs.Name(), err)
		fs.Usage()
		return exitUsage
	}
	return -1
}

// parseFlagsOnly is parse for the commands that take flags and no
// arguments: an argument left over is a usage error.
func parseFlagsOnly(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	if code := parse(fs, args, stdout); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "travaux %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	return -1
}
