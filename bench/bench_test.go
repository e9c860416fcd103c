// One Benchmark per job, one sub-benchmark per
// implementation. fixtures_test.go checks every implementation first.

package bench

import (
	"testing"
)

// Package-level sinks keep the results alive.
var (
	sinkErr   error
	sinkBool  bool
	sinkInt   int
	sinkBytes []byte
	sinkAs    any
)

// BenchmarkConstructTemplate: construct, message rendered from the template (params 0.5, 0.25).
func BenchmarkConstructTemplate(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = errgenConstructTemplate()
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = baselineConstructTemplate()
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = kratosConstructTemplate()
		}
	})
	b.Run("twirp", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = twirpConstructTemplate()
		}
	})
	b.Run("grpc", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = grpcConstructTemplate()
		}
	})
}

// BenchmarkConstructMessage: construct, message given (errgen: NewInternalError(msg), see errgen.go).
func BenchmarkConstructMessage(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = errgenConstructMessage()
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = baselineConstructMessage()
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = kratosConstructMessage()
		}
	})
	b.Run("twirp", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = twirpConstructMessage()
		}
	})
	b.Run("grpc", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = grpcConstructMessage()
		}
	})
}

// BenchmarkConstructCause: construct from the template, with a cause (grpc: a status has no cause).
func BenchmarkConstructCause(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = errgenConstructCause()
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = baselineConstructCause()
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = kratosConstructCause()
		}
	})
	b.Run("twirp", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = twirpConstructCause()
		}
	})
}

// BenchmarkIs: errors.Is against a sentinel, or the peer's idiom, on the wrapped error.
func BenchmarkIs(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = errgenIs(errgenWrapped)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = baselineIs(baselineWrapped)
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = kratosIs(kratosWrapped)
		}
	})
	b.Run("twirp", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = twirpIs(twirpWrapped)
		}
	})
	b.Run("grpc", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = grpcIs(grpcWrapped)
		}
	})
}

// BenchmarkAs: errors.As to the peer's error type (grpc: status.FromError).
func BenchmarkAs(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var ok bool
			sinkAs, ok = errgenAs(errgenWrapped)
			sinkBool = ok
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var ok bool
			sinkAs, ok = baselineAs(baselineWrapped)
			sinkBool = ok
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var ok bool
			sinkAs, ok = kratosAs(kratosWrapped)
			sinkBool = ok
		}
	})
	b.Run("twirp", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var ok bool
			sinkAs, ok = twirpAs(twirpWrapped)
			sinkBool = ok
		}
	})
	b.Run("grpc", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var ok bool
			sinkAs, ok = grpcAs(grpcWrapped)
			sinkBool = ok
		}
	})
}

// BenchmarkIsXxx: the IsInsufficientBalanceError matcher, or the peer's closest.
func BenchmarkIsXxx(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = errgenIsXxx(errgenWrapped)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = baselineIsXxx(baselineWrapped)
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = kratosIsXxx(kratosWrapped)
		}
	})
	b.Run("twirp", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = twirpIsXxx(twirpWrapped)
		}
	})
	b.Run("grpc", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkBool = grpcIsXxx(grpcWrapped)
		}
	})
}

// BenchmarkHTTPStatus: the HTTP status to send the wrapped error with.
func BenchmarkHTTPStatus(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkInt = errgenHTTPStatus(errgenWrapped)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkInt = baselineHTTPStatus(baselineWrapped)
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkInt = kratosHTTPStatus(kratosWrapped)
		}
	})
	b.Run("twirp", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkInt = twirpHTTPStatus(twirpWrapped)
		}
	})
	b.Run("grpc", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkInt = grpcHTTPStatus(grpcWrapped)
		}
	})
}

// BenchmarkEncode: the HTTP body for the wrapped error (into buf where the API allows).
func BenchmarkEncode(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		buf := make([]byte, 0, 512)
		b.ReportAllocs()
		for range b.N {
			sinkBytes = errgenEncode(buf, errgenWrapped)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		buf := make([]byte, 0, 512)
		b.ReportAllocs()
		for range b.N {
			sinkBytes = baselineEncode(buf, baselineWrapped)
		}
	})
	b.Run("kratos", func(b *testing.B) {
		buf := make([]byte, 0, 512)
		b.ReportAllocs()
		for range b.N {
			sinkBytes = kratosEncode(buf, kratosWrapped)
		}
	})
	b.Run("twirp", func(b *testing.B) {
		buf := make([]byte, 0, 512)
		b.ReportAllocs()
		for range b.N {
			sinkBytes = twirpEncode(buf, twirpWrapped)
		}
	})
	b.Run("grpc", func(b *testing.B) {
		buf := make([]byte, 0, 512)
		b.ReportAllocs()
		for range b.N {
			sinkBytes = grpcEncode(buf, grpcWrapped)
		}
	})
}

// BenchmarkDecode: the typed error back from a status and body.
func BenchmarkDecode(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = errgenDecode(errgenStatus, errgenBody)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = baselineDecode(baselineStatus, baselineBody)
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = kratosDecode(kratosStatus, kratosBody)
		}
	})
	b.Run("twirp", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = twirpDecode(twirpStatus, twirpBody)
		}
	})
	b.Run("grpc", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = grpcDecode(grpcStatus, grpcBody)
		}
	})
}

// BenchmarkWriteError: the whole server path: status, Content-Type and body.
func BenchmarkWriteError(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		w := newDiscardWriter()
		b.ReportAllocs()
		for range b.N {
			errgenWriteError(w, request, errgenWrapped)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		w := newDiscardWriter()
		b.ReportAllocs()
		for range b.N {
			baselineWriteError(w, request, baselineWrapped)
		}
	})
	b.Run("kratos", func(b *testing.B) {
		w := newDiscardWriter()
		b.ReportAllocs()
		for range b.N {
			kratosWriteError(w, request, kratosWrapped)
		}
	})
	b.Run("twirp", func(b *testing.B) {
		w := newDiscardWriter()
		b.ReportAllocs()
		for range b.N {
			twirpWriteError(w, request, twirpWrapped)
		}
	})
	b.Run("grpc", func(b *testing.B) {
		w := newDiscardWriter()
		b.ReportAllocs()
		for range b.N {
			grpcWriteError(w, request, grpcWrapped)
		}
	})
}

// The Stripe shape (stripe.go): errgen against the baseline only, on the jobs
// whose cost depends on the body.

// BenchmarkStripeEncode: the HTTP body for the wrapped card_declined error, three fields set, into buf.
func BenchmarkStripeEncode(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		buf := make([]byte, 0, 512)
		b.ReportAllocs()
		for range b.N {
			sinkBytes = errgenStripeEncode(buf, errgenStripeWrapped)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		buf := make([]byte, 0, 512)
		b.ReportAllocs()
		for range b.N {
			sinkBytes = baselineStripeEncode(buf, baselineStripeWrapped)
		}
	})
}

// BenchmarkStripeDecode: the typed error back from 402 and the documented body.
func BenchmarkStripeDecode(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = errgenStripeDecode(StripeStatus, stripeBody)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = baselineStripeDecode(StripeStatus, stripeBody)
		}
	})
}

// BenchmarkStripeWriteError: the whole server path: status, Content-Type and body.
func BenchmarkStripeWriteError(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		w := newDiscardWriter()
		b.ReportAllocs()
		for range b.N {
			errgenStripeWriteError(w, request, errgenStripeWrapped)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		w := newDiscardWriter()
		b.ReportAllocs()
		for range b.N {
			baselineStripeWriteError(w, request, baselineStripeWrapped)
		}
	})
}

// The problem details shape (problem.go): errgen against the baseline only,
// on the jobs whose cost depends on the body.

// BenchmarkProblemEncode: the HTTP body for the wrapped out-of-credit problem, instance and accounts set, into buf.
func BenchmarkProblemEncode(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		buf := make([]byte, 0, 512)
		b.ReportAllocs()
		for range b.N {
			sinkBytes = errgenProblemEncode(buf, errgenProblemWrapped)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		buf := make([]byte, 0, 512)
		b.ReportAllocs()
		for range b.N {
			sinkBytes = baselineProblemEncode(buf, baselineProblemWrapped)
		}
	})
}

// BenchmarkProblemDecode: the typed error back from 403 and RFC 9457's example body.
func BenchmarkProblemDecode(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = errgenProblemDecode(ProblemStatus, problemBody)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sinkErr = baselineProblemDecode(ProblemStatus, problemBody)
		}
	})
}

// BenchmarkProblemWriteError: the whole server path: status, Content-Type and body.
func BenchmarkProblemWriteError(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		w := newDiscardWriter()
		b.ReportAllocs()
		for range b.N {
			errgenProblemWriteError(w, request, errgenProblemWrapped)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		w := newDiscardWriter()
		b.ReportAllocs()
		for range b.N {
			baselineProblemWriteError(w, request, baselineProblemWrapped)
		}
	})
}
