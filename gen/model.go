package gen

import (
	"fmt"
	"strings"
)

// Model is a validated spec with every fact the emitters need already
// computed: Go names, sorted orders, parsed templates. Emitters read it and
// never check anything.
type Model struct {
	SpecFile string // base name of the spec, for the generated-code header
	Package  string
	API      string // name of the API; defaults to the package name
	// APIName is API as prose names it: "Faseeh API", and "My API" for an
	// API whose name already ends in API.
	APIName     string
	APIVersion  string // version of the API, as the spec gives it; empty when it gives none
	Description string
	Envelope    Envelope
	// Types are the declared object types, in spec order.
	Types    []*ObjectType
	Handling string

	Errors   []*ErrorDef // in spec order
	ByCode   []*ErrorDef // sorted by code
	Fallback *ErrorDef
	// TimeoutStatus is the status a handler whose context's deadline
	// passed is answered with: 504, else 503, when the fallback may be
	// sent with it, else the fallback's default status.
	TimeoutStatus int

	// StatusTexts are the spec's texts for statuses net/http has none for,
	// sorted by status.
	StatusTexts []StatusText

	// How a client resolves what it receives: by code when the body is
	// the envelope, else by status.
	Resolutions     []Resolution     // sorted by code
	TypeResolutions []TypeResolution // sorted by type
	StatusOwners    []StatusOwner    // sorted by status
	MessageRules    []MessageRule    // sorted by status
	// UnknownBody is the body UnknownError is sent with.
	UnknownBody []BodyPart

	BestPractices []Practice
	// SSE is how errors arrive in a Server-Sent Events stream; nil when
	// the spec says nothing of streams.
	SSE       *Stream
	WebSocket WebSocket
	Support   Support
}

// Envelope is the JSON body of an HTTP error response. Its members are
// named by paths into nested objects; a body has only those it names.
type Envelope struct {
	Code    *Member // the error's code; nil when the body has none
	Message *Member // the message; nil when the body has none
	Type    *Member // a string that identifies an error sent without a code
	Status  *Member // a member that repeats the HTTP status
	Consts  []*Member
	Fields  []*Field       // members any error may carry
	Headers []*HeaderField // response headers any error may carry
	// Delay are the headers of Headers that carry the server's retry
	// delay for any error that does not name its own: Retry-After.
	Delay []*HeaderField
	// StringCodes says the codes are strings, and Code is a string type.
	StringCodes bool
	// Problem says the body is an RFC 9457 problem details object: Code
	// is the type member, whose values are the errors' type URIs, Title
	// the title member and Message the detail member; a received body
	// without a detail gives its title as the message.
	Problem bool
	Title   *Member // the problem's title; nil outside the problem format
	// TitleField is UnknownError's Title, which keeps a received title.
	TitleField *Field
	// ContentType is what WriteError sends the body as.
	ContentType string
	// Members is every member the decoder looks for, parents before their
	// children: objects on the way to a member come first.
	Members     []*Member
	Description string
}

// HasFieldsType says the package has an EnvelopeFields type, which every
// error type embeds: the envelope has fields or headers.
func (env *Envelope) HasFieldsType() bool { return len(env.Fields) > 0 || len(env.Headers) > 0 }

// Member is one member of the error body, at a path of object keys.
type Member struct {
	Path   []string // keys from the top of the body, as in [error code]
	Name   string   // the path as written, error.code
	Kind   MemberKind
	Parent *Member // the object holding it; nil at the top level
	Index  int     // its place in Envelope.Members
	// Const is the JSON literal every error body carries here, for a
	// member of Envelope.Consts.
	Const string
	Field *Field // the field kept from it, for a field's member
}

// String is the member's path, as templates print it.
func (m *Member) String() string { return m.Name }

// Key is the member's own key, the last of its path.
func (m *Member) Key() string { return m.Path[len(m.Path)-1] }

// MemberKind is the JSON type of a member as the decoder reads it.
type MemberKind uint8

const (
	KindString MemberKind = iota
	KindInt
	KindFloat
	KindBool
	KindRaw     // any value, kept as its JSON text
	KindStrings // an array of strings
	KindObject  // an object on the way to other members
)

// HeaderField is a response header that an error keeps in a typed Go field.
type HeaderField struct {
	Name string // exported Go field
	// Key is the header's name in canonical form, as http.Header keys it.
	Key    string
	Type   HeaderType
	Format HeaderFormat
	Doc    string
	Own    bool // an error's own, not the envelope's
}

// HeaderType is the Go type of a header field.
type HeaderType uint8

const (
	HeaderString   HeaderType = iota // string; "" when absent
	HeaderInt                        // *int; nil when absent, since 0 means something
	HeaderDuration                   // time.Duration; 0 when absent
	HeaderTime                       // time.Time; the zero time when absent
)

var headerTypeNames = []string{"string", "int", "duration", "time"}

func (t HeaderType) String() string { return headerTypeNames[t] }

// HeaderFormat is how a duration or time header is written.
type HeaderFormat uint8

const (
	FormatNone    HeaderFormat = iota // string and int headers
	FormatSeconds                     // delta-seconds, or an HTTP-date when read, as Retry-After
	FormatMillis                      // integer milliseconds
	FormatGo                          // Go duration text, such as 6m0s
	FormatHTTP                        // an HTTP-date
	FormatUnix                        // Unix seconds
	FormatRFC3339                     // RFC 3339
)

var headerFormatNames = []string{"", "seconds", "ms", "go", "http", "unix", "rfc3339"}

func (f HeaderFormat) String() string { return headerFormatNames[f] }

// Field is a member of the body that an error keeps in a typed Go field.
type Field struct {
	Name   string // exported Go field
	Member *Member
	Type   string // as the spec gives it: string, int, float64, bool, []string, json, T or []T
	Doc    string
	Own    bool // an error's own, not the envelope's
	// Object is the declared type a field of type T or []T holds.
	Object *ObjectType
}

// ObjectType is a declared object type: a Go struct, decoded from and
// encoded to a JSON object whose members are its fields. Each field's
// member is a single key, not part of the envelope's member tree.
type ObjectType struct {
	Name   string
	Doc    string
	Fields []*Field
}

// CodeValue is an error code as it is sent: an integer, or a string in a
// spec whose codes are strings.
type CodeValue struct {
	Int int
	Str string
}

// Value is the code as a Go constant: an int or a string.
func (c CodeValue) Value() any {
	if c.Str != "" {
		return c.Str
	}
	return c.Int
}

func (c CodeValue) String() string { return fmt.Sprint(c.Value()) }

// compareCodes orders codes: integers by value, strings as text.
func compareCodes(a, b CodeValue) int {
	if a.Int != b.Int {
		return a.Int - b.Int
	}
	return strings.Compare(a.Str, b.Str)
}

// StatusText is the text of an HTTP status that net/http does not know.
type StatusText struct {
	Status int
	Text   string
}

// Resolution says which error a received code means. An alias is checked
// first, by the status the code arrived with.
type Resolution struct {
	Code    CodeValue
	Aliases []*ErrorDef // errors with the code as an alias, each with its statuses
	Owner   *ErrorDef   // the error whose own code it is; nil for an alias only
}

// TypeResolution says which error a received type means when no code
// came: among the errors of that type without a code of their own, the
// one that claims the status, else the first listed.
type TypeResolution struct {
	Type   string
	Errors []*ErrorDef
}

// MessageRule says which errors of a status a received message may tell,
// by its start, when no code or type did: the first whose prefix it has.
type MessageRule struct {
	Status int
	Errors []*ErrorDef
}

// StatusOwner is an HTTP status that exactly one error may be sent with,
// so that a body that is not the envelope still resolves to that error.
type StatusOwner struct {
	Status int
	Error  *ErrorDef
}

// Retry says whether and how a client may retry a request that failed with
// an error.
type Retry int

const (
	RetryNever   Retry = iota // the request will fail the same way again
	RetryBackoff              // retry with exponential backoff
	RetryWait                 // retry once the client's in-flight requests end
	RetryAfter                // retry after the server's delay, else with backoff
)

var retryNames = []string{"never", "backoff", "wait", "after"}

func (r Retry) String() string { return retryNames[r] }

// ErrorDef is one error of the table.
type ErrorDef struct {
	Name    string // XxxError
	Stem    string // Xxx
	Code    CodeValue
	HasCode bool // false for an error identified by its type alone
	// MessagePrefix tells the error by the start of a received message,
	// when no code or type does.
	MessagePrefix string
	Type          string // the value of the envelope's type member, if any
	// Title is the title of the problem type, for the problem format.
	Title string
	// ExactMessage says the error is told, among those of its status, by
	// a received message that is its own: its message, or its template
	// rendered. It has no code, type or message prefix that could.
	ExactMessage bool
	Status       int         // default HTTP status
	StatusText   string      // e.g. "Payment Required"; "" for a status nobody named
	Statuses     []int       // every status it may be sent with, ascending; holds Status
	Aliases      []CodeValue // ascending
	Retry        Retry
	Fallback     bool

	// Message is the default message, never empty: the spec's, else the
	// status text, the summary or the name in words. For an error with
	// params it is the template's source text and Template holds its
	// parsed form.
	Message  string
	Template []Segment
	Params   []*Param
	// Unrendered is the template with each placeholder shown as {name}:
	// what an error with params says when its values are not known (a
	// sentinel, or a response that carried no message). No path renders
	// a template with values nobody gave.
	Unrendered string
	// Parseable says a received message can be matched against the
	// template to recover the params: no two placeholders are adjacent.
	Parseable bool
	// Fields are the body's members the error keeps: the envelope's, then
	// its own, which OwnFields holds alone.
	Fields    []*Field
	OwnFields []*Field
	// Headers are the response headers the error keeps: the envelope's,
	// then its own, which OwnHeaders holds alone.
	Headers    []*HeaderField
	OwnHeaders []*HeaderField
	// Delay are the headers that carry the server's retry delay, the
	// first present winning; duration or time headers of Headers.
	Delay []*HeaderField
	// ParamFields are the members params are also read from and written
	// to: fields named after the params' Go fields.
	ParamFields []*Field
	// Body is the error's body as the encoder writes it.
	Body []BodyPart

	// Go names derived from Name.
	CodeConst   string // CodeXxx
	Sentinel    string // ErrXxx
	Constructor string // NewXxxError
	Matcher     string // IsXxxError

	// Documentation, as written in the spec.
	Summary            string
	Description        string
	MessageDescription string
	Scenarios          []string
	Examples           []string
	Notes              []string
	Tables             []Table
	Action             string
	Fixes              []Item
}

// BodyPart is a piece of an error's body: fixed JSON text, then the value
// that follows it, if any. A part whose value is a field is written only
// when the field is set, and an object of fields alone only when one of
// them is. Depth counts the objects of fields alone a part is in; at depth
// 0 a part's text holds its own comma, deeper the encoder writes the
// comma when something came before it in the object.
type BodyPart struct {
	Text  string
	Value BodyValue
	Field *Field // for ValueField
	Depth int
	// Optional says the part is written only when its value is set.
	Optional bool
}

// BodyValue is the value of a BodyPart.
type BodyValue uint8

const (
	ValueNone    BodyValue = iota
	ValueMessage           // the message, as a JSON string
	ValueStatus            // the HTTP status, as a number
	ValueCode              // the code of an UnknownError
	ValueType              // the type of an UnknownError
	ValueField             // a field, when it is set
	ValueOpen              // an object of fields alone, written when one is set
	ValueClose             // the end of such an object
)

// HasTemplate reports whether the message is rendered from params.
func (e *ErrorDef) HasTemplate() bool { return len(e.Params) > 0 }

// Segment is a piece of a message template: literal text or one param.
type Segment struct {
	Text  string
	Param *Param // nil for literal text
}

// Param is a typed value of a message template.
type Param struct {
	Name  string // as written in the spec and in placeholders
	Type  string // Go type: string, int or float64
	Field string // exported struct field
	Arg   string // constructor parameter
	Doc   string

	// How the value is formatted, as strconv's Append functions take it:
	// Verb is 'f', 'e', 'g' (Prec digits, -1 for shortest) for float64,
	// the base (10, 16, 8, 2) for int, 'q' (quoted) or 's' for string.
	Format string
	Verb   byte
	Prec   int
	Base   int
}

// Table is a small documentation table.
type Table struct {
	Title   string
	Columns []string
	Rows    [][]string
}

// Item is a list item with optional sub-items.
type Item struct {
	Text  string
	Items []string
}

// Practice is one piece of general advice.
type Practice struct{ Title, Text string }

// WebSocket describes error messages on a WebSocket.
type WebSocket struct {
	// Stream says WebSocket error messages are the API's errors in an
	// envelope; the fields below are then unused.
	Stream       *Stream
	TypeField    string // default "type"
	Type         string // default "error"
	MessageField string // default "message"
	Description  string
	Messages     []WebSocketMessage
}

// Stream is how errors arrive as the events of a stream or the messages
// of a WebSocket: the event's data is an envelope that resolves to the
// API's errors as a body does, without a status.
type Stream struct {
	// Event is the SSE event name of error events; "" when an event is an
	// error by its data alone.
	Event string
	// Members is the data's member tree, parents first; nil when the data
	// is the HTTP body's envelope, whose members the decoder then uses.
	Members []*Member
	Consts  []*Member
	// Slots say where each member of the data that the errors read lands
	// among the body's members, so that one resolver serves both.
	Slots []Slot
	// Told are the members whose presence makes data an error event, when
	// neither an event name nor consts do: the code, type and message.
	Told        []*Member
	Description string
}

// Slot is a member of a stream's data and the body's member it stands for.
type Slot struct{ From, To *Member }

// WebSocketMessage is a known WebSocket error message.
type WebSocketMessage struct {
	Name    string
	GoName  string // ErrWebSocketXxx
	Summary string
	Message string
}

// Support says where to get help.
type Support struct {
	Description string
	Contacts    []Contact
}

// Contact is one way to reach support.
type Contact struct{ Label, Text, URL string }
