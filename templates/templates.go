// Package templates holds the text/template files errgen renders its
// documentation with. They are embedded so that the errgen binary carries
// them; gen cannot embed them itself, since //go:embed cannot reach a
// parent directory.
package templates

import "embed"

// FS holds every template, by file name.
//
//go:embed *.tmpl
var FS embed.FS

// Reference is the file name of the Markdown error reference template.
const Reference = "reference.md.tmpl"
