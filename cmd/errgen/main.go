// Command errgen generates a Go error package, and the error reference,
// from an API's error table in YAML.
//
// Usage:
//
//	errgen -spec errors.yaml -out DIR [-docs FILE] [-check]
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
	out := fs.String("out", "", "directory of the generated Go package (required)")
	docs := fs.String("docs", "", "also write the Markdown error reference to this `file`")
	check := fs.Bool("check", false, "write nothing; exit 1 with a diff if any output is stale")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: errgen -spec FILE -out DIR [-docs FILE] [-check]\n\n")
		fmt.Fprintf(stderr, "errgen reads an API's error table and writes a Go package of error types,\n")
		fmt.Fprintf(stderr, "constructors, HTTP statuses and matchers. Exit status: 0 done, 1 spec\n")
		fmt.Fprintf(stderr, "problems or stale files, 2 usage errors.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *out == "" {
		if fs.NArg() > 0 {
			fmt.Fprintf(stderr, "errgen: unexpected argument %q\n", fs.Arg(0))
		} else {
			fmt.Fprintln(stderr, "errgen: -out is required")
		}
		fs.Usage()
		return 2
	}

	src, err := os.ReadFile(*spec)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	files, err := gen.Generate(src, gen.Options{Spec: *spec, Out: *out, Docs: *docs})
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
