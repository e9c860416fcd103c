package gen

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
	Handling    string

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
	Resolutions  []Resolution  // sorted by code
	StatusOwners []StatusOwner // sorted by status

	BestPractices []Practice
	WebSocket     WebSocket
	Support       Support
}

// Envelope is the JSON body of an HTTP error response.
type Envelope struct {
	Code        string // field holding the numeric code
	Message     string // field holding the message
	Description string
}

// StatusText is the text of an HTTP status that net/http does not know.
type StatusText struct {
	Status int
	Text   string
}

// Resolution says which error a received code means. An alias is checked
// first, by the status the code arrived with.
type Resolution struct {
	Code    int
	Aliases []*ErrorDef // errors with the code as an alias, each with its statuses
	Owner   *ErrorDef   // the error whose own code it is; nil for an alias only
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
)

var retryNames = []string{"never", "backoff", "wait"}

func (r Retry) String() string { return retryNames[r] }

// ErrorDef is one error of the table.
type ErrorDef struct {
	Name       string // XxxError
	Stem       string // Xxx
	Code       int
	Status     int    // default HTTP status
	StatusText string // e.g. "Payment Required"; "" for a status nobody named
	Statuses   []int  // every status it may be sent with, ascending; holds Status
	Aliases    []int  // ascending
	Retry      Retry
	Fallback   bool

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
	TypeField    string // default "type"
	Type         string // default "error"
	MessageField string // default "message"
	Description  string
	Messages     []WebSocketMessage
}

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
