package gen

import (
	"encoding/json"
	"fmt"
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
// OpenAPI 3.1 validator, Redocly CLI, and markdownlint. They install the tools with
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

// redocly runs the pinned Redocly CLI in dir, with its usage data and
// update check off: the tests must not reach the network.
func redocly(t *testing.T, ci, dir string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	cmd := exec.Command(filepath.Join(ci, "node_modules", ".bin", "redocly"), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "REDOCLY_TELEMETRY=off", "REDOCLY_SUPPRESS_UPDATE_NOTICE=true")
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// redoclyLint lints the given documents with redocly lint and returns
// every problem it reports, warnings included, one a line.
func redoclyLint(t *testing.T, ci, dir string, args ...string) []string {
	t.Helper()
	args = append([]string{"lint", "--format=json", "--max-problems=1000"}, args...)
	stdout, stderr, runErr := redocly(t, ci, dir, args...)
	// One JSON report per document linted, one after another.
	var problems []string
	dec := json.NewDecoder(strings.NewReader(stdout))
	for dec.More() {
		var report struct {
			Problems []struct {
				RuleID   string `json:"ruleId"`
				Severity string
				Message  string
				Location []struct {
					Source  struct{ Ref string }
					Pointer string
				}
			}
		}
		require.NoError(t, dec.Decode(&report), "redocly lint output:\n%s\n%s", stdout, stderr)
		for _, p := range report.Problems {
			where := ""
			if len(p.Location) > 0 {
				where = p.Location[0].Source.Ref + p.Location[0].Pointer
			}
			problems = append(problems, fmt.Sprintf("%s: %s %s: %s", where, p.Severity, p.RuleID, p.Message))
		}
	}
	if runErr != nil {
		require.NotEmpty(t, problems, "redocly lint failed without a problem:\n%s", stderr)
	}
	return problems
}

// TestOpenAPIBundle uses the fragment as a user would: a small API
// description, testdata/openapi/api.yaml, takes its error responses from
// generated/openapi.json by $ref. redocly bundles it into one document,
// which must pass every recommended rule of redocly lint.
func TestOpenAPIBundle(t *testing.T) {
	ci := ciTool(t)
	dir := t.TempDir() // no redocly.yaml here: the recommended rules, all of them
	api, err := filepath.Abs("testdata/openapi/api.yaml")
	require.NoError(t, err)
	bundle := filepath.Join(dir, "bundle.yaml")
	_, stderr, err := redocly(t, ci, dir, "bundle", api, "--output", bundle)
	require.NoError(t, err, "redocly bundle:\n%s", stderr)

	src, err := os.ReadFile(bundle)
	require.NoError(t, err)
	var doc struct {
		Components struct {
			Responses map[string]struct {
				ErrorCode int `yaml:"x-error-code"`
			}
		}
	}
	require.NoError(t, yaml.Unmarshal(src, &doc))
	assert.Equal(t, 40401, doc.Components.Responses["NotFoundError"].ErrorCode, "the bundle holds the fragment's responses")

	assert.Empty(t, redoclyLint(t, ci, dir, "--extends=recommended", bundle))
}

// TestOpenAPIFragmentLint lints the fragment of errors.yaml and of every
// golden spec with redocly's recommended rules, less the few that cannot
// apply to a document of components alone; testdata/openapi/
// fragment.redocly.yaml says which, and why.
func TestOpenAPIFragmentLint(t *testing.T) {
	ci := ciTool(t)
	dir := t.TempDir()
	config, err := filepath.Abs("testdata/openapi/fragment.redocly.yaml")
	require.NoError(t, err)
	args := []string{"--config", config}
	for _, spec := range goodSpecs(t) {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		m, err := Load(spec, src)
		require.NoError(t, err)
		path := filepath.Join(dir, m.Package+".openapi.json")
		require.NoError(t, os.WriteFile(path, OpenAPI(m), 0o644))
		args = append(args, path)
	}
	assert.Empty(t, redoclyLint(t, ci, dir, args...))
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
