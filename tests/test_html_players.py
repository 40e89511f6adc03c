"""A media player's own text inside the article's container (video.js, JW Player, MediaElement.js, Plyr): its control
labels, caption settings and "cannot play this video" notice go as `generic-html/ui`, by the player's class prefix;
the caption under the video and the article stay."""

from __future__ import annotations

import pytest
from test_html_structures import ARTICLE, page, removed

from cleanser import Cleaner
from cleanser.plugins.manager import Plugins

VIDEOJS = """<figure><div class="video-js vjs-default-skin" id="player-1"><video src="/v/harbour.mp4"></video>
<p class="vjs-no-js">Your browser cannot play this video.</p>
<div class="vjs-control-bar"><div class="vjs-play-control" role="button"><span class="vjs-control-text">Play</span>
</div><div class="vjs-mute-control" role="button"><span class="vjs-control-text">Mute</span></div>
<div class="vjs-fullscreen-control" role="button"><span class="vjs-control-text">Fullscreen</span></div></div>
<div class="vjs-caption-settings"><label>Font Size</label><label>Text Edge Style</label><span>Reset</span>
<span>Done</span></div></div>
<figcaption>The western half of the market hall, filmed from the quay.</figcaption></figure>"""

MEJS = """<div class="mejs-container wp-video"><div class="mejs-controls"><div class="mejs-time">00:00</div>
<div class="mejs-button mejs-playpause-button"><span>Play</span></div><div class="mejs-volume-button">
<span>Mute Toggle</span></div></div></div>"""


@pytest.fixture(scope="module")
def safe() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="safe")


@pytest.mark.parametrize("player", [VIDEOJS, MEJS], ids=["video.js", "mediaelement"])
def test_a_players_controls_go_and_the_article_stays(safe, player):
    result = safe.clean(page(middle=player))
    gone = removed(result, "generic-html/ui")
    assert gone and any("in class/id" in e for r in gone for e in r.evidence)
    lines = result.text.split("\n")
    for label in ("Play", "Mute", "Fullscreen", "Font Size", "Mute Toggle", "00:00"):
        assert label not in lines
    assert "cannot play this video" not in result.text
    assert all(line in result.text for line in ARTICLE)


def test_the_caption_under_the_video_stays(safe):
    result = safe.clean(page(middle=VIDEOJS))
    assert "The western half of the market hall, filmed from the quay." in result.text


def test_a_class_that_only_starts_like_a_players_stays(safe):
    box = '<div class="jwt-note"><p>Tickets for the public meeting are free at the town hall.</p></div>'
    result = safe.clean(page(after=box))
    assert "Tickets for the public meeting are free at the town hall." in result.text
