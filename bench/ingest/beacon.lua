-- wrk script: POST /b as a redirect page's navigator.sendBeacon sends it.
wrk.method = "POST"
wrk.body = '{"site":"hollowcreek","token":"88X0WK","ref":"https://www.google.com/"}'
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
wrk.headers["Origin"] = "https://trails.hollowcreek.example"
wrk.headers["User-Agent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
