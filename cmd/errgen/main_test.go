package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goodSpec is a minimal valid error table: two errors, one the fallback.
const goodSpec = `version: 1
package: shoperr
api: Shop
errors:
  - name: NotFoundError
    code: 40401
    status: 404
    message: Product not found
  - name: InternalError
    code: 50001
    status: 500
    fallback: true
    message: Internal server error
`

// badSpec has five mistakes: no error is the fallback (reported at the first
// error, 4:5), a name not ending in Error (7:11), a duplicate code (8:11),
// status 700 (9:13) and an unknown field (10:5).
const badSpec = `version: 1
package: shoperr
errors:
  - name: NotFoundError
    code: 40401
    status: 404
  - name: OutOfStock
    code: 40401
    status: 700
    colour: red
`

// result is what one run of errgen did.
type result struct {
	code           int
	stdout, stderr string
}

func errgen(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// writeSpec writes src to a fresh spec file and returns its path.
func writeSpec(t *testing.T, dir, name, src string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	return path
}

// setup returns a spec path holding goodSpec and an output directory that
// does not exist yet.
func setup(t *testing.T) (spec, out string) {
	t.Helper()
	dir := t.TempDir()
	return writeSpec(t, dir, "shop.yaml", goodSpec), filepath.Join(dir, "shoperr")
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// age sets path's times to a fixed moment in the past and returns it, so
// that a later write shows as a changed ModTime.
func age(t *testing.T, path string) time.Time {
	t.Helper()
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	require.NoError(t, os.Chtimes(path, old, old))
	return old
}

func modTime(t *testing.T, path string) time.Time {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	return fi.ModTime()
}

// TestHelp checks that help asked for, in any of its spellings, goes to
// stdout and exits 0, with a placeholder for each flag's value.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}, {"help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := errgen(t, args...)
			assert.Equal(t, 0, r.code)
			assert.Empty(t, r.stderr)
			assert.True(t, strings.HasPrefix(r.stdout, "usage: errgen"), "stdout: %s", r.stdout)
			for _, flag := range []string{"-spec FILE", "-out DIR", "-docs FILE", "-docs-template FILE", "-openapi FILE", "-schema FILE", "-compat FILE", "-check", "-v", "-version"} {
				assert.Regexp(t, regexp.MustCompile(`(?m)^\s+`+regexp.QuoteMeta(flag)+`\b`), r.stdout, "help does not describe %s", flag)
			}
			assert.Contains(t, r.stdout, `(default "errors.yaml")`)
		})
	}
	for _, args := range [][]string{{"help", "init"}, {"init", "-h"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := errgen(t, args...)
			assert.Equal(t, 0, r.code)
			assert.Empty(t, r.stderr)
			assert.True(t, strings.HasPrefix(r.stdout, "usage: errgen init [DIR]"), "stdout: %s", r.stdout)
		})
	}
}

// failingWriter is a stdout whose reader went away.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestStdoutWriteError checks that output errgen could not write turns a
// success into exit status 1, named on stderr, and leaves other failures'
// statuses as they were.
func TestStdoutWriteError(t *testing.T) {
	var stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{"-version"}, failingWriter{}, &stderr))
	assert.Equal(t, "errgen: writing standard output: broken pipe\n", stderr.String())

	dir := t.TempDir()
	stderr.Reset()
	assert.Equal(t, 1, run([]string{"init", dir}, failingWriter{}, &stderr))
	assert.Contains(t, stderr.String(), "writing standard output: broken pipe")
	assert.FileExists(t, filepath.Join(dir, "errors.yaml"), "what was written stays")

	stderr.Reset()
	assert.Equal(t, 2, run([]string{"-bogus"}, failingWriter{}, &stderr), "a usage error stays one")
}

func TestUsageErrors(t *testing.T) {
	spec, out := setup(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-spec", spec, "-out", out, "-bogus"}, "flag provided but not defined: -bogus"},
		{"no output", []string{"-spec", spec}, "no output: give -out, -docs, -openapi or -schema"},
		{"stray argument", []string{"-spec", spec, "-out", out, "extra"}, `unexpected argument "extra"`},
		{"help on nothing known", []string{"help", "extra"}, `unexpected argument "extra"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := errgen(t, tc.args...)
			assert.Equal(t, 2, r.code)
			assert.Contains(t, r.stderr, tc.want)
			assert.Contains(t, r.stderr, "usage: errgen", "a usage error prints the usage")
			assert.Empty(t, r.stdout)
			assert.NoDirExists(t, out, "a usage error writes nothing")
		})
	}
}

func TestGenerate(t *testing.T) {
	spec, out := setup(t)
	r := errgen(t, "-spec", spec, "-out", out)
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	assert.Empty(t, r.stdout)
	assert.Empty(t, r.stderr)

	assert.Equal(t, generatedFiles, dirNames(t, out))
	src := string(readFile(t, filepath.Join(out, "errors.go")))
	first, _, _ := strings.Cut(src, "\n")
	assert.Equal(t, "// Code generated by errgen from shop.yaml. DO NOT EDIT.", first)
	assert.Regexp(t, `(?m)^package shoperr$`, src)
	for _, name := range []string{"NotFoundError", "InternalError", "CodeNotFound", "CodeInternal"} {
		assert.Contains(t, src, name)
	}
}

func TestRegenerateUnchangedSkipsWrite(t *testing.T) {
	spec, out := setup(t)
	require.Equal(t, 0, errgen(t, "-spec", spec, "-out", out).code)
	path := filepath.Join(out, "errors.go")
	before := readFile(t, path)
	old := age(t, path)

	r := errgen(t, "-spec", spec, "-out", out)
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	assert.Equal(t, before, readFile(t, path))
	assert.True(t, modTime(t, path).Equal(old), "errors.go was rewritten although its bytes did not change: ModTime %v, want %v", modTime(t, path), old)
	assert.Equal(t, generatedFiles, dirNames(t, out), "no temporary files are left behind")
}

func TestOtherFilesUntouched(t *testing.T) {
	spec, out := setup(t)
	require.NoError(t, os.MkdirAll(out, 0o755))
	others := map[string][]byte{
		"handwritten.go": []byte("package shoperr\n\n// Extra is written by hand.\nfunc Extra() {}\n"),
		"notes.txt":      []byte("not Go at all\n"),
	}
	times := map[string]time.Time{}
	for name, content := range others {
		path := filepath.Join(out, name)
		require.NoError(t, os.WriteFile(path, content, 0o644))
		times[name] = age(t, path)
	}

	require.Equal(t, 0, errgen(t, "-spec", spec, "-out", out).code)
	// A changed spec makes errgen rewrite errors.go next to the other files.
	require.NoError(t, os.WriteFile(spec, []byte(strings.Replace(goodSpec, "40401", "40402", 1)), 0o644))
	r := errgen(t, "-spec", spec, "-out", out)
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, string(readFile(t, filepath.Join(out, "errors.go"))), "40402")

	assert.ElementsMatch(t, append([]string{"handwritten.go", "notes.txt"}, generatedFiles...), dirNames(t, out))
	for name, content := range others {
		path := filepath.Join(out, name)
		assert.Equal(t, content, readFile(t, path), name)
		assert.True(t, modTime(t, path).Equal(times[name]), "%s was touched", name)
	}
}

func TestCheck(t *testing.T) {
	spec, out := setup(t)
	require.Equal(t, 0, errgen(t, "-spec", spec, "-out", out).code)
	path := filepath.Join(out, "errors.go")
	generated := readFile(t, path)

	t.Run("up to date", func(t *testing.T) {
		old := age(t, path)
		r := errgen(t, "-spec", spec, "-out", out, "-check")
		assert.Equal(t, 0, r.code)
		assert.Empty(t, r.stdout)
		assert.Empty(t, r.stderr)
		assert.Equal(t, generated, readFile(t, path))
		assert.True(t, modTime(t, path).Equal(old), "-check touched errors.go")
	})

	t.Run("edited output", func(t *testing.T) {
		edited := append(bytes.Clone(generated), []byte("// edited by hand\n")...)
		require.NoError(t, os.WriteFile(path, edited, 0o644))
		t.Cleanup(func() { require.NoError(t, os.WriteFile(path, generated, 0o644)) })

		r := errgen(t, "-spec", spec, "-out", out, "-check")
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.stdout, "--- "+path)
		assert.Contains(t, r.stdout, "+++ "+path)
		assert.Contains(t, r.stdout, "@@ ")
		assert.Regexp(t, `(?m)^-// edited by hand$`, r.stdout)
		assert.Contains(t, r.stderr, "stale")
		assert.Equal(t, edited, readFile(t, path), "-check changed the file on disk")
	})

	t.Run("changed spec", func(t *testing.T) {
		require.NoError(t, os.WriteFile(spec, []byte(strings.Replace(goodSpec, "40401", "40402", 1)), 0o644))
		t.Cleanup(func() { require.NoError(t, os.WriteFile(spec, []byte(goodSpec), 0o644)) })

		r := errgen(t, "-spec", spec, "-out", out, "-check")
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.stdout, "--- "+path)
		assert.Contains(t, r.stdout, "+++ "+path)
		assert.Regexp(t, `(?m)^-.*40401`, r.stdout)
		assert.Regexp(t, `(?m)^\+.*40402`, r.stdout)
		assert.Contains(t, r.stderr, "stale")
		assert.Equal(t, generated, readFile(t, path), "-check changed the file on disk")
	})
}

// problem is one "file:line:col: message" line of errgen's output.
type problem struct {
	line, col int
	msg       string
}

func parseProblems(t *testing.T, spec, stderr string) []problem {
	t.Helper()
	var out []problem
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(spec) + `:(\d+):(\d+): (.+)$`)
	for _, l := range strings.Split(strings.TrimRight(stderr, "\n"), "\n") {
		m := re.FindStringSubmatch(l)
		if !assert.NotNil(t, m, "line does not start with %q:LINE:COL: : %q", spec, l) {
			continue
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		out = append(out, problem{line, col, m[3]})
	}
	return out
}

func TestSpecProblems(t *testing.T) {
	dir := t.TempDir()
	spec := writeSpec(t, dir, "bad.yaml", badSpec)

	check := func(t *testing.T, r result) {
		t.Helper()
		assert.Equal(t, 1, r.code)
		assert.Empty(t, r.stdout)
		problems := parseProblems(t, spec, r.stderr)
		require.Len(t, problems, 5, "one line per problem; stderr:\n%s", r.stderr)

		at := map[string]problem{}
		for i, p := range problems {
			if i > 0 {
				prev := problems[i-1]
				assert.True(t, prev.line < p.line || prev.line == p.line && prev.col <= p.col,
					"problems out of file order: %d:%d before %d:%d", prev.line, prev.col, p.line, p.col)
			}
			switch {
			case strings.Contains(p.msg, "fallback"):
				at["fallback"] = p
			case strings.Contains(p.msg, "must end in Error"):
				at["name"] = p
			case strings.Contains(p.msg, "duplicate code 40401"):
				at["code"] = p
			case strings.Contains(p.msg, "status 700"):
				at["status"] = p
			case strings.Contains(p.msg, `unknown field "colour"`):
				at["field"] = p
			default:
				t.Errorf("unexpected problem %q", p.msg)
			}
		}
		for what, pos := range map[string][2]int{
			"fallback": {4, 5},  // the first error
			"name":     {7, 11}, // OutOfStock
			"code":     {8, 11}, // the second 40401
			"status":   {9, 13}, // 700
			"field":    {10, 5}, // colour
		} {
			if assert.Contains(t, at, what, "no problem reported for %s", what) {
				assert.Equal(t, pos, [2]int{at[what].line, at[what].col}, "position of the %s problem", what)
			}
		}
	}

	t.Run("empty output dir", func(t *testing.T) {
		out := filepath.Join(dir, "empty")
		require.NoError(t, os.Mkdir(out, 0o755))
		check(t, errgen(t, "-spec", spec, "-out", out))
		assert.Empty(t, dirNames(t, out), "nothing is written for a bad spec")
	})

	t.Run("missing output dir", func(t *testing.T) {
		out := filepath.Join(dir, "missing")
		check(t, errgen(t, "-spec", spec, "-out", out))
		assert.NoDirExists(t, out, "nothing is written for a bad spec")
	})

	t.Run("existing generated file", func(t *testing.T) {
		good, out := setup(t)
		require.Equal(t, 0, errgen(t, "-spec", good, "-out", out).code)
		path := filepath.Join(out, "errors.go")
		before := readFile(t, path)
		old := age(t, path)

		check(t, errgen(t, "-spec", spec, "-out", out))
		assert.Equal(t, before, readFile(t, path))
		assert.True(t, modTime(t, path).Equal(old), "errors.go was touched")
		assert.Equal(t, generatedFiles, dirNames(t, out))
	})

	t.Run("check", func(t *testing.T) {
		out := filepath.Join(dir, "check")
		check(t, errgen(t, "-spec", spec, "-out", out, "-check"))
		assert.NoDirExists(t, out)
	})
}

func TestMissingSpec(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "nope.yaml")
	out := filepath.Join(dir, "out")
	r := errgen(t, "-spec", spec, "-out", out)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, spec)
	assert.Contains(t, r.stderr, "no such file or directory")
	assert.Empty(t, r.stdout)
	assert.NoDirExists(t, out)
}

func TestRefuseToOverwriteForeignFile(t *testing.T) {
	spec, out := setup(t)
	require.NoError(t, os.MkdirAll(out, 0o755))
	path := filepath.Join(out, "errors.go")
	mine := []byte("// Package shoperr is written by hand.\npackage shoperr\n\nvar ErrGone = 1\n")
	require.NoError(t, os.WriteFile(path, mine, 0o644))
	old := age(t, path)

	r := errgen(t, "-spec", spec, "-out", out)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, path)
	assert.Contains(t, r.stderr, "not generated by errgen")
	assert.Contains(t, r.stderr, "refusing to overwrite")
	assert.Equal(t, mine, readFile(t, path))
	assert.True(t, modTime(t, path).Equal(old), "errors.go was touched")
	assert.Equal(t, []string{"errors.go"}, dirNames(t, out), "no temporary files are left behind")

	// -check reports the difference but, like a write, changes nothing.
	r = errgen(t, "-spec", spec, "-out", out, "-check")
	assert.Equal(t, 1, r.code)
	assert.Equal(t, mine, readFile(t, path))
}

// TestCompat checks what -compat prints: the breaking changes on stdout,
// counted on stderr, and with -v the compatible ones too, or that there
// are none.
func TestCompat(t *testing.T) {
	dir := t.TempDir()
	old := writeSpec(t, dir, "old.yaml", goodSpec)
	oneBreak := writeSpec(t, dir, "one.yaml", strings.Replace(goodSpec, "40401", "40402", 1))
	twoBreaks := writeSpec(t, dir, "two.yaml", strings.Replace(strings.Replace(goodSpec, "40401", "40402", 1), "50001", "50002", 1))
	added := writeSpec(t, dir, "added.yaml", goodSpec+"  - {name: ConflictError, code: 40901, status: 409}\n")
	for _, tc := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{
			name:   "one breaking change",
			args:   []string{"-compat", old, "-spec", oneBreak},
			code:   1,
			stdout: oneBreak + ":6:11: breaking: code of NotFoundError changed from 40401 to 40402\n",
			stderr: "errgen: 1 breaking change from " + old + " to " + oneBreak + "\n",
		},
		{
			name: "two breaking changes",
			args: []string{"-compat", old, "-spec", twoBreaks},
			code: 1,
			stdout: twoBreaks + ":6:11: breaking: code of NotFoundError changed from 40401 to 40402\n" +
				twoBreaks + ":10:11: breaking: code of InternalError changed from 50001 to 50002\n",
			stderr: "errgen: 2 breaking changes from " + old + " to " + twoBreaks + "\n",
		},
		{
			name:   "additions with -v",
			args:   []string{"-compat", old, "-spec", added, "-v"},
			stdout: added + ":14:12: compatible: added error ConflictError (code 40901)\n",
		},
		{
			name: "additions",
			args: []string{"-compat", old, "-spec", added},
		},
		{
			name:   "no changes with -v",
			args:   []string{"-compat", old, "-spec", old, "-v"},
			stdout: "no breaking or compatible changes from " + old + " to " + old + "\n",
		},
		{
			name: "no changes",
			args: []string{"-compat", old, "-spec", old},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := errgen(t, tc.args...)
			assert.Equal(t, tc.code, r.code)
			assert.Equal(t, tc.stdout, r.stdout)
			assert.Equal(t, tc.stderr, r.stderr)
		})
	}
}

// generatedFiles are the files errgen writes into -out.
var generatedFiles = []string{"errors.go", "http.go", "json.go", "retry.go"}
