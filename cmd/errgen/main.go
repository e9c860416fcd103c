// Command errgen generates a Go error package, and the error reference,
// from an API's error table in YAML.
//
// Usage:
//
//	errgen -spec errors.yaml [-out DIR] [-docs FILE [-docs-template FILE]]
//	       [-openapi FILE] [-schema FILE] [-check]
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

// run is errgen's command line: 0 on success, 1 when the spec has problems
// or -check finds stale files, 2 for usage errors. Output that could not
// be written, to a closed pipe or a full disk, makes a success a failure.
func run(args []string, stdout, stderr io.Writer) int {
	out, errOut := &output{w: stdout}, &output{w: stderr}
	code := runArgs(args, out, errOut)
	if out.err != nil {
		errOut.printf("errgen: writing standard output: %v\n", out.err)
		code = max(code, 1)
	}
	// A failed write to stderr has nowhere left to be reported; the exit
	// status still tells the outcome.
	return code
}

// output is one of the command's streams. It keeps the first error of a
// write, so that a lost line is reported once, in the exit status, rather
// than checked after every print.
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

func (o *output) printf(format string, args ...any) {
	_, _ = fmt.Fprintf(o, format, args...) // o.Write keeps the error for run
}

// runArgs is run on streams that keep their write errors.
func runArgs(args []string, stdout, stderr *output) int {
	if len(args) > 0 && args[0] == "init" {
		return runInit(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("errgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	spec := fs.String("spec", "errors.yaml", "the error table to read")
	out := fs.String("out", "", "write the Go package into this `directory`")
	docs := fs.String("docs", "", "write the Markdown error reference to this `file`")
	docsTemplate := fs.String("docs-template", "", "render -docs with this text/template `file` instead of the built-in one")
	openapi := fs.String("openapi", "", "write an OpenAPI 3.1 fragment (JSON) to this `file`")
	schema := fs.String("schema", "", "write the JSON Schema of the spec format to this `file`")
	check := fs.Bool("check", false, "write nothing; exit 1 with a diff if any output is stale")
	compat := fs.String("compat", "", "compare -spec with this older `version` of it; exit 1 if a change breaks clients")
	verbose := fs.Bool("v", false, "with -compat, also list the changes that break nothing")
	version := fs.Bool("version", false, "print errgen's version and exit")
	fs.Usage = func() {
		stderr.printf("usage: errgen -spec FILE [-out DIR] [-docs FILE [-docs-template FILE]] [-openapi FILE] [-schema FILE] [-check]\n")
		stderr.printf("       errgen -compat OLD.yaml -spec NEW.yaml [-v]\n")
		stderr.printf("       errgen init [DIR]\n       errgen -version\n\n")
		stderr.printf("errgen reads an API's error table and writes a Go package of error types,\n")
		stderr.printf("constructors, HTTP statuses and matchers, and the API's error reference.\n")
		stderr.printf("At least one output is required. -compat lists the changes from an older\n")
		stderr.printf("spec that break existing clients or servers. init writes a starter spec.\n")
		stderr.printf("Exit status: 0 done, 1 spec problems, stale files or breaking changes,\n")
		stderr.printf("2 usage errors.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *version {
		stdout.printf("errgen %s\n", moduleVersion())
		return 0
	}
	if *compat != "" {
		return runCompat(*compat, *spec, *verbose, stdout, stderr)
	}
	usage := ""
	switch {
	case fs.NArg() > 0:
		usage = fmt.Sprintf("unexpected argument %q", fs.Arg(0))
	case *out == "" && *docs == "" && *openapi == "" && *schema == "":
		usage = "no output: give -out, -docs, -openapi or -schema"
	case *docsTemplate != "" && *docs == "":
		usage = "-docs-template needs -docs"
	}
	if usage != "" {
		stderr.printf("errgen: %s\n", usage)
		fs.Usage()
		return 2
	}
	opts := gen.Options{Spec: *spec, Out: *out, Docs: *docs, OpenAPI: *openapi, Schema: *schema}
	if *docsTemplate != "" {
		text, err := os.ReadFile(*docsTemplate)
		if err != nil {
			stderr.printf("errgen: %v\n", err)
			return 1
		}
		opts.DocsTemplate, opts.DocsTemplateName = string(text), *docsTemplate
	}

	src, err := os.ReadFile(*spec)
	if err != nil {
		stderr.printf("errgen: %v\n", err)
		return 1
	}
	files, err := gen.Generate(src, opts)
	if err != nil {
		stderr.printf("%v\n", err)
		return 1
	}
	if *check {
		diff, err := gen.Check(files)
		if err != nil {
			stderr.printf("errgen: %v\n", err)
			return 1
		}
		if diff != "" {
			stdout.printf("%s", diff)
			stderr.printf("errgen: generated files are stale; run go generate ./...\n")
			return 1
		}
		return 0
	}
	if _, err := gen.Write(files); err != nil {
		stderr.printf("errgen: %v\n", err)
		return 1
	}
	return 0
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
func runCompat(oldPath, newPath string, verbose bool, stdout, stderr *output) int {
	oldSrc, err := os.ReadFile(oldPath)
	if err != nil {
		stderr.printf("errgen: %v\n", err)
		return 1
	}
	newSrc, err := os.ReadFile(newPath)
	if err != nil {
		stderr.printf("errgen: %v\n", err)
		return 1
	}
	breaks, additions, err := gen.Compat(oldPath, oldSrc, newPath, newSrc)
	if err != nil {
		stderr.printf("%v\n", err)
		return 1
	}
	for _, c := range breaks {
		stdout.printf("%s: breaking: %s\n", c.Pos, c.Msg)
	}
	if verbose {
		for _, c := range additions {
			stdout.printf("%s: compatible: %s\n", c.Pos, c.Msg)
		}
	}
	if len(breaks) > 0 {
		stderr.printf("errgen: %d breaking changes from %s to %s\n", len(breaks), oldPath, newPath)
		return 1
	}
	return 0
}
