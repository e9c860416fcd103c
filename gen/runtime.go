package gen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"slices"
	"strings"
)

// runtimeSources are the runtime files every generated package carries,
// by the name each is written as: the source below its package clause,
// under the generated package's header and name.
var runtimeSources = []struct{ src, out string }{
	{"wire.go", "json.go"},
	{"header.go", "header.go"},
	{"retry.go", "retry.go"},
}

// runtimeFiles returns the runtime files, each with only the declarations
// that the package's other files use, directly or through one another,
// and the runtime's exported API. A helper a package never calls would be
// dead code in it, which linters rightly report in users' repositories. A
// file left with no declaration is not written.
func runtimeFiles(m *Model, generated []File) ([]File, error) {
	fset := token.NewFileSet()
	var files []*ast.File
	// The other files were formatted, so they parse; their identifiers
	// are all that is wanted of them, which the scanner gives without
	// building a tree.
	used := map[string]bool{}
	for _, rs := range runtimeSources {
		src, err := wireFS.ReadFile("internal/wire/" + rs.src)
		if err != nil {
			return nil, fmt.Errorf("errgen: internal/wire/%s: %v", rs.src, err)
		}
		_, body, ok := strings.Cut(string(src), "\npackage wire\n")
		if !ok {
			return nil, fmt.Errorf("errgen: internal/wire/%s has no package clause", rs.src)
		}
		text := "// " + Header(m.SpecFile) + "\n\npackage " + m.Package + "\n" + body
		file, err := parser.ParseFile(fset, rs.out, text, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("errgen: %s: %v", rs.out, err)
		}
		for _, d := range file.Decls {
			if exported(d) {
				identsOf(d, used)
			}
		}
		files = append(files, file)
	}
	for _, g := range generated {
		var sc scanner.Scanner
		sc.Init(token.NewFileSet().AddFile(g.Path, -1, len(g.Content)), g.Content, nil, 0)
		for {
			_, tok, lit := sc.Scan()
			if tok == token.EOF {
				break
			}
			if tok == token.IDENT {
				used[lit] = true
			}
		}
	}
	var decls []ast.Decl
	for _, file := range files {
		decls = append(decls, file.Decls...)
	}
	keep := reachable(decls, used)
	var out []File
	for i, file := range files {
		f, err := pruned(fset, file, keep)
		if err != nil {
			return nil, err
		}
		if f != nil {
			out = append(out, File{Path: runtimeSources[i].out, Content: f})
		}
	}
	return out, nil
}

// exported reports whether d declares an exported name: the runtime's
// API, which every package carries whether or not its other files use it.
func exported(d ast.Decl) bool {
	return slices.ContainsFunc(declared(d), ast.IsExported)
}

// declared returns the names d declares at package level: a method
// declares none.
func declared(d ast.Decl) []string {
	var names []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}

// pruned returns file formatted with only its declarations that keep
// holds and the imports they use, or nil when it keeps none.
func pruned(fset *token.FileSet, file *ast.File, keep map[ast.Decl]bool) ([]byte, error) {
	// An import stays when the declarations kept use its package.
	inRuntime := map[string]bool{}
	kept := false
	for _, d := range file.Decls {
		if keep[d] {
			identsOf(d, inRuntime)
			kept = true
		}
	}
	if !kept {
		return nil, nil
	}
	var out []ast.Decl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			var specs []ast.Spec
			for _, s := range g.Specs {
				if inRuntime[importName(s.(*ast.ImportSpec))] {
					specs = append(specs, s)
				}
			}
			if g.Specs = specs; len(specs) > 0 {
				out = append(out, g)
			}
			continue
		}
		if keep[d] {
			out = append(out, d)
		}
	}
	file.Decls = out
	// Comments of dropped declarations would be left floating.
	var comments []*ast.CommentGroup
	for _, c := range file.Comments {
		if c.Pos() < file.Package || within(c, out) {
			comments = append(comments, c)
		}
	}
	file.Comments = comments
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, file); err != nil {
		return nil, fmt.Errorf("errgen: %s: %v", fset.File(file.Pos()).Name(), err)
	}
	return buf.Bytes(), nil
}

// reachable returns the declarations that used names, and those they
// name in turn. A method counts as used when its receiver's type is kept
// and its name is used or exported.
func reachable(decls []ast.Decl, used map[string]bool) map[ast.Decl]bool {
	keep := map[ast.Decl]bool{}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			if keep[d] || !wanted(d, used) {
				continue
			}
			keep[d] = true
			identsOf(d, used)
			changed = true
		}
	}
	return keep
}

// wanted reports whether a declaration declares a used name. Imports are
// left to runtimeFile.
func wanted(d ast.Decl, used map[string]bool) bool {
	if f, ok := d.(*ast.FuncDecl); ok && f.Recv != nil {
		// An exported method may be what makes its type satisfy an
		// interface, such as RoundTrip or Read.
		return (used[f.Name.Name] || f.Name.IsExported()) && used[recvType(f.Recv)]
	}
	return slices.ContainsFunc(declared(d), func(name string) bool { return used[name] })
}

func recvType(fl *ast.FieldList) string {
	t := fl.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// identsOf adds every identifier of n to names.
func identsOf(n ast.Node, names map[string]bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			names[id.Name] = true
		}
		return true
	})
}

// within reports whether comment c lies inside one of decls, doc comment
// included.
func within(c *ast.CommentGroup, decls []ast.Decl) bool {
	for _, d := range decls {
		start := d.Pos()
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		case *ast.GenDecl:
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		}
		if c.Pos() >= start && c.End() <= d.End() {
			return true
		}
	}
	return false
}

// importName is the name an import is used by: its own, else the last
// element of its path that is not a major version, as math/rand/v2's is
// rand.
func importName(s *ast.ImportSpec) string {
	if s.Name != nil {
		return s.Name.Name
	}
	elems := strings.Split(strings.Trim(s.Path.Value, `"`), "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	return name
}
