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

// TestGeneratedIsUpToDate regenerates, in memory, every package that an
// errgen line of go.generate.go names, from that line's spec and into its
// directory, and fails, with the diff, when a checked-in package differs or
// holds a file the generator does not write. Reading the lines keeps this
// test and go generate from drifting apart. Run go generate in bench/ to
// refresh the packages.
func TestGeneratedIsUpToDate(t *testing.T) {
	for _, line := range generateLines(t) {
		t.Run(line.out, func(t *testing.T) {
			src, err := os.ReadFile(line.spec)
			if err != nil {
				t.Fatal(err)
			}
			m, err := gen.Load(filepath.Base(line.spec), src)
			if err != nil {
				t.Fatal(err)
			}
			files, err := gen.GoFiles(m)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for i, f := range files {
				files[i].Path = filepath.Join(line.out, f.Path)
				want = append(want, files[i].Path)
			}
			diff, err := gen.Check(files)
			if err != nil {
				t.Fatal(err)
			}
			if diff != "" {
				t.Errorf("%s is stale; run go generate in bench/:\n%s", line.out, diff)
			}
			onDisk, err := filepath.Glob(filepath.Join(line.out, "*"))
			if err != nil {
				t.Fatal(err)
			}
			for _, path := range onDisk {
				if !slices.Contains(want, path) {
					t.Errorf("%s is not generated from %s; remove it", path, line.spec)
				}
			}
		})
	}
}

// generateLine is the -spec and -out of one errgen line.
type generateLine struct {
	spec, out string
}

// generateLines returns the errgen lines of go.generate.go, in file order.
// Every go:generate line there must be an errgen line with -spec and -out
// only, and no two may write the same directory.
func generateLines(t *testing.T) []generateLine {
	t.Helper()
	const (
		directive = "//go:generate "
		errgen    = "go run github.com/errgen/errgen/cmd/errgen "
	)
	src, err := os.ReadFile("go.generate.go")
	if err != nil {
		t.Fatal(err)
	}
	var lines []generateLine
	for _, text := range strings.Split(string(src), "\n") {
		cmd, ok := strings.CutPrefix(text, directive)
		if !ok {
			continue
		}
		args, ok := strings.CutPrefix(cmd, errgen)
		if !ok {
			t.Fatalf("go.generate.go: %q is not an errgen line", text)
		}
		var l generateLine
		fs := flag.NewFlagSet("errgen", flag.ContinueOnError)
		fs.StringVar(&l.spec, "spec", "", "")
		fs.StringVar(&l.out, "out", "", "")
		if err := fs.Parse(strings.Fields(args)); err != nil || fs.NArg() > 0 || l.spec == "" || l.out == "" {
			t.Fatalf("go.generate.go: want -spec FILE -out DIR only, have %q", args)
		}
		if slices.ContainsFunc(lines, func(o generateLine) bool { return filepath.Clean(o.out) == filepath.Clean(l.out) }) {
			t.Fatalf("go.generate.go: two errgen lines write %s", l.out)
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		t.Fatal("go.generate.go has no errgen line")
	}
	return lines
}
