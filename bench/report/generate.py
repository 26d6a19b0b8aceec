#!/usr/bin/env python3
"""Writes a hive-partitioned scan-log tree (DESIGN §7) of generated events, and optionally the same
events as an Apache combined log (for GoAccess) and a matching site/_manifest.json.

Lines are byte-for-byte what waymark-ingest writes (fixed key order, compact JSON). Per partition
and node the events are in time order, as an appending writer leaves them. A share of events is
copied into the other node's file (replicated or retried beacons) and a share comes from bots.

  generate.py --out logs --events 5000000 --sites 3 --days 30 --nodes 2 [--combined access.log]
"""
import argparse, datetime, json, os, random

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
AGENTS = [  # (device, os, browser, weight, user agent for the combined log)
    ("mobile", "ios", "safari", 40, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"),
    ("mobile", "android", "chrome", 35, "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36"),
    ("mobile", "android", "samsung", 6, "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36"),
    ("tablet", "ios", "safari", 5, "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"),
    ("desktop", "windows", "chrome", 5, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"),
    ("desktop", "macos", "firefox", 2, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0"),
    ("bot", "other", "googlebot", 4, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
    ("bot", "other", "other", 3, "curl/8.5.0"),
]
REFERRERS = [(None, 70), ("www.google.com", 10), ("m.facebook.com", 8), ("t.co", 4), ("hollowcreek.example", 8)]
COUNTRIES = [("GB", 50), ("US", 20), ("DE", 10), ("FR", 8), (None, 12)]


def pick(rng, weighted):
    values, weights = zip(*weighted)
    return rng.choices(values, weights=weights)[0]


def token(rng, length):
    return "".join(rng.choice(ALPHABET) for _ in range(length))


def ulid(rng, ms):
    value = (ms << 80) | rng.getrandbits(80)
    return "".join(ALPHABET[(value >> (125 - 5 * i)) & 31] for i in range(26))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--sites", type=int, default=3)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--nodes", type=int, default=2)
    parser.add_argument("--tokens", type=int, default=24, help="tokens per site")
    parser.add_argument("--first-day", default="2026-10-01")
    parser.add_argument("--duplicates", type=float, default=0.01, help="share of events also written by the other node")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--combined", help="also write the events as an Apache combined log here")
    parser.add_argument("--manifest", help="also write a manifest of the sites and tokens here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    first = datetime.date.fromisoformat(args.first_day)
    epoch = datetime.date(1970, 1, 1)
    sites = [f"site{index + 1}" for index in range(args.sites)]
    tokens = {site: [token(rng, 6) for _ in range(args.tokens)] for site in sites}
    agents = [(a[0], a[1], a[2], a[4]) for a in AGENTS]
    agent_weights = [a[3] for a in AGENTS]
    per_partition = args.events // (args.sites * args.days)
    combined = open(args.combined, "w") if args.combined else None
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    written = 0
    for site in sites:
        site_tokens = tokens[site]
        token_weights = [1.0 / (rank + 1) for rank in range(len(site_tokens))]
        for day_offset in range(args.days):
            day = first + datetime.timedelta(days=day_offset)
            day_ms = (day - epoch).days * 86_400_000
            visitors = [f"{rng.getrandbits(64):016x}" for _ in range(max(1, per_partition // 3))]
            files = [[] for _ in range(args.nodes)]
            count = per_partition
            if site == sites[-1] and day_offset == args.days - 1:
                count = args.events - written  # the remainder, so the total is exact
            stamps = sorted(rng.randrange(86_400_000) for _ in range(count))
            chosen_tokens = rng.choices(site_tokens, weights=token_weights, k=count)
            chosen_agents = rng.choices(agents, weights=agent_weights, k=count)
            for index in range(count):
                ms = day_ms + stamps[index]
                device, os_name, browser, agent = chosen_agents[index]
                ref = pick(rng, REFERRERS)
                cc = pick(rng, COUNTRIES)
                ih = rng.choice(visitors)
                seconds, milli = divmod(ms, 1000)
                moment = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
                ts = moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{milli:03d}Z"
                kind = "scan" if index % 3 else "beacon"
                line = (f'{{"v":1,"id":"{ulid(rng, ms)}","ts":"{ts}","site":"{site}","token":"{chosen_tokens[index]}",'
                        f'"kind":"{kind}","ua":{{"device":"{device}","os":"{os_name}","browser":"{browser}"}},'
                        f'"ref":{json.dumps(ref)},"cc":{json.dumps(cc)},"ih":"{ih}"}}\n')
                node = index % args.nodes
                files[node].append(line)
                if args.nodes > 1 and rng.random() < args.duplicates:
                    files[(node + 1) % args.nodes].append(line)
                if combined:
                    ip = f"10.{int(ih[0:2], 16)}.{int(ih[2:4], 16)}.{int(ih[4:6], 16)}"
                    stamp = f"{moment.day:02d}/{months[moment.month - 1]}/{moment.year}:{moment.strftime('%H:%M:%S')} +0000"
                    referrer = f"https://{ref}/" if ref else "-"
                    combined.write(f'{ip} - - [{stamp}] "GET /t/{chosen_tokens[index]}/ HTTP/1.1" 302 0 "{referrer}" "{agent}"\n')
            written += count
            folder = os.path.join(args.out, f"site={site}", f"date={day.isoformat()}")
            os.makedirs(folder, exist_ok=True)
            for node, lines in enumerate(files):
                with open(os.path.join(folder, f"node{node + 1}-1.ndjson"), "w") as handle:
                    handle.writelines(lines)
    if combined:
        combined.close()
    if args.manifest:
        manifest = {"version": 1, "sites": {s: {"title": s.capitalize(), "base_url": f"https://{s}.example"} for s in sites}, "tokens": {}}
        for site in sites:
            for rank, value in enumerate(tokens[site]):
                trail, stop = divmod(rank, 6)
                manifest["tokens"][value] = {
                    "site": site, "kind": "stop", "status": "active", "target": f"https://{site}.example/t{trail}/{stop}/",
                    "payload": f"https://{site}.example/t/{value}/", "title": f"Stop {stop + 1} of trail {trail + 1}",
                    "source": f"content/{site}/trails/trail-{trail + 1}/{stop + 1:02d}-stop.md"}
        with open(args.manifest, "w") as handle:
            json.dump(manifest, handle, indent=2, sort_keys=True)
    print(f"wrote {written} events ({args.sites} sites x {args.days} days x {args.nodes} nodes) to {args.out}")


if __name__ == "__main__":
    main()
