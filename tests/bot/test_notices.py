
import pytest
import yaml

from bot.notices import DEFAULT_DOMAIN, Notices, default_notices
from bot.settings import PROJECT_ROOT


def test_every_notice_the_code_names_is_in_the_project_domain():
    domain = yaml.safe_load(DEFAULT_DOMAIN.read_text(encoding="utf-8"))
    names = {n for n in domain["responses"] if n.startswith("utter_notice_")}
    used = set()
    code = [*(PROJECT_ROOT / "bot").rglob("*.py"), *(PROJECT_ROOT / "actions").rglob("*.py")]
    for path in code:  # the actions send notices too (the prioritised ticket)
        text = path.read_text(encoding="utf-8")
        for name in names:
            if f'"{name[len("utter_notice_"):]}"' in text:
                used.add(name)
    assert used == names, "notices in domain.yml the code never sends, or the reverse"


def test_placeholders_are_filled_and_a_missing_notice_names_itself(tmp_path):
    domain = tmp_path / "domain.yml"
    domain.write_text(
        "responses:\n"
        "  utter_greet:\n    - text: hi\n"
        '  utter_notice_file_empty:\n    - text: "「{filename}」是空的"\n'
        "    - text: second variation is not used\n",
        encoding="utf-8",
    )
    notices = Notices.from_domain(domain)
    assert notices.text("file_empty", filename="a.jpg") == "「a.jpg」是空的"
    with pytest.raises(KeyError, match="utter_notice_greet"):
        notices.text("greet")


def test_a_notice_without_text_is_refused_when_read(tmp_path):
    domain = tmp_path / "domain.yml"
    domain.write_text("responses:\n  utter_notice_x:\n    - image: a.png\n", encoding="utf-8")
    with pytest.raises(ValueError, match="utter_notice_x"):
        Notices.from_domain(domain)


def test_the_default_notices_are_the_project_domains():
    assert default_notices().text("media_failed") == "刚才的文件没有收到，请稍后再发送一次。"
