"""MkDocs hook: Material's social plugin draws every page's preview image without the network.

The plugin takes a card's fonts from its cache folder and downloads them from Google Fonts when
they are not there; this machine and CI have no network for that, and a fresh clone has no cache.
So, before any card is drawn, this hook puts the Roboto that the font-roboto package ships (pinned
in requirements.txt) where the plugin looks. It also reads the plugin's layout folder from beside
mkdocs.yml, as the plugin does for its cache, not from the folder the build was started in. The
card itself is hooks/social/card.yml; its text comes from the glossary hook (preview_description).
"""

from __future__ import annotations

import filecmp
import os
import shutil

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PLUGIN = "material/social"
FAMILY = "Roboto"  # the font the layout names
# The plugin's file name for each style it draws (the style's name) → font-roboto's name for it.
STYLES = {"Regular": "Roboto", "Bold": "RobotoBold"}


@event_priority(-50)  # after the plugin's on_config, which makes its cache folder absolute
def on_config(config, **kwargs):
    plugin = config.plugins.get(PLUGIN)
    if plugin is None or not plugin.config.enabled or not plugin.config.cards:
        return config
    project = os.path.dirname(os.path.abspath(config.config_file_path))
    options = plugin.config
    options.cards_layout_dir = os.path.join(project, options.cards_layout_dir)  # unchanged if absolute
    _provide_fonts(os.path.join(project, options.cache_dir, "fonts", FAMILY))
    return config


def _provide_fonts(folder: str) -> None:
    """Copy the packaged font files to where the plugin looks (`<cache>/fonts/<family>/<style>.ttf`);
    with that folder present, it never tries to download the family."""
    try:
        import font_roboto
    except ImportError:
        raise PluginError(
            "The social cards need the font-roboto package: install requirements.txt "
            "(.venv/bin/pip install -r requirements.txt), or set SOCIAL_CARDS=false to build without cards."
        ) from None
    os.makedirs(folder, exist_ok=True)
    for style, name in STYLES.items():
        source, target = font_roboto.font_files[name], os.path.join(folder, f"{style}.ttf")
        if not (os.path.isfile(target) and filecmp.cmp(source, target, shallow=False)):
            shutil.copyfile(source, target)
