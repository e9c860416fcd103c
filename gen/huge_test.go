package gen

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHugeSpec feeds a 50 MB spec, built here rather than checked in: it
// is refused at once, by size, with a positioned message.
func TestHugeSpec(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("version: 1\npackage: huge\nerrors:\n")
	for i := 0; b.Len() < 50<<20; i++ {
		fmt.Fprintf(&b, "  - {name: E%dError, code: %d, status: 400, message: %q}\n", i, i+1, strings.Repeat("x", 200))
	}
	_, err := Load("huge.yaml", b.Bytes())
	require.Error(t, err)
	golden(t, "testdata/bad/huge_50mb.golden", err.Error()+"\n")
}

// TestManyProblems checks that a spec with thousands of problems reports
// the first MaxErrors of them and says how many more there are.
func TestManyProblems(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("version: 1\npackage: many\nerrors:\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  - {name: E%dError, code: 1, status: 200}\n", i)
	}
	_, err := Load("many.yaml", b.Bytes())
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	assert.Len(t, lines, MaxErrors+1)
	// No error is the fallback, 1,000 statuses are 200 and 999 codes are
	// duplicates: 2,000 problems, 50 shown.
	assert.Regexp(t, `^many\.yaml:\d+:\d+: 1950 more problems not shown; fix these first$`, lines[MaxErrors])
}

// TestProblemsNotShown checks the count of the problems past MaxErrors,
// one or more.
func TestProblemsNotShown(t *testing.T) {
	for n, want := range map[int]string{1: "1 more problem not shown", 2: "2 more problems not shown"} {
		var b bytes.Buffer
		b.WriteString("version: 1\npackage: many\nerrors:\n")
		for i := range MaxErrors + n {
			fmt.Fprintf(&b, "  - {name: E%dError, code: %d, status: 200, fallback: %t}\n", i, i+1, i == 0)
		}
		_, err := Load("many.yaml", b.Bytes())
		require.Error(t, err)
		lines := strings.Split(err.Error(), "\n")
		require.Len(t, lines, MaxErrors+1)
		assert.Equal(t, fmt.Sprintf("many.yaml:%d:%d: %s; fix these first", MaxErrors+4, 40, want), lines[MaxErrors])
	}
}

// TestLargeValidSpec builds a spec of 2,000 errors with params and docs,
// and checks that the Go it generates type-checks. The end-to-end test
// compiles and runs the golden specs; this one proves scale.
func TestLargeValidSpec(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks a large package")
	}
	src := syntheticSpec(2000)
	files, err := Generate(src, Options{Spec: "large.yaml", Out: "large", Docs: "large.md", OpenAPI: "large.json"})
	require.NoError(t, err)
	require.NoError(t, typeCheck(files))
	// Formatted in chunks, the files must be what gofmt makes of them whole.
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".go") {
			whole, err := format.Source(f.Content)
			require.NoError(t, err)
			require.True(t, bytes.Equal(whole, f.Content), "%s is not gofmt'd", f.Path)
		}
	}
	again, err := Generate(src, Options{Spec: "large.yaml", Out: "large", Docs: "large.md", OpenAPI: "large.json"})
	require.NoError(t, err)
	assert.Equal(t, bundle(files), bundle(again), "output is not deterministic")
}

// syntheticSpec returns a valid spec of n errors, for scale tests and
// benchmarks: a third with params of every type, a third with aliases,
// several statuses and documentation throughout.
func syntheticSpec(n int) []byte {
	var b bytes.Buffer
	b.WriteString("version: 1\npackage: synth\napi: Synthetic\ndescription: A synthetic API for scale tests.\nerrors:\n")
	for i := range n {
		status := 400 + i%100
		if i == 0 {
			status = 500
		}
		fmt.Fprintf(&b, "  - name: Synthetic%dError\n    code: %d\n    status: %d\n", i, 100000+i, status)
		switch {
		case i == 0:
			b.WriteString("    statuses: [500, 502, 503]\n    fallback: true\n    retry: backoff\n    message: Internal failure\n")
		case i%3 == 1:
			b.WriteString("    message: \"Item {item} failed after {tries} tries at {load} load ({{ok}})\"\n    examples: [\"Item a failed after 2 tries at 0.50 load ({ok})\"]\n")
			b.WriteString("    params:\n      - {name: item, type: string, doc: the item}\n      - {name: tries, type: int}\n      - {name: load, type: float64, format: \"%.2f\"}\n")
		case i%3 == 2:
			fmt.Fprintf(&b, "    aliases: [%d]\n", 900000+i)
			fallthrough
		default:
			fmt.Fprintf(&b, "    message: Synthetic failure %d\n    examples: [Synthetic failure %d]\n", i, i)
		}
		fmt.Fprintf(&b, "    summary: Synthetic error %d\n    description: Occurs in synthetic test %d.\n    scenarios: [One, Two]\n    action: Retry\n    fixes: [Fix it]\n", i, i)
	}
	return b.Bytes()
}
