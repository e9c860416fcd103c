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

	"github.com/errgen/errgen/gen"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is errgen's command line: 0 on success, 1 when the spec has problems
// or -check finds stale files, 2 for usage errors.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	spec := fs.String("spec", "errors.yaml", "the error table to read")
	out := fs.String("out", "", "write the Go package into this `directory`")
	docs := fs.String("docs", "", "write the Markdown error reference to this `file`")
	docsTemplate := fs.String("docs-template", "", "render -docs with this text/template `file` instead of the built-in one")
	openapi := fs.String("openapi", "", "write an OpenAPI 3.1 fragment (JSON) to this `file`")
	schema := fs.String("schema", "", "write the JSON Schema of the spec format to this `file`")
	check := fs.Bool("check", false, "write nothing; exit 1 with a diff if any output is stale")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: errgen -spec FILE [-out DIR] [-docs FILE [-docs-template FILE]] [-openapi FILE] [-schema FILE] [-check]\n\n")
		fmt.Fprintf(stderr, "errgen reads an API's error table and writes a Go package of error types,\n")
		fmt.Fprintf(stderr, "constructors, HTTP statuses and matchers, and the API's error reference.\n")
		fmt.Fprintf(stderr, "At least one output is required. Exit status: 0 done, 1 spec problems or\n")
		fmt.Fprintf(stderr, "stale files, 2 usage errors.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
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
