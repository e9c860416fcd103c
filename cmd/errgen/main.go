// Command errgen generates a Go error package, and the error reference,
// from an API's error table in YAML.
//
// Usage:
//
//	errgen -spec FILE [-out DIR] [-docs FILE [-docs-template FILE]]
//	       [-openapi FILE] [-schema FILE] [-check]
//	errgen -compat OLD.yaml -spec NEW.yaml [-v]
//	errgen init [DIR]
//	errgen -version
//	errgen help [init]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/errgen/errgen/gen"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// usageText is the head of errgen's help; the flags follow it.
const usageText = `usage: errgen -spec FILE [-out DIR] [-docs FILE [-docs-template FILE]] [-openapi FILE] [-schema FILE] [-check]
       errgen -compat OLD.yaml -spec NEW.yaml [-v]
       errgen init [DIR]
       errgen -version
       errgen help [init]

errgen reads an API's error table and writes a Go package of error types,
constructors, HTTP statuses and matchers, and the API's error reference.
At least one output is required. -compat lists the changes from an older
spec that break existing clients or servers. init writes a starter spec.
Exit status: 0 done, 1 spec problems, stale files or breaking changes,
2 usage errors.

Flags:
`

// options are errgen's flags.
type options struct {
	spec, out, docs, docsTemplate, openapi, schema, compat string
	check, verbose, version                                bool
}

// newFlagSet defines errgen's flags on o. Each usage string names its
// value with a back-quoted word, which the help shows as the placeholder
// (-spec FILE, -out DIR).
func newFlagSet(o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("errgen", flag.ContinueOnError)
	fs.StringVar(&o.spec, "spec", "errors.yaml", "read the error table from `FILE`")
	fs.StringVar(&o.out, "out", "", "write the Go package into the directory `DIR`")
	fs.StringVar(&o.docs, "docs", "", "write the Markdown error reference to `FILE`")
	fs.StringVar(&o.docsTemplate, "docs-template", "", "render -docs with the text/template in `FILE` instead of the built-in one")
	fs.StringVar(&o.openapi, "openapi", "", "write an OpenAPI 3.1 fragment (JSON) to `FILE`")
	fs.StringVar(&o.schema, "schema", "", "write the JSON Schema of the spec format to `FILE`")
	fs.BoolVar(&o.check, "check", false, "write nothing; exit 1 with a diff if any output is stale")
	fs.StringVar(&o.compat, "compat", "", "compare -spec with `FILE`, an older version of it; exit 1 if a change breaks clients")
	fs.BoolVar(&o.verbose, "v", false, "with -compat, also list the changes that break nothing, or say that nothing changed")
	fs.BoolVar(&o.version, "version", false, "print errgen's version and exit")
	return fs
}

// usage prints errgen's help to w: stdout when it was asked for, stderr
// after a usage error.
func usage(fs *flag.FlagSet, w io.Writer) {
	printf(w, "%s", usageText)
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// run is errgen's command line: 0 on success, 1 when the spec has problems
// or -check finds stale files, 2 for usage errors. Output that could not
// be written, to a closed pipe or a full disk, makes a success a failure.
func run(args []string, stdout, stderr io.Writer) int {
	out := &output{w: stdout}
	code := runArgs(args, out, stderr)
	if out.err != nil {
		printf(stderr, "errgen: writing standard output: %v\n", out.err)
		code = max(code, 1)
	}
	return code
}

// output is a stream that keeps the first error of a write, so that a lost
// line is reported once, in the exit status, rather than checked after
// every print.
type output struct {
	w   io.Writer
	err error
}

func (o *output) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}

// printf prints to one of the command's streams. An error writing stdout
// is kept by output and reported by run; one writing stderr has nowhere
// left to be reported, and the exit status still tells the outcome.
func printf(w io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(w, format, args...)
}

// runArgs runs the command with a stdout that keeps its write errors.
func runArgs(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "init":
			return runInit(args[1:], stdout, stderr)
		case "help":
			return runHelp(args[1:], stdout, stderr)
		}
	}
	var o options
	fs := newFlagSet(&o)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // printed below, to stdout or stderr
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(fs, stdout)
			return 0
		}
		usage(fs, stderr)
		return 2
	}
	if o.version {
		printf(stdout, "errgen %s\n", moduleVersion())
		return 0
	}
	if o.compat != "" {
		return runCompat(o.compat, o.spec, o.verbose, stdout, stderr)
	}
	problem := ""
	switch {
	case fs.NArg() > 0:
		problem = fmt.Sprintf("unexpected argument %q", fs.Arg(0))
	case o.out == "" && o.docs == "" && o.openapi == "" && o.schema == "":
		problem = "no output: give -out, -docs, -openapi or -schema"
	case o.docsTemplate != "" && o.docs == "":
		problem = "-docs-template needs -docs"
	}
	if problem != "" {
		printf(stderr, "errgen: %s\n", problem)
		usage(fs, stderr)
		return 2
	}
	opts := gen.Options{Spec: o.spec, Out: o.out, Docs: o.docs, OpenAPI: o.openapi, Schema: o.schema}
	if o.docsTemplate != "" {
		text, err := os.ReadFile(o.docsTemplate)
		if err != nil {
			printf(stderr, "errgen: %v\n", err)
			return 1
		}
		opts.DocsTemplate, opts.DocsTemplateName = string(text), o.docsTemplate
	}

	src, err := os.ReadFile(o.spec)
	if err != nil {
		printf(stderr, "errgen: %v\n", err)
		return 1
	}
	files, err := gen.Generate(src, opts)
	if err != nil {
		printf(stderr, "%v\n", err)
		return 1
	}
	if o.check {
		diff, err := gen.Check(files)
		if err != nil {
			printf(stderr, "errgen: %v\n", err)
			return 1
		}
		if diff != "" {
			printf(stdout, "%s", diff)
			printf(stderr, "errgen: generated files are stale; run go generate ./...\n")
			return 1
		}
		return 0
	}
	if _, err := gen.Write(files); err != nil {
		printf(stderr, "errgen: %v\n", err)
		return 1
	}
	return 0
}

// runHelp is errgen help [init]: the usage of errgen or of init, on
// stdout.
func runHelp(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		usage(newFlagSet(&options{}), stdout)
		return 0
	case len(args) == 1 && args[0] == "init":
		printf(stdout, "%s", initUsage)
		return 0
	}
	printf(stderr, "errgen help: unexpected argument %q\n", args[len(args)-1])
	usage(newFlagSet(&options{}), stderr)
	return 2
}

// moduleVersion is errgen's module version from the build info: a tag
// such as v1.2.0 when installed with go install or go run pkg@version,
// "(devel)" when built from a checkout.
func moduleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if info.Main.Path == "github.com/errgen/errgen" {
		return info.Main.Version
	}
	for _, dep := range info.Deps {
		if dep.Path == "github.com/errgen/errgen" {
			if dep.Replace != nil && dep.Replace.Version == "" {
				return dep.Version + " (replaced by " + dep.Replace.Path + ")"
			}
			return dep.Version
		}
	}
	return "(devel)"
}

// runCompat is errgen -compat: it lists the changes from oldPath to
// newPath that break clients, and with -v the additions, and exits 1 if
// anything breaks.
func runCompat(oldPath, newPath string, verbose bool, stdout, stderr io.Writer) int {
	oldSrc, err := os.ReadFile(oldPath)
	if err != nil {
		printf(stderr, "errgen: %v\n", err)
		return 1
	}
	newSrc, err := os.ReadFile(newPath)
	if err != nil {
		printf(stderr, "errgen: %v\n", err)
		return 1
	}
	breaks, additions, err := gen.Compat(oldPath, oldSrc, newPath, newSrc)
	if err != nil {
		printf(stderr, "%v\n", err)
		return 1
	}
	for _, c := range breaks {
		printf(stdout, "%s: breaking: %s\n", c.Pos, c.Msg)
	}
	if verbose {
		for _, c := range additions {
			printf(stdout, "%s: compatible: %s\n", c.Pos, c.Msg)
		}
		if len(breaks) == 0 && len(additions) == 0 {
			printf(stdout, "no breaking or compatible changes from %s to %s\n", oldPath, newPath)
		}
	}
	if len(breaks) > 0 {
		changes := "changes"
		if len(breaks) == 1 {
			changes = "change"
		}
		printf(stderr, "errgen: %d breaking %s from %s to %s\n", len(breaks), changes, oldPath, newPath)
		return 1
	}
	return 0
}
