package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/twitchtv/twirp"
)

// twirp: github.com/twitchtv/twirp. Twirp errors carry one of a fixed set of
// string codes and a message; there is no code for 402 and no numeric code.
// failed_precondition is the code closest to an insufficient balance: it is
// sent with HTTP 412, not 402. The 40201 code is not sent (it would need a
// meta map, which would cost twirp more than what is measured here).

const twirpCode = twirp.FailedPrecondition

// twirpStatus is the HTTP status twirp sends twirpCode with.
var twirpStatus = twirp.ServerHTTPStatusFromErrorCode(twirpCode)

var twirpWrapped = wrap(twirp.NewError(twirpCode, Message))

func twirpConstructTemplate() error {
	return twirp.NewError(twirpCode, fmt.Sprintf(msgFormat, required, available))
}

func twirpConstructMessage() error {
	return twirp.NewError(twirpCode, message)
}

func twirpConstructCause() error {
	return twirp.WrapError(twirp.NewError(twirpCode, fmt.Sprintf(msgFormat, required, available)), errCause)
}

// twirpIs is twirp's idiom: errors.As to twirp.Error and compare the code.
func twirpIs(err error) bool {
	var te twirp.Error
	return errors.As(err, &te) && te.Code() == twirpCode
}

func twirpAs(err error) (twirp.Error, bool) {
	var te twirp.Error
	ok := errors.As(err, &te)
	return te, ok
}

// twirpIsXxx: twirp has no per-error matcher; the closest is the code
// compare, the same as twirpIs.
func twirpIsXxx(err error) bool {
	var te twirp.Error
	return errors.As(err, &te) && te.Code() == twirpCode
}

// twirpHTTPStatus is what twirp.WriteError computes.
func twirpHTTPStatus(err error) int {
	var te twirp.Error
	if !errors.As(err, &te) {
		return http.StatusInternalServerError
	}
	return twirp.ServerHTTPStatusFromErrorCode(te.Code())
}

// twirpJSON is twirp's error body (twerrJSON, unexported in twirp).
type twirpJSON struct {
	Code string            `json:"code"`
	Msg  string            `json:"msg"`
	Meta map[string]string `json:"meta,omitempty"`
}

// twirpEncode is the body twirp.WriteError writes (its marshalErrorToJSON,
// unexported): errors.As, then json.Marshal of the body struct.
func twirpEncode(_ []byte, err error) []byte {
	var te twirp.Error
	if !errors.As(err, &te) {
		te = twirp.InternalErrorWith(err)
	}
	msg := te.Msg()
	if len(msg) > 1e6 {
		msg = msg[:1e6]
	}
	tj := twirpJSON{Code: string(te.Code()), Msg: msg, Meta: te.MetaMap()}
	b, e := json.Marshal(&tj)
	if e != nil {
		b = []byte(`{"type": "internal", "msg": "There was an error but it could not be serialized into JSON"}`)
	}
	return b
}

// twirpDecode is the client's errorFromResponse (generated into every
// *.twirp.go, unexported), on the bytes in hand.
func twirpDecode(status int, body []byte) error {
	var tj twirpJSON
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&tj); err != nil || tj.Code == "" {
		msg := fmt.Sprintf("Error from intermediary with HTTP status code %d %q", status, http.StatusText(status))
		return twirp.NewError(twirp.Unknown, msg).
			WithMeta("http_error_from_intermediary", "true").
			WithMeta("status_code", strconv.Itoa(status)).
			WithMeta("body", string(body))
	}
	code := twirp.ErrorCode(tj.Code)
	if !twirp.IsValidErrorCode(code) {
		return twirp.InternalError("invalid type returned from server error response: "+tj.Code).WithMeta("body", string(body))
	}
	te := twirp.NewError(code, tj.Msg)
	for k, v := range tj.Meta {
		te = te.WithMeta(k, v)
	}
	return te
}

func twirpWriteError(w http.ResponseWriter, _ *http.Request, err error) {
	_ = twirp.WriteError(w, err) // fails only when the client went away: no one is left to tell
}
