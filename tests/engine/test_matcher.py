"""The matcher on its own: which words in a text count as mentions of which term."""

import re

import pytest

from glossary.matcher import Matcher, name_key, plural

NAMES = {
    "inference": "inference",
    "inference-time compute": "inference-time-compute",
    "lossy compression": "lossy-compression",
    "compression": "compression",
    "parametric learning": "parametric-learning",
    "parameters": "parameters",
    "weights": "parameters",
    "ICL": "in-context-learning",
    "in-context learning": "in-context-learning",
    "RAG": "rag",
    "RL": "rl",
    "KV cache": "kv-cache",
    "fine-tuning": "fine-tuning",
    "token": "token",
    "stability-plasticity dilemma": "spd",
}


@pytest.fixture(scope="module")
def matcher():
    return Matcher(NAMES)


def found(matcher, text):
    return [(text[start:end], term) for start, end, term in matcher.finditer(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("inference-time compute", [("inference-time compute", "inference-time-compute")]),
        ("lossy compression", [("lossy compression", "lossy-compression")]),
        (
            "parametric learning, not parameters",
            [("parametric learning", "parametric-learning"), ("parameters", "parameters")],
        ),
        ("plain inference then compression", [("inference", "inference"), ("compression", "compression")]),
    ],
)
def test_longest_name_wins(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    "text",
    ["tokenizer", "storage", "world", "Dragon", "subtokens", "weightsy", "xICL", "ICLx", "RAG2"],
)
def test_names_match_whole_words_only(matcher, text):
    assert found(matcher, text) == []


def test_hyphen_joins_words_but_apostrophe_does_not(matcher):
    assert found(matcher, "weights-based models") == []
    assert found(matcher, "non-parametric learning") == []
    assert found(matcher, "inference-time scaling") == []
    assert found(matcher, "the model's weights") == [("weights", "parameters")]
    assert found(matcher, "the model’s weights.") == [("weights", "parameters")]
    assert found(matcher, "RAG's reach") == [("RAG", "rag")]


def test_case_free_except_names_in_capitals(matcher):
    assert found(matcher, "Lossy Compression and LOSSY COMPRESSION") == [
        ("Lossy Compression", "lossy-compression"),
        ("LOSSY COMPRESSION", "lossy-compression"),
    ]
    assert found(matcher, "icl, rag, rl and Rag") == []
    assert found(matcher, "ICL, RAG and RL") == [("ICL", "in-context-learning"), ("RAG", "rag"), ("RL", "rl")]
    # Only the word in capitals is held to its case.
    assert found(matcher, "a KV Cache, a kv cache") == [("KV Cache", "kv-cache")]


def test_the_longest_name_wins_over_a_case_sensitive_shorter_one():
    # Found on the Polkadot docs: "The Host API" was linked as "Host", the case-sensitive term.
    names = {"Host": "host", "Host API": "host-api", "host apis": "host-api", "Hosting": "hosting",
             "hostname": "hostname"}
    matcher = Matcher(names, as_written=frozenset({"Host", "Hosting"}))
    assert found(matcher, "The Host API, a host API, the Host, a host.") == [
        ("Host API", "host-api"), ("host API", "host-api"), ("Host", "host")
    ]
    assert found(matcher, "Hosting a Hostname and a hosting.") == [("Hosting", "hosting"), ("Hostname", "hostname")]


def test_spaces_and_hyphens_inside_names_are_interchangeable(matcher):
    assert found(matcher, "fine tuning") == [("fine tuning", "fine-tuning")]
    assert found(matcher, "fine-tuning") == [("fine-tuning", "fine-tuning")]
    assert found(matcher, "In-Context\n  learning") == [("In-Context\n  learning", "in-context-learning")]
    assert found(matcher, "KV-cache") == [("KV-cache", "kv-cache")]
    assert found(matcher, "the stability–plasticity dilemma") == [("stability–plasticity dilemma", "spd")]


def test_every_occurrence_is_reported_in_order(matcher):
    assert [t for _, t in found(matcher, "token, RAG, token.")] == ["token", "rag", "token"]


def test_non_latin_text_and_emoji_around_names(matcher):
    assert found(matcher, "🧠token🧠 токен 令牌 token") == [("token", "token"), ("token", "token")]
    assert found(matcher, "été token été") == [("token", "token")]
    assert found(matcher, "tokenété") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("token at the start", ["token"]),
        ("ends with a token", ["token"]),
        ("token", ["token"]),
        ("(token) “token” ‘RAG’ *RAG*", ["token", "token", "RAG", "RAG"]),
        ("a -token, a —token, a – token", ["token", "token", "token"]),  # a dash after a space starts a word
        ("sub-token, sub–token, sub‐RAG", []),  # but not one after a word
        ("token token\ntoken\ttoken", ["token", "token", "token", "token"]),  # one space between two mentions
        ("token/weights", ["token", "weights"]),
    ],
)
def test_a_name_starts_where_a_word_starts(matcher, text, expected):
    mentions = list(matcher.finditer(text))
    assert [text[start:end] for start, end, _ in mentions] == expected


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz")
def test_a_first_letter_matches_in_either_case(letter):
    # The pattern writes most first letters as a class of their two cases, which `re` searches faster.
    matcher = Matcher({letter + "qz": "term"})
    for text in (f"a {letter}qz b", f"a {letter.upper()}qz b"):
        assert [t for *_, t in matcher.finditer(text)] == ["term"], text


# The letters beyond ASCII that `re`'s case folding takes for an ASCII one, and whether a name written
# with it is a mention: only where the letter lowers to the name's own (the kelvin sign to "k"); the long
# s and the dotted and dotless i would find a name that `str.lower` does not give, so they are not (and
# before, they crashed the build).
FOLDED_BEYOND_ASCII = {"\u212a": ("k", True), "ſ": ("s", False), "İ": ("i", False), "ı": ("i", False)}


def test_these_are_all_the_letters_re_folds_beyond_ascii():
    folded = {chr(c) for c in range(0x3000) if not chr(c).isascii()
              and any(re.fullmatch(letter, chr(c), re.IGNORECASE) for letter in "abcdefghijklmnopqrstuvwxyz")}
    assert folded == set(FOLDED_BEYOND_ASCII)


@pytest.mark.parametrize("char", FOLDED_BEYOND_ASCII)
def test_a_letter_folded_beyond_ascii_is_a_mention_only_if_it_lowers_to_the_name(char):
    letter, is_mention = FOLDED_BEYOND_ASCII[char]
    matcher = Matcher({letter + "qz": "term"})
    assert [t for *_, t in matcher.finditer(f"a {char}qz b")] == (["term"] if is_mention else [])


def test_a_name_shared_by_two_terms_is_refused():
    with pytest.raises(ValueError, match="both"):
        Matcher({"Token": "a", "token": "b"})


def test_an_empty_glossary_matches_nothing():
    matcher = Matcher({})
    assert not matcher
    assert list(matcher.finditer("anything at all")) == []


@pytest.mark.parametrize(
    "name, expected",
    [
        ("token", "tokens"),
        ("KV cache", "KV caches"),
        ("SSM", "SSMs"),
        ("Modules", None),
        ("policy", "policies"),
        ("day", "days"),
        ("approach", "approaches"),
        ("C++", None),
    ],
)
def test_simple_plural(name, expected):
    assert plural(name) == expected


def test_name_key_folds_case_and_separators():
    assert name_key("In-Context  Learning") == name_key("in context learning") == "in context learning"
    assert name_key("Parameters / Weights") == "parameters weights"


def test_a_slash_in_a_name_matches_a_slash_with_or_without_spaces():
    # `aliases: [IPv4/IPv6]`, `not: [UID/GID]` (issue #23): "/" was a gap between words, which no text has.
    matcher = Matcher({"IPv4/IPv6": "ip", "UID/GID": "", "UID": "uid"})
    found = [(text, term) for text in ("dual IPv4/IPv6 stack", "IPv4 / IPv6", "the UID/GID pair", "a UID")
             for *_, term in matcher.finditer(text)]
    assert found == [("dual IPv4/IPv6 stack", "ip"), ("IPv4 / IPv6", "ip"), ("the UID/GID pair", ""), ("a UID", "uid")]


def test_straight_quotes_in_a_name_match_the_curled_ones_smarty_prints():
    matcher = Matcher({'"Ingress" in its policyTypes': "", "Bob's host": "", "host": "host", "Ingress": "ingress"})
    text = "lists \u201cIngress\u201d in its policyTypes; Bob\u2019s host, Bob's host and the host"
    assert [text[start:end] for start, end, term in matcher.finditer(text) if term] == ["host"]
    assert name_key("Bob\u2019s host") == name_key("Bob's host")
    assert name_key("\u201cIngress\u201d") == '"ingress"'
