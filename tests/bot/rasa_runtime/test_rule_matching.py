"""Rules match a conversation exactly as RulePolicy's own matching says."""

import json
import random
from pathlib import Path

import pytest
import rasa.core.processor
from rasa.core.policies.rule_policy import RulePolicy

from bot.rasa_runtime import rule_matching

MODEL = Path(__file__).resolve().parents[3] / "models" / "complaint.tar.gz"


@pytest.fixture(scope="module")
def rule_policy() -> RulePolicy:
    """The RulePolicy of the trained model, with its learned rules."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: train it with `scripts/lib.sh ensure_model`")
    _, _, runner = rasa.core.processor.MessageProcessor._load_model(MODEL)
    [policy] = [
        node._component
        for node in runner._instantiated_nodes.values()
        if isinstance(node._component, RulePolicy)
    ]
    assert len(policy.lookup["rules"]) > 20
    return policy


def conversations(policy: RulePolicy, count: int, seed: int = 7):
    """State histories made of the rules' own states: whole rules, pieces and mixtures."""
    rules = [
        json.loads(key)
        for table in ("rules", "rules_for_loop_unhappy_path")
        for key in policy.lookup[table]
    ]
    draw = random.Random(seed)
    yield from rules
    for _ in range(count):
        history = []
        for _ in range(draw.randint(1, 12)):
            states = draw.choice(rules)
            history += states[draw.randint(0, len(states) - 1) :]
        yield history


def test_same_rules_match_as_with_rasas_matching(rule_policy):
    rule_matching.uninstall()
    checked = matched = 0
    for states in conversations(rule_policy, 400):
        for table in ("rules", "rules_for_loop_unhappy_path"):
            lookup = rule_policy.lookup[table]
            stock = rule_policy._get_possible_keys(lookup, states)
            ours = rule_matching.possible_keys(rule_policy, lookup, states)
            assert ours == stock
            checked += 1
            matched += bool(ours)
    assert checked > 800 and matched > 100  # the histories do match rules


def test_no_history_keeps_every_rule(rule_policy):
    lookup = rule_policy.lookup["rules"]
    assert rule_matching.possible_keys(rule_policy, lookup, []) == set(lookup)


def test_install_checks_rasas_method_and_is_undone():
    assert rule_matching.stock_source_sha256() == rule_matching.STOCK_SOURCE_SHA256
    rule_matching.install()
    rule_matching.install()
    assert rule_matching.is_installed()
    assert rule_matching.stock_source_sha256() == rule_matching.STOCK_SOURCE_SHA256
    rule_matching.uninstall()
    assert not rule_matching.is_installed()


def newest_state_variants(state):
    """The newest state as other messages would make it: other intents, actions, text only."""
    yield {k: dict(v) for k, v in state.items()}
    for intent in ("complain", "affirm", "request_human", "no_such_intent"):
        yield {**state, "user": {**state.get("user", {}), "intent": intent}}
    yield {**state, "user": {"text": "订单号 123"}}
    yield {**state, "prev_action": {"action_name": "action_listen"}}
    yield {**state, "prev_action": {"action_name": "no_such_action"}}
    yield {k: v for k, v in state.items() if k != "prev_action"}  # a conversation's start


def test_rules_indexed_by_the_newest_state_still_match_as_rasa(rule_policy):
    rule_matching.uninstall()
    checked = matched = 0
    for states in conversations(rule_policy, 150, seed=11):
        for newest in newest_state_variants(states[-1]):
            history = [*states[:-1], newest]
            for table in ("rules", "rules_for_loop_unhappy_path"):
                lookup = rule_policy.lookup[table]
                stock = rule_policy._get_possible_keys(lookup, history)
                assert rule_matching.possible_keys(rule_policy, lookup, history) == stock
                checked += 1
                matched += bool(stock)
    assert checked > 2000 and matched > 100


def test_index_follows_a_changed_lookup_table(rule_policy):
    rule_matching.uninstall()
    lookup = dict(rule_policy.lookup["rules"])
    [(key, history)] = [
        (key, json.loads(key))
        for key in lookup
        if key in rule_policy._get_possible_keys(lookup, json.loads(key))
    ][:1]
    assert key in rule_matching.possible_keys(rule_policy, lookup, history)
    del lookup[key]  # the same dict object, one rule fewer: a stale index would keep it
    stock = rule_policy._get_possible_keys(lookup, history)
    assert key not in stock
    assert rule_matching.possible_keys(rule_policy, lookup, history) == stock
