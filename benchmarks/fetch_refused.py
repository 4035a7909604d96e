"""A 10,000-item feed whose every link is refused by the address policy: how long until all are refused.

    .venv/bin/python benchmarks/fetch_refused.py [--items 10000]

The feed is a local RSS file read through ``newsgraph.ingest.iter_documents`` (the path of
``newsgraph ingest feed.xml``): each item link is a literal non-public address in one of the
forms the policy knows (loopback, private, link-local/metadata, decimal/octal/hex/short IPv4,
IPv4-mapped, 6to4, NAT64, ULA, site-local), so no DNS is asked and nothing connects.
Goal: <= 10 s for 10,000 items.

Peer measured in the same run: the former cost per URL, a new httpx client (transport, SSL
context) made and closed for each URL before its check, on a sample, times the item count.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import httpx

from newsgraph.ingest import feeds, iter_documents
from newsgraph.ingest.netpolicy import check_url

FORMS = ["127.0.0.1", "10.0.0.{n}", "192.168.1.{n}", "169.254.169.254", "2130706433", "0177.0.0.1", "0x7f.1",
         "127.1", "[::ffff:127.0.0.1]", "[2002:7f00:1::]", "[64:ff9b::a00:1]", "[fd00::{n:x}]", "[fec0::1]"]


def feed(items: int) -> bytes:
    """Return an RSS document with ``items`` items linking to refused addresses."""
    rows = [f"<item><title>Item {n}</title><link>http://{FORMS[n % len(FORMS)].format(n=n % 250 + 1)}/story/{n}"
            f"</link><pubDate>Mon, 03 Jul 2023 10:00:00 GMT</pubDate></item>" for n in range(items)]
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>refused</title><link>https://example.org/</link>"
            + "".join(rows) + "</channel></rss>").encode()


def main() -> None:
    """Print the seconds for the feed and the peer's estimate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "refused.rss"
        path.write_bytes(feed(args.items))
        errors: list[Exception] = []
        started = time.perf_counter()
        docs = list(iter_documents([str(path)], on_error=errors.append, timeout=5.0))
        took = time.perf_counter() - started
        started = time.perf_counter()
        feeds.parse_feed(path.read_bytes(), str(path))
        parse = time.perf_counter() - started
    refused = sum(type(e).__name__ == "PrivateAddressError" for e in errors)
    print(f"newsgraph: {args.items:,} items, {refused:,} refused, {len(docs)} fetched, {took:.2f} s "
          f"({took / args.items * 1000:.3f} ms per item; of it parsing the feed alone {parse:.2f} s); "
          "goal <= 10 s for 10,000")
    sample = 200
    started = time.perf_counter()
    for n in range(sample):
        with httpx.Client(transport=httpx.HTTPTransport(trust_env=False), trust_env=False):
            try:
                check_url(f"http://10.0.0.{n % 250 + 1}/")
            except Exception:  # noqa: BLE001, S110 - refused, as expected
                pass
    per_url = (time.perf_counter() - started) / sample
    print(f"peer (a client per URL, the former fetch): {per_url * 1000:.1f} ms per URL, "
          f"~{per_url * args.items:.0f} s for {args.items:,}")


if __name__ == "__main__":
    main()
