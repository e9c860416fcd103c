package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errgen/errgen/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

var fence = regexp.MustCompile("(?s)```(\\w*)\n(.*?)```")

// TestReadmeCommands keeps the README honest: every shell command it shows
// is one that .ci/run runs, word for word, but those of the section for
// other repositories, which TestAdoption runs in a new module.
func TestReadmeCommands(t *testing.T) {
	readme, ci := readText(t, "../../README.md"), readText(t, "../../.ci/run")
	before, after, _ := strings.Cut(readme, adoptionSection+"\n")
	if i := strings.Index(after, "\n## "); i >= 0 {
		readme = before + after[i:]
	}
	n := 0
	for _, block := range fence.FindAllStringSubmatch(readme, -1) {
		if block[1] != "sh" {
			continue
		}
		for _, line := range strings.Split(block[2], "\n") {
			cmd, _, _ := strings.Cut(line, "#")
			if cmd = strings.TrimSpace(cmd); cmd != "" {
				n++
				assert.Contains(t, ci, cmd, "README shows a command that .ci/run does not run")
			}
		}
	}
	assert.NotZero(t, n, "README shows no commands")
}

// TestReadmeMessages checks that the error messages the README shows are
// what errgen prints for gen/testdata/readme.yaml.
func TestReadmeMessages(t *testing.T) {
	readme := readText(t, "../../README.md")
	_, err := gen.Load("errors.yaml", []byte(readText(t, "../../gen/testdata/readme.yaml")))
	require.Error(t, err)
	var shown string
	for _, block := range fence.FindAllStringSubmatch(readme, -1) {
		if block[1] == "text" && strings.HasPrefix(block[2], "errors.yaml:") {
			shown = block[2]
		}
	}
	assert.Equal(t, err.Error()+"\n", shown)
}

// TestReadmeTroubleshooting checks that every message the README's
// troubleshooting table quotes is one errgen really prints, as recorded
// in the golden files of the bad specs.
func TestReadmeTroubleshooting(t *testing.T) {
	readme := readText(t, "../../README.md")
	_, section, ok := strings.Cut(readme, "### Troubleshooting errors.yaml\n")
	require.True(t, ok)
	section, _, _ = strings.Cut(section, "\n## ")
	goldens, err := filepath.Glob("../../gen/testdata/bad/*.golden")
	require.NoError(t, err)
	var all strings.Builder
	for _, g := range goldens {
		all.WriteString(readText(t, g))
	}
	row := regexp.MustCompile("(?m)^\\| `(.+?)` \\|")
	n := 0
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		n++
		assert.Contains(t, all.String(), ": "+m[1]+"\n", "the README quotes a message errgen does not print")
	}
	assert.Greater(t, n, 10)
}

// TestReadmeFlags checks the README's flag table against errgen's flags:
// each flag is in the table, once, with the placeholder that -h shows for
// its value, and the table lists no flag that errgen does not have.
func TestReadmeFlags(t *testing.T) {
	readme := readText(t, "../../README.md")
	_, section, ok := strings.Cut(readme, "## Running errgen\n")
	require.True(t, ok)
	section, _, _ = strings.Cut(section, "\n## ")
	var documented []string
	for _, m := range regexp.MustCompile("(?m)^\\| `(-[^`]+)` \\|").FindAllStringSubmatch(section, -1) {
		documented = append(documented, m[1])
	}
	var flags []string
	newFlagSet(&options{}).VisitAll(func(f *flag.Flag) {
		placeholder, _ := flag.UnquoteUsage(f)
		flags = append(flags, strings.TrimSpace("-"+f.Name+" "+placeholder))
	})
	assert.ElementsMatch(t, flags, documented)
	for _, f := range flags {
		assert.Regexp(t, `^-[a-z-]+( [A-Z]+)?$`, f, "a value's placeholder says what it is, in capitals")
	}
}
