"""Controls for authors of other sites: per term, per page and site-wide; nested term folders; sites
built with `use_directory_urls: false` and served under a subpath."""

from __future__ import annotations

import textwrap

import pytest
from selectolax.lexbor import LexborHTMLParser

from glossary.linker import link_html
from glossary.terms import Glossary, GlossaryError, read_term
from support import ROOT, mkdocs_build


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

def site(tmp_path, config="", pages=None):
    """A small site with the project's hooks, term pages nested in folders, and `pages` besides."""
    project = tmp_path / "project"
    docs = project / "docs"
    (docs / "glossary" / "networking").mkdir(parents=True)
    (docs / "glossary" / "index.md").write_text("# Glossary\n", encoding="utf-8")
    terms = {
        "glossary/networking/pod.md": "title: Pod\nsummary: A group of containers.\naliases: [k8s pod]\n",
        "glossary/networking/service.md": "title: Service\nsummary: A stable address.\nnot: [customer service]\n",
        "glossary/node.md": "title: Node\nsummary: A machine in a cluster.\nlink: false\n",
        "glossary/image.md": "title: Image\nsummary: A packaged application.\n",
    }
    for path, front in terms.items():
        (docs / path).write_text(f"---\n{front}---\n\nThe definition.\n", encoding="utf-8")
    pages = pages or {}
    pages.setdefault("index.md", "# Home\n\nA pod talks to a service on a node; customer service built the image.\n")
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Fixture\ntheme:\n  name: mkdocs\n"
        f"hooks:\n  - {ROOT / 'hooks' / 'glossary_links.py'}\n{config}",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = mkdocs_build(project, out)
    return result, out


def read(out, path):
    return LexborHTMLParser((out / path).read_text(encoding="utf-8"))


def test_nested_term_folders_without_directory_urls_under_a_subpath(tmp_path):
    result, out = site(
        tmp_path,
        "use_directory_urls: false\nsite_url: https://example.org/docs/\nextra:\n  glossary:\n    study: false\n",
    )
    assert result.returncode == 0, result.stderr
    home = read(out, "index.html")
    links = {a.attributes["data-term"]: a.attributes["href"] for a in home.css("a.glossary-term")}
    assert links == {"pod": "glossary/networking/pod.html", "service": "glossary/networking/service.html",
                     "image": "glossary/image.html"}
    assert home.css_first("span.glossary-mention").attributes["data-term"] == "node"
    for href in links.values():
        assert (out / href).is_file()
    pod = read(out, "glossary/networking/pod.html")
    (backlink,) = pod.css(".glossary-backlinks li a")
    assert backlink.attributes["href"] == "../../index.html#mention-pod"
    node = read(out, "glossary/node.html")
    assert node.css_first(".glossary-backlinks li a").attributes["href"] == "../index.html#mention-node"
    # The alias's redirect reaches the nested page.
    refresh = read(out, "glossary/k8s-pod/index.html").css_first('meta[http-equiv="refresh"]').attributes["content"]
    target = (out / "glossary" / "k8s-pod" / refresh.split("url=")[1]).resolve()
    assert target == (out / "glossary" / "networking" / "pod.html").resolve()
    assert read(out, "glossary/networking/service.html").css_first(".glossary-backlinks li") is not None


def test_a_page_turns_linking_off_or_sets_its_own_mode(tmp_path):
    pages = {
        "off.md": "---\nglossary: false\n---\n\n# Off\n\nA pod and a pod.\n",
        "every.md": "---\nglossary: every-mention\n---\n\n# Every\n\nA pod and a pod.\n",
    }
    result, out = site(tmp_path, pages=pages)
    assert result.returncode == 0, result.stderr
    assert read(out, "off/index.html").css("a.glossary-term") == []
    assert len(read(out, "every/index.html").css("a.glossary-term")) == 2
    pod = read(out, "glossary/networking/pod/index.html")
    sources = [a.attributes["href"] for a in pod.css(".glossary-backlinks li a")]
    assert not any("off" in s for s in sources) and any("every" in s for s in sources)


def test_the_site_can_exclude_terms_by_slug_or_title(tmp_path):
    result, out = site(tmp_path, "extra:\n  glossary:\n    exclude: [image, Pod]\n")
    assert result.returncode == 0, result.stderr
    assert {a.attributes["data-term"] for a in read(out, "index.html").css("a.glossary-term")} == {"service"}
    assert (out / "glossary" / "image" / "index.html").is_file()  # the page stays


@pytest.mark.parametrize(
    "config, pages, message",
    [
        (
            "extra:\n  glossary:\n    exclude: [pdo]\n", {},
            "mkdocs.yml: extra.glossary.exclude lists 'pdo', which is neither",
        ),
        ("extra:\n  glossary:\n    exclude: pod\n", {}, "mkdocs.yml: extra.glossary.exclude is 'pod'. Give a list"),
        ("", {"odd.md": "---\nglossary: sometimes\n---\n\n# Odd\n"},
         "docs/odd.md: has 'glossary: sometimes' in its front matter. Use false (no links on this page) or one of"),
    ],
)
def test_a_wrong_page_or_site_control_stops_the_build_naming_the_file(tmp_path, config, pages, message):
    result, out = site(tmp_path, config, pages)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert message in result.stderr
    assert not (out / "index.html").exists()


def test_two_term_pages_with_the_same_file_name_in_different_folders_name_both(tmp_path):
    pages = {"glossary/storage/pod.md": "---\ntitle: Storage Pod\nsummary: A box of disks.\n---\n\nText.\n"}
    result, out = site(tmp_path, pages=pages)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "has the slug 'pod', which docs/glossary/networking/pod.md has too." in result.stderr
    assert "give one page a different 'slug'" in result.stderr
