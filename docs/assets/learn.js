/* Learning while reading: where the reader stands with each term, without leaving the page.
 *
 * - The definition card (glossary.js's popover, and the phone sheet) says whether the term is new to
 *   the reader, due for review, being learned or learned, and offers "I knew this" and "Show me
 *   again", each an FSRS review of the term's card, the same card the study page shows.
 * - A term the reader has learned is marked more quietly in the prose.
 * - Under an essay's title, once the reader has studied anything: "You know 12 of the 47 terms
 *   here · review the 35 others", linking to the essay's deck on the study page.
 * All of it stays in this browser. Without JavaScript, or without storage, the page is as built.
 *
 * The contract (hooks/glossary/contract.py):
 *   script.glossary-learn[data-scheduler]   this script, on a page with definitions, when the site has
 *                                           a study page; data-scheduler: ts-fsrs's address, loaded on
 *                                           the first review only (the study page's scheduler)
 *   a.glossary-term[data-term]              mentions, marked glossary-term--learned (glossary.css)
 *   .essay-byline                           an essay's byline; the line goes after it
 *   .glossary-vocabulary li a[data-term]    the essay's terms, and .glossary-vocabulary__study a, its deck
 *   window.GlossaryLearn.card(slug, popover, sheet)   called by glossary.js as a card shows
 * The progress is the study page's (study.js): localStorage "glossary-study/v2/term",
 * {"cards": {slug: an FSRS card, dates as ISO text}}: one schedule per term, whichever page reviews it.
 */
(function () {
  "use strict";

  var STORE = "glossary-study/v2/term";
  var LEARNED = "glossary-term--learned";
  var REVIEW = 2;  // FSRS's State.Review: past the learning steps
  var DAY = 86400000;
  var scheduler = { src: "", ready: null };

  if (window.GlossaryLearn) {  // run again by Material's instant navigation
    window.GlossaryLearn.page(document.currentScript);
    return;
  }

  function cards() {
    try {
      var value = JSON.parse(localStorage.getItem(STORE));
      return value && value.cards && typeof value.cards === "object" && !Array.isArray(value.cards) ? value.cards : {};
    } catch (error) {
      return {};  // storage off or unreadable: everything is new (the study page says why, and starts afresh)
    }
  }

  function stateOf(card, now) {
    if (!card) return "new";
    if (!(Date.parse(card.due) > now)) return "due";
    return card.state === REVIEW ? "learned" : "learning";
  }

  function words(card, now) {
    var state = stateOf(card, now);
    if (state === "new") return "New to you";
    if (state === "due") return "Due for review";
    if (state === "learning") return "Learning: it comes back soon";
    var days = Math.max(1, Math.round((Date.parse(card.due) - now) / DAY));
    return "Learned · next review in " + days + (days === 1 ? " day" : " days");
  }

  /* The marks in the prose and, on an essay, the line under its title. */
  function page(script) {
    if (script && script.getAttribute("data-scheduler")) scheduler.src = script.getAttribute("data-scheduler");
    var all = cards(), now = Date.now();
    document.querySelectorAll("a.glossary-term[data-term]").forEach(function (link) {
      link.classList.toggle(LEARNED, stateOf(all[link.getAttribute("data-term")], now) === "learned");
    });
    var byline = document.querySelector(".essay-byline");
    var deck = document.querySelector(".glossary-vocabulary__study a");
    var old = document.querySelector(".glossary-known");
    if (old) old.remove();
    if (!byline || !deck || !Object.keys(all).length) return;
    var slugs = [];
    document.querySelectorAll(".glossary-vocabulary li a[data-term]").forEach(function (a) { slugs.push(a.getAttribute("data-term")); });
    var known = slugs.filter(function (slug) { return stateOf(all[slug], now) === "learned"; }).length;
    var line = document.createElement("p");
    line.className = "glossary-known";
    if (known === slugs.length) {
      line.textContent = "You know all " + slugs.length + " terms here";
    } else {
      line.textContent = "You know " + known + " of the " + slugs.length + " terms here · ";
      var review = document.createElement("a");
      review.href = deck.getAttribute("href");
      var others = slugs.length - known;
      review.textContent = known ? "review the " + others + (others === 1 ? " other" : " others") : "study them";
      line.appendChild(review);
    }
    byline.parentNode.insertBefore(line, byline.nextSibling);
  }

  /* The card's study part: its state, and the two reviews. */
  function card(slug, popover, sheet) {
    var part = popover.querySelector(".glossary-popover__study");
    if (!part) {
      part = document.createElement("div");
      part.className = "glossary-popover__study";
      part.innerHTML = '<p role="status"></p><button type="button" data-grade="knew">I knew this</button> ' +
        '<button type="button" data-grade="again">Show me again</button>';
      part.addEventListener("click", onReview);
      popover.appendChild(part);
    }
    part.setAttribute("data-term", slug);
    part.querySelector("p").textContent = words(cards()[slug], Date.now());
    // As the card's own link: from the keyboard, the term link is the way in; on the sheet, a tap or Tab.
    part.querySelectorAll("button").forEach(function (button) { button.tabIndex = sheet ? 0 : -1; });
  }

  function onReview(event) {
    var button = event.target.closest("button[data-grade]");
    if (!button) return;
    var part = button.parentNode, slug = part.getAttribute("data-term"), status = part.querySelector("p");
    load().then(function (fsrs) {
      var all = cards(), now = new Date();  // read again: the study page may have run in another tab
      var before = all[slug] ? window.FSRS.TypeConvert.card(all[slug]) : window.FSRS.createEmptyCard(now);
      // Knowing a term met for the first time is an Easy review in FSRS's terms; after that, a Good one.
      var grade = button.getAttribute("data-grade") === "again" ? 1 : all[slug] ? 3 : 4;
      all[slug] = fsrs.next(before, now, grade).card;
      localStorage.setItem(STORE, JSON.stringify({ cards: all }));
      status.textContent = words(JSON.parse(JSON.stringify(all[slug])), now.getTime());
      page();
    }).catch(function () {
      status.textContent = "Your progress could not be saved in this browser.";
    });
  }

  /* ts-fsrs, the study page's scheduler with the study page's settings, fetched on the first review. */
  function load() {
    if (!scheduler.ready) {
      scheduler.ready = new Promise(function (resolve, reject) {
        if (window.FSRS) return resolve();
        var tag = document.createElement("script");
        tag.src = scheduler.src;
        tag.onload = resolve;
        tag.onerror = function () { scheduler.ready = null; reject(); };
        document.head.appendChild(tag);
      }).then(function () { return window.FSRS.fsrs(window.FSRS.generatorParameters({ enable_fuzz: false })); });
    }
    return scheduler.ready;
  }

  window.GlossaryLearn = { page: page, card: card };
  window.addEventListener("storage", function (event) { if (event.key === STORE) page(); });
  page(document.currentScript);
})();
