"""The contract between the HTML this engine emits and the CSS and script that read it.

This is the one place the names are written down; the stylesheet
(`docs/assets/glossary.css`) and the popover script (`docs/assets/glossary.js`)
use exactly these and no others. A term mention in prose becomes::

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

The script reads the `dt`/`dd` pair of a slug with `textContent`, so the
definitions only ever reach the page as text.

The script marks the mention a backlink points to with the class
`glossary-term--target` (the stylesheet highlights it, as it does `:target`).

On a term page, `p.glossary-copy-link > button[data-url]` (beside the title)
copies the page's address (the script unhides it) and reports in
`.glossary-copy-status`. The 404
page lists every term as `ul.glossary-suggestions > li[data-names]` (the URL
forms of its names); the script shows those closest to the mistyped address.

Writers opt out with the class `glossary-skip` on any element: no mention
inside it is linked. The generated sections on term pages carry the classes
below so styles can address them.
"""

TERM_LINK = "glossary-term"
MENTION = "glossary-mention"  # an unlinked mention's anchor (a term with `link: false`)
TERM_ATTR = "data-term"
SKIP = "glossary-skip"
MENTION_ID_PREFIX = "mention-"
TARGET = "glossary-term--target"  # set by the script on the mention a backlink points to
DEFINITIONS = "glossary-definitions"  # class of the <template> with this page's definitions

ENTRY_HEAD = "glossary-entry-head"    # the top of a term page: section, title, summary, other names
EYEBROW = "glossary-eyebrow"          # the "Glossary" link above a term's title
ENTRY_TITLE = "glossary-entry-title"  # the title and its copy-link control, side by side
SUMMARY = "glossary-summary"          # the term's one-sentence summary, as the page's opening line
ALIASES = "glossary-aliases"          # "Also called" line: the term's other names
RELATED = "glossary-related"          # the "Related terms" list
BACKLINKS = "glossary-backlinks"      # the "Mentioned in" section
BACKLINK_GROUP = "glossary-backlinks__group"  # "Essays", "Glossary entries", "Other pages" in it
BACKLINK_CONTEXT = "glossary-context" # the sentence around a mention
BYLINE = "essay-byline"               # under an essay's title: reading time and source
HINT = "essay-hint"                   # under it: "terms with a dotted underline show their definition"
INDEX = "glossary-index"              # the A–Z list on the glossary's index page
VOCABULARY = "glossary-vocabulary"    # an essay's closing list of its terms
VOCABULARY_ACTIONS = "glossary-vocabulary__study"  # under it: study them, download them
STUDY = "glossary-study"              # the study page's app (docs/assets/study.js builds it)
STUDY_DECKS = "glossary-study-decks"  # <template> holding the decks as JSON text
STUDY_WAIT = "glossary-study__wait"   # what the app's place says until the script replaces it
INDEX_LETTERS = "glossary-letters"    # the letter jump links above it
FILTER = "glossary-filter"            # the index's filter box (an input, shown by the script)
FILTER_STATUS = "glossary-filter-status"  # its live region: how many terms match
OPEN_SEARCH = "glossary-open-search"  # a link the script turns into "open Material's search"
COPY_LINK = "glossary-copy-link"      # the "Copy link" button's paragraph; its button has data-url
COPY_STATUS = "glossary-copy-status"  # the live region that says "Link copied"
SUGGESTIONS = "glossary-suggestions"  # the 404 page's list of terms, each li with data-names
