/* Definition popovers for glossary terms: on hover (after a short delay), at
 * once on keyboard focus, and on the first tap on a touch screen.
 *
 * The contract with the build (hooks/glossary/contract.py, the one place it is
 * written down):
 *   a.glossary-term[data-term=<slug>]       a mention, linking to the term page
 *   template.glossary-definitions           <dl> of dt[data-term=<slug>] (title)
 *                                           and dd (summary) for this page's terms
 *   p.glossary-copy-link > button[data-url] a term page's "Copy link" button
 *   .glossary-copy-status                   its live region ("Link copied")
 *   ul.glossary-suggestions > li[data-names] the 404 page's terms, with URL forms
 * and sets one class for the stylesheet:
 *   glossary-term--target                   on the mention a backlink points to
 * Nothing else is read. Text goes in with textContent, never as HTML.
 *
 * ARIA: the popover is a tooltip (role=tooltip) that describes the focused or
 * hovered link through aria-describedby. Its "Read more" link repeats the term
 * link's own target for pointer and touch users, so it stays out of the tab
 * order; keyboard users follow the term link itself.
 */
(function () {
  "use strict";

  var TERM = "a.glossary-term";
  var DEFINITIONS = "template.glossary-definitions";
  var SHOW_DELAY = 300;
  var HIDE_DELAY = 200;
  var MARGIN = 8;
  var TARGET = "glossary-term--target";

  var popover = null;
  var state = { link: null, showTimer: 0, hideTimer: 0, pointer: "mouse", pointerAt: 0 };

  function definition(link) {
    var template = document.querySelector(DEFINITIONS);
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
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    element("p", "glossary-popover__title", popover);
    element("p", "glossary-popover__summary", popover);
    var more = element("a", "glossary-popover__more", popover);
    more.tabIndex = -1;
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
    box.children[0].textContent = term.title;
    box.children[1].textContent = term.summary;
    box.children[2].textContent = "Read more about " + term.title;
    box.children[2].href = link.href;
    box.hidden = false;
    place(box, link);
    link.setAttribute("aria-describedby", box.id);
    state.link = link;
  }

  function hide() {
    clearTimeout(state.showTimer);
    clearTimeout(state.hideTimer);
    if (state.link) state.link.removeAttribute("aria-describedby");
    if (popover) popover.hidden = true;
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

  /* Below the link if it fits, else above; shifted sideways to stay in the viewport. */
  function place(box, link) {
    var rects = link.getClientRects();
    var anchor = rects.length ? rects[0] : link.getBoundingClientRect();
    var width = box.offsetWidth;
    var height = box.offsetHeight;
    var viewWidth = document.documentElement.clientWidth;
    var viewHeight = window.innerHeight;
    var below = anchor.bottom + MARGIN + height <= viewHeight || anchor.top - MARGIN - height < 0;
    var top = below ? anchor.bottom + MARGIN : anchor.top - MARGIN - height;
    var left = Math.max(MARGIN, Math.min(anchor.left, viewWidth - width - MARGIN));
    // Absolute coordinates count from the nearest positioned ancestor, if any.
    var origin = box.offsetParent && box.offsetParent !== document.body
      ? box.offsetParent.getBoundingClientRect()
      : { top: -window.scrollY, left: -window.scrollX };
    box.setAttribute("data-placement", below ? "below" : "above");
    box.style.top = top - origin.top + "px";
    box.style.left = left - origin.left + "px";
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
    // Focus that follows a pointer press belongs to hover or tap, not the keyboard.
    if (link && Date.now() - state.pointerAt > 500) show(link);
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
   * with pushState, which leaves :target behind, so the mention is marked here. */
  function markTarget() {
    var old = document.querySelector("." + TARGET);
    if (old) old.classList.remove(TARGET);
    var id = decodeURIComponent(location.hash.slice(1));
    var mention = id ? document.getElementById(id) : null;
    if (mention && mention.matches(TERM)) mention.classList.add(TARGET);
  }

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
      var area = element("textarea", "", document.body);
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
    if (shown.length) list.parentNode.hidden = false;
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

  function onPage() {
    hide();
    markTarget();
    suggest();
    var canCopy = !!(navigator.clipboard || document.queryCommandSupported && document.queryCommandSupported("copy"));
    document.querySelectorAll(".glossary-copy-link button").forEach(function (b) { b.hidden = !canCopy; });
  }

  function onKeyDown(event) {
    if (event.key === "Escape" && popover && !popover.hidden) hide();
  }

  document.addEventListener("pointerdown", onPointerDown, true);
  document.addEventListener("pointerover", onPointerOver);
  document.addEventListener("pointerout", onPointerOut);
  document.addEventListener("focusin", onFocusIn);
  document.addEventListener("focusout", onFocusOut);
  document.addEventListener("click", onClick, true);
  document.addEventListener("click", onCopy);
  document.addEventListener("keydown", onKeyDown);
  window.addEventListener("resize", hide);
  window.addEventListener("hashchange", markTarget);

  // Material's instant navigation swaps the page without reloading this script.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else {
    onPage();
  }
})();
