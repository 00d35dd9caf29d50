// Turn the book's static charts into live ones, without moving them.
// Each <figure class="bk-chart"> holds two pre-rendered SVGs (wide and narrow
// layouts) and names its compiled Vega specs (data-spec: a script in
// _static/charts/). When a figure comes near the viewport or is touched, this
// loads the Vega runtime (once) and the figure's specs from the site, and draws
// the layout that fits the column in place of the static drawing: same size,
// now with bound inputs, legend selections and tooltips. Scripts are used
// rather than fetched JSON so that a copy of the site opened from disk works.
(function () {
  "use strict";
  var script = document.currentScript;
  var loading = {};

  // Load a script of the site once; resolve with what it defines.
  function load(path, defined) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL(path, script.src).href;
        tag.async = true;
        tag.onload = function () { resolve(defined()); };
        tag.onerror = function () { reject(new Error("cannot load " + tag.src)); };
        document.head.appendChild(tag);
      });
    }
    return loading[path];
  }

  function loadVega() {
    return load(script.dataset.bundle, function () { return window.vega; });
  }

  function loadSpecs(figure) {
    var name = figure.dataset.spec;
    return load("charts/" + name + ".js", function () { return window.bkChartSpecs[name]; });
  }

  function layoutFor(figure) {
    return figure.clientWidth >= Number(figure.dataset.wide) ? "wide" : "narrow";
  }

  // Vega fits a plot to its width in one pass; a narrower plot can round its axis to another
  // end and push end-of-bar labels past the edge, so fit again while anything sticks out.
  function refit(view, width, passes) {
    var padding = view.padding();
    var right = padding.left + view.origin()[0] + view.scenegraph().root.bounds.x2 + padding.right;
    if (passes === 0 || !(right > width + 0.5)) return view;
    view.resize();
    return view.runAsync().then(function () { return refit(view, width, passes - 1); });
  }

  function attach(figure) {
    var layout = layoutFor(figure);
    if (figure.dataset.layout === layout || figure.dataset.pending) return;
    figure.dataset.pending = "1";
    Promise.all([loadVega(), loadSpecs(figure)]).then(function (loaded) {
      var vega = loaded[0], specs = loaded[1];
      var staticView = figure.querySelector(".bk-chart__static--" + layout);
      var drawing = staticView.querySelector("svg");
      var label = drawing.getAttribute("aria-label");
      var live = document.createElement("div");
      live.className = "bk-chart__live";
      var controls = figure.querySelector(".bk-chart__controls");
      if (controls) controls.replaceChildren();
      if (figure._view) figure._view.finalize();
      var view = new vega.View(vega.parse(specs[layout]), {
        renderer: "svg", container: live, hover: true, bind: controls || undefined
      });
      figure._view = view;
      var width = Number(drawing.getAttribute("width"));
      return view.runAsync().then(function () { return refit(view, width, 2); }).then(function () {
        var svg = live.querySelector("svg");
        if (svg) {
          // Fonts differ between the build and the reader's browser, so the live layout can come out
          // a few pixels taller or shorter: draw it in the static drawing's box so nothing moves.
          svg.setAttribute("width", drawing.getAttribute("width"));
          svg.setAttribute("height", drawing.getAttribute("height"));
          svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
          if (label) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", label); }
        }
        var old = figure.querySelector(".bk-chart__live");
        if (old) old.remove();
        figure.insertBefore(live, figure.firstChild);
        figure.dataset.layout = layout;
        figure.classList.add("bk-chart--live");
      });
    }).catch(function (error) {
      console.warn("chart stays static:", error);
    }).finally(function () {
      delete figure.dataset.pending;
    });
  }

  var figures = document.querySelectorAll("figure.bk-chart");
  if (!figures.length) return;
  var wake = function (event) { attach(event.currentTarget); };
  if ("IntersectionObserver" in window) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { seen.unobserve(entry.target); attach(entry.target); }
      });
    }, { rootMargin: "300px 0px" });
    figures.forEach(function (figure) { seen.observe(figure); });
  } else {
    figures.forEach(attach);
  }
  figures.forEach(function (figure) {
    figure.addEventListener("pointerenter", wake, { once: true });
    figure.addEventListener("touchstart", wake, { once: true, passive: true });
    figure.addEventListener("focusin", wake, { once: true });
  });
  // A column that crosses the layout threshold (rotation, resize) redraws in the other layout.
  if ("ResizeObserver" in window) {
    var resized = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) {
        var figure = entry.target;
        if (figure.dataset.layout && figure.dataset.layout !== layoutFor(figure)) attach(figure);
      });
    });
    figures.forEach(function (figure) { resized.observe(figure); });
  }
})();
