"""What the engine adds to each kind of page: a term page's top and lists, the glossary's
A–Z index, an essay's byline, what a shared address shows, and each page's definitions.

Every piece of text goes through `escape`, so nothing a writer types becomes markup.
"""
