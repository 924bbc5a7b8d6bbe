-- Every request carries the development token, as a client of the real service would send one.
wrk.headers["X-Auth-Token"] = "bench-token"
