"""Reading PDF responses in tests (they stream from storage)."""

from io import BytesIO

from pypdf import PdfReader


def pdf_bytes(response) -> bytes:
    """The body of a PDF response; a streamed body is read once and kept."""
    if not response.streaming:
        return response.content
    if not hasattr(response, "_pdf_bytes"):
        response._pdf_bytes = b"".join(response.streaming_content)
    return response._pdf_bytes


def read_pdf(response) -> PdfReader:
    return PdfReader(BytesIO(pdf_bytes(response)))


def queued(backend, prefix: str = "") -> list[tuple[str, tuple]]:
    """(task path, args) of what waits in a dummy task backend, its path starting with ``prefix``."""
    return [
        (result.task.module_path, tuple(result.args))
        for result in backend.results
        if result.task.module_path.startswith(prefix)
    ]


def run_queued(backend) -> None:
    """Run what waits in the dummy backend, as a worker would (and what that queues)."""
    while backend.results:
        result = backend.results.pop(0)
        result.task.call(*result.args, **result.kwargs)
