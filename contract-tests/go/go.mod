module example.com/modelarts-local/gocheck

go 1.19

require example.com/modelarts-local/modelartsimages v0.0.0

// the client generated from the spec at build time (contract-tests/target/go-client)
replace example.com/modelarts-local/modelartsimages => ../target/go-client
