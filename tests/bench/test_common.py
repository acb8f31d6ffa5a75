"""bench.common: the options the benchmark scripts share, as each script's parser reads them."""

import argparse
from pathlib import Path

from bench.common import (
    CONFIG,
    MODEL,
    NLU_DATA,
    add_dev_option,
    add_errors_option,
    add_model_option,
    add_training_options,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    add_dev_option(parser, Path("dev.yml"))
    add_model_option(parser)
    add_training_options(parser)
    add_errors_option(parser)
    return parser


def test_the_shared_options_default_to_the_project():
    args = _parser().parse_args([])
    assert (args.dev, args.model, args.data, args.config, args.errors) == (
        [Path("dev.yml")],
        MODEL,
        NLU_DATA,
        CONFIG,
        False,
    )


def test_several_dev_splits_and_a_model_without_default():
    parser = argparse.ArgumentParser()
    add_model_option(parser, default=None, help="a packaged model instead of training")
    add_dev_option(parser, Path("dev.yml"))
    args = parser.parse_args(["--dev", "a.yml", "b.yml"])
    assert args.model is None and args.dev == [Path("a.yml"), Path("b.yml")]
