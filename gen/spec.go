package gen

// Spec is errors.yaml as written, before any semantic check. Every value
// keeps the position it was read from, so that Build can point at it.
//
// The struct tags are the spec format: Parse decodes by them and Schema
// describes them, so the loader and the JSON Schema cannot disagree on which
// fields exist. A field tagged required must be present; doc is the text
// editors show for it.
type Spec struct {
	Pos           Pos
	Keys          Keys
	Version       Int              `yaml:"version,required" doc:"Version of the spec format; 1 is the only one."`
	Package       Str              `yaml:"package,required" doc:"Go package name of the generated code."`
	API           Str              `yaml:"api" doc:"Name of the API, used in titles and doc comments."`
	APIVersion    Str              `yaml:"api_version" doc:"Version of the API, such as 2024-06-01 or 1.4.0: info.version of the OpenAPI fragment, which says unversioned without it. Quote a version YAML reads as a number, such as \"2\"."`
	Description   Str              `yaml:"description" doc:"Introduction to the API's errors (Markdown)."`
	Envelope      EnvelopeSpec     `yaml:"envelope" doc:"JSON field names of the HTTP error body."`
	Types         []TypeSpec       `yaml:"types" doc:"Object types that fields may hold, by name or as a list ([]Name)."`
	Handling      Str              `yaml:"handling" doc:"Introduction to the error handling guide (Markdown)."`
	StatusTexts   []StatusTextSpec `yaml:"status_texts" doc:"Texts of HTTP statuses that Go's net/http has none for, such as 499 or 529."`
	Errors        []ErrorSpec      `yaml:"errors,required" doc:"The API's errors."`
	BestPractices []PracticeSpec   `yaml:"best_practices" doc:"Advice that applies to every error."`
	SSE           SSESpec          `yaml:"sse" doc:"Errors sent as events of a Server-Sent Events stream."`
	WebSocket     WebSocketSpec    `yaml:"websocket" doc:"Errors sent as WebSocket messages."`
	Support       SupportSpec      `yaml:"support" doc:"Where to get help."`
}

// EnvelopeSpec describes the JSON body of an HTTP error response. Its
// members are named by paths: a dot nests, as in error.code.
type EnvelopeSpec struct {
	Pos         Pos
	Format      Str          `yaml:"format" enum:"json,problem" doc:"json (default), or problem for RFC 9457 problem details (application/problem+json), whose members type, title, status, detail and instance are fixed."`
	Code        Path         `yaml:"code" doc:"Path of the code member, such as errorCode or error.code; default errorCode; null for a body without one."`
	Message     Path         `yaml:"message" doc:"Path of the message member; default errorMessage; null for a body without one."`
	Type        Path         `yaml:"type" doc:"Path of a string member that identifies an error when the code is absent or null, such as error.type."`
	Status      Path         `yaml:"status" doc:"Path of a member that repeats the HTTP status."`
	Const       Consts       `yaml:"const" doc:"Member paths and the fixed values every error body carries, such as ok: false; a body without them is not an error body."`
	Fields      []FieldSpec  `yaml:"fields" doc:"Members any error may carry."`
	Headers     []HeaderSpec `yaml:"headers" doc:"Response headers any error may carry, such as a request id or Retry-After."`
	Description Str          `yaml:"description" doc:"What the body means (Markdown)."`
}

// HeaderSpec is a response header that a generated error keeps in a typed
// Go field.
type HeaderSpec struct {
	Pos    Pos
	Name   Str `yaml:"name,required" doc:"Exported Go field name, such as RetryAfter."`
	Header Str `yaml:"header,required" doc:"Name of the header, such as Retry-After or x-request-id."`
	Type   Str `yaml:"type,required" enum:"string,int,duration,time" doc:"string, int, duration (a delay, such as Retry-After's) or time (a point in time, such as a rate limit's reset)."`
	Format Str `yaml:"format" enum:"seconds,ms,go,http,unix,rfc3339" doc:"How the value is written. duration: seconds (default; delta-seconds, or an HTTP-date, as Retry-After), ms (milliseconds, as retry-after-ms) or go (Go duration text, as 6m0s). time: http (default; an HTTP-date), unix (Unix seconds) or rfc3339."`
	Doc    Str `yaml:"doc" doc:"What the header holds."`
}

// FieldSpec is a member of the body that a generated error keeps in a
// typed Go field.
type FieldSpec struct {
	Pos  Pos
	Name Str `yaml:"name,required" doc:"Exported Go field name, such as DeclineCode."`
	JSON Str `yaml:"json,required" doc:"Path of the member, such as error.decline_code."`
	Type Str `yaml:"type,required" doc:"Type of the member: string, int, float64, bool, []string, json for any value, kept as its JSON text (json.RawMessage), or a declared type's name, alone (an object) or as a list ([]Name)."`
	Doc  Str `yaml:"doc" doc:"What the member holds."`
}

// TypeSpec declares an object type that fields may hold.
type TypeSpec struct {
	Pos    Pos
	Name   Str         `yaml:"name,required" doc:"Exported Go type name, such as ValidationIssue."`
	Doc    Str         `yaml:"doc" doc:"What an object of the type is."`
	Fields []FieldSpec `yaml:"fields,required" doc:"Members of the object; each json is a single key, and each type string, int, float64, bool, []string or json."`
}

// ErrorSpec is one entry of the error table.
type ErrorSpec struct {
	Pos        Pos
	Keys       Keys
	Misspelled Misspellings
	Name       Str          `yaml:"name,required" doc:"Exported Go type name; must end in Error."`
	Code       Scalar       `yaml:"code" doc:"Code sent on the wire: a positive integer or a string, unique in the spec; all codes of a spec are of one kind. Only an error that its type or message_prefix tells may leave it out."`
	Type       Str          `yaml:"type" doc:"Value of the envelope's type member for this error, such as card_error."`
	Status     Int          `yaml:"status,required" doc:"Default HTTP status, 400-599."`
	Title      Str          `yaml:"title" doc:"Problem format only: the title of the problem type; default the status text."`
	Statuses   []Int        `yaml:"statuses" doc:"Every HTTP status the error may be sent with; default [status]."`
	Aliases    []Scalar     `yaml:"aliases" doc:"Other codes that mean this error when received with one of its statuses."`
	Message    Str          `yaml:"message" doc:"Default message; {param} placeholders, {{ and }} for literal braces."`
	Params     []ParamSpec  `yaml:"params" doc:"Values of the message template, in constructor order."`
	Retry      Str          `yaml:"retry" enum:"never,backoff,wait,after" doc:"never (default), backoff (retry with exponential backoff), wait (retry once in-flight work ends) or after (retry after the delay the server gives, else with backoff)."`
	RetryAfter []Str        `yaml:"retry_after" doc:"Header fields (of type duration or time) that carry the server's retry delay, the first one present winning; default the field of the Retry-After header."`
	Fallback   Bool         `yaml:"fallback" doc:"What a non-API error is reported as; exactly one error is the fallback."`
	Fields     []FieldSpec  `yaml:"fields" doc:"Members of the body only this error carries."`
	Headers    []HeaderSpec `yaml:"headers" doc:"Response headers only this error carries."`
	// MessagePrefix tells a received error by the start of its message.
	MessagePrefix Str `yaml:"message_prefix" doc:"Start of the message that tells this error when a body carries no code or type that does, among the errors of its status."`

	Summary            Str         `yaml:"summary" doc:"One line for the reference table."`
	Description        Str         `yaml:"description" doc:"When the error occurs (Markdown)."`
	MessageDescription Str         `yaml:"message_description" doc:"What the message field says for this error."`
	Scenarios          []Str       `yaml:"scenarios" doc:"Common causes."`
	Examples           []Str       `yaml:"examples" doc:"Messages the API really sends; the first is the documented example."`
	Notes              []Str       `yaml:"notes" doc:"Further remarks (Markdown)."`
	Tables             []TableSpec `yaml:"tables" doc:"Reference tables, such as limits by plan."`
	Action             Str         `yaml:"action" doc:"What a client should do about the error."`
	Fixes              []ItemSpec  `yaml:"fixes" doc:"Common fixes; an item may have sub-items."`
}

// StatusTextSpec names an HTTP status that Go's http.StatusText does not
// know.
type StatusTextSpec struct {
	Pos    Pos
	Status Int `yaml:"status,required" doc:"The HTTP status, 400-599."`
	Text   Str `yaml:"text,required" doc:"Its text, such as Client Closed Request; the message of errors sent with it that have no message of their own."`
}

// ParamSpec is one placeholder of a message template.
type ParamSpec struct {
	Pos    Pos
	Name   Str `yaml:"name,required" doc:"Placeholder name, as written between braces in the message."`
	Type   Str `yaml:"type,required" enum:"string,int,float64" doc:"Go type: string, int or float64."`
	JSON   Str `yaml:"json" doc:"Path of a member that carries the value too: read from it when present, written to it when set."`
	Format Str `yaml:"format" doc:"fmt-style verb: %s or %q for strings, %d, %x, %o or %b for ints, %f, %e or %g with optional precision (%.2f) for floats."`
	Doc    Str `yaml:"doc" doc:"What the value is."`
}

// TableSpec is a small documentation table.
type TableSpec struct {
	Pos     Pos
	Title   Str     `yaml:"title,required" doc:"Heading of the table."`
	Columns []Str   `yaml:"columns,required" doc:"Column headings."`
	Rows    [][]Str `yaml:"rows,required" doc:"Rows, each with one cell per column."`
}

// ItemSpec is a list item that may carry sub-items. A plain string is
// shorthand for an item with only text.
type ItemSpec struct {
	Pos   Pos
	Text  Str   `yaml:"text,required" doc:"The item."`
	Items []Str `yaml:"items" doc:"Sub-items."`
}

func (*ItemSpec) shorthand() string { return "text" }

// PracticeSpec is one piece of general advice.
type PracticeSpec struct {
	Pos   Pos
	Title Str `yaml:"title,required" doc:"Short name of the practice."`
	Text  Str `yaml:"text,required" doc:"The advice (Markdown)."`
}

// SSESpec describes the error events of a Server-Sent Events stream, which
// an API sends after a 200 once the stream has begun.
type SSESpec struct {
	Pos         Pos
	Event       Str           `yaml:"event" doc:"Event name of error events, such as error; without it, an event is an error by its data alone."`
	Envelope    *EnvelopeSpec `yaml:"envelope" doc:"The event's data, as envelope describes a body; fields name envelope fields by their Go name. Default the HTTP body's envelope."`
	Description Str           `yaml:"description" doc:"How errors arrive in a stream (Markdown)."`
}

// WebSocketSpec describes error messages sent over a WebSocket: either
// known messages of a flat shape (type_field, message_field, messages), or
// the API's errors in an envelope.
type WebSocketSpec struct {
	Pos          Pos
	Envelope     *EnvelopeSpec          `yaml:"envelope" doc:"An error message, as envelope describes a body, resolved to the API's errors; fields name envelope fields by their Go name."`
	TypeField    Str                    `yaml:"type_field" doc:"Name of the message type field; default type."`
	Type         Str                    `yaml:"type" doc:"Value of the type field in an error message; default error."`
	MessageField Str                    `yaml:"message_field" doc:"Name of the message field; default message."`
	Description  Str                    `yaml:"description" doc:"How errors arrive on a WebSocket (Markdown)."`
	Messages     []WebSocketMessageSpec `yaml:"messages" doc:"Known error messages."`
}

// WebSocketMessageSpec is one known WebSocket error message.
type WebSocketMessageSpec struct {
	Pos     Pos
	Name    Str `yaml:"name,required" doc:"Go name stem: ErrWebSocket<name> is generated."`
	Summary Str `yaml:"summary" doc:"What the message means."`
	Message Str `yaml:"message,required" doc:"The exact message text."`
}

// SupportSpec says where to get help.
type SupportSpec struct {
	Pos         Pos
	Description Str           `yaml:"description" doc:"Introduction (Markdown)."`
	Contacts    []ContactSpec `yaml:"contacts" doc:"Ways to reach support."`
}

// ContactSpec is one way to reach support.
type ContactSpec struct {
	Pos   Pos
	Label Str `yaml:"label,required" doc:"What the contact is: Email, Documentation ..."`
	Text  Str `yaml:"text" doc:"Text to show; default the URL."`
	URL   Str `yaml:"url" doc:"Address, when there is one."`
}

// Keys records where each field of a mapping was written, whether or not
// its value could be read, so that Build can tell a missing field from one
// Parse has already reported.
type Keys map[string]Pos

// Misspellings records the fields a mapping does not set but that an
// unknown field was likely meant as, keyed by the field's name, at the
// unknown field ("mesage" for message). Parse reports the misspelling; Build
// leaves out the checks that the field's absence would set off, which would
// only repeat the mistake.
type Misspellings map[string]Pos

// Str is a string read from the spec. Pos is invalid when it was absent.
type Str struct {
	Value string
	Pos   Pos
}

// Int is an integer read from the spec. Pos is invalid when it was absent.
type Int struct {
	Value int64
	Pos   Pos
}

// Path is a JSON member path read from the spec, such as error.code. Null
// says the body has no such member. Pos is invalid when it was absent.
type Path struct {
	Value string
	Null  bool
	Pos   Pos
}

// Scalar is a string, integer, float or boolean read from the spec, with
// the kind YAML gave it. Pos is invalid when it was absent.
type Scalar struct {
	Kind  ScalarKind
	Value string // as written, for a string; the canonical text otherwise
	Int   int64
	Bool  bool
	Pos   Pos
}

// ScalarKind is the YAML type of a Scalar.
type ScalarKind uint8

const (
	ScalarString ScalarKind = iota + 1
	ScalarInt
	ScalarFloat
	ScalarBool
)

// Consts is a mapping of member paths to fixed values, in spec order.
type Consts []Const

// Const is one member of Consts.
type Const struct {
	Path  Str
	Value Scalar
}

// Bool is a boolean read from the spec. Pos is invalid when it was absent.
type Bool struct {
	Value bool
	Pos   Pos
}
