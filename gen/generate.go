package gen

import (
	"path/filepath"
	"sort"
)

// Options says which outputs to generate and where.
type Options struct {
	Spec string // path of the spec; its base name goes into headers
	Out  string // directory of the Go package
	Docs string // path of the Markdown reference; "" for none
}

// Generate runs the whole pipeline on the spec's bytes and returns every
// output file at its path, sorted by path. Nothing touches the disk.
func Generate(src []byte, opts Options) ([]File, error) {
	m, err := Load(opts.Spec, src)
	if err != nil {
		return nil, err
	}
	goFiles, err := GoFiles(m)
	if err != nil {
		return nil, err
	}
	var files []File
	for _, f := range goFiles {
		files = append(files, File{Path: filepath.Join(opts.Out, f.Path), Content: f.Content})
	}
	if opts.Docs != "" {
		md, err := Markdown(m, "", "")
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: opts.Docs, Content: md})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}
