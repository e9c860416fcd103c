package bench

import (
	"net/http"

	"github.com/errgen/errgen/bench/stripeerr"
)

// The second shape: Stripe's card_declined error, nested under "error", with
// a string code, a type and three members of its own (doc_url, charge,
// decline_code), sent with HTTP 402. stripeerr is generated from
// gen/testdata/apis/stripe.yaml (see go.generate.go); the baseline is
// stripe_baseline.go. Only encode, decode and WriteError are timed: the jobs
// whose cost depends on the body's shape.

// The Stripe fixture: the members of stripeBody.
const (
	StripeCode        = "card_declined"
	StripeType        = "card_error"
	StripeStatus      = 402
	StripeMessage     = "Your card was declined."
	StripeCharge      = "ch_1CvniGCVPrIw8vG8LQs21231"
	StripeDeclineCode = "do_not_honor"
	StripeDocURL      = "https://stripe.com/docs/error-codes/card-declined"
)

// stripeBody is the body the decode jobs parse: the fixture "card declined,
// do not honor" of gen/testdata/apis/stripe.fixtures.yaml, a response quoted
// in https://github.com/stripe/stripe-dotnet/issues/1247, byte for byte
// (Stripe indents its bodies). TestStripeFixtures checks that it still is.
var stripeBody = []byte(`{
  "error": {
    "charge": "ch_1CvniGCVPrIw8vG8LQs21231",
    "code": "card_declined",
    "decline_code": "do_not_honor",
    "doc_url": "https://stripe.com/docs/error-codes/card-declined",
    "message": "Your card was declined.",
    "type": "card_error"
  }
}
`)

// errgen: the generated package, used as its README shows.

func newErrgenStripe() *stripeerr.CardDeclinedError {
	e := stripeerr.NewCardDeclinedError("")
	e.DocURL = StripeDocURL
	e.Charge = StripeCharge
	e.DeclineCode = StripeDeclineCode
	return e
}

var errgenStripeWrapped = wrap(newErrgenStripe())

func errgenStripeEncode(buf []byte, err error) []byte {
	return stripeerr.AppendError(buf[:0], err)
}

func errgenStripeDecode(status int, body []byte) error {
	return stripeerr.Parse(status, body)
}

func errgenStripeWriteError(w http.ResponseWriter, _ *http.Request, err error) {
	stripeerr.WriteError(w, err)
}
