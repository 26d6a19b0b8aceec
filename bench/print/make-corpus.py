#!/usr/bin/env python3
"""Writes a Waymark project with many stop cards and pets, for timing `waymark cards`.

    python3 bench/print/make-corpus.py OUT_DIR [STOPS] [PETS]

STOPS stop cards (in trails of 100 stops) and PETS pets (each: a tag card and a 3-page passport).
Tokens are deterministic, so two corpora of the same size are identical.
"""
import os, sys

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def token(n, length):
    out = ""
    for _ in range(length):
        out = ALPHABET[n % 32] + out
        n //= 32
    return out


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    out = sys.argv[1]
    stops = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    pets = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    site = os.path.join(out, "content", "bench")
    write(os.path.join(site, "site.yml"),
          "id: bench\ntitle: Bench Trails\nlang: en-GB\nbase_url: https://bench.example\nshort_url: https://b.example\nhost: netlify\n")
    for i in range(stops):
        trail, stop = divmod(i, 100)
        folder = os.path.join(site, "trails", "trail-%03d" % trail)
        if stop == 0:
            write(os.path.join(folder, "index.md"), "---\ntitle: Trail %d of the Müller Valley\nsummary: A walk.\n---\nBody.\n" % trail)
        write(os.path.join(folder, "%03d-stop-%d.md" % (stop + 1, stop + 1)),
              "---\ntitle: Stop %d, the old Zoë mill\ntoken: %s\nlat: 51.5\nlon: -2.5\norder: %d\n"
              "prompt: Count the windows on the top floor and find the date stone.\n---\nStory.\n" % (stop + 1, token(i + 32 ** 5, 6), stop + 1))
    for i in range(pets):
        write(os.path.join(site, "pets", "pet-%04d.md" % i),
              "---\nname: 小白 %d\nname_latin: Xiaobai\nspecies: cat\ntoken: %s\nowner:\n  name: Lin\n  phone: \"+44 7700 900%03d\"\n  public: [phone]\n"
              "vaccinations:\n  - name: Feline enteritis\n    date: 2026-02-20\n    expires: 2027-02-19\n"
              "health_notes: Deaf on the left side.\n---\nA cat.\n" % (i, token(i + 32 ** 9, 10), i % 1000))


main()
