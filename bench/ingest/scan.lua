-- wrk script: GET /t/<TOKEN> as a phone's camera app opens a printed QR code.
wrk.method = "GET"
wrk.headers["Host"] = "hc.example"
wrk.headers["User-Agent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
