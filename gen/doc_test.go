package gen

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"go/types"
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
		m := loadSpec(t, spec)
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

// TestReservedNames keeps packageNames and errorMembers, which Build uses
// to refuse clashing names, equal to what the emitters really declare.
func TestReservedNames(t *testing.T) {
	src, err := os.ReadFile("testdata/good/payments.yaml")
	require.NoError(t, err)
	m, err := Load("payments.yaml", src)
	require.NoError(t, err)
	files, err := GoFiles(m)
	require.NoError(t, err)

	derived := map[string]bool{}
	params := map[string]bool{}
	for _, e := range m.Errors {
		for _, n := range []string{e.Name, e.CodeConst, e.Sentinel, e.Constructor, e.Matcher} {
			derived[n] = true
		}
		for _, p := range e.Params {
			params[p.Field] = true
		}
	}
	for _, msg := range m.WebSocket.Messages {
		derived[msg.GoName] = true
	}
	var pkgNames []string
	members := map[string]bool{}
	for _, f := range files {
		file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Content, 0)
		require.NoError(t, err)
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					pkgNames = append(pkgNames, d.Name.Name)
				}
				if d.Recv != nil && d.Name.IsExported() && derived[recvName(d.Recv)] {
					members[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							pkgNames = append(pkgNames, s.Name.Name)
						}
						if st, ok := s.Type.(*ast.StructType); ok && derived[s.Name.Name] {
							for _, fld := range st.Fields.List {
								for _, n := range fld.Names {
									if n.IsExported() && !params[n.Name] {
										members[n.Name] = true
									}
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								pkgNames = append(pkgNames, n.Name)
							}
						}
					}
				}
			}
		}
	}
	var own []string
	for _, n := range pkgNames {
		if !derived[n] {
			own = append(own, n)
		}
	}
	assert.ElementsMatch(t, packageNames, own, "packageNames must list the package's own exported names")
	var memberList []string
	for n := range members {
		memberList = append(memberList, n)
	}
	assert.ElementsMatch(t, errorMembers, memberList, "errorMembers must list every exported member of the error types")
	for _, n := range errorMembers {
		if n != "Message" { // the one field
			assert.GreaterOrEqual(t, n, "Error", "errors.As looks for Error among the methods in sorted order")
		}
	}
}

// TestGoDocLayout reads every generated package as go doc does: the Err
// sentinels are package variables, not values listed under type Error,
// and the WebSocket messages are named apart from them.
func TestGoDocLayout(t *testing.T) {
	for _, spec := range goodSpecs(t) {
		m := loadSpec(t, spec)
		files, err := GoFiles(m)
		require.NoError(t, err)
		fset := token.NewFileSet()
		var parsed []*ast.File
		for _, f := range files {
			file, err := parser.ParseFile(fset, f.Path, f.Content, parser.ParseComments)
			require.NoError(t, err)
			parsed = append(parsed, file)
		}
		p, err := doc.NewFromFiles(fset, parsed, "example.com/"+m.Package)
		require.NoError(t, err)
		var vars []string
		for _, v := range p.Vars {
			vars = append(vars, v.Names...)
		}
		for _, e := range m.Errors {
			assert.Contains(t, vars, e.Sentinel, "%s: go doc lists %s among the package's variables", spec, e.Sentinel)
		}
		for _, msg := range m.WebSocket.Messages {
			assert.True(t, strings.HasPrefix(msg.GoName, "ErrWebSocket"), msg.GoName)
			assert.Contains(t, vars, msg.GoName)
		}
		for _, typ := range p.Types {
			assert.Empty(t, typ.Vars, "%s: go doc lists variables under type %s", spec, typ.Name)
		}
	}
}

// TestNoPredeclaredShadowed checks that no parameter, result or local of a
// generated package is named like a predeclared identifier (max, len,
// close, string, ...), which linters flag and readers trip over.
func TestNoPredeclaredShadowed(t *testing.T) {
	for _, spec := range goodSpecs(t) {
		m := loadSpec(t, spec)
		files, err := GoFiles(m)
		require.NoError(t, err)
		for _, f := range files {
			file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Content, 0)
			require.NoError(t, err)
			ast.Inspect(file, func(n ast.Node) bool {
				var names []*ast.Ident
				switch n := n.(type) {
				case *ast.FuncType:
					for _, fl := range []*ast.FieldList{n.TypeParams, n.Params, n.Results} {
						if fl != nil {
							for _, fld := range fl.List {
								names = append(names, fld.Names...)
							}
						}
					}
				case *ast.AssignStmt:
					if n.Tok == token.DEFINE {
						for _, lhs := range n.Lhs {
							if id, ok := lhs.(*ast.Ident); ok {
								names = append(names, id)
							}
						}
					}
				case *ast.ValueSpec:
					names = n.Names
				}
				for _, id := range names {
					assert.Nil(t, types.Universe.Lookup(id.Name), "%s: %s declares %q, which shadows Go's", spec, f.Path, id.Name)
				}
				return true
			})
		}
	}
}

// TestRuntimeHasNoDeadCode checks that the json.go of every golden package
// declares only what the package uses: each of its functions is named
// somewhere outside its own declaration.
func TestRuntimeHasNoDeadCode(t *testing.T) {
	for _, spec := range append(goodSpecs(t), apiSpecs(t)...) {
		files, err := GoFiles(loadSpec(t, spec))
		require.NoError(t, err)
		uses := map[string]int{}
		var decls []*ast.FuncDecl
		for _, f := range files {
			file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Content, 0)
			require.NoError(t, err)
			ast.Inspect(file, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					uses[id.Name]++
				}
				return true
			})
			if f.Path == "json.go" {
				for _, d := range file.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
						decls = append(decls, fd)
					}
				}
			}
		}
		require.NotEmpty(t, decls)
		for _, fd := range decls {
			assert.Greater(t, uses[fd.Name.Name], 1, "%s: json.go declares %s, which nothing uses", spec, fd.Name.Name)
		}
	}
}
