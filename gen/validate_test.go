package gen

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// The tests in this file check errgen's outputs with real tools from the
// npm registry, pinned in .ci/package.json: ajv for the JSON Schema, an
// OpenAPI 3.1 validator, and markdownlint. They install the tools with
// npm ci when .ci/node_modules is missing.

var installTools sync.Once

// ciTool returns the path of .ci, with its npm packages installed.
func ciTool(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs npm tools")
	}
	ci, err := filepath.Abs("../.ci")
	require.NoError(t, err)
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	var installErr error
	var out []byte
	installTools.Do(func() {
		if _, err := os.Stat(filepath.Join(ci, "node_modules")); err == nil {
			return
		}
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = ci
		out, installErr = cmd.CombinedOutput()
	})
	require.NoError(t, installErr, "npm ci in .ci:\n%s", out)
	return ci
}

func runNode(t *testing.T, ci string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("node", append([]string{filepath.Join(ci, "validate.mjs")}, args...)...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func TestOpenAPIIsValid(t *testing.T) {
	ci := ciTool(t)
	dir := t.TempDir()
	for _, spec := range goodSpecs(t) {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		m, err := Load(spec, src)
		require.NoError(t, err)
		path := filepath.Join(dir, m.Package+".openapi.json")
		require.NoError(t, os.WriteFile(path, OpenAPI(m), 0o644))
		out, err := runNode(t, ci, "openapi", path)
		assert.NoError(t, err, "%s: %s", spec, out)
	}
}

func TestMarkdownLint(t *testing.T) {
	ci := ciTool(t)
	dir := t.TempDir()
	files := []string{"../README.md", "../generated/errors.md"}
	for _, spec := range goodSpecs(t) {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		m, err := Load(spec, src)
		require.NoError(t, err)
		md, err := Markdown(m, "", "")
		require.NoError(t, err)
		path := filepath.Join(dir, m.Package+".md")
		require.NoError(t, os.WriteFile(path, md, 0o644))
		files = append(files, path)
	}
	args := append([]string{"--config", filepath.Join(ci, ".markdownlint.jsonc")}, files...)
	out, err := exec.Command(filepath.Join(ci, "node_modules", ".bin", "markdownlint-cli2"), args...).CombinedOutput()
	assert.NoError(t, err, "%s", out)
}

// semanticOnly are the problems that span several values, which a JSON
// Schema cannot express; a spec whose only problems are these may pass the
// schema. Every other problem must fail it.
var semanticOnly = []string{
	"duplicate code", "duplicate name", "needs the Go name", "needs the Go field",
	"placeholder", "is not used in the message", "message has an un",
	"is ambiguous", "own code", "cannot have params", "must include the default status",
	"table row has", "fields are both",
}

func isSemanticOnly(err error) bool {
	for _, line := range strings.Split(err.Error(), "\n") {
		found := false
		for _, s := range semanticOnly {
			found = found || strings.Contains(line, s)
		}
		if !found {
			return false
		}
	}
	return true
}

// TestSchemaAgreesWithLoader checks the JSON Schema against errgen's own
// loader on every test spec: both accept the valid ones, and the schema
// rejects every bad one whose problems it can express. A spec that is not
// valid YAML, uses YAML aliases (which errgen refuses and JSON expands),
// or is not representable as JSON never reaches a schema and is left to
// errgen.
func TestSchemaAgreesWithLoader(t *testing.T) {
	ci := ciTool(t)
	dir := t.TempDir()
	schema := filepath.Join(dir, "schema.json")
	require.NoError(t, os.WriteFile(schema, JSONSchema(), 0o644))

	bad, err := filepath.Glob("testdata/bad/*.yaml")
	require.NoError(t, err)
	specs := append(goodSpecs(t), bad...)
	specs = append(specs, "testdata/readme.yaml")
	loaderErr := map[string]error{}
	args := []string{"schema", schema}
	for _, spec := range specs {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		_, loaderErr[spec] = Load(spec, src)
		var v any
		if yaml.Unmarshal(src, &v) != nil || hasAlias(src) {
			continue // not YAML, or YAML whose aliases JSON would expand
		}
		j, err := json.Marshal(v)
		if err != nil {
			continue
		}
		path := filepath.Join(dir, strings.ReplaceAll(spec, "/", "_")+".json")
		require.NoError(t, os.WriteFile(path, j, 0o644))
		args = append(args, path)
	}
	out, err := runNode(t, ci, args...)
	require.NoError(t, err, out)

	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		verdict, rest, _ := strings.Cut(line, " ")
		path, why, _ := strings.Cut(rest, ": ")
		spec := ""
		for _, s := range specs {
			if strings.HasSuffix(path, strings.ReplaceAll(s, "/", "_")+".json") {
				spec = s
			}
		}
		require.NotEmpty(t, spec, line)
		checked++
		switch lerr := loaderErr[spec]; {
		case lerr == nil:
			assert.Equal(t, "valid", verdict, "%s: errgen accepts it, the schema does not: %s", spec, why)
		case isSemanticOnly(lerr):
			assert.Equal(t, "valid", verdict, "%s: the schema rejects what only errgen can check: %s", spec, why)
		default:
			assert.Equal(t, "invalid", verdict, "%s: errgen rejects it, the schema does not:\n%v", spec, lerr)
		}
	}
	assert.Equal(t, len(args)-2, checked)
}

func hasAlias(src []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return false
	}
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		if n.Kind == yaml.AliasNode {
			return true
		}
		for _, c := range n.Content {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(&doc)
}
