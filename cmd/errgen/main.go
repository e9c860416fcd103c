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
// or -check finds stale files, 2 for usage errors.
func run(args []string, stdout, stderr io.Writer) int {
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
		fmt.Fprintf(stderr, "usage: errgen -spec FILE [-out DIR] [-docs FILE [-docs-template FILE]] [-openapi FILE] [-schema FILE] [-check]\n")
		fmt.Fprintf(stderr, "       errgen -compat OLD.yaml -spec NEW.yaml [-v]\n")
		fmt.Fprintf(stderr, "       errgen init [DIR]\n       errgen -version\n\n")
		fmt.Fprintf(stderr, "errgen reads an API's error table and writes a Go package of error types,\n")
		fmt.Fprintf(stderr, "constructors, HTTP statuses and matchers, and the API's error reference.\n")
		fmt.Fprintf(stderr, "At least one output is required. -compat lists the changes from an older\n")
		fmt.Fprintf(stderr, "spec that break existing clients or servers. init writes a starter spec.\n")
		fmt.Fprintf(stderr, "Exit status: 0 done, 1 spec problems, stale files or breaking changes,\n")
		fmt.Fprintf(stderr, "2 usage errors.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *version {
		fmt.Fprintln(stdout, "errgen", moduleVersion())
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
		fmt.Fprintf(stderr, "errgen: %s\n", usage)
		fs.Usage()
		return 2
	}
	opts := gen.Options{Spec: *spec, Out: *out, Docs: *docs, OpenAPI: *openapi, Schema: *schema}
	if *docsTemplate != "" {
		text, err := os.ReadFile(*docsTemplate)
		if err != nil {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
			return 1
		}
		opts.DocsTemplate, opts.DocsTemplateName = string(text), *docsTemplate
	}

	src, err := os.ReadFile(*spec)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	files, err := gen.Generate(src, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *check {
		diff, err := gen.Check(files)
		if err != nil {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
			return 1
		}
		if diff != "" {
			fmt.Fprintf(stdout, "%s", diff)
			fmt.Fprintf(stderr, "errgen: generated files are stale; run go generate ./...\n")
			return 1
		}
		return 0
	}
	if _, err := gen.Write(files); err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
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
func runCompat(oldPath, newPath string, verbose bool, stdout, stderr io.Writer) int {
	oldSrc, err := os.ReadFile(oldPath)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	newSrc, err := os.ReadFile(newPath)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	breaks, additions, err := gen.Compat(oldPath, oldSrc, newPath, newSrc)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	for _, c := range breaks {
		fmt.Fprintf(stdout, "%s: breaking: %s\n", c.Pos, c.Msg)
	}
	if verbose {
		for _, c := range additions {
			fmt.Fprintf(stdout, "%s: compatible: %s\n", c.Pos, c.Msg)
		}
	}
	if len(breaks) > 0 {
		fmt.Fprintf(stderr, "errgen: %d breaking changes from %s to %s\n", len(breaks), oldPath, newPath)
		return 1
	}
	return 0
}
