package gen

import (
	"errors"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// stdImporter type-checks the standard library from source, once for the
// whole run: the generated packages import nothing else.
var (
	stdFset     = token.NewFileSet()
	stdImporter types.Importer
	stdOnce     sync.Once
	stdMu       sync.Mutex
)

// typeCheck parses and type-checks generated Go files as one package.
func typeCheck(files []File) error {
	stdOnce.Do(func() { stdImporter = importer.ForCompiler(stdFset, "source", nil) })
	stdMu.Lock()
	defer stdMu.Unlock()
	var parsed []*ast.File
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		file, err := parser.ParseFile(stdFset, f.Path, f.Content, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		parsed = append(parsed, file)
	}
	conf := types.Config{Importer: stdImporter}
	_, err := conf.Check(parsed[0].Name.Name, stdFset, parsed, nil)
	return err
}

// FuzzGenerate runs the whole pipeline on any input: errgen must return
// either positioned problems or files, never panic, and the Go files it
// returns must parse and type-check. The seed corpus is every test spec.
func FuzzGenerate(f *testing.F) {
	for _, glob := range []string{"testdata/good/*.yaml", "testdata/bad/*.yaml", "../errors.yaml"} {
		specs, err := filepath.Glob(glob)
		if err != nil {
			f.Fatal(err)
		}
		for _, spec := range specs {
			src, err := os.ReadFile(spec)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		files, err := Generate(src, Options{Spec: "fuzz.yaml", Out: "out", Docs: "errors.md", OpenAPI: "openapi.json"})
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a list of positioned problems: %v", err)
			}
			for _, e := range list {
				if e.Pos.File != "fuzz.yaml" || !e.Pos.IsValid() || e.Msg == "" {
					t.Fatalf("problem without a position: %q", e.Error())
				}
			}
			return
		}
		if err := typeCheck(files); err != nil {
			t.Fatalf("generated Go does not type-check: %v", err)
		}
	})
}
