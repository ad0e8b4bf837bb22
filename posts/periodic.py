"""A small loop for periodic management commands, until a task scheduler runs them."""

import time


def run_periodically(command, work, loop: bool, every: int) -> None:
    """Run `work` once, or every `every` seconds with --loop; one summary line each time."""
    while True:
        started = time.monotonic()
        command.stdout.write(work())
        if not loop:
            return
        time.sleep(max(0.0, every - (time.monotonic() - started)))


def add_loop_arguments(parser, every: int) -> None:
    parser.add_argument("--loop", action="store_true", help="Keep running, once per interval.")
    parser.add_argument(
        "--every", type=int, default=every, help=f"Seconds between runs with --loop ({every})."
    )
