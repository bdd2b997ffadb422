"""Controls for authors of other sites, per term, on the engine: case, link: false, not, and a wrong value of each."""

from __future__ import annotations

import textwrap

import pytest
from selectolax.lexbor import LexborHTMLParser

from glossary.linker import link_html
from glossary.terms import Glossary, GlossaryError, read_term


def term(slug, front):
    return read_term(slug, f"---\n{textwrap.dedent(front)}---\n", f"docs/glossary/{slug}.md")[0]


def linked(glossary, html, **options):
    out, mentions, _ = link_html(html, glossary, lambda slug: f"/g/{slug}/", **options)
    tree = LexborHTMLParser(out, is_fragment=True)
    return [(a.text(), a.attributes["data-term"]) for a in tree.css("a.glossary-term")], tree, mentions


def test_case_sensitive_names_match_only_as_written():
    glossary = Glossary.build([term("pod", "title: Pod\nsummary: A group of containers.\ncase: sensitive\n")])
    links, _, _ = linked(glossary, "<p>A pod, a Pod, PODS and two Pods.</p>", mode="every-mention")
    assert links == [("Pod", "pod"), ("Pods", "pod")]


def test_a_case_sensitive_name_that_opens_a_sentence_is_no_mention():
    # Capitals are the only sign of a case-sensitive name, and a sentence's first word has one anyway.
    glossary = Glossary.build([
        term("call", "title: Call\nsummary: The enum of a runtime's dispatchable functions.\ncase: sensitive\n"),
        term("pop", "title: PoP\nsummary: Proof of personhood.\ncase: sensitive\n"),
    ])
    html = ("<p>Call the API. Then call it again. PoP checks it.</p><ul><li>Call connect().</li>"
            "<li>Result: Call it once.</li><li>He said: “Call it.” (Call it twice.)</li>"
            "<li>Each <em>Call</em> variant names a pallet.</li></ul>")
    links, _, mentions = linked(glossary, html, mode="every-mention")
    assert links == [("PoP", "pop"), ("Call", "call")]
    assert (mentions[-1].before, mentions[-1].after) == ("Each ", " variant names a pallet.")


def test_a_term_with_link_false_is_found_but_never_linked():
    glossary = Glossary.build([
        term("node", "title: Node\nsummary: A machine in a cluster.\nlink: false\n"),
        term("pod", "title: Pod\nsummary: A group of containers.\n"),
    ])
    links, tree, mentions = linked(glossary, "<p>Each node runs a pod.</p>")
    assert links == [("pod", "pod")]
    (anchor,) = tree.css("span.glossary-mention")
    assert anchor.text() == "node"
    assert anchor.attributes["data-term"] == "node" and anchor.attributes["id"] == "mention-node"
    assert [m.term for m in mentions] == ["node", "pod"]  # both get a backlink


def test_phrases_under_not_are_no_mention_of_the_term():
    glossary = Glossary.build([
        term(
            "service",
            "title: Service\nsummary: A stable address for pods.\nnot: [customer service, service account]\n",
        ),
    ])
    text = "<p>Call customer service about the service account. A Service routes traffic.</p>"
    links, _, _ = linked(glossary, text)
    assert links == [("Service", "service")]


@pytest.mark.parametrize(
    "front, message",
    [
        ("case: upper", "has 'case: upper'. Write 'case: sensitive'"),
        ("link: never", "has 'link' as a piece of text, not as true or false."),
        ("not: [road map]", "lists 'road map' under 'not', which holds none of the term's names."),
        ("not: [Service]", "lists its own name 'Service' under 'not'."),
    ],
)
def test_a_wrong_control_names_the_file_and_the_fix(front, message):
    with pytest.raises(GlossaryError) as error:
        term("service", f"title: Service\nsummary: A stable address.\n{front}\n")
    assert str(error.value).startswith("docs/glossary/service.md: ") and message in str(error.value)


def test_a_not_phrase_that_is_another_terms_name_names_both_files():
    with pytest.raises(GlossaryError) as error:
        Glossary.build([
            term("service", "title: Service\nsummary: A stable address.\nnot: [service account]\n"),
            term("service-account", "title: Service Account\nsummary: An identity for processes.\n"),
        ])
    assert "docs/glossary/service.md: lists 'service account' under 'not', but it is a name of " \
           "docs/glossary/service-account.md ('Service Account')." in str(error.value)



def test_a_not_phrase_that_is_another_terms_plural_names_both_files():
    # A plural is a name too: hiding it would silently unlink the other term, and in another
    # case it would reach the matcher as one name of two terms.
    with pytest.raises(GlossaryError) as error:
        Glossary.build([
            term("service", "title: Service\nsummary: A stable address.\nnot: [Customer Services]\n"),
            term("customer-service", "title: customer service\nsummary: Help for buyers.\n"),
        ])
    assert "docs/glossary/service.md: lists 'Customer Services' under 'not', but it is a name of " \
           "docs/glossary/customer-service.md ('customer service')." in str(error.value)
