package bench

import (
	"encoding/json"
	"errors"
	"net/http"
)

// baseline for the Stripe shape: what a user writes without a tool, with
// encoding/json. It carries every member stripe.yaml declares, as stripeerr
// does, in the same order, so that both send the same bytes.

// StripeError is the hand-written error type: the body, and the status it
// is sent with.
type StripeError struct {
	Body   StripeErrorBody `json:"error"`
	Status int             `json:"-"`
}

// StripeErrorBody is the object under "error". Only type and message are
// always sent.
type StripeErrorBody struct {
	Code              string          `json:"code,omitempty"`
	Type              string          `json:"type"`
	Message           string          `json:"message"`
	Param             string          `json:"param,omitempty"`
	DocURL            string          `json:"doc_url,omitempty"`
	RequestLogURL     string          `json:"request_log_url,omitempty"`
	PaymentIntent     json.RawMessage `json:"payment_intent,omitempty"`
	PaymentMethod     json.RawMessage `json:"payment_method,omitempty"`
	PaymentMethodType string          `json:"payment_method_type,omitempty"`
	SetupIntent       json.RawMessage `json:"setup_intent,omitempty"`
	Source            json.RawMessage `json:"source,omitempty"`
	Charge            string          `json:"charge,omitempty"`
	DeclineCode       string          `json:"decline_code,omitempty"`
	AdviceCode        string          `json:"advice_code,omitempty"`
}

func (e *StripeError) Error() string { return e.Body.Message }

// Is makes a *StripeError match a sentinel with the same code.
func (e *StripeError) Is(target error) bool {
	t, ok := target.(*StripeError)
	return ok && t.Body.Code == e.Body.Code
}

// ErrCardDeclined is the hand-written sentinel.
var ErrCardDeclined = &StripeError{Body: StripeErrorBody{Code: StripeCode, Type: StripeType, Message: StripeMessage}, Status: StripeStatus}

var baselineStripeInternal = &StripeError{Body: StripeErrorBody{Type: "api_error", Message: "Internal server error"}, Status: 500}

var baselineStripeWrapped = wrap(&StripeError{
	Body: StripeErrorBody{
		Code:        StripeCode,
		Type:        StripeType,
		Message:     StripeMessage,
		DocURL:      StripeDocURL,
		Charge:      StripeCharge,
		DeclineCode: StripeDeclineCode,
	},
	Status: StripeStatus,
})

// WriteStripeError is errors.As, the header, WriteHeader and a json.Encoder.
func WriteStripeError(w http.ResponseWriter, err error) {
	var e *StripeError
	if !errors.As(err, &e) {
		e = baselineStripeInternal
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.Status)
	// StripeError always encodes, so an error here is a failed write: the
	// client went away and no one is left to tell.
	_ = json.NewEncoder(w).Encode(e)
}

// baselineStripeEncode is errors.As and json.Marshal.
func baselineStripeEncode(_ []byte, err error) []byte {
	var e *StripeError
	if !errors.As(err, &e) {
		e = baselineStripeInternal
	}
	b, _ := json.Marshal(e)
	return b
}

func baselineStripeDecode(status int, body []byte) error {
	e := new(StripeError)
	if err := json.Unmarshal(body, e); err != nil {
		return &StripeError{Body: StripeErrorBody{Type: "api_error", Message: http.StatusText(status)}, Status: status}
	}
	e.Status = status
	return e
}

func baselineStripeWriteError(w http.ResponseWriter, _ *http.Request, err error) {
	WriteStripeError(w, err)
}
