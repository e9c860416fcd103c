package main

import (
	"errors"
	"flag"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/errgen/errgen/gen"
)

// starterSpec is the errors.yaml that errgen init writes: small, valid and
// commented, so a team can start from it.
const starterSpec = `# yaml-language-server: $schema=` + gen.SchemaID + `
#
# The error table of your API. errgen generates the Go package %[1]s/ and
# the error reference from it: run go generate ./... after changing it.
version: 1
package: %[1]s
api: My API

# The JSON body of every error response; these are the defaults.
envelope:
  code: errorCode
  message: errorMessage

errors:
  - name: ValidationError        # Go type; CodeValidation, ErrValidation, NewValidationError, IsValidationError
    code: 40001                  # sent in errorCode; never change it once released
    status: 400
    summary: Request validation failed
    description: Occurs when a request parameter is missing or invalid.

  - name: NotFoundError
    code: 40401
    status: 404
    message: "{kind} not found: {id}"   # {param} placeholders; {{ and }} for braces
    params:
      - {name: kind, type: string, doc: what was looked up}
      - {name: id, type: string, doc: its identifier}
    summary: Resource not found

  - name: RateLimitError
    code: 42901
    status: 429
    retry: wait                  # never (default), backoff or wait
    message: "Too many requests; at most {limit} a minute"
    params:
      - {name: limit, type: int}

  - name: InternalError
    code: 50001
    status: 500
    statuses: [500, 502, 503]    # every status it may be sent with
    retry: backoff
    fallback: true               # what any other error is reported as
    message: Internal server error
`

// starterGenerate is the go.generate.go that errgen init writes. The
// directive is split so that go generate does not run it in this file.
const starterGenerate = `//go:build generate

package %[2]s

//go:` + `generate go tool errgen -spec errors.yaml -out %[1]s -docs %[1]s/errors.md
`

// initUsage is the help of errgen init.
const initUsage = `usage: errgen init [DIR]

Writes a commented starter errors.yaml and a go.generate.go into DIR
(default: the current directory). go.generate.go is in the package of the
Go files already in DIR, if any. Existing files are never overwritten.
`

// runInit is errgen init [DIR]: it writes a starter errors.yaml and a
// go.generate.go into DIR, refusing to overwrite either.
func runInit(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("errgen init", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {} // printed below, to stdout or stderr
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printf(stdout, "%s", initUsage)
			return 0
		}
		printf(stderr, "%s", initUsage)
		return 2
	}
	if flags.NArg() > 1 {
		printf(stderr, "errgen init: unexpected argument %q\n", flags.Arg(1))
		printf(stderr, "%s", initUsage)
		return 2
	}
	dir := "."
	if flags.NArg() == 1 {
		dir = flags.Arg(0)
	}
	files := []gen.File{
		{Path: filepath.Join(dir, "errors.yaml"), Content: fmt.Appendf(nil, starterSpec, "apierr")},
		{Path: filepath.Join(dir, "go.generate.go"), Content: fmt.Appendf(nil, starterGenerate, "apierr", packageName(dir))},
	}
	for _, f := range files {
		if _, err := os.Stat(f.Path); !errors.Is(err, fs.ErrNotExist) {
			printf(stderr, "errgen init: %s already exists; not overwriting it\n", f.Path)
			return 1
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		printf(stderr, "errgen init: %v\n", err)
		return 1
	}
	for _, f := range files {
		if err := os.WriteFile(f.Path, f.Content, 0o644); err != nil {
			printf(stderr, "errgen init: %v\n", err)
			return 1
		}
		printf(stdout, "wrote %s\n", f.Path)
	}
	printf(stdout, "next: edit %s, then run go generate ./...\n", files[0].Path)
	return 0
}

// packageName is the package that the Go files already in dir belong to,
// so that go.generate.go joins it, or else a name made from the
// directory's own name. It reads the files that go vet -tags generate
// would, on this machine: not those that build constraints leave out,
// such as a //go:build ignore program, nor external tests (package
// xxx_test).
func packageName(dir string) string {
	ctx := build.Default
	ctx.BuildTags = append(slices.Clip(ctx.BuildTags), "generate")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, p := range paths {
		if ok, err := ctx.MatchFile(dir, filepath.Base(p)); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.PackageClauseOnly)
		if err != nil {
			continue
		}
		if name := f.Name.Name; !strings.HasSuffix(p, "_test.go") || !strings.HasSuffix(name, "_test") {
			return name
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "main"
	}
	name := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			return unicode.ToLower(r)
		}
		return -1
	}, filepath.Base(abs))
	if name == "" || !unicode.IsLetter([]rune(name)[0]) || token.IsKeyword(name) {
		return "main"
	}
	return name
}
