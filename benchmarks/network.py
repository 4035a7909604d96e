"""How long the network page takes for a few hundred actors (goal: 300 nodes in at most 1 s).

Builds a synthetic SQLite corpus (one article per actor, each actor in an event with another, four
event types over a year; no spaCy), then times, in the same run and process:

- the store's bare query (``Store.network``, all types): the floor the page cannot beat;
- the layout and SVG alone (``network_svg``);
- the whole page (``GET /network?type=ALL`` through the ASGI app, template included);
- a static file through the same app: the web stack's own cost.

    .venv/bin/python benchmarks/network.py                  # 300 actors, 5 timed requests
    .venv/bin/python benchmarks/network.py --actors 400 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

TYPES = ("CONSULT", "ASSAULT", "DEMAND", "SUPPORT")


def analyses(n: int):  # noqa: ANN201
    """Yield Analyses linking ``n`` actors in a tree of events (each actor with actor i // 3)."""
    from newsgraph.model import Actor, Analysis, Article, Event, EventActor, Mention

    def name(i: int) -> str:
        return f"Actor {i:03d} {'Karimi Haddad Novak Petrov Yilmaz'.split()[i % 5]}"

    for i in range(1, n):
        a, b = name(i), name(i // 3)
        sentence = f"{a} met {b} on the border."
        body = f"Report {i}\n\n{sentence}"
        start = body.index(sentence)
        day = f"2023-{1 + i % 12:02d}-{1 + i % 27:02d}"
        actors = [Actor(id=f"a{k}", name=x, type="PERSON",
                        mentions=[Mention(text=x, start=body.index(x, start), end=body.index(x, start) + len(x))])
                  for k, x in enumerate((a, b))]
        yield Analysis(article=Article(id=f"n-{i}", source=f"n-{i}", title=f"Report {i}", body=body, published=day,
                                       site="Synthetic", extractor="text"), actors=actors,
                       events=[Event(type=TYPES[i % 4], actors=[EventActor(actor="a0", role="source"),
                                                                EventActor(actor="a1", role="target")],
                                     date=day, date_precision="day", text=sentence, start=start,
                                     end=start + len(sentence))])


def timed(fn, repeat: int) -> list[float]:  # noqa: ANN001
    """Return the wall times (s) of ``repeat`` calls after one warm-up call."""
    fn()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from newsgraph.store import Store
    from newsgraph.web import Settings, create_app
    from newsgraph.web.pages_network import build_graph, plover_types
    from newsgraph.web.svg import network_svg, type_colours

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'net.db'}"
        store = Store(url)
        store.save_many(list(analyses(args.actors)))
        client = TestClient(create_app(url, settings=Settings(), store=store))
        edges = store.network(types=None)

        class _Req:  # build_graph needs only the app (for URLs) and the store
            app = client.app

        nodes, net_edges, _ = build_graph(_Req(), edges)
        colours = type_colours(plover_types())
        rows = {
            "store.network (bare query)": timed(lambda: store.network(types=None), args.repeat),
            "layout + SVG": timed(lambda: network_svg(nodes, net_edges, colours), args.repeat),
            "GET /network?type=ALL": timed(lambda: client.get("/network", params={"type": "ALL"}), args.repeat),
            "GET /static/style.css (peer)": timed(lambda: client.get("/static/style.css"), args.repeat),
        }
        print(f"{len(nodes)} nodes, {len(net_edges)} edges; {args.repeat} timed runs each")
        for label, times in rows.items():
            print(f"  {label:30s} median {statistics.median(times) * 1000:7.1f} ms   max {max(times) * 1000:7.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
