"""Study mode, which a site turns on with the `study` option: each essay's Vocabulary, a study
page with flashcards, and the same decks for Anki and other tools (see the README, "Study mode")."""
