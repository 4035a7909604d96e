"""Server-side SVG: timeline and network drawings are valid, linked and escaped."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from newsgraph.web.svg import NetEdge, NetNode, TimelinePoint, network_svg, parse_partial_date, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_partial_dates():
    assert parse_partial_date("2023") == dt.date(2023, 1, 1)
    assert parse_partial_date("2023-06") == dt.date(2023, 6, 1)
    assert parse_partial_date("2023-06-21T10:00") == dt.date(2023, 6, 21)
    assert parse_partial_date("June") is None and parse_partial_date(None) is None


def test_timeline_points_are_links_placed_in_time_order():
    points = [TimelinePoint(dt.date(2023, 6, 21), "event", "met <b>X</b>", "/a?hl=1-2#hl"),
              TimelinePoint(dt.date(2023, 6, 25), "statement", "said y", "#d-2023-06-25", count=4)]
    root = ET.fromstring(str(timeline_svg(points)))
    links = root.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == ["/a?hl=1-2#hl", "#d-2023-06-25"]
    xs = [float(a.find(f"{SVG}circle").get("cx")) for a in links]
    assert xs[0] < xs[1]
    assert links[0].find(f"{SVG}circle/{SVG}title").text == "2023-06-21: met <b>X</b>"  # text, not markup
    assert links[1].find(f"{SVG}text").text == "4"
    assert str(timeline_svg([])) == ""


def test_network_nodes_sized_by_weight_and_edges_by_count():
    nodes = [NetNode(1, "A <script>", 10, "/actors/1"), NetNode(2, "B", 40, "/actors/2"), NetNode(3, "C", 10, "/actors/3")]
    edges = [NetEdge(1, 2, 1, "A – B: 1 CONSULT", "#edge-0"), NetEdge(2, 3, 4, "B – C: 4 CONSULT", "#edge-1")]
    markup = str(network_svg(nodes, edges))
    assert "<script>" not in markup
    root = ET.fromstring(markup)
    radius = {a.get("href"): float(a.find(f"{SVG}circle").get("r")) for a in root.iter(f"{SVG}a") if a.get("class") == "node"}
    assert radius["/actors/2"] > radius["/actors/1"]
    width = {a.get("href"): float(a.find(f"{SVG}line").get("stroke-width")) for a in root.iter(f"{SVG}a") if a.get("class") == "edge"}
    assert width["#edge-1"] > width["#edge-0"]
    assert network_svg(nodes, edges) == network_svg(nodes, edges)  # same layout every time (seeded)


def test_network_directed_edges_have_arrows_and_colours_by_type():
    nodes = [NetNode(1, "A", 10, "/actors/a"), NetNode(2, "B", 40, "/actors/b")]
    edges = [NetEdge(1, 2, 1, "A → B", "#edge-0", "ASSAULT", True), NetEdge(1, 2, 2, "A – B", "#edge-1", "CONSULT")]
    colours = {"CONSULT": "#111111", "ASSAULT": "#222222"}
    root = ET.fromstring(str(network_svg(nodes, edges, colours)))
    shapes = {a.get("href"): list(a)[0] for a in root.iter(f"{SVG}a") if a.get("class") == "edge"}
    assert shapes["#edge-0"].get("marker-end") == "url(#arrow-222222)" and shapes["#edge-0"].get("stroke") == "#222222"
    assert shapes["#edge-1"].get("marker-end") is None and shapes["#edge-1"].tag == f"{SVG}path"  # the second fans out
    assert root.find(f".//{SVG}marker[@id='arrow-222222']") is not None


def test_timeline_stray_date_is_drawn_apart():
    days = [dt.date(2023, 6, d) for d in range(1, 20)] + [dt.date(1987, 1, 1)]
    points = [TimelinePoint(d, "event", "x", f"#p{n}") for n, d in enumerate(days)]
    root = ET.fromstring(str(timeline_svg(points)))
    xs = {a.get("href"): float(a.find(f"{SVG}circle").get("cx")) for a in root.iter(f"{SVG}a")}
    bulk = [xs[f"#p{n}"] for n in range(19)]
    assert xs["#p19"] < min(bulk) and max(bulk) - min(bulk) > 400  # the bulk keeps the axis, the stray sits apart
    assert any("earlier 1987-01-01" in (t.text or "") for t in root.iter(f"{SVG}text"))
