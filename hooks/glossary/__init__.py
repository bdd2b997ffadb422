"""The glossary engine: plain Python, no MkDocs, so any site generator can drive it.

collect (`terms`) → link (`matcher`, `linker`) → publish (`publish`); the HTML it
emits for the browser is fixed in `contract`.
"""
