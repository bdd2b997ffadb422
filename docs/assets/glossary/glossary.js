/* The glossary in the reader's browser, one script for every page that has any of it.
 *
 * 1. The definition popover: on hover (after a short delay), at once on keyboard
 *    focus, and on the first tap on a touch screen; on a phone, a sheet at the
 *    bottom of the window. It also marks the mention a backlink points to, and
 *    gives focus back to a term followed from the keyboard when the reader comes Back.
 * 2. A term page's "Copy link" ("Share link" on a phone). (The index's filter and the 404 page's suggestions
 *    are find.js's, which only those two pages load.)
 * 3. search.js, loaded the first time the reader goes to the search box: Material's
 *    search asked again with similar spellings when a query finds nothing, and
 *    results whose title holds the query's words first.
 *
 * The contract with the build and the theme (hooks/glossary/contract.py, the one
 * place it is written down; tests/engine/test_contract.py checks it):
 *   a.glossary-term[data-term=<slug>]   a mention, linking to the term page
 *   template.glossary-definitions       <dl> of dt[data-term=<slug>] (title)
 *                                       and dd (summary) for this page's terms
 *   p.glossary-copy-link > button[data-url] a term page's "Copy link" control
 *   .glossary-copy-status                   its live region ("Link copied")
 * and, for the stylesheet (glossary.css):
 *   .glossary-popover[data-placement]   the popover (id glossary-popover), its
 *                                       parts __title (id glossary-popover-title),
 *                                       __summary, __more and __close, and
 *                                       --sheet on a phone
 *   glossary-sheet-open (on body)       while the sheet is open, with the custom
 *                                       property --glossary-sheet-height
 *   glossary-term--target               on the mention a backlink points to
 * From Material's page it reads the header (.md-header: a popover stays below
 * it), the main element (the popover goes inside it), the article (to tell one
 * page from the next), the search box (.md-search__input), window.document$
 * (instant navigation) and, if the page has learn.js, window.GlossaryLearn. Text goes in
 * with textContent, never as HTML.
 *
 * Where the popover shows: on a wide screen, a card next to its term: above the
 * term's line if the window has room (over text already read), else below it, GAP
 * from the line, never over it; its arrow at the term, shifted sideways only to
 * stay inside the content column (the article). On a narrow screen, a sheet at the
 * bottom of the window with a close button, the page scrolled just enough that the
 * term's line stays in sight above it.
 *
 * Hover intent is worked out from where the pointer is, whatever path it took:
 * on a term, that term's card shows after SHOW_DELAY; on the open card or its
 * term, the card stays; anywhere else, it goes after GRACE. A term crossed on
 * the way cancels nothing, so no path can leave a card open.
 *
 * ARIA: the popover is a tooltip (role=tooltip) that describes the focused or
 * hovered link through aria-describedby. Its link repeats the term link's own
 * target for pointer and touch users, so it stays out of the tab order;
 * keyboard users follow the term link itself. The phone sheet is a non-modal
 * dialog named by its title, with a close button.
 */
(function () {
  "use strict";

  var SELF = document.currentScript && document.currentScript.src;  // search.js is beside it

  /* 1. The definition popover. */
  var TERM = "a.glossary-term";
  var TARGET = "glossary-term--target";
  var SHOW_DELAY = 300;
  var GRACE = 300;       // after the pointer leaves the term and its card
  var GAP = 10;          // between the card and the term's line box
  var EDGE = 8;          // from the header
  var SHEET = "(max-width: 37.5em)";

  var popover = null;
  var FOLLOWED = "glossary-followed";  // sessionStorage: page path -> id of the term link followed from it
  var state = { link: null, hover: false, next: null, held: false, showTimer: 0, hideTimer: 0, pointer: "mouse", pointerAt: 0, keyAt: 0, arrival: null, returning: false };

  function definition(link) {
    var template = document.querySelector("template.glossary-definitions");
    var slug = link.getAttribute("data-term");
    if (!template || !slug) return null;
    var title = template.content.querySelector('dt[data-term="' + CSS.escape(slug) + '"]');
    var summary = title && title.nextElementSibling;
    return summary ? { title: title.textContent, summary: summary.textContent } : null;
  }

  function element(tag, className, parent) {
    var node = document.createElement(tag);
    node.className = className;
    if (parent) parent.appendChild(node);
    return node;
  }

  function ensurePopover() {
    if (popover && document.body.contains(popover)) return popover;  // gone after instant navigation
    popover = element("div", "glossary-popover");
    popover.id = "glossary-popover";
    popover.hidden = true;
    var title = element("p", "glossary-popover__title", popover);
    title.id = "glossary-popover-title";
    element("p", "glossary-popover__summary", popover);
    element("a", "glossary-popover__more", popover).textContent = "Read the full entry";
    var close = element("button", "glossary-popover__close", popover);
    close.type = "button";
    close.setAttribute("aria-label", "Close the definition");
    close.textContent = "\u00d7";
    close.addEventListener("click", function () { hide(); });
    // Inside the main landmark, so assistive technology finds it with the content.
    (document.querySelector("main") || document.body).appendChild(popover);
    return popover;
  }

  function show(link, hover) {
    clearTimeout(state.showTimer);
    stopHiding();
    state.hover = !!hover;
    var term = definition(link);
    if (!term) return;
    var box = ensurePopover();
    if (state.link && state.link !== link) state.link.removeAttribute("aria-describedby");
    var sheet = window.matchMedia(SHEET).matches;
    box.children[0].textContent = term.title;
    box.children[1].textContent = term.summary;
    box.children[2].href = link.href;
    box.children[2].tabIndex = sheet ? 0 : -1;
    box.children[3].hidden = !sheet;
    box.classList.toggle("glossary-popover--sheet", sheet);
    box.setAttribute("role", sheet ? "dialog" : "tooltip");
    if (sheet) box.setAttribute("aria-labelledby", "glossary-popover-title");
    else box.removeAttribute("aria-labelledby");
    // learn.js, on a site with a study page: the term's study state and two reviews, before placing.
    if (window.GlossaryLearn) window.GlossaryLearn.card(link.getAttribute("data-term"), box, sheet);
    box.hidden = false;
    if (sheet) keepInSight(box, link);
    else place(box, link);
    link.setAttribute("aria-describedby", box.id);
    state.link = link;
  }

  /* keep: the grace ran out; a term the pointer has moved onto still shows. */
  function hide(keep) {
    if (keep !== true) clearTimeout(state.showTimer);
    stopHiding();
    if (state.link) state.link.removeAttribute("aria-describedby");
    if (popover) popover.hidden = true;
    document.body.classList.remove("glossary-sheet-open");
    state.link = null;
  }

  function stopHiding() {
    clearTimeout(state.hideTimer);
    state.hideTimer = 0;
  }

  /* Hover intent, from the element under the pointer (null: out of the window). */
  function track(target) {
    var link = target instanceof Element ? target.closest(TERM) : null;
    if (link !== state.next) {
      clearTimeout(state.showTimer);
      state.next = link;
      if (link && link !== state.link) state.showTimer = setTimeout(function () { show(link, true); }, SHOW_DELAY);
    }
    if (state.held || (link && link === state.link) || (popover && popover.contains(target))) stopHiding();
    else if (state.link && state.hover && !state.hideTimer) state.hideTimer = setTimeout(hide, GRACE, true);
  }

  /* The term's line boxes (its first and last, if it wraps), in window coordinates. */
  function lineOf(link) {
    var rects = link.getClientRects();
    var first = rects[0] || link.getBoundingClientRect();
    var block = link.closest("p, li, dd, dt, td, th, figcaption, blockquote") || link.parentElement;
    var height = parseFloat(getComputedStyle(block).lineHeight) || first.height * 1.5;
    return { first: first, last: rects[rects.length - 1] || first, height: Math.max(height, first.height) };
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  /* Above the term's line if the window has room, else below it; never over it. */
  function place(box, link) {
    var line = lineOf(link);
    var lead = Math.min((line.height - line.first.height) / 2, 6);  // the line box past the word's box
    var column = (link.closest("article") || document.body).getBoundingClientRect();
    var height = box.offsetHeight, width = box.offsetWidth;
    var word = line.first, placement = "above";
    var top = word.top - lead - GAP - height;
    if (top < headerBottom() + EDGE) {
      word = line.last;
      placement = "below";
      top = word.bottom + lead + GAP;
    }
    var x = word.left + Math.min(word.width, 48) / 2;
    var left = clamp(x - 24, column.left, column.right - width);
    box.style.setProperty("--arrow", clamp(x - left, 12, width - 12) + "px");
    // Absolute coordinates count from the nearest positioned ancestor, if any.
    var origin = box.offsetParent && box.offsetParent !== document.body
      ? box.offsetParent.getBoundingClientRect()
      : { top: -window.scrollY, left: -window.scrollX };
    box.setAttribute("data-placement", placement);
    box.style.top = top - origin.top + "px";
    box.style.left = left - origin.left + "px";
  }

  function clamp(value, low, high) {
    return Math.max(low, Math.min(value, high));
  }

  /* The phone sheet covers the bottom of the window. If it would cover the term's
   * line, the page scrolls just enough to lift the line above it, smoothly, so
   * the eye can follow its line; a term already in sight does not move. */
  function keepInSight(box, link) {
    box.removeAttribute("data-placement");
    box.style.top = box.style.left = "";
    document.body.style.setProperty("--glossary-sheet-height", box.offsetHeight + "px");
    document.body.classList.add("glossary-sheet-open");  // room to scroll at the page's end
    var line = lineOf(link), lead = (line.height - line.first.height) / 2;
    var ceiling = headerBottom() + EDGE, floor = window.innerHeight - box.offsetHeight - EDGE;
    var top = line.first.top - lead, by = 0;
    if (line.last.bottom + lead > floor) by = line.last.bottom + lead - floor;
    if (top - by < ceiling) by = top - ceiling;  // a line under the header comes down into sight
    if (Math.abs(by) >= 1) window.scrollBy({ top: by, behavior: smoothly() });
  }

  function smoothly() {
    return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  }

  function termOf(event) {
    return event.target instanceof Element ? event.target.closest(TERM) : null;
  }

  function onPointerDown(event) {
    state.pointer = event.pointerType || "mouse";
    state.pointerAt = Date.now();
    state.held = !!(popover && popover.contains(event.target));  // selecting the card's text
    if (popover && !popover.hidden && !state.held && !termOf(event)) hide();
  }

  function onPointerUp(event) {
    state.held = false;
    if (event.pointerType === "mouse") track(event.target);
  }

  function onPointerOver(event) {
    if (!event.buttons) state.held = false;  // released where no pointerup reached us
    if (event.pointerType === "mouse") track(event.target);
  }

  function onPointerOut(event) {
    if (event.pointerType === "mouse" && !event.relatedTarget) track(null);
  }

  function onFocusIn(event) {
    var link = termOf(event);
    if (!link) return;
    // Focus that follows a pointer press belongs to hover or tap, not the keyboard;
    // focus the page gives a backlink's mention on arrival opens nothing either.
    var arrived = state.arrival && state.arrival.link === link && state.keyAt < state.arrival.at;
    if (Date.now() - state.pointerAt > 500 && !arrived) show(link);
  }

  function onFocusOut(event) {
    if (termOf(event) === state.link && state.pointer !== "touch") {
      var next = event.relatedTarget;
      if (!(next instanceof Node && popover && popover.contains(next))) hide();
    }
  }

  /* On a touch screen the first tap shows the definition; a second tap, or the
   * popover's own link, goes to the term's page. */
  function onClick(event) {
    var link = termOf(event);
    if (!link || state.pointer !== "touch" || Date.now() - state.pointerAt > 1000) return;
    if (state.link !== link || popover.hidden) {
      // Captured before Material's instant navigation sees the click.
      event.preventDefault();
      event.stopPropagation();
      show(link);
    }
  }

  /* A backlink points at one mention. Instant navigation changes the address
   * with pushState, which leaves :target behind, so the mention is marked here;
   * the stylesheet's scroll margin puts it a third of the way down the window. */
  function markTarget() {
    var old = document.querySelector("." + TARGET);
    if (old) old.classList.remove(TARGET);
    var id = decodeURIComponent(location.hash.slice(1));
    var mention = id ? document.getElementById(id) : null;
    state.arrival = null;
    if (mention && mention.matches(TERM)) {
      mention.classList.add(TARGET);
      state.arrival = { link: mention, at: Date.now() };
      if (document.activeElement !== mention) mention.scrollIntoView({ block: "start" });
    }
  }

  /* Following a term from the keyboard, then coming Back, gives focus back to
   * that term link, so Tab goes on from the paragraph the reader left rather than
   * from the top of the page. The link is remembered by its id, per page, for this
   * tab only; a pointer's follow is not remembered (the pointer keeps its place). */
  function onFollow(event) {
    state.returning = false;  // a click goes forward, whatever happens next
    if (event.defaultPrevented || event.detail !== 0) return;  // detail 0: activated from the keyboard
    var target = event.target instanceof Element ? event.target.closest("a[href]") : null;
    var link = !target ? null : target.matches(TERM) ? target : popover && popover.contains(target) ? state.link : null;
    if (!link || !link.id) return;
    var seen = followed();
    seen[location.pathname] = link.id;
    try { sessionStorage.setItem(FOLLOWED, JSON.stringify(seen)); } catch (e) { /* storage off: nothing kept */ }
  }

  function followed() {
    try { return JSON.parse(sessionStorage.getItem(FOLLOWED) || "{}") || {}; } catch (e) { return {}; }
  }

  function returnFocus() {
    if (!state.returning) return;
    state.returning = false;
    var id = followed()[location.pathname];
    var link = id ? document.getElementById(id) : null;
    if (!link || !link.matches(TERM) || document.activeElement === link) return;
    state.arrival = { link: link, at: Date.now() };  // focus given back opens no card
    // The browser or Material restores the scroll position; the ring shows, as the follow was by keyboard.
    link.focus({ preventScroll: true, focusVisible: true });
  }

  function markPage() {
    hide();
    markTarget();
    returnFocus();
  }

  function onKeyDown(event) {
    state.keyAt = Date.now();
    if (event.key === "Escape" && popover && !popover.hidden) hide();
  }

  /* A phone's address bar changes the window's height as the page scrolls: keep the
   * popover. A new width (the phone turned, the window resized) puts it away. */
  var width = window.innerWidth;
  function onResize() {
    if (window.innerWidth !== width) {
      width = window.innerWidth;
      hide();
    } else if (state.link && popover && !popover.hidden && !window.matchMedia(SHEET).matches) {
      place(popover, state.link);
    }
  }

  document.addEventListener("pointerdown", onPointerDown, true);
  document.addEventListener("pointerup", onPointerUp, true);
  document.addEventListener("pointerover", onPointerOver);
  document.addEventListener("pointerout", onPointerOut);
  document.addEventListener("focusin", onFocusIn);
  document.addEventListener("focusout", onFocusOut);
  document.addEventListener("click", onClick, true);
  document.addEventListener("click", onFollow, true);  // after onClick: a first tap is no follow
  document.addEventListener("keydown", onKeyDown, true);
  window.addEventListener("resize", onResize);
  window.addEventListener("orientationchange", hide);
  window.addEventListener("hashchange", markTarget);
  // Back or Forward: by instant navigation (popstate, then the page from document$), or a full load.
  window.addEventListener("popstate", function () { state.returning = true; });
  var entry = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  state.returning = !!entry && entry.type === "back_forward";


  /* 2. "Copy link" on a term page: the page's published address, with a visible
   * and announced confirmation; on a phone with a share sheet, "Share link" opens it. */
  function onCopy(event) {
    var button = event.target instanceof Element ? event.target.closest(".glossary-copy-link button") : null;
    if (!button) return;
    var status = button.parentNode.querySelector(".glossary-copy-status");
    var url = button.getAttribute("data-url") || location.href.split(/[?#]/)[0];
    if (sharing()) {  // the system's sheet: a chat app, mail, nearby devices; cancelling it is no failure
      navigator.share({ title: document.title, url: url }).catch(function (error) {
        if (error.name !== "AbortError") copyTo(status, url);
      });
      return;
    }
    copyTo(status, url);
  }

  // On a phone, where the system has a share sheet, the control offers it instead of the clipboard.
  function sharing() {
    return !!navigator.share && window.matchMedia("(pointer: coarse)").matches;
  }

  function copyTo(status, url) {
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

  /* 3. Material's search, kinder: search.js beside this file, fetched the first time the reader goes to
   * the search box (Material puts the focus there however search is opened, a ?q= address included). */
  function loadSearch(event) {
    var input = document.querySelector(".md-search__input");
    if (!input || !SELF || event && event.target !== input) return;
    document.removeEventListener("focusin", loadSearch);
    var tag = document.createElement("script");
    tag.src = SELF.replace(/glossary\.js([?#].*)?$/, "search.js");
    document.head.appendChild(tag);
  }
  document.addEventListener("focusin", loadSearch);
  if (document.activeElement && document.activeElement.matches(".md-search__input")) loadSearch();

  function setUpControls() {
    var canCopy = !!(navigator.clipboard || document.queryCommandSupported && document.queryCommandSupported("copy"));
    document.querySelectorAll(".glossary-copy-link button").forEach(function (b) {
      b.hidden = !canCopy && !sharing();
      if (sharing()) b.setAttribute("aria-label", b.title = "Share link");
    });
  }

  document.addEventListener("click", onCopy);

  function onPage() {
    markPage();
    setUpControls();
  }

  // Material's instant navigation swaps the page without reloading this script. Its
  // document$ gives each page (the current one at once); Material may start after this
  // script, on DOMContentLoaded (a theme can start it on the reader's first interaction).
  // A page is known by its content element, not its address: Material also swaps in a
  // fresh copy of the page the reader is on (the same address entered again), and that
  // copy's mentions need marking, and its controls showing, as much as a new page's.
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
