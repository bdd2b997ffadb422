/* The lazy start of GLightbox (mkdocs-glightbox's library): nothing loads or runs it
 * until a reader first clicks an image link (a.glightbox, wrapped by the plugin);
 * then its stylesheet and script load, it starts with the plugin's options, and
 * opens the image clicked.
 *
 * hooks/lightbox.py reads this file and hands it to the theme, which writes it as
 * the inline module script#init-glightbox (overrides/main.html): a module, so it
 * runs after the deferred scripts, from a server or a file:// URL. The hook puts
 * the plugin's options (mkdocs.yml) in place of the empty OPTIONS object below
 * and minifies the whole; the file itself is not published. The script tag
 * carries the library's addresses (data-script, data-style), which the theme
 * writes with its `url` filter, so they are right from any page.
 */
// Absolute now: after an instant navigation, a relative address would count from another page.
const given = document.getElementById("init-glightbox").dataset;
const assets = { script: new URL(given.script, location.href).href, style: new URL(given.style, location.href).href };
let lightbox = null, loading = null;
const fetched = (node) => new Promise((done, fail) => {
  node.onload = done;
  node.onerror = fail;
  document.head.append(node);
});
const load = () => loading = loading || Promise.all([
  fetched(Object.assign(document.createElement("link"), { rel: "stylesheet", href: assets.style })),
  fetched(Object.assign(document.createElement("script"), { src: assets.script })),
]).then(() => {
  lightbox = GLightbox(/* OPTIONS */{});
  // A caption is shown whole: on a phone glightbox cuts it to 60 characters and a "See more" link
  // that, opened, fades the diagram behind it. (Read as each slide is built, so it may be set here.)
  lightbox.settings.moreLength = 0;
});

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a.glightbox");
  if (!link || lightbox) return;  // once started, glightbox opens its own links
  event.preventDefault();
  event.stopPropagation();
  load().then(() => link.click());
}, true);

// After an instant navigation (Material's document$), glightbox picks up the new page's
// links. Material may start after this script (on DOMContentLoaded, or later: see
// overrides/main.html); on a theme without it there is nothing to watch.
let watching = false;
const watch = () => {
  if (watching || !window.document$) return;
  watching = true;
  document$.subscribe(() => { if (lightbox) lightbox.reload(); });
};
watch();
document.addEventListener("DOMContentLoaded", watch);
