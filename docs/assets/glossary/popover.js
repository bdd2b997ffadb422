/* The glossary's definition popover: on hover (after a short delay), at once on
 * keyboard focus, and on the first tap on a touch screen; on a phone, a sheet at
 * the bottom of the window. It also marks the mention a backlink points to.
 * The other features of the glossary's pages are in extras.js.
 *
 * The contract with the build (hooks/glossary/contract.py, the one place it is
 * written down; tests/engine/test_contract.py checks it):
 *   a.glossary-term[data-term=<slug>]   a mention, linking to the term page
 *   template.glossary-definitions       <dl> of dt[data-term=<slug>] (title)
 *                                       and dd (summary) for this page's terms
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
 * page from the next) and window.document$ (instant navigation). Text goes in
 * with textContent, never as HTML.
 *
 * Where it shows: on a wide screen, beside the paragraph in the margin if there
 * is room, else above the line, else below the two lines under it: never over
 * the line being read. On a narrow screen, a sheet at the bottom of the window
 * with a close button, the page scrolled so the term stays in sight above it.
 *
 * ARIA: the popover is a tooltip (role=tooltip) that describes the focused or
 * hovered link through aria-describedby. Its link repeats the term link's own
 * target for pointer and touch users, so it stays out of the tab order;
 * keyboard users follow the term link itself. The phone sheet is a non-modal
 * dialog named by its title, with a close button.
 */
(function () {
  "use strict";

  var TERM = "a.glossary-term";
  var TARGET = "glossary-term--target";
  var SHOW_DELAY = 300;
  var HIDE_DELAY = 200;
  var GAP = 12;          // between the popover and the text it belongs to
  var EDGE = 8;          // from the edges of the window
  var SIDE_WIDTH = [240, 340];  // a popover in the margin: no narrower, no wider
  var SHEET = "(max-width: 37.5em)";

  var popover = null;
  var state = { link: null, showTimer: 0, hideTimer: 0, pointer: "mouse", pointerAt: 0, keyAt: 0, arrival: null };

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
    close.addEventListener("click", hide);
    popover.addEventListener("pointerenter", function () { clearTimeout(state.hideTimer); });
    popover.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse") scheduleHide();
    });
    // Inside the main landmark, so assistive technology finds it with the content.
    (document.querySelector("main") || document.body).appendChild(popover);
    return popover;
  }

  function show(link) {
    clearTimeout(state.showTimer);
    clearTimeout(state.hideTimer);
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
    box.hidden = false;
    if (sheet) keepInSight(box, link);
    else place(box, link);
    link.setAttribute("aria-describedby", box.id);
    state.link = link;
  }

  function hide() {
    clearTimeout(state.showTimer);
    clearTimeout(state.hideTimer);
    if (state.link) state.link.removeAttribute("aria-describedby");
    if (popover) popover.hidden = true;
    document.body.classList.remove("glossary-sheet-open");
    state.link = null;
  }

  function scheduleShow(link) {
    clearTimeout(state.hideTimer);
    if (state.link === link) return;
    clearTimeout(state.showTimer);
    state.showTimer = setTimeout(function () { show(link); }, SHOW_DELAY);
  }

  function scheduleHide() {
    clearTimeout(state.showTimer);
    clearTimeout(state.hideTimer);
    state.hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  /* The line the term sits on, and the block of text around it, in window coordinates. */
  function lineOf(link) {
    var rects = link.getClientRects();
    var first = rects.length ? rects[0] : link.getBoundingClientRect();
    var block = link.closest("p, li, dd, dt, td, th, figcaption, blockquote") || link.parentElement;
    var height = parseFloat(getComputedStyle(block).lineHeight) || first.height * 1.5;
    return {
      top: first.top, bottom: first.bottom, height: Math.max(height, first.height),
      x: first.left + Math.min(first.width, 48) / 2, column: block.getBoundingClientRect()
    };
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  /* Beside the text in the margin if there is room; else above the line; else below the
   * two lines under it; an arrow points at the term. Never over the line being read. */
  function place(box, link) {
    var line = lineOf(link);
    var viewWidth = document.documentElement.clientWidth;
    var viewHeight = window.innerHeight;
    var ceiling = headerBottom() + EDGE;
    var room = viewWidth - line.column.right - GAP - EDGE;
    var placement, top, left;
    box.style.width = "";
    if (room >= SIDE_WIDTH[0]) {
      placement = "side";
      box.style.width = Math.min(room, SIDE_WIDTH[1]) + "px";
      left = line.column.right + GAP;
      top = clamp(line.top + line.height / 2 - 22, ceiling, viewHeight - box.offsetHeight - EDGE);
      box.style.setProperty("--arrow", line.top + line.height / 2 - top + "px");
    } else {
      var height = box.offsetHeight;
      var above = line.top - GAP - height;
      var below = line.bottom + 2 * line.height + GAP;
      if (above >= ceiling || above - ceiling > viewHeight - EDGE - (below + height)) {
        placement = "above";
        top = above;
      } else {
        placement = "below";
        top = below;
      }
      left = clamp(line.x - 32, EDGE, viewWidth - box.offsetWidth - EDGE);
      box.style.setProperty("--arrow", line.x - left + "px");
    }
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

  /* The phone sheet covers the bottom of the window: scroll the term into the part
   * still visible, a third of the way down, and make room at the page's end. */
  function keepInSight(box, link) {
    box.removeAttribute("data-placement");
    box.style.top = box.style.left = box.style.width = "";
    document.body.style.setProperty("--glossary-sheet-height", box.offsetHeight + "px");
    document.body.classList.add("glossary-sheet-open");
    var line = lineOf(link);
    var ceiling = headerBottom();
    var floor = window.innerHeight - box.offsetHeight;
    if (line.top < ceiling || line.bottom + 2 * line.height > floor) {
      window.scrollBy(0, line.top - (ceiling + (floor - ceiling) / 3));
    }
  }

  function termOf(event) {
    return event.target instanceof Element ? event.target.closest(TERM) : null;
  }

  function onPointerDown(event) {
    state.pointer = event.pointerType || "mouse";
    state.pointerAt = Date.now();
    if (popover && !popover.hidden && !popover.contains(event.target) && !termOf(event)) hide();
  }

  function onPointerOver(event) {
    if (event.pointerType !== "mouse") return;
    var link = termOf(event);
    if (link) scheduleShow(link);
  }

  function onPointerOut(event) {
    if (event.pointerType !== "mouse") return;
    var link = termOf(event);
    if (link && link === state.link && !link.contains(event.relatedTarget)) scheduleHide();
    else if (link && !link.contains(event.relatedTarget)) clearTimeout(state.showTimer);
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

  function onPage() {
    hide();
    markTarget();
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
  document.addEventListener("pointerover", onPointerOver);
  document.addEventListener("pointerout", onPointerOut);
  document.addEventListener("focusin", onFocusIn);
  document.addEventListener("focusout", onFocusOut);
  document.addEventListener("click", onClick, true);
  document.addEventListener("keydown", onKeyDown, true);
  window.addEventListener("resize", onResize);
  window.addEventListener("orientationchange", hide);
  window.addEventListener("hashchange", markTarget);

  // Material's instant navigation swaps the page without reloading this script. Its
  // document$ gives each page (the current one at once); Material may start after this
  // script, on DOMContentLoaded (a theme can start it on the reader's first interaction).
  // A page is known by its content element, not its address: Material also swaps in a
  // fresh copy of the page the reader is on (the same address entered again), and that
  // copy's mentions need marking as much as a new page's.
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
