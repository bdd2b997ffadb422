/* Finding a term by any spelling, on the two pages that need it: the glossary index's filter and
 * the 404 page's suggestions, and on both a link that opens Material's search filled in. Only those
 * pages load this file: the engine's index HTML and overrides/404.html each add its <script>.
 * Material's instant navigation runs a page's scripts again on every arrival, so each run sets up
 * the page it finds, and the document's listeners are bound by the first run only.
 *
 * The contract with the build and the theme (hooks/glossary/contract.py):
 *   input.glossary-filter, .glossary-index   the filter box, and the A-Z list it filters: h2 letter
 *                                            sections of dt[data-names] (the names) + dd (summary)
 *   .glossary-filter-status                  the filter's live region ("3 terms")
 *   .glossary-letters                        the letter links above the list
 *   .glossary-matches                        built here, first in the list: the terms whose names
 *                                            match, closest first (an h2 and a dl)
 *   ul.glossary-suggestions > li[data-names] the 404 page's pages (essays and terms), with the URL
 *   .glossary-not-found                      forms of their names; the hidden box around them
 *   a.glossary-open-search                   opens Material's search with the words of its ?q=
 * From Material's page: the search toggle (#__search, a checkbox) and its input (.md-search__input),
 * which searches on keyup; a ?q= in an address opens the search on load (feature search.share), so
 * the link works without this script too. Built by Zensical, the page has a search button
 * (.md-search__button) instead, whose dialog focuses a box of its own, in a shadow root.
 *
 * Matching is by word. A typed word matches a word of a term's names when it is that word, begins
 * it, sits inside it, or is a slip of it: edit distance 1 for a word of 4 to 6 letters, 2 from 7.
 * A term matches when every typed word matches its names or begins a word of its summary. While the
 * reader filters, the terms that match by name come first, closest first, under "Best matches";
 * the terms that only mention the words stay under their letters, and the letter bar links only
 * the letters left. The words stay in the address (?filter=), so Back to the index brings them back.
 */
(function () {
  "use strict";

  var PARAM = "filter";
  var NOT_A_LETTER = /[^\p{L}\p{N}]+/u;

  function words(text) {
    return text.toLowerCase().split(NOT_A_LETTER).filter(Boolean);
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

  /* The slips a word of this length may have and still be recognised. */
  function slips(word) {
    return word.length < 4 ? 0 : word.length < 7 ? 1 : 2;
  }

  /* How far a typed word is from the closest of `names` (words): 0 the same word, 1 its beginning,
   * 1 + slips for a misspelling (of the word or of its beginning), 3 inside it; Infinity for none. */
  function wordCost(word, names) {
    var best = Infinity, allowed = slips(word);
    names.forEach(function (name) {
      var at = name.indexOf(word), cost = at === 0 ? (name === word ? 0 : 1) : at > 0 && word.length > 2 ? 3 : Infinity;
      if (allowed && cost) {
        var typos = Math.min(distance(word, name), distance(word, name.slice(0, word.length)) + 1);
        if (typos <= allowed) cost = Math.min(cost, 1 + typos);
      }
      best = Math.min(best, cost);
    });
    return best;
  }

  /* Whether `text` has `typed` at the start of one of its words ("cache" in "caches", not "icl" in "article"). */
  function startsWord(text, typed) {
    for (var at = text.indexOf(typed); at >= 0; at = text.indexOf(typed, at + 1)) {
      if (!at || NOT_A_LETTER.test(text[at - 1])) return true;
    }
    return false;
  }

  /* A term's match for the typed words: { cost, byName } or null. */
  function match(entry, typed) {
    var cost = 0, byName = true;
    for (var i = 0; i < typed.length; i++) {
      var parts = words(typed[i]), c = 0;
      parts.forEach(function (part) { c += wordCost(part, entry.names); });
      if (parts.length && c < Infinity) cost += c;
      else if (startsWord(entry.text, typed[i])) byName = false;
      else return null;
    }
    return { cost: cost, byName: byName };
  }

  /* 1. The index's filter. */
  function entriesOf(index) {
    if (!index.entries) {
      index.entries = Array.prototype.map.call(index.querySelectorAll("dl > dt"), function (dt) {
        var dd = dt.nextElementSibling;
        return {
          dt: dt, dd: dd, home: dt.parentNode,
          names: words(dt.getAttribute("data-names") + " " + dt.textContent),
          text: (dt.getAttribute("data-names") + " " + dt.textContent + " " + dd.textContent).toLowerCase()
        };
      });
      var matches = document.createElement("div");
      matches.className = "glossary-matches";
      matches.hidden = true;
      matches.appendChild(document.createElement("h2")).textContent = "Best matches";
      matches.appendChild(document.createElement("dl"));
      index.insertBefore(matches, index.firstChild);
    }
    return index.entries;
  }

  function filter(input) {
    var index = document.querySelector(".glossary-index");
    if (!index) return;
    var typed = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var entries = entriesOf(index), matches = index.querySelector(".glossary-matches");
    var named = [], shown = 0;
    entries.forEach(function (entry) {
      entry.home.appendChild(entry.dt);  // back under its letter, in A-Z order
      entry.home.appendChild(entry.dd);
      var found = typed.length ? match(entry, typed) : { byName: false };
      entry.dt.hidden = entry.dd.hidden = !found;
      if (!found) return;
      shown++;
      if (found.byName) named.push({ entry: entry, cost: found.cost });
    });
    named.sort(function (a, b) { return a.cost - b.cost; });  // stable: A-Z among equals
    named.forEach(function (n) {
      matches.lastChild.appendChild(n.entry.dt);
      matches.lastChild.appendChild(n.entry.dd);
    });
    matches.hidden = !named.length;
    index.querySelectorAll("h2[id]").forEach(function (heading) {
      heading.hidden = !heading.nextElementSibling.querySelector("dt:not([hidden])");
    });
    document.querySelectorAll(".glossary-letters a").forEach(function (link) {
      var section = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      link.hidden = !!section && section.hidden;
    });
    var status = document.querySelector(".glossary-filter-status");
    if (status) {
      status.textContent = !typed.length ? "" : shown ? shown + (shown === 1 ? " term" : " terms")
        : "No term matches \u201c" + input.value.trim() + "\u201d.";
    }
    searchLink(input, shown || !typed.length ? "" : typed.join(" "));
    keep(input.value.trim());
  }

  /* The empty state's link: "Search the whole site", filled with the words. */
  function searchLink(input, query) {
    var place = input.parentNode, link = place.querySelector("a.glossary-open-search");
    if (!link) {
      link = place.appendChild(document.createElement("a"));
      link.className = "glossary-open-search";
      link.textContent = "Search the whole site?";
      place.insertBefore(document.createTextNode(" "), link);
    }
    link.href = "?q=" + encodeURIComponent(query);
    link.hidden = !query;
  }

  /* The words stay in this history entry's address, where Back finds them (Material keeps its
   * own state, the scroll position, in history.state: left as it is). */
  function keep(value) {
    var url = new URL(location.href);
    if ((url.searchParams.get(PARAM) || "") === value) return;
    if (value) url.searchParams.set(PARAM, value);
    else url.searchParams.delete(PARAM);
    history.replaceState(history.state, "", url.href);
  }

  function onFilter(event) {
    var input = event.target;
    if (input instanceof Element && input.matches("input.glossary-filter")) filter(input);
  }

  function setUpFilter() {
    document.querySelectorAll("input.glossary-filter").forEach(function (input) {
      input.hidden = false;
      var kept = new URL(location.href).searchParams.get(PARAM);
      if (kept && !input.value) {
        input.value = kept;
        filter(input);
      }
    });
  }

  /* 2. The 404 page: the pages whose URL forms are closest to the address typed, closest first. */
  function suggest() {
    var list = document.querySelector("ul.glossary-suggestions");
    if (!list || list.ranked) return;
    list.ranked = true;
    var segments = decodeURIComponent(location.pathname).toLowerCase().replace(/\.html?$/, "").split("/").filter(Boolean);
    var typed = words(segments.pop() || "");
    document.querySelectorAll("a.glossary-open-search").forEach(function (link) {
      link.href = link.href.split("?")[0] + "?q=" + encodeURIComponent(typed.join(" "));
    });
    if (!typed.length) return;
    var wanted = typed.join("-");
    var ranked = Array.prototype.map.call(list.children, function (item) {
      var folder = item.querySelector("a").pathname.split("/").filter(Boolean).slice(-2, -1)[0];
      var cost = Math.min.apply(null, item.getAttribute("data-names").split(" ").map(function (name) {
        return Math.min(distance(wanted, name), byWords(typed, name.split("-")));
      }));
      // The folder typed (essays/, glossary/) breaks a tie between an essay and a term.
      return { item: item, cost: cost - (segments.indexOf(folder) >= 0 ? 0.5 : 0) };
    }).sort(function (a, b) { return a.cost - b.cost; });
    var limit = Math.max(2, Math.floor(wanted.length / 3));
    var shown = ranked.filter(function (r) { return r.cost <= limit; }).slice(0, 3);
    shown.forEach(function (r) {
      r.item.hidden = false;
      list.appendChild(r.item);  // in the order of closeness
    });
    var box = list.closest(".glossary-not-found");
    if (shown.length && box) box.hidden = false;
  }

  /* A part of the address: the words it shares with a name (spelt the same, or with a slip), and
   * a little for each word of either that the other lacks. Infinity if they share none. */
  function byWords(typed, name) {
    var shared = 0, slipped = 0;
    typed.forEach(function (word) {
      var cost = wordCost(word, name);
      if (cost === 0) shared++;
      else if (cost < 3 && word.length > 3) { shared++; slipped += cost - 1; }
    });
    return shared ? 1 + slipped + (typed.length + name.length - 2 * shared) / 4 : Infinity;
  }

  /* A link that opens Material's search in place (its toggle is a checkbox), filled with its words; or
   * Zensical's, a dialog its button opens, whose box is in a shadow root and searches on input. */
  function onOpenSearch(event) {
    var link = event.target instanceof Element ? event.target.closest("a.glossary-open-search") : null;
    var toggle = document.getElementById("__search"), input = document.querySelector(".md-search__input");
    var button = document.querySelector(".md-search__button");
    if (!link || !(toggle && input || button)) return;
    event.preventDefault();
    event.stopPropagation();  // before Material's instant navigation follows the link
    var words = new URL(link.href).searchParams.get("q") || "";
    if (!input) {
      button.click();
      fillDialog(words, 60);
      return;
    }
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    input.value = words;
    input.focus();
    input.dispatchEvent(new KeyboardEvent("keyup"));  // Material searches on keyup
  }

  // Zensical draws its dialog after the click and focuses its box: fill the box once it has.
  function fillDialog(words, frames) {
    var host = document.activeElement, box = host && host.shadowRoot && host.shadowRoot.activeElement;
    if (box && box.tagName === "INPUT") {
      box.value = words;
      box.dispatchEvent(new Event("input", { bubbles: true, composed: true }));  // it searches on input
    } else if (frames > 0) {
      requestAnimationFrame(function () { fillDialog(words, frames - 1); });
    }
  }

  if (!window.glossaryFind) {
    window.glossaryFind = true;
    document.addEventListener("input", onFilter);
    document.addEventListener("click", onOpenSearch, true);
  }
  setUpFilter();
  suggest();
})();
