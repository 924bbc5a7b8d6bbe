-- A GET as java.net.http sends it on http://: an HTTP/2 upgrade offer and, before JDK 19, an empty
-- body's Content-Length (JDK-8283544; wrk.format writes Content-Length for a body, even "").
wrk.headers["X-Auth-Token"] = "bench-token"
wrk.headers["Upgrade"] = "h2c"
wrk.headers["HTTP2-Settings"] = "AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA"
wrk.body = ""
