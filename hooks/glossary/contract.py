"""The contract between the HTML this engine emits and the CSS and script that read it.

This is the one place the names are written down; the stylesheet
(`docs/assets/glossary.css`) and the popover script (`docs/assets/glossary.js`)
use exactly these and no others. A term mention in prose becomes::

    <a class="glossary-term" href="…/glossary/token/" data-term="token"
       id="mention-token">tokens</a>

* `glossary-term` (class): marks a link to a term page made by the engine.
* `data-term`: the term's slug, the key to its definition.
* `id`: the anchor of this mention; backlinks deep-link to it.

Each page that links a term also carries the definitions of the terms it
links, so a popover needs no network::

    <script type="application/json" class="glossary-definitions">
      {"token": {"title": "Token", "summary": "One plain sentence."}}
    </script>

The script reads it with `JSON.parse` and puts the strings in as text.

Writers opt out with the class `glossary-skip` on any element: no mention
inside it is linked. The generated sections on term pages carry the classes
below so styles can address them.
"""

TERM_LINK = "glossary-term"
TERM_ATTR = "data-term"
SKIP = "glossary-skip"
MENTION_ID_PREFIX = "mention-"
DEFINITIONS = "glossary-definitions"  # class of the JSON script with this page's definitions

ALIASES = "glossary-aliases"          # "Also written as" line under a term's title
RELATED = "glossary-related"          # the "Related terms" list
BACKLINKS = "glossary-backlinks"      # the "Mentioned in" section
BACKLINK_CONTEXT = "glossary-context" # the sentence around a mention
INDEX = "glossary-index"              # the A–Z list on the glossary's index page
INDEX_LETTERS = "glossary-letters"    # the letter jump links above it
