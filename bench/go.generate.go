//go:build generate

// go.generate.go regenerates the packages of the second and third shapes:
// stripeerr from the Stripe spec, problemerr from the problem details spec.
// Run
//
//	go generate
//
// in bench/ after changing a spec or the generator;
// TestGeneratedIsUpToDate fails while either package is stale.
package bench

//go:generate go run github.com/errgen/errgen/cmd/errgen -spec ../gen/testdata/apis/stripe.yaml -out stripeerr
//go:generate go run github.com/errgen/errgen/cmd/errgen -spec ../gen/testdata/apis/problem.yaml -out problemerr
