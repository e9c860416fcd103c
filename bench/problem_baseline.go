package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// baseline for the problem details shape: what a user writes without a
// tool, with encoding/json. It carries the members problemerr sends for an
// out-of-credit problem, in the same order, so that both send the same
// bytes.

// ProblemError is the hand-written problem details object (RFC 9457), with
// the out-of-credit example's extension members and TrueLayer's trace_id,
// as problem.yaml declares them. Status is both the member and the HTTP
// status; a received one is the response's, as RFC 9457 says the member
// only advises.
type ProblemError struct {
	Type     string   `json:"type"`
	Title    string   `json:"title"`
	Status   int      `json:"status"`
	Detail   string   `json:"detail"`
	Instance string   `json:"instance,omitempty"`
	TraceID  string   `json:"trace_id,omitempty"`
	Accounts []string `json:"accounts,omitempty"`
	Balance  int      `json:"balance,omitempty"`
}

func (e *ProblemError) Error() string { return e.Detail }

// Is makes a *ProblemError match a sentinel with the same type.
func (e *ProblemError) Is(target error) bool {
	t, ok := target.(*ProblemError)
	return ok && t.Type == e.Type
}

// NewOutOfCreditProblem is the hand-written constructor: it renders the
// detail from the balance and the cost, as the spec's message does.
func NewOutOfCreditProblem(balance, cost int) *ProblemError {
	return &ProblemError{
		Type:    ProblemType,
		Title:   ProblemTitle,
		Status:  ProblemStatus,
		Detail:  fmt.Sprintf("Your current balance is %d, but that costs %d.", balance, cost),
		Balance: balance,
	}
}

var baselineProblemInternal = &ProblemError{Type: "about:blank", Title: "Internal Server Error", Status: 500, Detail: "Internal Server Error"}

var baselineProblemWrapped = wrap(func() *ProblemError {
	e := NewOutOfCreditProblem(ProblemBalance, ProblemCost)
	e.Instance = ProblemInstance
	e.Accounts = []string{ProblemAccount1, ProblemAccount2}
	return e
}())

// WriteProblem is errors.As, the header, WriteHeader and a json.Encoder.
func WriteProblem(w http.ResponseWriter, err error) {
	var e *ProblemError
	if !errors.As(err, &e) {
		e = baselineProblemInternal
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(e.Status)
	// ProblemError always encodes, so an error here is a failed write: the
	// client went away and no one is left to tell.
	_ = json.NewEncoder(w).Encode(e)
}

// baselineProblemEncode is errors.As and json.Marshal.
func baselineProblemEncode(_ []byte, err error) []byte {
	var e *ProblemError
	if !errors.As(err, &e) {
		e = baselineProblemInternal
	}
	b, _ := json.Marshal(e)
	return b
}

func baselineProblemDecode(status int, body []byte) error {
	e := new(ProblemError)
	if err := json.Unmarshal(body, e); err != nil {
		text := http.StatusText(status)
		return &ProblemError{Type: "about:blank", Title: text, Status: status, Detail: text}
	}
	e.Status = status
	return e
}

func baselineProblemWriteError(w http.ResponseWriter, _ *http.Request, err error) {
	WriteProblem(w, err)
}
