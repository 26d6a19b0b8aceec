"""segno doing what Waymark does per token: encode (level M, no micro QR, no error boost),
SVG and PNG (8 px per module, 4-module border) to memory. Same tokens as bench.c."""
import io, sys, time
import segno

count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
state, payloads = 12345, []
for _ in range(count):
    token = ""
    for _ in range(6):
        state = (state * 1103515245 + 12345) & 0xFFFFFFFF
        token += alphabet[(state >> 16) & 31]
    payloads.append("https://hc.example/t/%s/" % token)

size = 0
start = time.perf_counter()
for payload in payloads:
    qr = segno.make(payload, error="m", micro=False, boost_error=False)
    svg, png = io.BytesIO(), io.BytesIO()
    qr.save(svg, kind="svg", scale=8, border=4)
    qr.save(png, kind="png", scale=8, border=4)
    size += svg.tell() + png.tell()
seconds = time.perf_counter() - start
print("segno codes=%d seconds=%f per_second=%f bytes=%d" % (count, seconds, count / seconds, size))
