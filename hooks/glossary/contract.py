"""The contract between the HTML this engine emits and the CSS and script that read it.

This is the one place the names are written down; the stylesheet
(`docs/assets/glossary.css`) and any browser script use exactly these and no
others. A term mention in prose becomes::

    <a class="glossary-term" href="…/glossary/token/" data-term="token"
       id="mention-token" title="One plain sentence of summary.">tokens</a>

* `glossary-term` (class): marks a link to a term page made by the engine.
* `data-term`: the term's slug, the key to its definition.
* `title`: the term's summary, plain text (Material's `content.tooltips`
  shows it today; a popover script can read it and swap it in instead).
* `id`: the anchor of this mention; backlinks deep-link to it.

Writers opt out with the class `glossary-skip` on any element: no mention
inside it is linked. The generated sections on term pages carry the classes
below so styles can address them.
"""

TERM_LINK = "glossary-term"
TERM_ATTR = "data-term"
SKIP = "glossary-skip"
MENTION_ID_PREFIX = "mention-"

ALIASES = "glossary-aliases"          # "Also written as" line under a term's title
RELATED = "glossary-related"          # the "Related terms" list
BACKLINKS = "glossary-backlinks"      # the "Mentioned in" section
BACKLINK_CONTEXT = "glossary-context" # the sentence around a mention
INDEX = "glossary-index"              # the A–Z list on the glossary's index page
INDEX_LETTERS = "glossary-letters"    # the letter jump links above it
