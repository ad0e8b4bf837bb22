"""How editors type topics: comma-separated, so "Climate adaptation" stays one topic."""


def parse_topics(text: str) -> list[str]:
    return sorted({name.strip() for name in text.split(",") if name.strip()})


def format_topics(tags) -> str:
    # Names never hold commas (the parser splits on them), so no quoting is needed.
    return ", ".join(sorted(tag.name for tag in tags))
