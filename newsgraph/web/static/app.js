// newsgraph: small progressive enhancements. Every page works without this file.
// Hand-written: a popover and a scroll-and-flash do not justify a framework.
(function () {
  "use strict";
  var pop = document.getElementById("ng-popover");

  function row(dl, term, value) {
    if (!value) return;
    var dt = document.createElement("dt"); dt.textContent = term;
    var dd = document.createElement("dd"); dd.textContent = value;  // textContent: never HTML
    dl.appendChild(dt); dl.appendChild(dd);
  }

  function describe(target) {
    var dl = document.createElement("dl");
    var el = target;
    while (el && el.classList && !el.classList.contains("body")) {
      var d = el.dataset || {};
      if (d.actorName) row(dl, "Actor", d.actorName + " (" + (d.actorType || "").toLowerCase() + ")");
      if (d.speaker) row(dl, d.direct === "true" ? "Quote by" : "Reported speech of", d.speaker + (d.cue ? " — " + d.cue : ""));
      if (d.eventType) row(dl, "Event " + d.eventType, (d.eventActors || "") + (d.eventDate ? " on " + d.eventDate : ""));
      if (d.category) row(dl, "Framing", d.category.replace(/_/g, " "));
      el = el.parentElement;
    }
    return dl;
  }

  function flash(id) {
    var el = document.getElementById(id);
    if (!el) return;
    el.classList.add("ng-flash");
    window.setTimeout(function () { el.classList.remove("ng-flash"); }, 2500);
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var link = t.closest("a.to-text");
    if (link && link.dataset.target) { flash(link.dataset.target); return; }  // the href still scrolls
    if (!pop) return;
    var ann = t.closest(".body [data-actor], .body .ng-statement, .body .ng-event, .body .ng-evidence, .body .ng-framing");
    if (!ann) { pop.hidden = true; return; }
    var dl = describe(ann);
    pop.textContent = "";
    pop.appendChild(dl);
    var box = pop.parentElement.getBoundingClientRect();
    var r = ann.getBoundingClientRect();
    pop.hidden = false;
    pop.style.left = Math.max(0, r.left - box.left) + "px";  // CSSOM property writes are allowed by the CSP
    pop.style.top = (r.bottom - box.top + 6) + "px";
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && pop) pop.hidden = true; });
})();

// newsgraph workbench: zoom and pan on the network. The page works without it (a static SVG that scrolls).
// Zoom/pan is hand-written on the SVG viewBox (~40 lines) because no pinned, vendorable pan-zoom
// library is available offline here, and moving a viewBox needs no more than this.
(function () {
  "use strict";

  function panZoom(svg) {
    var baseAttr = svg.getAttribute("viewBox");
    var base = baseAttr.split(/\s+/).map(Number);
    var view = base.slice();
    var controls = svg.closest("figure").querySelector(".zoom-controls");
    svg.parentElement.classList.add("zooming");
    svg.dataset.fit = baseAttr;
    var frame = svg.getBoundingClientRect();
    if (base[2] > frame.width * 1.2) {  // a big drawing opens at its own size around its biggest node; "Fit" shows all
      var big = null;
      svg.querySelectorAll(".node circle").forEach(function (c) {
        if (!big || Number(c.getAttribute("r")) > Number(big.getAttribute("r"))) big = c;
      });
      var cx = big ? Number(big.getAttribute("cx")) : base[0] + base[2] / 2;
      var cy = big ? Number(big.getAttribute("cy")) : base[1] + base[3] / 2;
      view = [cx - frame.width / 2, cy - frame.height / 2, frame.width, frame.height];
      apply();
    }
    function apply() { svg.setAttribute("viewBox", view.map(function (v) { return v.toFixed(1); }).join(" ")); }
    function zoom(factor, cx, cy) {  // cx, cy: the point kept in place, in SVG units
      var w = Math.min(base[2] * 4, Math.max(base[2] / 40, view[2] * factor));
      var f = w / view[2];
      view = [cx - (cx - view[0]) * f, cy - (cy - view[1]) * f, view[2] * f, view[3] * f];
      apply();
    }
    function toSvg(ev) {
      var r = svg.getBoundingClientRect();
      var scale = Math.max(view[2] / r.width, view[3] / r.height);
      return [view[0] + (ev.clientX - r.left) * scale, view[1] + (ev.clientY - r.top) * scale, scale];
    }
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var p = toSvg(ev);
      zoom(ev.deltaY > 0 ? 1.2 : 1 / 1.2, p[0], p[1]);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (ev) {
      if (ev.button !== 0 || ev.target.closest("a")) return;  // links stay clickable
      drag = { x: ev.clientX, y: ev.clientY, view: view.slice(), scale: toSvg(ev)[2] };
      svg.setPointerCapture(ev.pointerId);
      svg.classList.add("panning");
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      view[0] = drag.view[0] - (ev.clientX - drag.x) * drag.scale;
      view[1] = drag.view[1] - (ev.clientY - drag.y) * drag.scale;
      apply();
    });
    function stop() { drag = null; svg.classList.remove("panning"); }
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
    if (controls) {
      controls.hidden = false;
      controls.addEventListener("click", function (ev) {
        var b = ev.target.closest("button");
        if (!b) return;
        var cx = view[0] + view[2] / 2, cy = view[1] + view[3] / 2;
        if (b.dataset.zoom === "in") zoom(1 / 1.4, cx, cy);
        else if (b.dataset.zoom === "out") zoom(1.4, cx, cy);
        else { view = base.slice(); svg.setAttribute("viewBox", baseAttr); }
      });
    }
  }

  document.querySelectorAll("svg.network").forEach(panZoom);
})();
