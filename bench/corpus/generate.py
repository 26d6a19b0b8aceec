#!/usr/bin/env python3
"""Deterministic Waymark corpus for benchmarks: T trails x S stops + P pets, realistic Markdown.

    generate.py OUT --trails 50 --stops 19 --pets 40 [--seed 7] [--hugo HUGO_OUT]

Writes a Waymark project (OUT/content/bench/...) and, with --hugo, the same content as a Hugo
site whose stops and pets carry `aliases: ["/t/<TOKEN>/"]` (Hugo's own redirect pages) and a
minimal theme rendering the same fields. Pages = trails + stops + pets + 3 (home, list, 404).
"""
import argparse
import os
import random

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
WORDS = (
    "river mill weir bridge meadow hedge oak ash willow heron otter kingfisher stone wall gate path "
    "valley hill spring brook orchard barn chapel lane field wood fern moss lichen badger fox owl "
    "beech hazel holly ivy thistle bramble cottage forge quarry lime kiln tannery wharf ford ridge"
).split()
SPECIES = ["dog", "cat", "rabbit", "ferret", "tortoise"]


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=5):
    return " ".join(sentence(rng, rng.randint(9, 18)) for _ in range(sentences))


def body(rng, trail_slug, stop_slugs):
    """300-600 words with headings, lists, links, sometimes a table or code."""
    parts = [paragraph(rng, 6), "## What to look for", paragraph(rng, 5)]
    parts.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(rng.randint(3, 5))))
    if stop_slugs:
        other = rng.choice(stop_slugs)
        parts.append(f"Walk on to [the next stop](/trails/{trail_slug}/{other}/) or read more at https://www.example.org/{rng.choice(WORDS)}.")
    if rng.random() < 0.4:
        parts.append("| Then | Now |\n|---|---|\n" + "\n".join(f"| {rng.choice(WORDS)} | {rng.choice(WORDS)} |" for _ in range(3)))
    if rng.random() < 0.15:
        parts.append("```\n" + "\n".join(sentence(rng, 5) for _ in range(3)) + "\n```")
    parts.append("## Try this")
    parts.append("\n".join(f"{i}. {sentence(rng, 8)}" for i in range(1, 4)))
    parts.append(paragraph(rng, 6))
    return "\n\n".join(parts) + "\n"


def token(rng, length, used):
    while True:
        value = "".join(rng.choice(ALPHABET) for _ in range(length))
        if value not in used:
            used.add(value)
            return value


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--trails", type=int, default=50)
    parser.add_argument("--stops", type=int, default=19)
    parser.add_argument("--pets", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--hugo")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    used = set()
    site = os.path.join(args.out, "content", "bench")
    write(os.path.join(site, "site.yml"),
          "id: bench\ntitle: Bench Trails\nlang: en\nbase_url: https://bench.example\nhost: generic\n")
    hugo = args.hugo
    if hugo:
        write(os.path.join(hugo, "hugo.toml"), 'baseURL = "https://bench.example/"\ntitle = "Bench Trails"\ndisableKinds = ["taxonomy", "term", "RSS"]\n[markup.goldmark.renderer]\nunsafe = false\n')
        write(os.path.join(hugo, "layouts", "_default", "baseof.html"),
              '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} · {{ site.Title }}</title>{{ if eq .Section "pets" }}<meta name="robots" content="noindex">{{ end }}</head><body><header><a href="/">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>\n')
        write(os.path.join(hugo, "layouts", "_default", "single.html"),
              '{{ define "main" }}<h1>{{ .Title }}</h1>{{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}{{ with .Params.lat }}<p>{{ . }}, {{ $.Params.lon }}</p>{{ end }}{{ .Content }}{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}\n')
        write(os.path.join(hugo, "layouts", "_default", "list.html"),
              '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ol>{{ end }}\n')
        write(os.path.join(hugo, "layouts", "index.html"),
              '{{ define "main" }}<h1>{{ site.Title }}</h1><ul>{{ range where site.Sections "Section" "trails" }}{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>{{ end }}\n')
        write(os.path.join(hugo, "content", "trails", "_index.md"), "---\ntitle: Trails\n---\n")
    for t in range(args.trails):
        slug = f"trail-{t:04d}"
        stop_slugs = [f"{rng.choice(WORDS)}-{s:02d}" for s in range(1, args.stops + 1)]
        summary = sentence(rng, 10)
        trail_front = f"title: Trail {t} {rng.choice(WORDS).title()}\nsummary: {summary}\nregion: {rng.choice(WORDS).title()} Valley\ndistance_km: {rng.randint(10, 150) / 10}\ndifficulty: {rng.choice(['easy', 'moderate', 'hard'])}\n"
        trail_body = paragraph(rng, 5) + "\n"
        write(os.path.join(site, "trails", slug, "index.md"), f"---\n{trail_front}---\n{trail_body}")
        if hugo:
            write(os.path.join(hugo, "content", "trails", slug, "_index.md"), f"---\n{trail_front}---\n{trail_body}")
        for s, stop_slug in enumerate(stop_slugs, start=1):
            tok = token(rng, 6, used)
            text = body(rng, slug, stop_slugs)
            front = f"title: Stop {s} {rng.choice(WORDS).title()}\ntoken: {tok}\nlat: {rng.uniform(50, 55):.5f}\nlon: {rng.uniform(-4, 1):.5f}\nsummary: {sentence(rng, 9)}\nprompt: {sentence(rng, 6)}\n"
            write(os.path.join(site, "trails", slug, f"{s:02d}-{stop_slug}.md"), f"---\n{front}---\n{text}")
            if hugo:
                write(os.path.join(hugo, "content", "trails", slug, f"{stop_slug}.md"),
                      f"---\n{front}weight: {s}\naliases: [\"/t/{tok}/\"]\n---\n{text}")
    for p in range(args.pets):
        tok = token(rng, 10, used)
        name = rng.choice(WORDS).title()
        front = (f"name: {name}\nspecies: {rng.choice(SPECIES)}\ntoken: {tok}\nlost: false\nowner:\n  name: Owner {p}\n"
                 f"  phone: \"+44 7700 900{p % 1000:03d}\"\n  public: [phone]\nvaccinations:\n  - name: Rabies\n    date: 2025-01-0{1 + p % 9}\n    expires: 2029-01-01\n")
        text = paragraph(rng, 4) + "\n"
        write(os.path.join(site, "pets", f"pet-{p:05d}.md"), f"---\n{front}---\n{text}")
        if hugo:
            write(os.path.join(hugo, "content", "pets", f"pet-{p:05d}.md"),
                  f"---\ntitle: {name}\nsummary: {rng.choice(SPECIES)}\naliases: [\"/t/{tok}/\"]\n---\n{text}")
    pages = args.trails * (args.stops + 1) + args.pets + 3
    print(f"wrote {args.trails} trails x {args.stops} stops + {args.pets} pets = {pages} pages to {args.out}" + (f" and {hugo}" if hugo else ""))


if __name__ == "__main__":
    main()
