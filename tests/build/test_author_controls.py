"""Controls for authors of other sites, in built sites: per page and site-wide; nested term folders; sites
built with `use_directory_urls: false` and served under a subpath (per term: tests/engine/test_controls.py)."""

from __future__ import annotations

import shutil

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import ROOT, SITES, mkdocs_build


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


def test_a_wrong_page_control_stops_the_build_naming_the_file(tmp_path):
    # A wrong site-wide `exclude` takes the options' path: tests/build/test_build_errors.py builds one,
    # tests/engine/test_messages.py checks the wording of both.
    pages = {"odd.md": "---\nglossary: sometimes\n---\n\n# Odd\n"}
    message = "docs/odd.md: has 'glossary: sometimes' in its front matter. Use false (no links on this page) or one of"
    result, out = site(tmp_path, "", pages)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert message in result.stderr
    assert not (out / "index.html").exists()


def test_two_term_pages_with_the_same_file_name_in_different_folders_name_both(tmp_path):
    pages = {"glossary/storage/pod.md": "---\ntitle: Storage Pod\nsummary: A box of disks.\n---\n\nText.\n"}
    result, out = site(tmp_path, pages=pages)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "has the slug 'pod', which docs/glossary/networking/pod.md has too." in result.stderr
    assert "give one page a different 'slug'" in result.stderr


# A docs site the engine had never seen, as a new user tried it (issue #23): terms that are everyday
# words and API names, and `not` phrases and aliases written with a slash or straight quotes.
NEWCOMER = SITES / "newcomer"


@pytest.fixture(scope="module")
def newcomer(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("newcomer")
    project = tmp_path / "project"
    shutil.copytree(NEWCOMER, project)
    (project / "mkdocs.yml").write_text(
        "site_name: Cluster\ntheme:\n  name: mkdocs\nmarkdown_extensions:\n  - smarty\n"
        f"hooks:\n  - {ROOT / 'hooks' / 'glossary_links.py'}\n"
        "extra:\n  glossary:\n    mentioned-in: [essays, pages, entries]\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    return out


def links_on(out, path):
    """Each link of a page as (its text, its term, the words after it)."""
    found = []
    for a in read(out, path).css("a.glossary-term"):
        after = a.next.text_content if a.next is not None and a.next.is_text_node else ""
        found.append((a.text(), a.attributes["data-term"], " ".join((after or "").split()[:3])))
    return found


def test_slash_and_quotes_in_not_phrases_and_aliases_match_the_page_text(newcomer):
    links = links_on(newcomer, "storage/index.html")
    # `not: [UID/GID]`: the pair is no mention of UID; the UID of a process is.
    assert ("UID", "user-id", "of a process") in links
    # `aliases: [IPv4/IPv6]` matches as written.
    assert ("IPv4/IPv6", "ip-address", "networking gives each") in links
    # smarty curled the quotes and the apostrophe the writer typed straight in front matter.
    page = (newcomer / "storage" / "index.html").read_text(encoding="utf-8")
    assert "\u201cIngress\u201d in its policyTypes" in page and "Bob\u2019s host" in page
    assert not any(term == "ingress" for _, term, _ in links)
    assert ("host", "host", "next to it") in links


def test_an_expansion_in_a_title_is_a_name_and_a_qualifier_is_not(newcomer):
    links = links_on(newcomer, "storage/index.html")
    assert ("control group", "cgroup", "limits memory, and") in links
    assert ("special interest group", "sig", "owns the code") in links
    # `bracket: qualifier` on "Pod (Kubernetes)": Kubernetes is no name of the term.
    assert [term for _, term, _ in links_on(newcomer, "index.html")] == ["pod", "ingress"]


def test_joined_api_names_count_as_written(newcomer):
    links = links_on(newcomer, "storage/index.html")
    assert ("PersistentVolume", "persistent-volume", ", then bind") in links
    text = read(newcomer, "storage/index.html").body.text()
    assert "persistentvolume in lower case" in text
    assert not any(text_ == "persistentvolume" for text_, _, _ in links)


def test_mentioned_in_lists_pages_before_glossary_entries_when_the_site_says_so(newcomer):
    groups = [h.text() for h in read(newcomer, "glossary/pod/index.html").css(".glossary-backlinks h3")]
    assert groups == ["Essays", "Other pages", "Glossary entries"]
