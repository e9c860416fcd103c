package gen

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedDocComments checks that every exported identifier of every
// generated package has a doc comment that starts with its name, as go doc
// and linters expect.
func TestGeneratedDocComments(t *testing.T) {
	for _, spec := range goodSpecs(t) {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		m, err := Load(spec, src)
		require.NoError(t, err)
		files, err := GoFiles(m)
		require.NoError(t, err)
		for _, f := range files {
			file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Content, parser.ParseComments)
			require.NoError(t, err)
			if f.Path == "errors.go" {
				require.NotNil(t, file.Doc, "%s: package comment", spec)
			}
			check := func(name string, doc *ast.CommentGroup, startsWithName bool) {
				if !ast.IsExported(name) {
					return
				}
				if assert.NotNil(t, doc, "%s: %s has no doc comment", spec, name) && startsWithName {
					assert.True(t, strings.HasPrefix(doc.Text(), name+" "), "%s: doc of %s starts %q", spec, name, doc.Text())
				}
			}
			for _, decl := range file.Decls {
				switch d := decl.(type) {
				case *ast.FuncDecl:
					if d.Recv != nil && !ast.IsExported(recvName(d.Recv)) {
						continue
					}
					check(d.Name.Name, d.Doc, true)
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						switch s := spec.(type) {
						case *ast.TypeSpec:
							check(s.Name.Name, firstDoc(s.Doc, d.Doc), true)
							fields := &ast.FieldList{}
							switch tt := s.Type.(type) {
							case *ast.StructType:
								fields = tt.Fields
							case *ast.InterfaceType:
								fields = tt.Methods
							}
							for _, fld := range fields.List {
								for _, n := range fld.Names {
									check(n.Name, fld.Doc, false)
								}
							}
						case *ast.ValueSpec:
							for _, n := range s.Names {
								check(n.Name, firstDoc(s.Doc, d.Doc), false)
							}
						}
					}
				}
			}
		}
	}
}

func recvName(fl *ast.FieldList) string {
	t := fl.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	return t.(*ast.Ident).Name
}

func firstDoc(a, b *ast.CommentGroup) *ast.CommentGroup {
	if a != nil {
		return a
	}
	return b
}
