package gen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// runtimeFile returns json.go: the runtime source below its package
// clause, under the generated package's header and name, with only the
// declarations that the package's other files use, directly or through
// one another. A helper a package never calls would be dead code in it,
// which linters rightly report in users' repositories.
func runtimeFile(m *Model, generated []File) (File, error) {
	_, body, ok := strings.Cut(runtimeSource, "\npackage wire\n")
	if !ok {
		return File{}, fmt.Errorf("errgen: internal/wire/wire.go has no package clause")
	}
	src := "// " + Header(m.SpecFile) + "\n\npackage " + m.Package + "\n" + body
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "json.go", src, parser.ParseComments)
	if err != nil {
		return File{}, fmt.Errorf("errgen: json.go: %v", err)
	}
	// The other files were formatted, so they parse; their identifiers
	// are all that is wanted of them, which the scanner gives without
	// building a tree.
	used := map[string]bool{}
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
	keep := reachable(file.Decls, used)
	// An import stays when the declarations kept use its package.
	inRuntime := map[string]bool{}
	for _, d := range file.Decls {
		if keep[d] {
			identsOf(d, inRuntime)
		}
	}
	var out []ast.Decl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			var specs []ast.Spec
			for _, s := range g.Specs {
				path := strings.Trim(s.(*ast.ImportSpec).Path.Value, `"`)
				if inRuntime[path[strings.LastIndex(path, "/")+1:]] {
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
		return File{}, fmt.Errorf("errgen: json.go: %v", err)
	}
	return File{Path: "json.go", Content: buf.Bytes()}, nil
}

// reachable returns the declarations that used names, and those they
// name in turn. A method counts as used when its name is, and its
// receiver's type is kept.
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
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil {
			return used[d.Name.Name] && used[recvType(d.Recv)]
		}
		return used[d.Name.Name]
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				if used[s.Name.Name] {
					return true
				}
			case *ast.ValueSpec:
				for _, n := range s.Names {
					if used[n.Name] {
						return true
					}
				}
			}
		}
	}
	return false
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
