"""bench.desk_watch: a round after a quiet one reads in full only the conversation that changed."""

from bench.desk_watch import measure


async def test_one_new_message_is_copied_with_one_full_read():
    result = await measure(3, 1)
    assert result["copied"] == "1/1"
    assert result["served"]["quiet"] == {"full_reads": 0, "probes": 3, "kib": 0}
    assert result["served"]["one_new"]["full_reads"] == 1
