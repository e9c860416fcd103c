package bench

import (
	"net/http"

	"github.com/errgen/errgen/bench/problemerr"
)

// The third shape: RFC 9457's out-of-credit example, a problem details
// object sent as application/problem+json with HTTP 403, with the extension
// members balance and accounts. problemerr is generated from
// gen/testdata/apis/problem.yaml (see go.generate.go); the baseline is
// problem_baseline.go. As for Stripe, only encode, decode and WriteError are
// timed.

// The problem fixture: the members of problemBody, and the cost that its
// detail names.
const (
	ProblemType     = "https://example.com/probs/out-of-credit"
	ProblemTitle    = "You do not have enough credit."
	ProblemStatus   = 403
	ProblemDetail   = "Your current balance is 30, but that costs 50."
	ProblemInstance = "/account/12345/msgs/abc"
	ProblemBalance  = 30
	ProblemCost     = 50
	ProblemAccount1 = "/account/12345"
	ProblemAccount2 = "/account/67890"
)

// problemBody is the body the decode jobs parse: the fixture "out of credit
// (RFC 9457 section 3)" of gen/testdata/apis/problem.fixtures.yaml, the
// RFC's example byte for byte (without the RFC page's indentation). It has
// no status member. TestProblemBodyIsTheFixture checks that it still is.
var problemBody = []byte(`{
 "type": "https://example.com/probs/out-of-credit",
 "title": "You do not have enough credit.",
 "detail": "Your current balance is 30, but that costs 50.",
 "instance": "/account/12345/msgs/abc",
 "balance": 30,
 "accounts": ["/account/12345",
              "/account/67890"]
}
`)

// errgen: the generated package, used as its README shows.

func newErrgenProblem() *problemerr.OutOfCreditError {
	e := problemerr.NewOutOfCreditError(ProblemBalance, ProblemCost)
	e.Instance = ProblemInstance
	e.Accounts = []string{ProblemAccount1, ProblemAccount2}
	return e
}

var errgenProblemWrapped = wrap(newErrgenProblem())

func errgenProblemEncode(buf []byte, err error) []byte {
	return problemerr.AppendError(buf[:0], err)
}

func errgenProblemDecode(status int, body []byte) error {
	return problemerr.Parse(status, body)
}

func errgenProblemWriteError(w http.ResponseWriter, _ *http.Request, err error) {
	problemerr.WriteError(w, err)
}
