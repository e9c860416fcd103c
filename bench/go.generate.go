//go:build generate

// go.generate.go regenerates stripeerr, the second shape's package, from
// the Stripe spec. Run
//
//	go generate
//
// in bench/ after changing the spec or the generator;
// TestStripeerrIsUpToDate fails while stripeerr is stale.
package bench

//go:generate go run github.com/errgen/errgen/cmd/errgen -spec ../gen/testdata/apis/stripe.yaml -out stripeerr
