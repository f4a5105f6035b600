/* qms handbook: the search page. Pagefind's index is fetched over HTTP, so from file:// the page
   keeps its note instead (qms serve shows the handbook over HTTP). */
(function () {
  "use strict";
  if (!/^https?:$/.test(location.protocol)) return;
  var box = document.getElementById("search-results");
  var bundle = new URL(box.getAttribute("data-bundle"), location.href).href;
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = bundle + "pagefind-ui.css";
  document.head.appendChild(css);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    document.getElementById("search-offline").hidden = true;
    var ui = new PagefindUI({ element: "#search-results", bundlePath: bundle, showImages: false,
                              baseUrl: new URL(".", location.href).pathname,
                              resetStyles: false, autofocus: true });
    var term = new URLSearchParams(location.search).get("q");
    if (term) ui.triggerSearch(term);
  };
  document.head.appendChild(script);
})();
