/* The study page: flashcards of the glossary's decks, scheduled by FSRS (ts-fsrs, vendored in
 * assets/vendor/ts-fsrs, loaded before this script). Only the study page loads either file.
 *
 * The contract with the build (hooks/glossary/contract.py):
 *   template.glossary-study-decks   the decks as JSON text: {"decks": [{"id", "title", "cards": [slug]}],
 *                                   "cards": {slug: {"title", "summary", "definition", "url", "sentence"?}}}
 *                                   ("sentence": [before, the term as written, after], from an essay)
 *   div.glossary-study              the app's place; what it holds until this script runs is replaced
 * Text goes in with textContent, never as HTML.
 *
 * Progress lives in localStorage, one schedule per term and kind of card, shared by every deck (a deck
 * only chooses which terms it shows), each card keyed by its term's slug, so it survives new versions
 * of the site (a new term joins as new, a removed one drops out):
 *   glossary-study/v2/<kind>    {"cards": {slug: an FSRS card, dates as ISO text}}   (kind: term, sentence)
 *   glossary-study/v2/streak    {"day": "YYYY-MM-DD", "days": n}
 * A stored value that does not read as that is discarded, and the page says so.
 * Version 1 kept a schedule per deck (glossary-study/v1/<deck>/<kind>, same value, and v1/streak). On
 * load, its keys are merged into version 2 and removed: where a term has a card in several decks, the
 * one reviewed last (its last_review; then the most reviews) wins, as that is what the reader knows now.
 * Import merges a file (version 2, or an old version-1 export) by the same rule.
 */
(function () {
  "use strict";

  if (window.GlossaryStudy) {  // run again by Material's instant navigation
    window.GlossaryStudy.mount();
    return;
  }

  var PREFIX = "glossary-study/v2/";
  var VERSION_1 = /^glossary-study\/v1\/([a-z0-9-]+)\/(term|sentence)$/;  // a deck's cards of one kind
  var VERSION_1_STREAK = "glossary-study/v1/streak";
  var KINDS = { term: "Term, then its meaning", sentence: "A sentence with the term left out" };
  var RESET = "Reset these cards";
  var GRADES = [["Again", 1], ["Hard", 2], ["Good", 3], ["Easy", 4]];
  var scheduler = null;
  var app = null;

  function element(tag, className, parent, text) {
    var node = document.createElement(tag);
    if (className) node.className = "glossary-study__" + className;
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function mount() {
    var root = document.querySelector(".glossary-study");
    var template = document.querySelector("template.glossary-study-decks");
    if (!root || !template || root.hasAttribute("data-mounted")) return;
    if (!window.FSRS) {
      // After an instant navigation the page's scripts come in as they load, in any order.
      var library = document.querySelector('script[src$="ts-fsrs/index.umd.js"]');
      if (library) library.addEventListener("load", mount, { once: true });
      return;
    }
    root.setAttribute("data-mounted", "");
    scheduler = scheduler || FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: false }));
    app = { root: root, data: JSON.parse(template.content.textContent), nodes: {} };
    draw(root, app.nodes);
    migrate();
    choose(deckInAddress() || app.data.decks[0].id, "term");
  }

  /* The app's parts, built once per page. */
  function draw(root, n) {
    root.textContent = "";
    var controls = element("div", "controls", root);
    var deckLabel = element("label", "", controls, "Deck ");
    n.deck = element("select", "", deckLabel);
    app.data.decks.forEach(function (deck) {
      var option = element("option", "", n.deck, deck.title + " (" + deck.cards.length + ")");
      option.value = deck.id;
    });
    var kindLabel = element("label", "", controls, "Cards ");
    n.kind = element("select", "", kindLabel);
    Object.keys(KINDS).forEach(function (kind) {
      element("option", "", n.kind, KINDS[kind]).value = kind;
    });
    n.deck.addEventListener("change", function () { choose(n.deck.value, n.kind.value); });
    n.kind.addEventListener("change", function () { choose(n.deck.value, n.kind.value); });

    n.stats = element("p", "stats", root);
    n.note = element("p", "note", root);
    n.note.setAttribute("role", "status");

    n.card = element("section", "card", root);
    n.card.setAttribute("aria-label", "Flashcard");
    n.prompt = element("p", "prompt", n.card);
    n.answer = element("div", "answer", n.card);
    n.answer.setAttribute("aria-live", "polite");
    n.reveal = element("button", "reveal", n.card, "Show answer ");
    n.reveal.type = "button";
    element("kbd", "", n.reveal, "Space");
    n.reveal.addEventListener("click", reveal);
    n.grades = element("div", "grades", n.card);
    n.grades.setAttribute("role", "group");
    n.grades.setAttribute("aria-label", "How well did you know it?");
    n.gradeButtons = GRADES.map(function (grade, i) {
      var button = element("button", "grade", n.grades);
      button.type = "button";
      element("span", "grade-name", button, grade[0]);
      element("kbd", "", button, String(i + 1));
      element("span", "interval", button);
      button.addEventListener("click", function () { rate(grade[1]); });
      return button;
    });
    n.done = element("p", "done", n.card);
    n.done.tabIndex = -1;

    var tools = element("div", "tools", root);
    element("button", "", tools, "Export progress").addEventListener("click", exportProgress);
    var importLabel = element("label", "import", tools, "Import progress");
    n.file = element("input", "", importLabel);
    n.file.type = "file";
    n.file.accept = "application/json,.json";
    n.file.addEventListener("change", importProgress);
    n.reset = element("button", "", tools, RESET);
    n.reset.addEventListener("click", resetDeck);
    tools.querySelectorAll("button").forEach(function (b) { b.type = "button"; });
  }

  /* ?deck=<id> (an essay's "Study these terms" link) or #deck=<id>. */
  function deckInAddress() {
    var found = /[?#&]deck=([^&#]+)/.exec(location.search + location.hash);
    var id = found && decodeURIComponent(found[1]);
    return app.data.decks.some(function (deck) { return deck.id === id; }) ? id : null;
  }

  /* Switch to a deck and a kind of card: read its progress, show its next card. */
  function choose(deckId, kind) {
    var deck = app.data.decks.filter(function (d) { return d.id === deckId; })[0];
    var slugs = deck.cards.filter(function (slug) { return kind === "term" || app.data.cards[slug].sentence; });
    if (!slugs.length) {
      kind = "term";
      slugs = deck.cards;
    }
    app.deck = deck;
    app.kind = kind;
    app.slugs = slugs;
    app.nodes.deck.value = deck.id;
    app.nodes.kind.value = kind;
    app.store = load(kind);
    next();
  }

  /* The stored progress of one kind of card, every deck's, keeping only this site's terms; a value
   * that is not progress (hand-edited, another app's, a broken write) is discarded, visibly. */
  function load(kind) {
    var name = PREFIX + kind, raw = read(name), cards = {};
    if (raw !== null) {
      var parsed = readCards(raw);
      if (parsed) {
        cards = known(parsed);
      } else {
        forget(name);
        say("The saved progress could not be read, so these cards start afresh.");
      }
    }
    return { name: name, cards: cards };
  }

  function read(name) {
    try { return localStorage.getItem(name); } catch (error) { return null; }  // storage off: progress lasts for this visit
  }

  function storedNames() {
    var names = [];
    try {
      for (var i = 0; i < localStorage.length; i++) names.push(localStorage.key(i));
    } catch (error) { /* storage off */ }
    return names;
  }

  /* Version 1's progress, a schedule per deck, merged into the one per term (see the header), then
   * removed: kept, an old copy would be merged again on every visit and be stale after the first review. */
  function migrate() {
    var names = storedNames().filter(function (name) { return VERSION_1.test(name); });
    var byKind = {}, lost = false;
    names.forEach(function (name) {
      var kind = VERSION_1.exec(name)[2], cards = readCards(read(name));
      if (cards) byKind[kind] = merge(byKind[kind] || {}, cards);
      else lost = true;
    });
    if (lost) say("Some saved progress could not be read, so those cards start afresh.");
    var saved = Object.keys(byKind).every(function (kind) {
      var store = load(kind);
      merge(store.cards, known(byKind[kind]));
      return save(store);
    });
    var streak = read(VERSION_1_STREAK);
    if (streak !== null && read(PREFIX + "streak") === null) {
      try { localStorage.setItem(PREFIX + "streak", streak); } catch (error) { saved = false; }
    }
    if (!saved) return;  // tried again on the next visit
    names.forEach(forget);
    if (streak !== null) forget(VERSION_1_STREAK);
  }

  /* Each term's card from `from` into `into`, where it was reviewed later (or as late, but more often). */
  function merge(into, from) {
    Object.keys(from).forEach(function (slug) {
      var mine = into[slug], theirs = from[slug];
      if (!mine || reviewed(theirs) > reviewed(mine) || (reviewed(theirs) === reviewed(mine) && theirs.reps > mine.reps)) {
        into[slug] = theirs;
      }
    });
    return into;
  }

  /* Only the cards of terms this site has. */
  function known(cards) {
    Object.keys(cards).forEach(function (slug) { if (!app.data.cards[slug]) delete cards[slug]; });
    return cards;
  }

  function reviewed(card) {
    return card.last_review ? new Date(card.last_review).getTime() || 0 : 0;
  }

  function readCards(text) {
    try {
      var value = typeof text === "string" ? JSON.parse(text) : text;
      if (!value || typeof value.cards !== "object" || Array.isArray(value.cards)) return null;
      var cards = {};
      for (var slug in value.cards) {
        var card = value.cards[slug];
        if (!card || typeof card !== "object" || isNaN(Date.parse(card.due)) || typeof card.stability !== "number" ||
            typeof card.difficulty !== "number" || typeof card.reps !== "number" || typeof card.state !== "number") {
          return null;
        }
        cards[slug] = FSRS.TypeConvert.card(card);
      }
      return cards;
    } catch (error) {
      return null;
    }
  }

  function save(store) {
    try {
      localStorage.setItem(store.name, JSON.stringify({ cards: store.cards }));
      return true;
    } catch (error) {
      say("Progress could not be saved in this browser; export it to keep it.");
      return false;
    }
  }

  function forget(name) {
    try { localStorage.removeItem(name); } catch (error) { /* nothing stored */ }
  }

  /* The next card: the one most overdue, else the next new one in the deck's order. */
  function next() {
    var now = new Date();
    var due = app.slugs.filter(function (slug) {
      var card = app.store.cards[slug];
      return card && card.due <= now;
    }).sort(function (a, b) { return app.store.cards[a].due - app.store.cards[b].due; });
    var fresh = app.slugs.filter(function (slug) { return !app.store.cards[slug]; });
    app.current = due[0] || fresh[0] || null;
    app.revealed = false;
    stats(now, due.length, fresh.length);
    var n = app.nodes;
    clearTimeout(app.timer);
    n.answer.textContent = "";
    n.grades.hidden = true;
    if (!app.current) {
      n.prompt.textContent = "";
      n.reveal.hidden = true;
      n.done.hidden = false;
      n.done.textContent = doneText(now);
      if (n.card.contains(document.activeElement) || document.activeElement === document.body) {
        n.done.focus({ preventScroll: true });
      }
      return;
    }
    n.done.hidden = true;
    n.reveal.hidden = false;
    var card = app.data.cards[app.current];
    n.prompt.textContent = "";
    if (app.kind === "sentence") {
      var gap = card.sentence;
      n.prompt.appendChild(document.createTextNode(gap[0]));
      element("span", "gap", n.prompt, "_____").setAttribute("aria-label", "blank");
      n.prompt.appendChild(document.createTextNode(gap[2]));
    } else {
      element("strong", "", n.prompt, card.title);
    }
  }

  function doneText(now) {
    var soonest = app.slugs.filter(function (slug) { return app.store.cards[slug]; })
      .map(function (slug) { return app.store.cards[slug].due; }).sort(function (a, b) { return a - b; })[0];
    if (!soonest) return "No cards in this deck.";
    var wait = soonest - now;
    if (wait < 20 * 60 * 1000) app.timer = setTimeout(next, wait + 500);
    return "Nothing more to review for now. The next card is due " + when(wait) + ".";
  }

  function stats(now, due, fresh) {
    var tonight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    var dueToday = app.slugs.filter(function (slug) {
      var card = app.store.cards[slug];
      return card && card.due < tonight;
    }).length;
    var learned = app.slugs.filter(function (slug) {
      var card = app.store.cards[slug];
      return card && card.due > now && card.state === FSRS.State.Review;
    }).length;
    var streak = readStreak();
    var days = streak.day === today(0) || streak.day === today(-1) ? streak.days : 0;
    app.nodes.stats.textContent = "Due today: " + dueToday + " · New: " + fresh + " · Learned: " + learned +
      " · Streak: " + days + (days === 1 ? " day" : " days");
  }

  function reveal() {
    if (!app.current || app.revealed) return;
    app.revealed = true;
    var n = app.nodes, card = app.data.cards[app.current];
    if (app.kind === "sentence") element("p", "title", n.answer, card.title);  // a term card's prompt is its title
    element("p", "summary", n.answer, card.summary);
    if (card.definition) {  // open, unless the card would not fit the window (below)
      var more = element("details", "more", n.answer);
      more.open = true;
      element("summary", "", more, "Definition");
      element("p", "definition", more, card.definition);
    }
    var link = element("a", "link", n.answer, "Open the entry for " + card.title);
    link.href = card.url;
    var gap = n.prompt.querySelector(".glossary-study__gap");
    if (gap) {  // a sentence card: its sentence, completed, stays where it was read
      var filled = element("mark", "filled", null, card.sentence[1]);
      gap.replaceWith(filled);
    }
    var now = new Date(), preview = scheduler.repeat(cardOf(app.current, now), now);
    n.gradeButtons.forEach(function (button, i) {
      button.querySelector(".glossary-study__interval").textContent = when(preview[GRADES[i][1]].card.due - now);
    });
    n.reveal.hidden = true;
    n.grades.hidden = false;
    n.gradeButtons[2].focus({ preventScroll: true });  // "Good", the usual answer; focus never falls back to the page
    if (more && !fits()) more.open = false;  // a phone: the summary, the grades, and the definition a tap away
    keepInView();
  }

  /* One card on one screen: if any of the card is out of view (under the site's header, or below the
   * window), its top goes just under the header; the browser's own scrolling to a focused button
   * moved the prompt out of sight instead. */
  function keepInView() {
    var box = app.nodes.card.getBoundingClientRect(), top = headerBottom();
    if (box.top >= top && box.bottom <= window.innerHeight) return;
    window.scrollBy(0, box.top - top - 8);
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function fits() {
    return app.nodes.card.getBoundingClientRect().height + 16 <= window.innerHeight - headerBottom();
  }

  function cardOf(slug, now) {
    return app.store.cards[slug] || FSRS.createEmptyCard(now);
  }

  function rate(grade) {
    if (!app.current || !app.revealed) return;
    var now = new Date();
    app.store.cards[app.current] = scheduler.next(cardOf(app.current, now), now, grade).card;
    save(app.store);
    keepStreak();
    next();
    if (!app.nodes.reveal.hidden) app.nodes.reveal.focus({ preventScroll: true });
    keepInView();
  }

  /* "in 10 minutes", "in 3 days": how long until a card is due. */
  function when(ms) {
    var minutes = Math.round(ms / 60000);
    if (minutes < 1) return "now";
    var units = [[525600, "year"], [43200, "month"], [1440, "day"], [60, "hour"], [1, "minute"]];
    for (var i = 0; i < units.length; i++) {
      if (minutes >= units[i][0]) {
        var count = Math.round(minutes / units[i][0]);
        return "in " + count + " " + units[i][1] + (count === 1 ? "" : "s");
      }
    }
  }

  function today(offset) {
    var day = new Date(Date.now() + offset * 86400000);
    return day.getFullYear() + "-" + String(day.getMonth() + 1).padStart(2, "0") + "-" + String(day.getDate()).padStart(2, "0");
  }

  function readStreak() {
    try {
      var streak = JSON.parse(localStorage.getItem(PREFIX + "streak"));
      if (streak && typeof streak.day === "string" && typeof streak.days === "number") return streak;
    } catch (error) { /* a broken value counts as none */ }
    return { day: "", days: 0 };
  }

  function keepStreak() {
    var streak = readStreak(), day = today(0);
    if (streak.day === day) return;
    var days = streak.day === today(-1) ? streak.days + 1 : 1;
    try { localStorage.setItem(PREFIX + "streak", JSON.stringify({ day: day, days: days })); } catch (error) { /* off */ }
  }

  function say(text) {
    app.nodes.note.textContent = text;
  }

  /* All of this site's progress, as a JSON file: {"app": "glossary-study", "version": 2, "exported",
   * "kinds": {kind: {"cards": {slug: card}}}, "streak"}; and back. */
  function exportProgress() {
    var kinds = {};
    Object.keys(KINDS).forEach(function (kind) {
      var cards = load(kind).cards;
      if (Object.keys(cards).length) kinds[kind] = { cards: cards };
    });
    var file = { app: "glossary-study", version: 2, exported: new Date().toISOString(), kinds: kinds, streak: readStreak() };
    var link = element("a", "", null);
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
    link.download = "glossary-study-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    say("Progress exported as glossary-study-progress.json.");
  }

  function importProgress() {
    var input = app.nodes.file, chosen = input.files && input.files[0];
    if (!chosen) return;
    var reader = new FileReader();
    reader.onload = function () {
      input.value = "";
      var file = null;
      try { file = JSON.parse(reader.result); } catch (error) { /* refused below */ }
      var byKind = fileCards(file);
      if (!byKind) {
        say("That file is not progress exported from this study page, so nothing was imported.");
        return;
      }
      var terms = 0;
      Object.keys(byKind).forEach(function (kind) {
        var store = load(kind);
        terms += Object.keys(known(byKind[kind])).length;
        save({ name: store.name, cards: merge(store.cards, byKind[kind]) });
      });
      say("Progress imported for " + terms + " card" + (terms === 1 ? "" : "s") +
        " (where this browser has a card reviewed later, it keeps its own).");
      choose(app.deck.id, app.kind);
    };
    reader.readAsText(chosen);
  }

  /* A file's cards by kind: version 2's, or version 1's decks merged as on load; null if it is not progress. */
  function fileCards(file) {
    if (!file || file.app !== "glossary-study") return null;
    var parts = file.version === 2 ? file.kinds : file.version === 1 ? file.decks : null;
    if (!parts || typeof parts !== "object" || Array.isArray(parts)) return null;
    var byKind = {};
    var ok = Object.keys(parts).every(function (name) {
      var kind = file.version === 2 ? (KINDS[name] ? name : null) : (VERSION_1.exec("glossary-study/v1/" + name) || [])[2];
      var cards = kind && readCards(parts[name]);
      if (cards) byKind[kind] = merge(byKind[kind] || {}, cards);
      return cards;
    });
    return ok ? byKind : null;
  }

  /* Reset forgets the cards this deck shows, of the kind shown, in every deck that holds them. */
  function resetDeck() {
    var button = app.nodes.reset, count = app.slugs.length;
    if (!button.hasAttribute("data-armed")) {
      button.setAttribute("data-armed", "");
      button.textContent = "Press again to erase the progress of these " + count + " cards, in every deck";
      setTimeout(function () { button.removeAttribute("data-armed"); button.textContent = RESET; }, 5000);
      return;
    }
    button.removeAttribute("data-armed");
    button.textContent = RESET;
    app.slugs.forEach(function (slug) { delete app.store.cards[slug]; });
    save(app.store);
    say("The progress of these " + count + " cards was erased, in every deck.");
    choose(app.deck.id, app.kind);
  }

  /* Space or Enter shows the answer; 1 to 4 grade it. Keys typed into a form control are its own. */
  function onKey(event) {
    if (!app || !document.body.contains(app.root) || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target instanceof Element && target.closest("input, select, textarea, a")) return;
    var onButton = target instanceof Element && target.closest("button");
    if (!app.revealed && (event.key === " " || event.key === "Enter") && !onButton) {
      event.preventDefault();
      reveal();
    } else if (app.revealed && /^[1-4]$/.test(event.key)) {
      event.preventDefault();
      rate(Number(event.key));
    }
  }

  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", function () {
    var id = app && document.body.contains(app.root) && deckInAddress();
    if (id) choose(id, app.kind);
  });
  window.GlossaryStudy = { mount: mount };
  mount();
})();
