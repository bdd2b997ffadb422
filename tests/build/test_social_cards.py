"""Sharing a page shows a picture: each page's preview image (social card, Material's social plugin),
its tags, what the picture shows, and that it is drawn with no network."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path

import font_roboto
import pytest
import yaml
from PIL import Image, ImageDraw, ImageFont
from selectolax.lexbor import LexborHTMLParser

from support import NO_SOCIAL_CARDS, ROOT, TERMS, ZENSICAL, as_on_ci

pytestmark = pytest.mark.skipif(ZENSICAL, reason=NO_SOCIAL_CARDS)

SITE_NAME = "Continual Learning, Explained"
# Every page a reader may share: home, the essay, the glossary's index, the study page and each term.
PAGES = ["", "essays/continual-learning/", "glossary/", "study/", *(f"glossary/{slug}/" for slug in sorted(TERMS))]
IMAGE_TAGS = ("og:image", "og:image:type", "og:image:width", "og:image:height", "og:image:alt",
              "twitter:card", "twitter:image", "twitter:image:alt")

# The layout the cards are drawn with: where each text sits, at what size.
LAYOUT = yaml.safe_load((ROOT / "hooks" / "social" / "card.yml").read_text(encoding="utf-8"))
SITE_NAME_T, TITLE_T, DESCRIPTION_T = LAYOUT["definitions"][:3]
BOXES = {layer["typography"]["content"]: layer for layer in LAYOUT["layers"] if "typography" in layer}
FONTS = {"Bold": font_roboto.font_files["RobotoBold"], "Regular": font_roboto.font_files["Roboto"]}


def tags(site, url) -> dict[str, list[str]]:
    """Every meta tag of the page's head, by property or name, with all its values."""
    found: dict[str, list[str]] = {}
    for node in LexborHTMLParser(site.page(url)).css("head meta"):
        key = node.attributes.get("property") or node.attributes.get("name")
        if key:
            found.setdefault(key, []).append(node.attributes.get("content") or "")
    return found


def card_file(site, url) -> Path:
    address = tags(site, url)["og:image"][0]
    assert address.startswith(site.server.url), address
    return site.root / address.removeprefix(site.server.url)


def title_and_description(site, url) -> tuple[str, str]:
    """What the page's link preview says: its title (the site's name on the home page) and description."""
    meta = tags(site, url)
    title = meta["og:title"][0].removesuffix(f" - {SITE_NAME}")
    return title, html.unescape(meta["description"][0])


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_one_preview_image_in_the_site(site, url):
    meta = tags(site, url)
    for key in (*IMAGE_TAGS, "og:title", "og:description", "twitter:title", "twitter:description", "og:url"):
        assert len(meta.get(key, [])) == 1, (key, meta.get(key))  # one of each: no tag written twice
    assert meta["twitter:card"] == ["summary_large_image"]
    assert meta["og:image"] == meta["twitter:image"]
    size = (meta["og:image:type"], meta["og:image:width"], meta["og:image:height"])
    assert size == (["image/png"], ["1200"], ["630"])
    with Image.open(card_file(site, url)) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
    title, description = title_and_description(site, url)
    alt = f"{SITE_NAME}: {description}" if url == "" else f"{SITE_NAME} – {title}: {description}"
    assert meta["og:image:alt"] == meta["twitter:image:alt"] == [alt]


def test_a_term_pages_image_says_its_summary(site):
    # The alt text is the picture's text; a term's is its one-sentence summary, as the engine reads it.
    for slug, term in TERMS.items():
        alt = tags(site, f"glossary/{slug}/")["og:image:alt"][0]
        assert alt == f"{SITE_NAME} – {term['title']}: {term['summary']}", slug


def test_the_404_page_is_a_text_card(site):
    meta = tags(site, "404.html")
    assert meta["twitter:card"] == ["summary"] and "og:image" not in meta and "twitter:image" not in meta


# What the pictures show. Text is white on the site's indigo: a pixel brighter than this is ink.
INK = 170


def ink(image: Image.Image, text: str) -> Image.Image:
    """The ink of the layer whose content is `text` (a definition of the layout), as a black and white image."""
    layer = BOXES[text]
    x, y, w, h = layer["offset"]["x"], layer["offset"]["y"], layer["size"]["width"], layer["size"]["height"]
    return image.convert("L").crop((x, y, x + w, y + h)).point(lambda v: 255 if v > INK else 0)


def lines(mask: Image.Image) -> list[tuple[int, int]]:
    """The rows of ink, as (first, last) row of each line of text."""
    width, found, start = mask.width, [], None
    data = mask.tobytes()
    for row in range(mask.height):
        inked = any(data[row * width:(row + 1) * width])
        if inked and start is None:
            start = row
        if not inked and start is not None:
            found.append((start, row - 1))
            start = None
    if start is not None:
        found.append((start, mask.height - 1))
    return found


def drawn_width(text: str, content: str) -> int:
    """The width of `text` drawn alone on one line of the layer whose content is `content`, at the size
    the plugin gives it: the layer's height holds its number of lines (material/plugins/social/plugin.py,
    `_metrics`)."""
    typography = BOXES[content]["typography"]
    line = typography.get("line", {})
    amount, height = line.get("amount", 1), line.get("height", 1)
    path = FONTS[typography["font"]["style"]]
    ascender, descender = ImageFont.truetype(path, 1000).getmetrics()
    extent = amount * ascender + descender + (amount - 1) * (height - 1) * ascender
    font = ImageFont.truetype(path, int(1000 * BOXES[content]["size"]["height"] / extent))
    left, top, right, bottom = font.getbbox(text)
    # Drawn white on the card's indigo and read as the cards are (`ink`), so the edges count alike.
    image = Image.new("RGB", (right + 20, bottom + 20), "#4051b5")
    ImageDraw.Draw(image).text((10, 10), text, font=font, fill="#ffffff")
    left, _, right, _ = image.convert("L").point(lambda v: 255 if v > INK else 0).getbbox()
    return right - left


@pytest.fixture(scope="module")
def cards(site) -> dict[str, Image.Image]:
    return {url: Image.open(card_file(site, url)).convert("RGB") for url in PAGES}


def test_every_page_has_a_picture_of_its_own(cards):
    seen = Counter(image.tobytes() for image in cards.values())
    assert max(seen.values()) == 1, "two pages share a picture"
    for url, image in cards.items():
        assert lines(ink(image, TITLE_T)), f"no title on {url!r}"
        assert 2 <= len(lines(ink(image, DESCRIPTION_T))) <= 5, f"no summary on {url!r}"


def test_every_picture_shows_the_sites_name_but_the_homes_whose_title_it_is(cards, site):
    names = {url: ink(image, SITE_NAME_T) for url, image in cards.items()}
    assert names.pop("").getbbox() is None
    assert len({mask.tobytes() for mask in names.values()}) == 1  # the same words on every other page
    left, _, right, _ = next(iter(names.values())).getbbox()
    assert abs((right - left) - drawn_width(SITE_NAME, SITE_NAME_T)) <= 2
    title, _ = title_and_description(site, "")
    assert title == SITE_NAME and len(lines(ink(cards[""], TITLE_T))) == 2


def test_a_title_on_one_line_is_the_pages_title(cards, site):
    # A title that fits one line has that line's width in the picture: another title would not.
    checked = 0
    for url, image in cards.items():
        mask = ink(image, TITLE_T)
        if len(lines(mask)) != 1:
            continue
        title, _ = title_and_description(site, url)
        left, _, right, _ = mask.getbbox()
        assert abs((right - left) - drawn_width(title, TITLE_T)) <= 2, (url, title)
        checked += 1
    assert checked >= 30, checked  # most titles are one line (Token, LoRA, Transformer, …)


def test_the_cards_are_drawn_with_no_network_on_a_fresh_clone(site):
    # The session's site was built as on CI (tests/conftest.py): an empty card cache, no network.
    log = site.as_on_ci / "network.log"
    assert not log.exists(), log.read_text(encoding="utf-8")
    drawn = list((site.as_on_ci / "cards" / "assets" / "images" / "social").rglob("*.png"))
    published = list((site.root / "assets" / "images" / "social").rglob("*.png"))
    assert len(drawn) == len(published) >= len(PAGES)  # drawn in that build, not taken from an earlier one
    assert sorted((site.as_on_ci / "cards" / "fonts" / "Roboto").iterdir())  # from font-roboto, not downloaded
    # The guard was on: a connection to a server listening on this machine fails in that environment.
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        (site.as_on_ci / "probe").mkdir(exist_ok=True)
        env = {**os.environ, **as_on_ci(site.as_on_ci / "probe")}
        probe = subprocess.run(
            [sys.executable, "-c", f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=5)"],
            env=env, capture_output=True, text=True, timeout=60,
        )
    assert probe.returncode != 0 and "no network in this build" in probe.stderr, probe.stderr
