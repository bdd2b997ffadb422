#!/usr/bin/env python3
"""Draw the site's three diagrams as SVG, each in a light and a dark palette, and each in a wide
layout for desktops and a narrow one for phones.

    python3 diagrams/draw.py           write docs/assets/diagrams/<stem>[-narrow]-light.svg and -dark.svg
    python3 diagrams/draw.py --check   exit 1 and name each stale file if the committed SVGs differ

Each diagram is one function that draws with palette keys ("text", "blue_ink", ...), never with raw
colors, so the light and dark files always show the same thing. Output is deterministic: no dates,
no random ids. The script refuses to write a file whose text is below WCAG AA contrast (4.5:1)
against what it sits on, or whose arrows and markers are below 3:1.
Standard library only.
"""

import math
import sys
from html import escape
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "docs" / "assets" / "diagrams"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
WIDTH = 720   # the wide layout, shown at up to the page's text width
NARROW = 360  # the narrow layout, shown at a phone's width (about 360 px): its text is drawn at 16-18 px

# "page" is the page background the diagram sits on: Material's white, and its "slate" dark
# background (about #1e2129). Each hue comes as a pale (or deep) fill, a line color for shapes,
# and an ink color for text on the fill or the page.
PALETTES = {
    "light": {
        "page": "#ffffff", "text": "#1a1c24", "muted": "#4a5060", "line": "#5c6270",
        "blue_fill": "#eef0fb", "blue_line": "#3949ab", "blue_ink": "#283593",
        "amber_fill": "#fff4e5", "amber_line": "#c25e00", "amber_ink": "#8a3b00",
        "green_fill": "#eaf5ea", "green_line": "#2e7d32", "green_ink": "#1b5e20",
        "red_fill": "#fdecec", "red_line": "#c62828", "red_ink": "#b71c1c",
    },
    "dark": {
        "page": "#1e2129", "text": "#eceef4", "muted": "#b8bdcb", "line": "#9aa0b0",
        "blue_fill": "#262c4a", "blue_line": "#8c9eff", "blue_ink": "#b9c4ff",
        "amber_fill": "#3a2d1e", "amber_line": "#ffb74d", "amber_ink": "#ffcc80",
        "green_fill": "#1f3526", "green_line": "#81c784", "green_ink": "#a5d6a7",
        "red_fill": "#3d2326", "red_line": "#ef9a9a", "red_ink": "#ffb3b3",
    },
}


def luminance(color):
    """Relative luminance of a #rrggbb color, as WCAG 2 defines it."""
    def channel(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(color[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def num(v):
    return f"{round(v, 2):g}"


class Svg:
    """Collects SVG elements for one diagram in one palette."""

    def __init__(self, stem, palette, height, title, desc, width=WIDTH):
        self.stem, self.palette, self.p = stem, palette, PALETTES[palette]
        self.height, self.title, self.desc, self.width = height, title, desc, width
        self.defs, self.parts = [], []

    def need(self, fg, bg, ratio, what):
        c = contrast(self.p[fg], self.p[bg])
        if c < ratio:
            sys.exit(f"{self.stem}-{self.palette}: {what}: {fg} on {bg} is {c:.2f}:1, needs {ratio}:1")

    def el(self, tag, content=None, **attrs):
        a = "".join(f' {k.rstrip("_").replace("_", "-")}="{num(v) if isinstance(v, (int, float)) else v}"'
                    for k, v in attrs.items() if v is not None)
        self.parts.append(f"<{tag}{a}/>" if content is None else f"<{tag}{a}>{content}</{tag}>")

    def rect(self, x, y, w, h, fill, stroke=None, r=10, width=2, dash=None):
        self.el("rect", x=x, y=y, width=w, height=h, rx=r, fill=self.p.get(fill, fill),
                stroke=self.p[stroke] if stroke else None, stroke_width=width if stroke else None,
                stroke_dasharray=dash)

    def text(self, x, y, s, size=18, color="text", on="page", anchor="middle", bold=False):
        """One line of text; `on` is the palette key of what is behind it, for the contrast check."""
        self.need(color, on, 4.5, repr(s))
        self.el("text", escape(s), x=x, y=y, font_size=size, fill=self.p[color],
                text_anchor=anchor, font_weight="700" if bold else None)

    def lines(self, x, y, rows, size=18, gap=23, **kw):
        for i, s in enumerate(rows):
            self.text(x, y + i * gap, s, size=size, **kw)

    def arrow(self, x1, y1, x2, y2, color="line", on="page", width=3, head=13):
        """A straight arrow from (x1, y1) to a point at (x2, y2)."""
        self.need(color, on, 3, "arrow")
        ux, uy = (x2 - x1), (y2 - y1)
        n = math.hypot(ux, uy)
        ux, uy = ux / n, uy / n
        bx, by = x2 - ux * head, y2 - uy * head
        self.el("line", x1=x1, y1=y1, x2=bx, y2=by, stroke=self.p[color], stroke_width=width)
        pts = [(x2, y2), (bx - uy * head * 0.55, by + ux * head * 0.55), (bx + uy * head * 0.55, by - ux * head * 0.55)]
        self.el("polygon", points=" ".join(f"{num(px)},{num(py)}" for px, py in pts), fill=self.p[color])

    def dot(self, x, y, color, on="page", r=10):
        """A ring marker: page-colored centre, thick colored edge."""
        self.need(color, on, 3, "marker")
        self.el("circle", cx=x, cy=y, r=r, fill=self.p["page"], stroke=self.p[color], stroke_width=4)

    def badge(self, x, y, ok, on="page"):
        """A round tick (kept) or cross (lost) mark, drawn as paths so no font is needed."""
        color = "green_line" if ok else "red_line"
        self.need(color, on, 3, "badge")
        self.el("circle", cx=x, cy=y, r=14, fill=self.p[color])
        d = (f"M{num(x - 6)} {num(y + 0.5)} l4.5 4.5 l8.5 -9.5" if ok
             else f"M{num(x - 5.5)} {num(y - 5.5)} l11 11 M{num(x + 5.5)} {num(y - 5.5)} l-11 11")
        self.el("path", d=d, fill="none", stroke=self.p["page"], stroke_width=3.5,
                stroke_linecap="round", stroke_linejoin="round")

    def gradient(self, name, stops, vertical=False):
        gid = f"{self.stem}-{name}"
        body = "".join(f'<stop offset="{off}" stop-color="{self.p[c]}"/>' for off, c in stops)
        end = 'x2="0" y2="1"' if vertical else 'x2="1" y2="0"'
        self.defs.append(f'<linearGradient id="{gid}" x1="0" y1="0" {end}>{body}</linearGradient>')
        return f"url(#{gid})"

    def render(self):
        t, d = f"{self.stem}-title", f"{self.stem}-desc"
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
                f'viewBox="0 0 {self.width} {self.height}" role="img" aria-labelledby="{t} {d}" '
                f'font-family="{FONT}">')
        body = [head, f'<title id="{t}">{escape(self.title)}</title>', f'<desc id="{d}">{escape(self.desc)}</desc>']
        if self.defs:
            body.append("<defs>" + "".join(self.defs) + "</defs>")
        # A page-colored backdrop keeps the text readable when the image is opened in a lightbox.
        body.append(f'<rect width="{self.width}" height="{self.height}" fill="{self.p["page"]}"/>')
        body += self.parts
        body.append("</svg>")
        return "\n".join(body) + "\n"


# --- 1. Compaction spectrum -------------------------------------------------------------------

SPECTRUM_TITLE = "The compaction spectrum: from retrieval to parametric learning"
SPECTRUM_ZONES = [  # hue, heading, subheading, note, the approaches placed in the zone
    ("blue", "Retrieval", "no compaction", "model reads notes", [["In-context", "learning"], ["RAG"]]),
    ("amber", "Modules", "some compaction", "swappable add-ons", [["LoRA", "modules"], ["Compacted", "KV cache"]]),
    ("green", "Parametric learning", "full compaction", "weights change", [["Test-time", "training"], ["Fine-tuning"]]),
]


def compaction_spectrum(palette):
    s = Svg("compaction-spectrum", palette, 300, SPECTRUM_TITLE,
            "A scale of how deeply new information is digested into a model. On the left, retrieval "
            "(in-context learning, RAG) leaves the model unchanged; in the middle, LoRA modules and "
            "compacted KV caches hold partly digested knowledge outside the main weights; on the right, "
            "test-time training and fine-tuning change the weights themselves.")
    s.text(WIDTH / 2, 28, "How deeply new information is built into the model", size=18, color="muted")

    regions = [zone[:4] for zone in SPECTRUM_ZONES]
    col_w, gap = 228, 10
    for i, (hue, name, sub, note) in enumerate(regions):
        x = 8 + i * (col_w + gap)
        cx = x + col_w / 2
        fill = f"{hue}_fill"
        s.rect(x, 44, col_w, 248, fill, r=12)
        s.text(cx, 80, name, size=19, bold=True, color=f"{hue}_ink", on=fill)
        s.text(cx, 104, sub, size=18, on=fill)
        s.rect(cx - 104, 236, 208, 38, "page", stroke=f"{hue}_line", r=19)
        s.text(cx, 261, note, size=18, color=f"{hue}_ink")

    # The axis: a bar shading from one region's color to the next, ending in an arrowhead.
    bar = s.gradient("axis", [(0, "blue_line"), (0.5, "amber_line"), (1, "green_line")])
    s.el("rect", x=20, y=145, width=666, height=10, rx=5, fill=bar)
    s.el("polygon", points="684,136 706,150 684,164", fill=s.p["green_line"])

    xs = [62, 180, 300, 420, 544, 654]  # where each approach sits on the axis
    markers = [(hue, label) for hue, *_, labels in SPECTRUM_ZONES for label in labels]
    for x, (hue, label) in zip(xs, markers, strict=True):
        s.dot(x, 150, f"{hue}_line", on=f"{hue}_fill")
        s.lines(x, 186, label, size=18, gap=22, on=f"{hue}_fill")
    return s


def compaction_spectrum_narrow(palette):
    s = Svg("compaction-spectrum-narrow", palette, 604, SPECTRUM_TITLE,
            "A scale, from top to bottom, of how deeply new information is digested into a model. First, "
            "retrieval (in-context learning, RAG) leaves the model unchanged; then LoRA modules and "
            "compacted KV caches hold partly digested knowledge outside the main weights; last, test-time "
            "training and fine-tuning change the weights themselves.", width=NARROW)
    s.lines(NARROW / 2, 22, ["How deeply new information", "is built into the model"], size=17, gap=21, color="muted")
    # The axis runs down the left edge, shading from one zone's color to the next.
    bar = s.gradient("axis", [(0, "blue_line"), (0.5, "amber_line"), (1, "green_line")], vertical=True)
    s.el("rect", x=12, y=62, width=10, height=516, rx=5, fill=bar)
    s.el("polygon", points="5,574 17,598 29,574", fill=s.p["green_line"])
    for i, (hue, name, sub, note, labels) in enumerate(SPECTRUM_ZONES):
        y = 60 + i * 180
        fill = f"{hue}_fill"
        s.rect(40, y, 312, 170, fill, r=12)
        s.text(56, y + 28, name, size=18, bold=True, color=f"{hue}_ink", on=fill, anchor="start")
        s.lines(56, y + 52, [sub, note], size=16, gap=21, on=fill, anchor="start")
        for j, label in enumerate(labels):
            s.dot(66, y + 106 + j * 36, f"{hue}_line", on=fill, r=8)
            s.text(84, y + 112 + j * 36, " ".join(label), size=17, on=fill, anchor="start")
    return s


# --- 2. Where knowledge lives -----------------------------------------------------------------

WHERE_TITLE = "Where a chat model's knowledge lives"
WHERE_DESC = ("External memory is retrieved into the context window, and the answer comes from the context "
              "window and the model's weights together. When the conversation ends the context window is "
              "wiped; external memory and the weights survive, but the weights are never changed by use.")
WHERE_AFTER = [  # kept?, name, what happens to it
    (False, "Context window", ["wiped"]),
    (True, "External memory", ["kept"]),
    (True, "Weights", ["kept, but never", "changed by use"]),
]


def where_knowledge_lives(palette):
    s = Svg("where-knowledge-lives", palette, 492, WHERE_TITLE, WHERE_DESC)

    def box(x, y, w, h, hue, title, rows, dash=None):
        fill = f"{hue}_fill"
        s.rect(x, y, w, h, fill, stroke=f"{hue}_line", dash=dash)
        s.text(x + w / 2, y + 32, title, size=20, bold=True, color=f"{hue}_ink", on=fill)
        s.lines(x + w / 2, y + 60, rows, size=18, on=fill)

    # Left column: external memory above the context window; right column: weights above the answer.
    box(8, 12, 260, 126, "blue", "External memory", ["Chat history,", "databases,", "document stores"])
    box(8, 204, 260, 126, "amber", "Context window",
        ["This conversation:", "your messages,", "pasted documents"], dash="8 6")
    box(452, 12, 260, 126, "green", "Weights", ["What training", "compressed into", "the model"])
    s.rect(482, 232, 200, 70, "page", stroke="text", width=2.5)
    s.text(582, 274, "Answer", size=20, bold=True)

    s.arrow(138, 140, 138, 200)
    s.lines(152, 166, ["retrieved", "when needed"], size=18, gap=21, anchor="start", color="muted")
    s.arrow(270, 267, 478, 267)
    s.text(374, 255, "read", size=18, color="muted")
    s.arrow(582, 140, 582, 228)
    s.text(596, 190, "applied", size=18, color="muted", anchor="start")

    # The end of the conversation, and what is left afterwards.
    s.el("line", x1=8, y1=372, x2=712, y2=372, stroke=s.p["line"], stroke_width=2, stroke_dasharray="10 7")
    s.rect(230, 356, 260, 32, "page", stroke="line", r=16)
    s.text(360, 378, "Conversation ends", size=18, bold=True)

    for i, (ok, name, rows) in enumerate(WHERE_AFTER):
        x = 8 + i * 238
        s.badge(x + 22, 420, ok)
        s.text(x + 46, 427, name, size=18, bold=True, anchor="start")
        s.lines(x + 46, 453, rows, size=18, anchor="start", color="green_ink" if ok else "red_ink")
    return s


def where_knowledge_lives_narrow(palette):
    s = Svg("where-knowledge-lives-narrow", palette, 800, WHERE_TITLE, WHERE_DESC, width=NARROW)

    def box(y, h, hue, title, rows, dash=None):
        fill = f"{hue}_fill"
        s.rect(8, y, 344, h, fill, stroke=f"{hue}_line", dash=dash)
        s.text(180, y + 30, title, size=19, bold=True, color=f"{hue}_ink", on=fill)
        s.lines(180, y + 56, rows, size=17, gap=22, on=fill)

    # One column, read from the top: memory into the window, the window and the weights into the answer.
    box(8, 104, "blue", "External memory", ["Chat history, databases,", "document stores"])
    s.arrow(100, 114, 100, 166)
    s.text(116, 146, "retrieved when needed", size=17, color="muted", anchor="start")
    box(170, 104, "amber", "Context window", ["This conversation: your", "messages, pasted documents"], dash="8 6")
    s.arrow(100, 276, 100, 330)
    s.text(116, 310, "read", size=17, color="muted", anchor="start")
    s.rect(40, 334, 280, 56, "page", stroke="text", width=2.5)
    s.text(180, 369, "Answer", size=19, bold=True)
    s.arrow(260, 444, 260, 394)
    s.text(244, 426, "applied", size=17, color="muted", anchor="end")
    box(448, 104, "green", "Weights", ["What training compressed", "into the model"])

    # The end of the conversation, and what is left afterwards.
    s.el("line", x1=8, y1=592, x2=352, y2=592, stroke=s.p["line"], stroke_width=2, stroke_dasharray="10 7")
    s.rect(80, 576, 200, 32, "page", stroke="line", r=16)
    s.text(180, 598, "Conversation ends", size=17, bold=True)
    for i, (ok, name, rows) in enumerate(WHERE_AFTER):
        y = 642 + i * 52
        s.badge(26, y + 4, ok)
        s.text(50, y, name, size=17, bold=True, anchor="start")
        s.text(50, y + 22, " ".join(rows), size=16, anchor="start", color="green_ink" if ok else "red_ink")
    return s


# --- 3. Stability-plasticity trade-off --------------------------------------------------------

BALANCE_TITLE = "The stability-plasticity trade-off"
BALANCE_DESC = ("A slider between two failures: a model that changes too easily forgets old skills as it "
                "learns new ones (catastrophic forgetting), and one that hardly changes cannot learn anything "
                "new. The goal is the balanced zone in the middle.")


def balance_slider(s, ends, labels, track_y, zone, knob):
    """The ends' labels, the goal zone (x, y, width, height), the track (warm for forgetting, cool
    for frozen) from one end to the other, and the slider's knob of radius `knob` in the middle."""
    (left, right), middle = ends, (ends[0] + ends[1]) / 2
    s.text(left, labels[2], labels[0], size=labels[3], color="muted", anchor="start")
    s.text(right, labels[2], labels[1], size=labels[3], color="muted", anchor="end")
    s.rect(*zone, "green_fill", stroke="green_line", r=14 if knob > 16 else 12, dash="7 5")
    track = s.gradient("track", [(0, "red_line"), (0.5, "green_line"), (1, "blue_line")])
    s.el("rect", x=left, y=track_y - 6, width=right - left, height=12, rx=6, fill=track)
    s.dot(middle, track_y, "green_line", r=knob)
    s.el("circle", cx=middle, cy=track_y, r=round(knob * 0.36), fill=s.p["green_line"])


def stability_plasticity(palette):
    s = Svg("stability-plasticity", palette, 282, BALANCE_TITLE, BALANCE_DESC)
    # The goal zone is a column that also holds the middle label.
    balance_slider(s, (24, 696), ("Model changes easily", "Model hardly changes", 34, 18), 100, (266, 56, 188, 196), 17)

    s.text(24, 186, "Too plastic", size=21, bold=True, color="red_ink", anchor="start")
    s.lines(24, 214, ["Catastrophic forgetting:", "new learning", "overwrites old"], anchor="start")
    s.text(360, 186, "Balanced", size=21, bold=True, color="green_ink", on="green_fill")
    s.lines(360, 214, ["Learn new things,", "keep old ones"], on="green_fill")
    s.text(696, 186, "Too stable", size=21, bold=True, color="blue_ink", anchor="end")
    s.lines(696, 214, ["Cannot learn", "anything new"], anchor="end")
    return s


def stability_plasticity_narrow(palette):
    s = Svg("stability-plasticity-narrow", palette, 420, BALANCE_TITLE, BALANCE_DESC, width=NARROW)
    balance_slider(s, (12, 348), ("Changes easily", "Hardly changes", 28, 16), 80, (120, 44, 120, 72), 15)
    rows = [  # hue, name, what it means
        ("red", "Too plastic", ["Catastrophic forgetting:", "new learning overwrites old"]),
        ("green", "Balanced", ["Learn new things,", "keep old ones"]),
        ("blue", "Too stable", ["Cannot learn", "anything new"]),
    ]
    for i, (hue, name, lines) in enumerate(rows):
        y = 160 + i * 88
        s.el("rect", x=12, y=y - 18, width=8, height=68, rx=4, fill=s.p[f"{hue}_line"])
        s.text(32, y, name, size=19, bold=True, color=f"{hue}_ink", anchor="start")
        s.lines(32, y + 26, lines, size=17, gap=22, anchor="start")
    return s


DIAGRAMS = [compaction_spectrum, compaction_spectrum_narrow, where_knowledge_lives, where_knowledge_lives_narrow,
            stability_plasticity, stability_plasticity_narrow]


def main(argv):
    check = argv[1:] == ["--check"]
    if argv[1:] and not check:
        sys.exit("usage: python3 diagrams/draw.py [--check]")
    stale = []
    for draw in DIAGRAMS:
        for palette in PALETTES:
            svg = draw(palette)
            path = OUT_DIR / f"{svg.stem}-{palette}.svg"
            data = svg.render().encode("utf-8")
            if check:
                if not path.exists() or path.read_bytes() != data:
                    stale.append(path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                print(f"wrote {path}")
    for path in stale:
        print(f"stale: {path} (run python3 diagrams/draw.py)")
    if check and not stale:
        print("diagrams are up to date")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
