/* Material's search, kinder. glossary.js fetches this file the first time the reader goes to the
 * search box; it works on every answer Material's search worker gives from then on.
 *
 * It reads window.glossarySearch, which a script in the page's head (overrides/main.html) keeps:
 * the queries sent to Material's search worker and not yet answered (sent), the query of the answer
 * being drawn (answering), a count of answers, and the worker. And Material's search results
 * (.md-search-result, its __meta line and __list of items, each item's h1/h2 title), its search
 * box (.md-search__input) and window.document$ (instant navigation). Text goes in with textContent.
 */
(function () {
  "use strict";

  /* 1. A slip forgiven: when the reader's query finds nothing, it is asked again once
   * with lunr's fuzzy syntax ("catastrofic~2", one slip in a word of 4 to 6 letters, two from 7), and the
   * results say they are for similar spellings. Which query an answer is for comes from
   * window.glossarySearch (overrides/main.html): the worker answers in order, and while the reader types,
   * answers to earlier keys are still arriving, so "the next answer" need not be the retry's. Only the
   * answer to the last query sent is retried, straight to the worker: the box keeps what the reader typed. */
  var search = { fuzzy: null, observed: null, ranked: 0 };  // fuzzy: the retry sent for the reader's last query
  function onSearchResult() {
    var queue = window.glossarySearch, meta = document.querySelector(".md-search-result__meta");
    var list = document.querySelector(".md-search-result__list");
    if (!queue || !queue.worker || !meta || !list) return;
    var asked = queue.answering, query = (asked || "").trim();
    if (queue.answers !== search.ranked && list.children.length) {
      search.ranked = queue.answers;  // once per answer: the rest of it is drawn as the reader scrolls
      namesFirst(list, document.querySelector(".md-search__input").value);
    }
    if (asked !== null && asked === search.fuzzy) {
      var said = "No exact match; results for similar spellings";
      if (list.children.length && meta.textContent !== said) meta.textContent = said;  // (or it observes itself)
    } else if (query && !list.children.length && !queue.sent.length && !/[~*:^+"-]/.test(query)) {
      var fuzzy = query.split(/\s+/).map(function (w) { return w.length < 4 ? w : w + (w.length < 7 ? "~1" : "~2"); }).join(" ");
      if (fuzzy !== query) queue.worker.postMessage({ type: 2, data: search.fuzzy = fuzzy });
    }
  }

  /* 2. Names first. lunr scores each word of "in context" as a prefix (in*: injection, inference), so
   * Prompt Injection came before In-Context Learning. Of an answer's first results, those whose title
   * holds the query's words (the last may be half typed) go first, a title that starts with them before
   * the others; the rest keep Material's order. */
  function namesFirst(list, query) {
    var words = query.toLowerCase().split(/[^\w]+/).filter(Boolean), items = [].slice.call(list.children);
    function rank(item, i) {
      var title = item.querySelector("h1, h2"), names = title ? title.textContent.toLowerCase().split(/[^\w]+/) : [];
      var held = words.length && words.every(function (w, k) {
        return names.some(function (n) { return n === w || k === words.length - 1 && n.indexOf(w) === 0; });
      });
      return [held ? (names.join(" ").indexOf(words.join(" ")) === 0 ? 2 : 1) : 0, i, item];
    }
    var ranked = items.map(rank).sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    if (ranked.some(function (r, i) { return r[2] !== items[i]; })) ranked.forEach(function (r) { list.appendChild(r[2]); });
  }

  function observe() {
    var result = document.querySelector(".md-search-result");
    if (result && result !== search.observed) {
      search.observed = result;
      onSearchResult();
      new MutationObserver(onSearchResult).observe(result, { childList: true, subtree: true, characterData: true });
    }
  }
  observe();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(observe);
})();
