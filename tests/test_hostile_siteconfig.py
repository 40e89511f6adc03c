"""Issue 17, item 14: a site config is capped in size and in what its expressions may cost, and the config that hit
a cap is reported."""

from __future__ import annotations

import time

import lxml.html

from cleanser.sites.limits import MAX_CONFIG_BYTES, MAX_EXPRESSIONS
from cleanser.sites.siteconfig import SiteConfigs

SLOW = "//div[count(//p) > 0]"  # every div searches the whole page again


def test_an_oversized_config_is_not_used_and_is_reported(tmp_path):
    (tmp_path / "huge.example.txt").write_text("strip: //div[@class='ad']\n" * (MAX_CONFIG_BYTES // 20))
    configs = SiteConfigs([tmp_path])
    assert configs.for_host("huge.example") is None
    assert any("huge.example.txt" in e and "KB" in e for e in configs.errors)


def test_expressions_whose_cost_grows_with_the_square_of_the_page_are_refused(tmp_path):
    (tmp_path / "slow.example.txt").write_text(
        f"body: //article\nstrip: {SLOW}\nstrip: //p[following::div]\nstrip: //figure[.//img]\n")
    configs = SiteConfigs([tmp_path])
    config = configs.for_host("slow.example")
    assert config.strip == ["//figure[.//img]"]
    assert sum("not used" in e for e in configs.errors) == 2 and all("slow.example.txt:" in e for e in configs.errors)


def test_the_refused_shape_really_is_quadratic():
    def cost(n: int) -> float:
        root = lxml.html.fromstring("<div>" + "<div><p>x</p></div>" * n + "</div>")
        start = time.perf_counter()
        root.xpath(SLOW)
        return time.perf_counter() - start

    cost(100)
    assert cost(1600) > 4 * cost(400)  # quadratic: about 16 times


def test_too_many_expressions_are_cut_and_reported(tmp_path):
    (tmp_path / "many.example.txt").write_text("".join(f"strip: //div[@id='x{i}']\n" for i in range(600)))
    configs = SiteConfigs([tmp_path])
    assert len(configs.for_host("many.example").strip) == MAX_EXPRESSIONS
    assert any(f"more than {MAX_EXPRESSIONS}" in e for e in configs.errors)
