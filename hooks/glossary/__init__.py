"""The glossary engine: plain Python, no site generator, so any generator's adapter can drive it.

options (`options`) → collect (`terms`, over `matcher`) → link (`linker`) → publish
(`backlinks`, `pages`, and `study` when a site turns it on), driven for one build by
`site.Site`, which takes plain data in and gives plain data back. Every message to a
writer is an `errors.GlossaryError`; the HTML the browser reads is fixed in `contract`.
"""
