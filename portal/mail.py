"""Development email: the console backend, readable.

Django's console backend prints the raw MIME message, where quoted-printable
wraps long lines with "=" and escapes "=" as "=3D": a confirmation link copied
from the terminal is broken. This one prints the headers that matter and the
decoded plain-text body, so every link can be clicked as it is.
"""

from django.core.mail.backends.console import EmailBackend as ConsoleBackend


class ReadableConsoleBackend(ConsoleBackend):
    def write_message(self, message):
        lines = [
            f"Subject: {message.subject}",
            f"From: {message.from_email}",
            f"To: {', '.join(message.to)}",
        ]
        if message.cc:
            lines.append(f"Cc: {', '.join(message.cc)}")
        alternatives = [mimetype for _content, mimetype in getattr(message, "alternatives", [])]
        if alternatives:
            lines.append(f"(also sent as {', '.join(alternatives)}; not shown)")
        self.stream.write("\n".join(lines) + "\n\n" + message.body + "\n")
        self.stream.write("-" * 79 + "\n")
