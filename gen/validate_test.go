package gen

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// The tests in this file check errgen's outputs with real tools from the
// npm registry, pinned in .ci/package.json: ajv for the JSON Schema, an
// OpenAPI 3.1 validator, Redocly CLI and markdownlint. They install
// nothing, so that go test ./... needs no network: where Node or the
// packages are missing they skip, saying how to install them, but under
// CI, which installs them first, they fail.

// npmInstall is how to install the tools, as .ci/run does.
const npmInstall = "`npm ci --prefix .ci`"

// toolsAction is what a test that runs the npm tools does.
type toolsAction int

const (
	runTools toolsAction = iota
	skipTools
	failTools
)

// npmToolsAction decides whether the tests that run the npm tools run,
// skip or fail, with the line to say why. Without Node or the pinned
// packages they skip, except under CI, where a skip would pass a run that
// checked nothing.
func npmToolsAction(ci, haveNode, haveModules bool) (toolsAction, string) {
	var missing, fix string
	switch {
	case !haveNode:
		missing, fix = "node is not installed", "install Node.js 20 or later and run "+npmInstall
	case !haveModules:
		missing, fix = "npm tools not installed", "run "+npmInstall
	default:
		return runTools, ""
	}
	if ci {
		return failTools, missing + ", and under CI the tests that use them must run: " + fix + " first"
	}
	return skipTools, "skipping: " + missing + "; " + fix + " (CI does)"
}

// ciTool returns the path of .ci, whose npm packages the test runs, or
// skips or fails the test as npmToolsAction says.
func ciTool(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs npm tools")
	}
	ci, err := filepath.Abs("../.ci")
	require.NoError(t, err)
	_, nodeErr := exec.LookPath("node")
	missing := missingPackages(t, ci)
	underCI, _ := strconv.ParseBool(os.Getenv("CI"))
	switch action, why := npmToolsAction(underCI, nodeErr == nil, len(missing) == 0); action {
	case skipTools:
		t.Skip(why)
	case failTools:
		if len(missing) > 0 {
			why += " (missing: " + strings.Join(missing, ", ") + ")"
		}
		t.Fatal(why)
	}
	return ci
}

// missingPackages lists the dependencies of .ci/package.json that are not
// installed in .ci/node_modules at their pinned versions.
func missingPackages(t *testing.T, ci string) []string {
	t.Helper()
	var pkg struct{ Dependencies map[string]string }
	src, err := os.ReadFile(filepath.Join(ci, "package.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(src, &pkg))
	var missing []string
	for name, version := range pkg.Dependencies {
		var installed struct{ Version string }
		src, err := os.ReadFile(filepath.Join(ci, "node_modules", filepath.FromSlash(name), "package.json"))
		if err != nil || json.Unmarshal(src, &installed) != nil || installed.Version != version {
			missing = append(missing, name+"@"+version)
		}
	}
	slices.Sort(missing)
	return missing
}

// TestNpmToolsAction checks when the tests that run the npm tools run,
// skip or fail: with the tools they run; without them they skip, in one
// line that says how to install them, but never under CI.
func TestNpmToolsAction(t *testing.T) {
	tests := []struct {
		ci, node, modules bool
		want              toolsAction
		says              string
	}{
		{ci: false, node: true, modules: true, want: runTools},
		{ci: true, node: true, modules: true, want: runTools},
		{ci: false, node: true, modules: false, want: skipTools, says: "skipping: npm tools not installed; run `npm ci --prefix .ci` (CI does)"},
		{ci: false, node: false, modules: true, want: skipTools, says: "skipping: node is not installed; install Node.js 20 or later and run `npm ci --prefix .ci` (CI does)"},
		{ci: false, node: false, modules: false, want: skipTools, says: "skipping: node is not installed; install Node.js 20 or later and run `npm ci --prefix .ci` (CI does)"},
		{ci: true, node: true, modules: false, want: failTools, says: "npm tools not installed, and under CI the tests that use them must run: run `npm ci --prefix .ci` first"},
		{ci: true, node: false, modules: true, want: failTools, says: "node is not installed, and under CI the tests that use them must run: install Node.js 20 or later and run `npm ci --prefix .ci` first"},
		{ci: true, node: false, modules: false, want: failTools, says: "node is not installed, and under CI the tests that use them must run: install Node.js 20 or later and run `npm ci --prefix .ci` first"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("ci=%t node=%t modules=%t", tt.ci, tt.node, tt.modules), func(t *testing.T) {
			got, says := npmToolsAction(tt.ci, tt.node, tt.modules)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.says, says)
		})
	}

	// The command the messages give is the one CI runs.
	run, err := os.ReadFile("../.ci/run")
	require.NoError(t, err)
	assert.Contains(t, string(run), strings.Trim(npmInstall, "`"))
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
		m := loadSpec(t, spec)
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
		m := loadSpec(t, spec)
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
		m := loadSpec(t, spec)
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
	"table row has", "takes member", "this spec's codes are", "would send",
	"needs envelope.", "message_prefix is empty", "type is empty", "is a success",
	"cannot be set with format problem", "title is for problem types", "must be a single key",
	"duplicate type", "has unknown type",
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
	specs = append(specs, apiSpecs(t)...)
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

// TestEverySpecStructHasANoun checks that each struct of the spec format
// is named in messages and in the JSON Schema's definitions.
func TestEverySpecStructHasANoun(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		if typ == constsType { // a mapping of paths, not a struct
			return
		}
		for typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] || typ == strType || typ == intType || typ == boolType || typ == pathType || typ == scalarType || typ == posType {
			return
		}
		seen[typ] = true
		assert.NotEmpty(t, nouns[typ], "%s has no noun", typ)
		for _, f := range fieldsOf(typ).byName {
			walk(f.typ)
		}
	}
	walk(reflect.TypeFor[Spec]())
}
