from django.core.management.base import BaseCommand

from comments.tasks import next_digest_at, send_due_digest


class Command(BaseCommand):
    help = (
        "Email the moderators about comments awaiting them, if the digest window allows. "
        "Run it from cron every few minutes with the immediate task backend; a task "
        "worker does this by itself."
    )

    def handle(self, *args, verbosity=1, **options):
        later = next_digest_at()
        sent = send_due_digest()
        if verbosity < 1:
            return
        if sent:
            self.stdout.write(self.style.SUCCESS(f"Digest sent: {sent} comment(s) announced."))
        elif later:
            self.stdout.write(f"Nothing sent: the next digest may go out at {later:%H:%M:%S}.")
        else:
            self.stdout.write("Nothing sent: no comment is waiting to be announced.")
