"""config.yml's policies fit the training data: rules only, so no story-learning policy."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _yaml_files():
    return sorted((ROOT / "data").rglob("*.yml"))


def test_the_dialogue_is_learned_from_rules_alone():
    """Stories would need a policy that learns them (MemoizationPolicy, TED); there are none."""
    with_stories = [
        path.name for path in _yaml_files() if "stories" in (yaml.safe_load(path.read_text()) or {})
    ]
    assert with_stories == [], f"stories in {with_stories}: add a story policy to config.yml"
    rules = yaml.safe_load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))
    assert len(rules["rules"]) > 10
    policies = [p["name"] for p in yaml.safe_load((ROOT / "config.yml").read_text())["policies"]]
    assert policies == ["RulePolicy"]
