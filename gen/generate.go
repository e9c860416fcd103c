package gen

import (
	"path/filepath"
	"sort"
)

// Options says which outputs to generate and where. An empty path means
// that output is not wanted.
type Options struct {
	Spec    string // path of the spec; its base name goes into headers
	Out     string // directory of the Go package
	Docs    string // path of the Markdown reference
	OpenAPI string // path of the OpenAPI fragment
	Schema  string // path of the JSON Schema of the spec format

	// DocsTemplate replaces the built-in reference template; its name is
	// used in error messages.
	DocsTemplate, DocsTemplateName string
}

// Generate runs the whole pipeline on the spec's bytes and returns every
// output file at its path, sorted by path. Nothing touches the disk.
func Generate(src []byte, opts Options) ([]File, error) {
	m, err := Load(opts.Spec, src)
	if err != nil {
		return nil, err
	}
	var files []File
	if opts.Out != "" {
		goFiles, err := GoFiles(m)
		if err != nil {
			return nil, err
		}
		for _, f := range goFiles {
			files = append(files, File{Path: filepath.Join(opts.Out, f.Path), Content: f.Content})
		}
	}
	if opts.Docs != "" {
		md, err := Markdown(m, opts.DocsTemplateName, opts.DocsTemplate)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: opts.Docs, Content: md})
	}
	if opts.OpenAPI != "" {
		files = append(files, File{Path: opts.OpenAPI, Content: OpenAPI(m)})
	}
	if opts.Schema != "" {
		files = append(files, File{Path: opts.Schema, Content: JSONSchema()})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}
