package bench

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/gen"
)

// TestStripeerrIsUpToDate regenerates stripeerr in memory, from the spec and
// into the directory that the errgen line of go.generate.go names, and
// fails, with the diff, when the checked-in package differs or holds a file
// the generator does not write. Reading the line keeps this test and
// go generate from drifting apart. Run go generate in bench/ to refresh
// stripeerr.
func TestStripeerrIsUpToDate(t *testing.T) {
	spec, out := stripeGenerateLine(t)
	src, err := os.ReadFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	m, err := gen.Load(filepath.Base(spec), src)
	if err != nil {
		t.Fatal(err)
	}
	files, err := gen.GoFiles(m)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i, f := range files {
		files[i].Path = filepath.Join(out, f.Path)
		want = append(want, files[i].Path)
	}
	diff, err := gen.Check(files)
	if err != nil {
		t.Fatal(err)
	}
	if diff != "" {
		t.Errorf("%s is stale; run go generate in bench/:\n%s", out, diff)
	}
	onDisk, err := filepath.Glob(filepath.Join(out, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range onDisk {
		if !slices.Contains(want, path) {
			t.Errorf("%s is not generated from %s; remove it", path, spec)
		}
	}
}

// stripeGenerateLine returns the -spec and -out of the one errgen line in
// go.generate.go.
func stripeGenerateLine(t *testing.T) (spec, out string) {
	t.Helper()
	const prefix = "//go:generate go run github.com/errgen/errgen/cmd/errgen "
	src, err := os.ReadFile("go.generate.go")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, line := range strings.Split(string(src), "\n") {
		if args, ok := strings.CutPrefix(line, prefix); ok {
			lines = append(lines, args)
		}
	}
	if len(lines) != 1 {
		t.Fatalf("go.generate.go has %d errgen lines, want 1", len(lines))
	}
	fs := flag.NewFlagSet("errgen", flag.ContinueOnError)
	fs.StringVar(&spec, "spec", "", "")
	fs.StringVar(&out, "out", "", "")
	if err := fs.Parse(strings.Fields(lines[0])); err != nil || fs.NArg() > 0 || spec == "" || out == "" {
		t.Fatalf("go.generate.go: want -spec FILE -out DIR only, have %q", lines[0])
	}
	return spec, out
}
