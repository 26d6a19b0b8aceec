"""Measures which WCAG contrast ratios real decoders still read, to justify QRStyle's minimum.

Renders https://hc.example/t/7KQ2MX/ (segno, level M) in grey pairs, then degrades each image the
way a phone photo of a print does (downscale to ~2.5 px/module, blur, a lighting gradient,
sensor noise) and asks zbarimg and zxing-cpp to read it. Prints, per contrast ratio, how many of
the trials each decoder read. Run: python3 bench/qr/contrast.py
"""
import io, random, subprocess, tempfile, os
import segno, zxingcpp
from PIL import Image, ImageFilter

PAYLOAD = "https://hc.example/t/7KQ2MX/"

def luminance(v):
    c = v / 255
    c = c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return c

def ratio(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)

def render(fg, bg):
    buf = io.BytesIO()
    segno.make(PAYLOAD, error="m", boost_error=False).save(buf, kind="png", scale=10, border=4,
                                                           dark=(fg,) * 3, light=(bg,) * 3)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")

def degrade(img, rng):
    w = img.width
    small = img.resize((int(w * 0.25), int(w * 0.25)), Image.BILINEAR)   # ~2.5 px per module
    small = small.filter(ImageFilter.GaussianBlur(0.8))
    px = small.load()
    n = small.width
    for y in range(n):
        for x in range(n):
            light = 0.75 + 0.25 * x / n                                   # shadow on one side
            px[x, y] = max(0, min(255, int(px[x, y] * light + rng.gauss(0, 6))))
    return small

def zbar(img):
    with tempfile.NamedTemporaryFile(suffix=".png") as f:
        img.save(f.name)
        out = subprocess.run(["zbarimg", "--raw", "-q", f.name], capture_output=True, text=True)
        return out.stdout.rstrip("\n") == PAYLOAD

def zxing(img):
    return any(r.text == PAYLOAD for r in zxingcpp.read_barcodes(img))

def main():
    rng = random.Random(7)
    trials = int(os.environ.get("TRIALS", "5"))
    step = int(os.environ.get("STEP", "16"))
    print("fg  bg   ratio  clean(zbar,zxing)  degraded zbar/%d zxing/%d" % (trials, trials))
    for bg in (255, 200):
        for fg in range(0, bg, step):
            r = ratio(fg, bg)
            if r > 8 and fg > 0:
                continue
            clean = render(fg, bg)
            dz = sum(zbar(degrade(clean, rng)) for _ in range(trials))
            dx = sum(zxing(degrade(clean, rng)) for _ in range(trials))
            print("%3d %3d %6.2f  %5s %5s        %d        %d" % (fg, bg, r, zbar(clean), zxing(clean), dz, dx))

main()
