package gen

import (
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestDeletingAFactChangesTheReference deletes, one at a time, every
// mapping entry and list item of errors.yaml. Each deletion either makes
// the spec invalid (the fact is required) or changes generated/errors.md:
// no fact of the spec is left out of the reference.
func TestDeletingAFactChangesTheReference(t *testing.T) {
	src, err := os.ReadFile("../errors.yaml")
	require.NoError(t, err)
	model, err := Load("errors.yaml", src)
	require.NoError(t, err)
	baseMD, err := Markdown(model, "", "")
	require.NoError(t, err)
	base := string(baseMD)

	// A deletion is the path of indices into Content that leads to a
	// mapping or list, then the index of the entry or item to remove.
	var deletions [][]int
	var walk func(n *yaml.Node, path []int)
	walk = func(n *yaml.Node, path []int) {
		step := 1
		if n.Kind == yaml.MappingNode {
			step = 2
		}
		if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
			return
		}
		for i := 0; i < len(n.Content); i += step {
			deletions = append(deletions, append(append([]int(nil), path...), i))
			child := i + step - 1
			walk(n.Content[child], append(append([]int(nil), path...), child))
		}
	}
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(src, &doc))
	walk(doc.Content[0], nil)
	paths := deletions

	changed, required := 0, 0
	for _, p := range paths {
		var d yaml.Node
		require.NoError(t, yaml.Unmarshal(src, &d))
		n := d.Content[0]
		for _, i := range p[:len(p)-1] {
			n = n.Content[i]
		}
		i := p[len(p)-1]
		what := ""
		if n.Kind == yaml.MappingNode {
			what = n.Content[i].Value + " at line " + strconv.Itoa(n.Content[i].Line)
			n.Content = append(n.Content[:i], n.Content[i+2:]...)
		} else {
			what = "item at line " + strconv.Itoa(n.Content[i].Line)
			n.Content = append(n.Content[:i], n.Content[i+1:]...)
		}
		out, err := yaml.Marshal(&d)
		require.NoError(t, err)
		m, err := Load("errors.yaml", out)
		if err != nil {
			required++
			continue
		}
		if reflect.DeepEqual(m, model) {
			continue // the entry only restated a default
		}
		md, err := Markdown(m, "", "")
		require.NoError(t, err)
		changed++
		if string(md) == base {
			t.Errorf("deleting %s does not change the reference", what)
		}
	}
	t.Logf("%d deletions change the reference, %d make the spec invalid", changed, required)
	assert.Greater(t, changed, 150, "errors.yaml has fewer facts than it should")
}

// seedRewordings are the seed's lines that the reference says in other
// words, with the words it uses.
var seedRewordings = map[string]string{
	"Errors":                   "Faseeh Errors", // the title names the API
	"**Error Codes**: `40101`": "**Error Code**: `40101`",
	"**Error Code**: `40401` (or `50001` for some cases)":             "**Error Code**: `40401` (or `50001` with status 404)",
	"`errorCode` (number): Error code (typically `40401` or `50001`)": "`errorCode` (number): Error code `40401` (or `50001` with status 404)",
	"Error Codes": "Error Code",
}

var (
	seedBacktick = regexp.MustCompile("`([^`]+)`")
	seedBold     = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	seedMarker   = regexp.MustCompile(`^(#+ |\* |\d+\. )`)
)

// TestReferenceCarriesTheSeed checks the Faseeh reference against the
// hand-written page it replaces (testdata/reference/faseeh-errors.md):
// every line of prose, heading, list item, table cell, bold label and code
// span of the seed appears in generated/errors.md.
func TestReferenceCarriesTheSeed(t *testing.T) {
	seed, err := os.ReadFile("testdata/reference/faseeh-errors.md")
	require.NoError(t, err)
	mdBytes, err := os.ReadFile("../generated/errors.md")
	require.NoError(t, err)
	md := string(mdBytes)

	var facts []string
	inCode := false
	for _, line := range strings.Split(string(seed), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "```"):
			inCode = !inCode
			continue
		case inCode, line == "", line == "***", strings.HasPrefix(line, ">"):
			continue
		case strings.HasPrefix(line, "|"):
			if !strings.Contains(line, "---") {
				for _, cell := range strings.Split(strings.Trim(line, "|"), "|") {
					facts = append(facts, strings.TrimSpace(cell))
				}
			}
			continue
		}
		line = seedMarker.ReplaceAllString(line, "")
		for _, m := range seedBacktick.FindAllStringSubmatch(line, -1) {
			facts = append(facts, strings.Trim(m[1], `"'`))
		}
		for _, m := range seedBold.FindAllStringSubmatch(line, -1) {
			facts = append(facts, m[1])
		}
		// A WebSocket message is quoted inside its code span in the seed;
		// its span above is the fact.
		if !strings.Contains(line, "`\"") && !strings.Contains(line, "`'") {
			facts = append(facts, line)
		}
	}
	require.Greater(t, len(facts), 200)
	for _, f := range facts {
		if alt, ok := seedRewordings[f]; ok {
			f = alt
		}
		if !strings.Contains(md, f) && !labelledInOneLine(md, f) {
			t.Errorf("generated/errors.md misses a fact of the seed: %q", f)
		}
	}
}

var seedLabelled = regexp.MustCompile(`^\*\*(.+)\*\*: (.+)$`)

// labelledInOneLine reports whether a seed fact of the form "**Label**:
// value" appears in md as one line holding both, such as a table row.
func labelledInOneLine(md, fact string) bool {
	m := seedLabelled.FindStringSubmatch(fact)
	if m == nil {
		return false
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, m[1]) && strings.Contains(line, m[2]) {
			return true
		}
	}
	return false
}
