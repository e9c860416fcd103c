package gen

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// numbered returns lines "line 001" to "line n", each ending in a newline,
// with the replacements in edits.
func numbered(n int, edits map[int]string) []byte {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if l, ok := edits[i]; ok {
			b.WriteString(l + "\n")
			continue
		}
		fmt.Fprintf(&b, "line %03d\n", i)
	}
	return []byte(b.String())
}

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new []byte
		want     string
	}{{
		name: "one line in the middle of a long file",
		old:  numbered(200, nil),
		new:  numbered(200, map[int]string{100: "line 100, changed"}),
		want: `--- out/f.go (on disk)
+++ out/f.go (generated)
@@ -97,7 +97,7 @@
 line 097
 line 098
 line 099
-line 100
+line 100, changed
 line 101
 line 102
 line 103
`,
	}, {
		// As when a default message changes: its doc comment and its
		// method are far apart, and nothing between them may be printed.
		name: "two changes far apart",
		old:  numbered(200, nil),
		new:  numbered(200, map[int]string{20: "line 020, changed", 180: "line 180, changed"}),
		want: `--- out/f.go (on disk)
+++ out/f.go (generated)
@@ -17,7 +17,7 @@
 line 017
 line 018
 line 019
-line 020
+line 020, changed
 line 021
 line 022
 line 023
@@ -177,7 +177,7 @@
 line 177
 line 178
 line 179
-line 180
+line 180, changed
 line 181
 line 182
 line 183
`,
	}, {
		name: "lines added and removed",
		old:  []byte("a\nb\nc\nd\ne\nf\ng\nh\n"),
		new:  []byte("a\nb\nc\nd\nx\ny\nf\ng\nh\ni\n"),
		want: `--- out/f.go (on disk)
+++ out/f.go (generated)
@@ -2,7 +2,9 @@
 b
 c
 d
-e
+x
+y
 f
 g
 h
+i
`,
	}, {
		name: "missing file",
		old:  nil,
		new:  []byte("package p\n\nconst C = 1\n"),
		want: `--- out/f.go (on disk)
+++ out/f.go (generated)
@@ -0,0 +1,3 @@
+package p
+
+const C = 1
`,
	}, {
		name: "no newline at end of file",
		old:  []byte("package p\n\nconst C = 1"),
		new:  []byte("package p\n\nconst C = 1\n"),
		want: `--- out/f.go (on disk)
+++ out/f.go (generated)
@@ -1,3 +1,3 @@
 package p
 
-const C = 1
\ No newline at end of file
+const C = 1
`,
	}, {
		name: "equal",
		old:  []byte("package p\n"),
		new:  []byte("package p\n"),
		want: "",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Diff("out/f.go", tc.old, tc.new)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestDiffGenerated diffs the Go of a spec against that of the same spec
// with another default message: three places in errors.go change, and the
// diff shows those three lines in two hunks, not the code between them.
func TestDiffGenerated(t *testing.T) {
	src, err := os.ReadFile("testdata/good/minimal.yaml")
	require.NoError(t, err)
	withMessage := func(msg string) []File {
		spec := strings.Replace(string(src), "    status: 500\n", "    status: 500\n    message: "+msg+"\n", 1)
		require.Contains(t, spec, msg)
		files, err := Generate([]byte(spec), Options{Spec: "errors.yaml", Out: "minerr"})
		require.NoError(t, err)
		return files
	}
	old, new := withMessage("The server failed"), withMessage("The server failed; try again later")
	require.Len(t, new, len(old))
	var all strings.Builder
	for i := range old {
		require.Equal(t, old[i].Path, new[i].Path)
		d, err := Diff(old[i].Path, old[i].Content, new[i].Content)
		require.NoError(t, err)
		all.WriteString(d)
	}
	golden(t, "testdata/diff/message.golden", all.String())
}
