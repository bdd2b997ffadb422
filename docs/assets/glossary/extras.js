/* The glossary's smaller features, each on the page that has its part: a term
 * page's "Copy link", the index's filter, the 404 page's suggestions and a link
 * that opens the search. The definition popover is in popover.js.
 *
 * The contract with the build and the theme (hooks/glossary/contract.py, the one
 * place it is written down; tests/engine/test_contract.py checks it):
 *   p.glossary-copy-link > button[data-url] a term page's "Copy link" control
 *   .glossary-copy-status                   its live region ("Link copied")
 *   input.glossary-filter, .glossary-index  the index's filter box, and the A-Z
 *                                           list it filters (dt[data-names] + dd)
 *   .glossary-filter-status                 the filter's live region ("3 terms")
 *   ul.glossary-suggestions > li[data-names] the 404 page's terms, with URL forms
 *   .glossary-not-found                     the hidden box around them, shown when
 *                                           a term is close to the address typed
 *   a.glossary-open-search                  a link that opens Material's search
 * From Material's page it reads the search toggle (#__search, a checkbox) and
 * its input (.md-search__input), the article (to tell one page from the next)
 * and window.document$ (instant navigation). Text goes in with textContent,
 * never as HTML.
 */
(function () {
  "use strict";

  /* "Copy link" on a term page: the page's published address, with a visible
   * and announced confirmation. */
  function onCopy(event) {
    var button = event.target instanceof Element ? event.target.closest(".glossary-copy-link button") : null;
    if (!button) return;
    var status = button.parentNode.querySelector(".glossary-copy-status");
    var url = button.getAttribute("data-url") || location.href.split(/[?#]/)[0];
    copy(url).then(
      function () { say(status, "Link copied"); },
      function () { say(status, "Could not copy: " + url); }
    );
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.body.appendChild(document.createElement("textarea"));
      area.value = text;
      area.select();
      var copied = document.execCommand("copy");
      area.remove();
      (copied ? resolve : reject)();
    });
  }

  function say(status, text) {
    if (!status) return;
    status.textContent = text;
    clearTimeout(status.clearTimer);
    status.clearTimer = setTimeout(function () { status.textContent = ""; }, 4000);
  }

  /* The index's filter: entries whose names or summary hold every word typed. */
  function onFilter(event) {
    var input = event.target;
    if (!input.matches || !input.matches("input.glossary-filter")) return;
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll(".glossary-index dt").forEach(function (dt) {
      var dd = dt.nextElementSibling;
      var text = (dt.getAttribute("data-names") + " " + dt.textContent + " " + dd.textContent).toLowerCase();
      var match = words.every(function (word) { return text.indexOf(word) >= 0; });
      dt.hidden = dd.hidden = !match;
      if (match) shown++;
    });
    document.querySelectorAll(".glossary-index h2").forEach(function (heading) {
      heading.hidden = !heading.nextElementSibling.querySelector("dt:not([hidden])");
    });
    var status = document.querySelector(".glossary-filter-status");
    if (status) status.textContent = words.length ? shown + (shown === 1 ? " term" : " terms") : "";
  }

  /* On the 404 page: the terms whose URL forms are closest to the address typed. */
  function suggest() {
    var list = document.querySelector("ul.glossary-suggestions");
    if (!list) return;
    var wanted = decodeURIComponent(location.pathname).toLowerCase().replace(/\/+$/, "").split("/").pop();
    wanted = wanted.replace(/\.html$/, "").replace(/[^a-z0-9]+/g, "-");
    if (!wanted) return;
    var ranked = Array.prototype.map.call(list.children, function (item) {
      var names = item.getAttribute("data-names").split(" ");
      return { item: item, cost: Math.min.apply(null, names.map(function (n) { return distance(wanted, n); })) };
    }).sort(function (a, b) { return a.cost - b.cost; });
    var limit = Math.max(2, Math.floor(wanted.length / 3));
    var shown = ranked.filter(function (r) { return r.cost <= limit; }).slice(0, 3);
    shown.forEach(function (r) { r.item.hidden = false; });
    var box = list.closest(".glossary-not-found");
    if (shown.length && box) box.hidden = false;
  }

  function distance(a, b) {
    var row = [], i, j, last, next;
    for (j = 0; j <= b.length; j++) row.push(j);
    for (i = 1; i <= a.length; i++) {
      last = row[0]++;
      for (j = 1; j <= b.length; j++) {
        next = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, last + (a[i - 1] === b[j - 1] ? 0 : 1));
        last = next;
      }
    }
    return row[b.length];
  }

  /* A link that opens Material's search in place (its toggle is a checkbox). */
  function onOpenSearch(event) {
    var link = event.target instanceof Element ? event.target.closest("a.glossary-open-search") : null;
    var toggle = document.getElementById("__search");
    if (!link || !toggle) return;
    event.preventDefault();
    event.stopPropagation();  // before Material's instant navigation follows the link
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    var input = document.querySelector(".md-search__input");
    if (input) input.focus();
  }

  function onPage() {
    suggest();
    var canCopy = !!(navigator.clipboard || document.queryCommandSupported && document.queryCommandSupported("copy"));
    document.querySelectorAll(".glossary-copy-link button").forEach(function (b) { b.hidden = !canCopy; });
    document.querySelectorAll("input.glossary-filter").forEach(function (input) { input.hidden = false; });
  }

  document.addEventListener("click", onCopy);
  document.addEventListener("click", onOpenSearch, true);
  document.addEventListener("input", onFilter);

  // Material's instant navigation swaps the page without reloading this script. Its
  // document$ gives each page (the current one at once); Material may start after this
  // script, on DOMContentLoaded (a theme can start it on the reader's first interaction).
  // A page is known by its content element, not its address: Material also swaps in a
  // fresh copy of the page the reader is on (the same address entered again), and that
  // copy's controls need showing as much as a new page's.
  var connected = false, shown = null;
  function onDocument() {
    var content = document.querySelector("article") || document.body;
    if (content === shown) return;  // the page already set up, given again on subscribing
    shown = content;
    onPage();
  }
  function connect() {
    if (connected || !window.document$ || typeof window.document$.subscribe !== "function") return;
    connected = true;
    window.document$.subscribe(onDocument);
  }
  onDocument();
  connect();
  document.addEventListener("DOMContentLoaded", connect);
})();
