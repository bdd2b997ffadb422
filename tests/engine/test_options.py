"""The site-wide options on their own: defaults, what each option takes, a writer's message for each wrong value."""

import pytest

from glossary.errors import GlossaryError
from glossary.options import Options, read_options


def test_no_options_means_the_defaults():
    assert read_options(None) == read_options({}) == Options()
    assert Options().study is None and Options().essays == "essays" and Options().link == "first-per-page"


def test_each_option_is_read_into_its_field():
    options = read_options({
        "dir": "/terms/", "link": "every-mention", "boost": 1.5, "max-per-paragraph": 2, "essays": False,
        "nav": "all", "study": "learn/", "exclude": ["pod"], "required": False, "joined": True,
        "mentioned-in": ["entries", "essays", "pages"],
    })
    assert options == Options(folder="terms", link="every-mention", boost=1.5, max_per_paragraph=2, essays=None,
                              nav="all", study="learn", exclude=("pod",), required=False, joined=True,
                              mentioned_in=("entries", "essays", "pages"))
    assert Options().joined is False and Options().mentioned_in == ("essays", "pages", "entries")


def test_options_cannot_change_once_read():
    with pytest.raises(AttributeError):
        read_options({}).study = "study"  # type: ignore[misc]


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"links": "x"}, "mkdocs.yml: unknown option extra.glossary.links. The options are: dir, link, boost,"),
        ({"link": "sometimes"}, "extra.glossary.link is 'sometimes'. Use one of: first-per-page, first-per-section"),
        ({"boost": "high"}, "extra.glossary.boost is 'high'. It must be a number, e.g. 2."),
        ({"boost": True}, "extra.glossary.boost is True. It must be a number"),
        ({"max-per-paragraph": 0}, "extra.glossary.max-per-paragraph is 0. Use a whole number of links, 1 or more"),
        ({"nav": "sidebar"}, "extra.glossary.nav is 'sidebar'. Use one of: index, all"),
        ({"study": 3}, "study is 3. Give the folder of the study page, e.g. study, or false for no study page."),
        ({"study": ""}, "extra.glossary.study is ''."),
        ({"essays": "/"}, "essays is '/'. Give the folder of the essays, e.g. essays, or false for no essays."),
        ({"exclude": "pod"}, "extra.glossary.exclude is 'pod'. Give a list of terms' slugs or titles"),
        ({"required": "yes"}, "extra.glossary.required is 'yes'. Write true or false."),
        ({"dir": ""}, "extra.glossary.dir is ''. Give a folder under docs/"),
        ({"joined": "camel"}, "extra.glossary.joined is 'camel'. Write true or false."),
        ({"mentioned-in": "pages"}, "extra.glossary.mentioned-in is 'pages'. List the groups essays, entries"),
        ({"mentioned-in": ["pages", "entries"]}, "mentioned-in is ['pages', 'entries']. List the groups"),
        ({"mentioned-in": ["pages", "entries", "essays", "pages"]}, "once each, in the order shown"),
    ],
)
def test_a_wrong_value_names_the_file_the_option_and_the_fix(raw, message):
    with pytest.raises(GlossaryError) as caught:
        read_options(raw)
    assert message in str(caught.value)
    assert str(caught.value).startswith("mkdocs.yml: ")
