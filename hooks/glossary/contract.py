"""The contract between the HTML this engine emits, the scripts and stylesheets that read it, and
the theme's templates: every class name and `data-` attribute they share, written down once.

The scripts are `docs/assets/glossary/glossary.js`, `find.js` beside it (the index's filter and
the 404 page's suggestions, which only those two pages load), the study page's
`docs/assets/study.js` and `docs/assets/learn.js` (the study state in the popovers, on a site
with a study page); the stylesheets `docs/assets/glossary/glossary.css` and `study.css`
(and the site's own `site.css`, which may address these classes too); the templates are in
`overrides/`. They use these names and no others, and every name here is used:
tests/engine/test_contract.py checks both. A term mention in prose becomes::

    <a class="glossary-term" href="…/glossary/token/" data-term="token"
       id="mention-token">tokens</a>

* `glossary-term` (class): marks a link to a term page made by the engine.
* `glossary-mention` (class, on a `<span>` with `data-term` and `id`): a
  mention of a term whose page says `link: false`; backlinks point to it.
* `data-term`: the term's slug, the key to its definition.
* `id`: the anchor of this mention; backlinks deep-link to it.

Each page that links a term also carries the definitions of the terms it
links, so a popover needs no network. They sit in an inert `<template>` (not
a `<script>`: Material's instant navigation would run a script's text)::

    <template class="glossary-definitions" data-search-exclude>
      <dl><dt data-term="token">Token</dt><dd>One plain sentence.</dd></dl>
    </template>

The popover script reads the `dt`/`dd` pair of a slug with `textContent`, so the
definitions only ever reach the page as text. It builds the popover itself (the
`POPOVER` names below, which only it and the stylesheet share) and marks the
mention a backlink points to with `glossary-term--target` (the stylesheet
highlights it, as it does `:target`).

On a term page, `p.glossary-copy-link > button[data-url]` (beside the title)
copies the page's address (glossary.js unhides it) and reports in
`.glossary-copy-status`. The 404 page (`overrides/404.html`) lists every essay and term as
`ul.glossary-suggestions > li[data-names]` (the URL forms of its names) in a hidden
`.glossary-not-found` box; find.js shows those closest to the mistyped address, closest first.

A long "Mentioned in" list folds the entries past its first ten into a native
`<details class="glossary-backlinks__more">`, whose `<summary>` holds both of its labels
(`glossary-backlinks__show-all`, `glossary-backlinks__show-fewer`); the stylesheet shows
the one that fits, and prints the list in full. No script is involved.

Writers opt out with the class `glossary-skip` on any element: no mention
inside it is linked. The generated sections on term pages carry the classes
below so styles can address them.
"""

# A mention, and what the popover reads.
TERM_LINK = "glossary-term"
MENTION = "glossary-mention"  # an unlinked mention's anchor (a term with `link: false`)
TERM_ATTR = "data-term"
SKIP = "glossary-skip"
MENTION_ID_PREFIX = "mention-"
TARGET = "glossary-term--target"  # set by glossary.js on the mention a backlink points to
ARRIVAL = "glossary-arrival"  # glossary.css's keyframes: the strong mark on that mention, fading to a faint one
FOLLOWED = "glossary-followed"  # glossary.js's sessionStorage key: the term link followed, per page, for Back
DEFINITIONS = "glossary-definitions"  # class of the <template> with this page's definitions

# The popover, which glossary.js builds and glossary.css styles: the engine's HTML has none of it.
POPOVER = "glossary-popover"                   # the popover (also its id, which aria-describedby names)
POPOVER_TITLE = "glossary-popover__title"      # its parts: the term's title,
POPOVER_SUMMARY = "glossary-popover__summary"  # its summary,
POPOVER_MORE = "glossary-popover__more"        # "Read the full entry",
POPOVER_CLOSE = "glossary-popover__close"      # and the close button, shown on a phone
POPOVER_TITLE_ID = "glossary-popover-title"    # the title's id: the phone sheet's name (aria-labelledby)
POPOVER_SHEET = "glossary-popover--sheet"      # the popover as a sheet along the bottom of a phone's window
PLACEMENT_ATTR = "data-placement"              # side, above or below the line: where its arrow points from
SHEET_OPEN = "glossary-sheet-open"             # on <body> while the sheet is open: room under the page for it
SHEET_HEIGHT = "--glossary-sheet-height"       # a custom property on <body>: the sheet's height, that room

# The top of a term page, and its generated sections.
ENTRY_HEAD = "glossary-entry-head"    # the top of a term page: section, title, summary, other names
EYEBROW = "glossary-eyebrow"          # the "Glossary" link above a term's title
ENTRY_TITLE = "glossary-entry-title"  # the title and its copy-link control, side by side
SUMMARY = "glossary-summary"          # the term's one-sentence summary, as the page's opening line
ALIASES = "glossary-aliases"          # "Also called" line: the term's other names
COPY_LINK = "glossary-copy-link"      # the "Copy link" button's paragraph; its button has data-url
URL_ATTR = "data-url"                 # on that button: the page's published address
COPY_STATUS = "glossary-copy-status"  # the live region that says "Link copied"
RELATED = "glossary-related"          # the "Related terms" list
BACKLINKS = "glossary-backlinks"      # the "Mentioned in" section
BACKLINK_GROUP = "glossary-backlinks__group"  # "Essays", "Glossary entries", "Other pages" in it
BACKLINKS_MORE = "glossary-backlinks__more"   # the <details> past the first ten entries: the rest
BACKLINKS_SHOW_ALL = "glossary-backlinks__show-all"      # its <summary>'s label while closed: "Show all N"
BACKLINKS_SHOW_FEWER = "glossary-backlinks__show-fewer"  # and while open: "Show fewer"
BACKLINK_CONTEXT = "glossary-context" # the sentence around a mention

# An essay.
BYLINE = "essay-byline"               # under an essay's title: reading time and source
HINT = "essay-hint"                   # under it: "terms with a dotted underline show their definition"
VOCABULARY = "glossary-vocabulary"    # an essay's closing list of its terms
VOCABULARY_ACTIONS = "glossary-vocabulary__study"  # under it: study them, download them

# The glossary's index page.
INDEX = "glossary-index"              # the A–Z list on the glossary's index page
NAMES_ATTR = "data-names"             # on each term in it (dt), and on each of the 404 page's: its names
INDEX_LETTERS = "glossary-letters"    # the letter jump links above it
FILTER = "glossary-filter"            # the index's filter box (an input, shown by find.js)
FILTER_STATUS = "glossary-filter-status"  # its live region: how many terms match, or that none does
MATCHES = "glossary-matches"          # built by find.js first in the list while filtering: the name matches

# The 404 page (overrides/404.html, from the engine's data), read by find.js, which finds
# the box by its class rather than as the list's parent, so the template may wrap the list.
NOT_FOUND = "glossary-not-found"      # the box around the suggestions, hidden until one is close
SUGGESTIONS = "glossary-suggestions"  # the 404 page's list of essays and terms, each li with data-names
OPEN_SEARCH = "glossary-open-search"  # a link find.js turns into "open Material's search" with its ?q=

# Learning while reading (docs/assets/learn.js): on a site with a study page, every page with
# definitions loads it, and its popovers show each term's study state and two reviews.
LEARN = "glossary-learn"              # the script tag; data-scheduler: ts-fsrs's address from the page
LEARN_SCHEDULER = "data-scheduler"
LEARNED = "glossary-term--learned"    # on a mention of a term the reader has learned (quieter)
KNOWN = "glossary-known"              # under an essay's byline: "You know 12 of the 47 terms here"
STUDY_PART = "glossary-popover__study"  # the popover's part: the state and two reviews (data-grade)
LEARN_GRADE = "data-grade"

# The study page: the engine writes its place and its decks; study.js builds the app in it.
STUDY = "glossary-study"              # the study page's app (docs/assets/study.js builds it)
STUDY_DECKS = "glossary-study-decks"  # <template> holding the decks as JSON text
STUDY_WAIT = "glossary-study__wait"   # what the app's place says until the script replaces it
# The app's parts that study.css styles; study.js names each `glossary-study__<part>` (its
# element(tag, part) helper). Parts no stylesheet addresses are the script's alone.
STUDY_PARTS = (
    "glossary-study__answer", "glossary-study__card", "glossary-study__controls", "glossary-study__filled",
    "glossary-study__gap", "glossary-study__grade", "glossary-study__grade-name", "glossary-study__grades",
    "glossary-study__import", "glossary-study__interval", "glossary-study__link", "glossary-study__more",
    "glossary-study__note", "glossary-study__prompt", "glossary-study__reveal", "glossary-study__stats",
    "glossary-study__summary", "glossary-study__title", "glossary-study__tools",
)
STUDY_MOUNTED = "data-mounted"  # set by study.js on the app once it is built (instant navigation runs it again)
STUDY_ARMED = "data-armed"      # set by study.js on "Reset these cards" while it asks for a second press
