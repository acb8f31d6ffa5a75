"""Context vetoes for severity hits: when the words are there but the reason is not.

`bot.triage.severity` finds trigger words (`bot.triage.severity_rules`) and sentence shapes
(`bot.triage.severity_sentences`); this module decides, from the clause and sentence around a
hit (`bot.triage.severity_clauses.Context`), whether the customer is actually reporting an
injury or making a threat. `VETOES` lists, per reason and in the order they are tried, the
vetoes by name; each covers a family of phrasings, not a single message, and lives in the
module of its concern:

- `severity_negation`: negated, denied, guarded against, feared, imagined; a threat
  disclaimed, given up, called off or called a joke; a wish told with laughter; a past matter
  the shop already settled;
- `severity_figurative`: similes, charm, hooked, fainting at a price, spicy food, a chore's
  headache, a deal nearly missed, 炸裂 as an interjection, a tight fit, "可以上新闻了";
- `severity_circumstance`: an injury the customer calls unrelated, a slip of their own haste, a
  hospital stay as a circumstance, an allergy of their constitution or about the shop's
  manners, an old injury or a past police matter as why something is bought, another shop's
  accident, a private matter;
- `severity_naming`: someone's job, a law office as the buyer, a form field, a number, a toy or
  costume, fiction or a title, a genre, a product's style, a law's name, the platform's
  channels, an authority's standing rule;
- `severity_speaker`: hearsay, the shop's words, another shop, praise, a plain question;
- `severity_opinions`: others sharing an opinion, guessed, reacting or chatting;
- `severity_buyers`: a question about others, two buyers, one buyer for many, a crowd, only the
  customer affected, the others fine, a group buy named as the service, the customer's own
  copy of a model, a lone buyer in a group buy.

Most vetoes are one `Shape` row (patterns only); the rest are small functions. Reasons a whole
message rules out are in `bot.triage.severity_ruled_out`. Recall comes first (the spec wants
every urgent complaint): a veto needs its whole shape, and a message that also threatens
(`THREAT_CUE`) keeps its threat.
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from bot.triage import (
    severity_buyers,
    severity_circumstance,
    severity_figurative,
    severity_naming,
    severity_negation,
    severity_opinions,
    severity_overtaken,
    severity_speaker,
)
from bot.triage.severity_buyers import only_me
from bot.triage.severity_clauses import CLAUSE_END, SENTENCE_END, Context, Veto, bounds
from bot.triage.severity_ruled_out import ruled_out_by_message

__all__ = [
    "CLAUSE_END",
    "RULING_VETOES",
    "SENTENCE_END",
    "VETOES",
    "Context",
    "bounds",
    "only_me",
    "ruled_out_by_message",
    "veto",
]

# Every veto by the name `veto` reports.
CHECKS: Dict[str, Veto] = {
    **severity_negation.CHECKS,
    **severity_figurative.CHECKS,
    **severity_circumstance.CHECKS,
    **severity_naming.CHECKS,
    **severity_speaker.CHECKS,
    **severity_buyers.CHECKS,
    **severity_overtaken.CHECKS,
    **severity_opinions.CHECKS,
}

# Which vetoes apply to which reason, in the order they are tried (the first that applies is
# the one reported).
VETOES: Dict[str, Tuple[str, ...]] = {
    "injury": (
        *("fear", "negated", "reassurance", "settled", "joke", "simile", "charm"),
        *("hooked", "price_shock", "unrelated", "own_slip"),
        *("circumstance", "constitution", "service_allergy", "styled_after"),
        *("spicy", "chore_headache", "dream", "deal_danger", "interjection", "law_name"),
        *("protective", "fiction", "news_of_other_shop", "tight_fit", "not_a"),
        *("why_bought", "feared", "swollen_package", "feared_later", "unhurt"),
        *("fuming", "fuming_after", "hot_deal", "food_burnt", "asked_before_use"),
        *("imagined", "repellent_failed", "goods_hurt", "nearly_used"),
        *("harm_asked", "would_have", "others_incident", "past_stay", "fuming_life"),
        *("fell_near_nobody", "anger_ache", "other_shops_product"),
    ),
    "legal": (
        *("other_shop", "disclaimed", "hearsay", "field_value", "settled", "joke", "taken_back"),
        *("shop_says", "someones_job", "plain_question", "styled_after", "office"),
        *("platform_channel", "dream", "plaything", "fiction", "renounced", "number_field"),
        *("private_matter", "called_off", "just_asking", "others_story", "workplace"),
        *("landmark", "likened", "what_is", "lawyers_work"),
        # (twenty-first round)
        *("office_buyer", "genre", "authority_rule", "report_before_buying"),
        "unrelated_matter",
        # (twenty-second round)
        *("overtaken", "averted", "calmed", "asked_whether", "outdone"),
    ),
    "media": (
        *("other_shop", "praise", "disclaimed", "hearsay", "field_value", "settled", "joke"),
        *("taken_back", "shop_says", "someones_job", "plain_question", "styled_after"),
        *("dream", "plaything", "renounced", "exclaimed", "called_off", "show_off"),
        *("others_story", "workplace", "likened", "what_is"),
        # (twenty-first round)
        "genre",
        # (twenty-second round)
        *("overtaken", "averted", "calmed", "asked_whether", "unrelated_matter", "show_off_after"),
    ),
    "group": (
        *("asks_about_others", "praise", "settled", "pair", "on_behalf", "crowd", "only_me"),
        *("others_fine", "service_named", "someone_in_reviews", "others_fine_told"),
        # (twenty-first round)
        *("own_copy", "lone_buyer"),
        # (twenty-second round) a colleague's fault heard of, the customer's own unused; a
        # group buy's purchase made for others
        *("others_incident", "others_batch", "bought_for_others"),
        # (task sev24) others sharing an opinion, guessed or asked about, reacting to the
        # customer, chatting, or the customer's own party at the hotline
        *("opinion", "guessed", "reacting_to_me", "chatter", "in_turn"),
    ),
}

# Vetoes that read the reason as explicitly absent, not just unproven: a threat renounced,
# called off or called a joke (taken_back, since the eleventh round), a report lodged with the
# platform. The learned head may not give such a reason back.
RULING_VETOES = frozenset(
    {
        *("disclaimed", "platform_channel", "renounced", "only_me", "others_fine"),
        *("called_off", "taken_back"),
        # (fifteenth round) nobody hurt, said so; the goods hurt, not a person
        *("unhurt", "goods_hurt", "nearly_used"),
        # (sixteenth round) a part fell with nobody near, said so
        "fell_near_nobody",
        # (eighteenth round) an authority's building as an address: no act at all
        "landmark",
        # (task sev24) others' opinions, guesses, reactions and chatter: no buyers affected
        *severity_opinions.RULING,
    }
)


def veto(reason: str, context: Context) -> Optional[str]:
    """The name of the first veto that applies to a hit for `reason`, or None."""
    for name in VETOES.get(reason, ()):
        if CHECKS[name](context):
            return name
    return None
