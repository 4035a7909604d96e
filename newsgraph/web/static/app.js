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
