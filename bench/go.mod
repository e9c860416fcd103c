module github.com/errgen/errgen/bench

go 1.26.0

require (
	github.com/errgen/errgen v0.0.0-00010101000000-000000000000
	github.com/go-kratos/kratos/v2 v2.8.3
	github.com/grpc-ecosystem/grpc-gateway/v2 v2.33.0
	github.com/twitchtv/twirp v8.1.3+incompatible
	google.golang.org/genproto/googleapis/rpc v0.0.0-20261019180522-ce908d29299b
	google.golang.org/grpc v1.85.0
	google.golang.org/protobuf v1.36.12
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/aymanbagabas/go-udiff v0.4.2 // indirect
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/go-kratos/aegis v0.2.0 // indirect
	github.com/go-playground/form/v4 v4.2.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/gorilla/mux v1.8.1 // indirect
	github.com/kr/text v0.2.0 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	golang.org/x/net v0.61.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.43.0 // indirect
	google.golang.org/genproto/googleapis/api v0.0.0-20261026165753-2ffab32bce7e // indirect
)

replace github.com/errgen/errgen => ../
