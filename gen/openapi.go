package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// OpenAPI returns an OpenAPI 3.1 document that holds only components: a
// schema for the error envelope, one schema per error that pins its codes,
// and one reusable response per error, with its statuses and an example
// body written by the generated packages' own encoder. An API description
// refers to them with $ref.
func OpenAPI(m *Model) []byte {
	env := &m.Envelope
	envelopeRef := map[string]any{"$ref": "#/components/schemas/" + errorSchemaName}
	envelope := objectSchema(env, nil, func(mb *Member) bool { return mb.Field == nil || slices.Contains(env.Fields, mb.Field) }, requiredIn(m))
	envelope["description"] = or(env.Description, fmt.Sprintf("The body of every error response of the %s.", m.APIName))
	schemas := map[string]any{errorSchemaName: envelope}
	for _, t := range m.Types {
		schemas[t.Name] = objectTypeSchema(t)
	}
	responses := map[string]any{}
	for _, e := range m.Errors {
		pinned := map[string]any{}
		if e.HasCode && env.Code != nil {
			var codes []any
			for _, c := range append([]CodeValue{e.Code}, e.Aliases...) {
				codes = append(codes, c.Value())
			}
			nest(pinned, env.Code.Path, map[string]any{"enum": codes})
		}
		if e.Type != "" {
			nest(pinned, env.Type.Path, map[string]any{"const": e.Type})
		}
		for _, f := range slices.Concat(e.OwnFields, e.ParamFields) {
			nest(pinned, f.Member.Path, fieldSchema(f))
		}
		refObjects(pinned, "#/components/schemas/Error")
		schemas[e.Name] = map[string]any{"allOf": []any{envelopeRef, pinned}}
		resp := map[string]any{
			"description":  responseDescription(e),
			"x-status":     e.Status,
			"x-statuses":   e.Statuses,
			"x-error-code": codeOrType(e),
			"x-retry":      e.Retry.String(),
			"content": map[string]any{
				env.ContentType: map[string]any{
					"schema":  map[string]any{"$ref": "#/components/schemas/" + e.Name},
					"example": json.RawMessage(sample(e.Body, example(e), e.Status)),
				},
			},
		}
		if len(e.Headers) > 0 {
			headers := map[string]any{}
			for _, h := range e.Headers {
				headers[h.Key] = headerObject(h)
			}
			resp["headers"] = headers
		}
		responses[e.Name] = resp
	}
	if len(m.WebSocket.Messages) > 0 {
		var known []string
		for _, msg := range m.WebSocket.Messages {
			known = append(known, msg.Message)
		}
		schemas["WebSocketError"] = map[string]any{
			"type":        "object",
			"description": "An error message sent over a WebSocket.",
			"required":    []string{m.WebSocket.TypeField, m.WebSocket.MessageField},
			"properties": map[string]any{
				m.WebSocket.TypeField:    map[string]any{"const": m.WebSocket.Type},
				m.WebSocket.MessageField: map[string]any{"type": "string", "examples": known},
			},
		}
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       m.API + " errors",
			"version":     or(m.APIVersion, unversioned),
			"description": "The errors of the " + m.APIName + ", to refer to with $ref. " + Header(m.SpecFile),
		},
		"components": map[string]any{"schemas": schemas, "responses": responses},
	}
	return encodeJSON(doc)
}

// encodeJSON writes v indented, without escaping HTML, so that embedded
// example bodies keep the encoder's exact bytes.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic("gen: a generated JSON document does not encode: " + err.Error())
	}
	return buf.Bytes()
}

// unversioned is info.version when the spec gives no api_version.
// OpenAPI requires the field, and it is the API's version: the spec
// format's version, or a made-up one, would tell readers something false.
const unversioned = "unversioned"

// errorSchemaName names the envelope's schema.
const errorSchemaName = "Error"

// codeOrType is what identifies an error on the wire.
func codeOrType(e *ErrorDef) any {
	if e.HasCode {
		return e.Code.Value()
	}
	return e.Type
}

func responseDescription(e *ErrorDef) string {
	s := e.Name + ": HTTP " + joinStatuses(e.Statuses, ", ")
	if e.HasCode {
		s += ", code " + e.Code.String()
	} else {
		s += ", type " + e.Type
	}
	for _, a := range e.Aliases {
		s += " (or " + a.String() + ")"
	}
	s += "."
	if d := or(e.Description, e.Summary); d != "" {
		s += " " + d
	}
	return s
}

// requiredIn is the set of members every error body carries.
func requiredIn(m *Model) map[*Member]bool {
	env := &m.Envelope
	req := map[*Member]bool{}
	for _, mb := range env.Members {
		all := true
		for _, e := range m.Errors {
			if !alwaysSent(env, e, mb, false) {
				all = false
			}
		}
		if all && mb.Kind != KindObject {
			for p := mb; p != nil; p = p.Parent {
				req[p] = true
			}
		}
	}
	return req
}

// objectSchema describes the object parent of the envelope (nil for the
// body) with the members include keeps.
func objectSchema(env *Envelope, parent *Member, include func(*Member) bool, required map[*Member]bool) map[string]any {
	props := map[string]any{}
	var req []string
	for _, mb := range env.Members {
		if mb.Parent != parent || !include(mb) {
			continue
		}
		var s map[string]any
		switch {
		case mb.Kind == KindObject:
			s = objectSchema(env, mb, include, required)
			if len(s["properties"].(map[string]any)) == 0 {
				continue
			}
		case mb.Const != "":
			s = map[string]any{"const": json.RawMessage(mb.Const)}
		case mb == env.Code && env.StringCodes:
			s = map[string]any{"type": "string", "description": "Error code for programmatic error handling."}
		case mb == env.Code:
			s = map[string]any{"type": "integer", "description": "Numeric error code for programmatic error handling."}
		case mb == env.Type:
			s = map[string]any{"type": "string", "description": "Identifies the error when it has no code."}
		case mb == env.Message:
			s = map[string]any{"type": "string", "description": "Human-readable error message."}
		case mb == env.Status:
			s = map[string]any{"type": "integer", "description": "The HTTP status of the response."}
		case mb == env.Title:
			s = map[string]any{"type": "string", "description": "A short summary of the problem type."}
		case mb.Field != nil:
			s = fieldSchema(mb.Field)
		}
		props[mb.Key()] = s
		if required[mb] {
			req = append(req, mb.Key())
		}
	}
	s := map[string]any{"type": "object", "properties": props}
	if req != nil {
		s["required"] = req
	}
	return s
}

func fieldSchema(f *Field) map[string]any {
	var s map[string]any
	switch f.Type {
	case "json":
		s = map[string]any{}
	case "[]" + objectName(f):
		s = map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/" + objectName(f)}}
	case objectName(f):
		s = map[string]any{"$ref": "#/components/schemas/" + objectName(f)}
	case "[]string":
		s = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
	default:
		s = map[string]any{"type": map[string]string{"string": "string", "int": "integer", "float64": "number", "bool": "boolean"}[f.Type]}
	}
	if f.Doc != "" {
		s["description"] = f.Doc
	}
	return s
}

// objectName is the declared type field f holds, or "".
func objectName(f *Field) string {
	if f.Object == nil {
		return ""
	}
	return f.Object.Name
}

// objectTypeSchema describes a declared object type.
func objectTypeSchema(t *ObjectType) map[string]any {
	props := map[string]any{}
	for _, f := range t.Fields {
		props[f.Member.Key()] = fieldSchema(f)
	}
	s := map[string]any{"type": "object", "properties": props}
	if t.Doc != "" {
		s["description"] = t.Doc
	}
	return s
}

// nest sets the schema at path inside schema s, through nested
// "properties".
func nest(s map[string]any, path []string, leaf map[string]any) {
	for _, k := range path[:len(path)-1] {
		props, _ := s["properties"].(map[string]any)
		if props == nil {
			props = map[string]any{}
			s["properties"] = props
		}
		next, _ := props[k].(map[string]any)
		if next == nil {
			next = map[string]any{}
			props[k] = next
		}
		s = next
	}
	props, _ := s["properties"].(map[string]any)
	if props == nil {
		props = map[string]any{}
		s["properties"] = props
	}
	props[path[len(path)-1]] = leaf
}

// refObjects gives each object nested in s on the way to a pinned member
// a $ref to the envelope's object at the same path, at ref: without it,
// the object would not evaluate the envelope's other members, and a
// validator that allows no unevaluated property rejects every example.
func refObjects(s map[string]any, ref string) {
	props, _ := s["properties"].(map[string]any)
	for k, v := range props {
		obj, _ := v.(map[string]any)
		if _, ok := obj["properties"]; ok && len(obj) == 1 {
			at := ref + "/properties/" + k
			refObjects(obj, at)
			obj["$ref"] = at
		}
	}
}

// headerObject is the OpenAPI header object of a header field.
func headerObject(h *HeaderField) map[string]any {
	var schema map[string]any
	switch {
	case h.Type == HeaderInt, h.Format == FormatMillis, h.Format == FormatUnix:
		schema = map[string]any{"type": "integer"}
	case h.Format == FormatRFC3339:
		schema = map[string]any{"type": "string", "format": "date-time"}
	default:
		schema = map[string]any{"type": "string"}
	}
	desc := strings.TrimSuffix(or(h.Doc, h.Name), ".") + headerFormatDoc(h) + "."
	return map[string]any{"description": desc, "schema": schema}
}
