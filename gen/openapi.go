package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/errgen/errgen/gen/internal/wire"
)

// OpenAPI returns an OpenAPI 3.1 document that holds only components: a
// schema for the error envelope, one schema per error that pins its codes,
// and one reusable response per error, with its statuses and an example
// body written by the generated packages' own encoder. An API description
// refers to them with $ref.
func OpenAPI(m *Model) []byte {
	codePrefix, messagePrefix := envelopePrefixes(m.Envelope)
	envelopeRef := map[string]any{"$ref": "#/components/schemas/" + errorSchemaName}
	schemas := map[string]any{
		errorSchemaName: map[string]any{
			"type":        "object",
			"description": or(m.Envelope.Description, fmt.Sprintf("The body of every error response of the %s.", m.APIName)),
			"required":    []string{m.Envelope.Code, m.Envelope.Message},
			"properties": map[string]any{
				m.Envelope.Code:    map[string]any{"type": "integer", "description": "Numeric error code for programmatic error handling."},
				m.Envelope.Message: map[string]any{"type": "string", "description": "Human-readable error message."},
			},
		},
	}
	responses := map[string]any{}
	for _, e := range m.Errors {
		codes := append([]int{e.Code}, e.Aliases...)
		schemas[e.Name] = map[string]any{
			"allOf": []any{
				envelopeRef,
				map[string]any{"properties": map[string]any{
					m.Envelope.Code: map[string]any{"enum": codes},
				}},
			},
		}
		example := wire.AppendEnvelope(nil, codePrefix, e.Code, messagePrefix, example(e))
		responses[e.Name] = map[string]any{
			"description":  responseDescription(e),
			"x-status":     e.Status,
			"x-statuses":   e.Statuses,
			"x-error-code": e.Code,
			"content": map[string]any{
				"application/json": map[string]any{
					"schema":  map[string]any{"$ref": "#/components/schemas/" + e.Name},
					"example": json.RawMessage(example),
				},
			},
		}
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

func responseDescription(e *ErrorDef) string {
	s := e.Name + ": HTTP " + joinStatuses(e.Statuses, ", ") + ", code " + strconv.Itoa(e.Code)
	for _, a := range e.Aliases {
		s += " (or " + strconv.Itoa(a) + ")"
	}
	s += "."
	if d := or(e.Description, e.Summary); d != "" {
		s += " " + d
	}
	return s
}
