package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The scanner must follow every document yaml.v3 reads without finding a
// problem in it: a problem it reports is one it saw, not one it made up.
func TestScanSyntaxValid(t *testing.T) {
	var specs []string
	for _, glob := range []string{"../errors.yaml", "testdata/*.yaml", "testdata/*/*.yaml"} {
		m, err := filepath.Glob(glob)
		require.NoError(t, err)
		specs = append(specs, m...)
	}
	docs := map[string]string{
		"block scalars":     "a: |\n  text: with [ and \" and '\n\n  - more\nb: >-\n    folded\n  # not a comment\nc:\n  - |\n    x: ]\n  - d\n",
		"flow across lines": "a: [1,\n  2]\nb: {x: 1,\n    y: \"q\"}\nc:\n  - {name: a, doc: it's fine}\n",
		"compact list":      "errors:\n- name: A\n  params:\n  - name: b\n- name: C\nversion: 1\n",
		"plain scalars":     "a: one\n  two [not a list\n  three\nb:\n  - x\n    y\nc: Not [a list] or {a map}, it's \"plain\"\n",
		"quoted":            "\"a b\": 'it''s'\nc: \"esc \\\" [\"\nd: 'two\n  lines'\ne: \"two\n  lines\"\n",
		"anchors and tags":  "a: &x\n  b: 1\nc: !!str 2\nd: *x\ne: &y [1]\n",
		"comments":          "# top\na: 1 # one\n  # indented\nb:\n# none\n  - 1\n",
		"nested lists":      "a:\n  - - 1\n    - 2\n  -\n    b: 1\n  - - c: 1\n      d: 2\n",
		"document markers":  "---\na: 1\n...\n",
		"empty values":      "a:\nb:\n  c:\nd: 1\n",
		"indented document": "  a: 1\n  b:\n    - 1\n",
		"crlf":              "a: 1\r\nb:\r\n  - [1,\r\n    2]\r\n",
	}
	for _, spec := range specs {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		docs[spec] = string(src)
	}
	for name, doc := range docs {
		if !parses([]byte(doc)) {
			require.False(t, strings.Contains(name, " "), "%s: yaml.v3 does not read it", name)
			continue
		}
		lines := strings.SplitAfter(doc, "\n")
		var bs [][]byte
		for _, l := range lines {
			bs = append(bs, []byte(l))
		}
		assert.Nil(t, newSyntaxScanner(bs).scan(), name)
	}
}

// TestYAMLMistakesAtTheirLine makes the commonest slips in every valid
// spec, one at a time: a line indented one space more or less, and the
// last closing bracket or quote of a line left out. Each that yaml.v3
// rejects must be reported at the line of the slip, or, when the slip is
// on the first entry of a block and so sets the block's indentation, at a
// line of the same block just below it.
func TestYAMLMistakesAtTheirLine(t *testing.T) {
	specs, err := filepath.Glob("testdata/good/*.yaml")
	require.NoError(t, err)
	n := 0
	for _, spec := range append(specs, "../errors.yaml") {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		lines := strings.SplitAfter(string(src), "\n")
		for i, line := range lines {
			text := strings.TrimRight(line, "\n")
			if trimmed := strings.TrimSpace(text); trimmed == "" || trimmed[0] == '#' {
				continue
			}
			slips := []string{" " + line}
			if line[0] == ' ' {
				slips = append(slips, line[1:])
			}
			if j := strings.LastIndexAny(text, `]}"'`); j >= 0 {
				slips = append(slips, text[:j]+text[j+1:]+"\n")
			}
			for _, slip := range slips {
				bad := strings.Join(lines[:i], "") + slip + strings.Join(lines[i+1:], "")
				if parses([]byte(bad)) {
					continue
				}
				n++
				_, err := Parse("errors.yaml", []byte(bad))
				var list ErrorList
				require.ErrorAs(t, err, &list)
				require.Len(t, list, 1)
				where := fmt.Sprintf("%s:%d changed to %q: %s", spec, i+1, slip, list[0].Msg)
				assert.GreaterOrEqual(t, list[0].Pos.Line, i+1, where)
				assert.LessOrEqual(t, list[0].Pos.Line, i+3, where)
				assert.Regexp(t, `^invalid YAML: (this line is indented|.* is never closed|.* is closed with)`, list[0].Msg, where)
			}
		}
	}
	assert.Greater(t, n, 500)
}
