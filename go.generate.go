//go:build generate

// go.generate.go regenerates everything derived from errors.yaml. Run
//
//	go generate ./...
//
// after changing the spec; `go test ./...` fails while anything is stale.
package errgen

//go:generate go run ./cmd/errgen -spec errors.yaml -out generated/faseeherr -docs generated/errors.md -openapi generated/openapi.json -schema generated/errgen.schema.json
