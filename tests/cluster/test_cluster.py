"""Two app servers behind nginx, one worker, SeaweedFS: the portal behaves as one site.

Each test drives the running cluster over HTTP: through nginx and through each app
server (A and B) directly. The cluster runs production settings (debug off)."""

import os
import random
import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.cluster.conftest import cluster, csrf_token, form_fields, log_in, shell

pytestmark = pytest.mark.cluster
READER = ("reader@example.org", "portal-reader")
EDITOR = ("editor@example.org", "portal-editor")
PDF = b"%PDF-1.4\n% uploaded on A\n%%EOF\n"


def a_published_slug() -> str:
    return shell(
        "from posts.models import Post; "
        "print(Post.objects.published().order_by('pk').values_list('slug', flat=True)[1])"
    )


def test_a_member_logged_in_on_a_is_logged_in_on_b(running_cluster):
    session = log_in(running_cluster["a"], *READER)

    on_b = session.get(f"{running_cluster['b']}/saved/", timeout=10, allow_redirects=False)

    assert on_b.status_code == 200
    assert (
        "reader@example.org"
        in session.get(f"{running_cluster['b']}/accounts/email/", timeout=10).text
    )


def test_a_save_made_on_a_shows_on_b(running_cluster):
    session = log_in(running_cluster["a"], *READER)
    slug = a_published_slug()
    page = session.get(f"{running_cluster['a']}/posts/{slug}/", timeout=10).text
    saved_before = (
        f"/posts/{slug}/" in session.get(f"{running_cluster['b']}/saved/", timeout=10).text
    )

    # The page's own save/unsave form, as a member's browser would send it.
    form = dict_list(form_fields(page, f"/posts/{slug}/save/"))
    session.post(f"{running_cluster['a']}/posts/{slug}/save/", data=form, timeout=10)

    saved_after = (
        f"/posts/{slug}/" in session.get(f"{running_cluster['b']}/saved/", timeout=10).text
    )
    assert saved_after != saved_before  # the toggle made on A is what B shows


def edit_post_in_admin(base: str, session, slug: str, title: str, attachment: bytes | None):
    pk = shell(f"from posts.models import Post; print(Post.objects.get(slug={slug!r}).pk)")
    url = f"{base}/admin/posts/post/{pk}/change/"
    fields = dict_list(form_fields(session.get(url, timeout=10).text, "post_form"))
    fields["title"] = [title]
    files = {}
    if attachment is not None:
        total = int(fields["attachments-TOTAL_FORMS"][0])
        prefix = f"attachments-{total}"
        fields["attachments-TOTAL_FORMS"] = [str(total + 1)]
        fields[f"{prefix}-title"] = ["Uploaded on A"]
        fields[f"{prefix}-position"] = ["9"]
        fields[f"{prefix}-post"] = [pk]
        files = {f"{prefix}-file": ("uploaded-on-a.pdf", attachment, "application/pdf")}
    fields["_continue"] = ["1"]
    response = session.post(url, data=fields, files=files, timeout=30, allow_redirects=False)
    assert response.status_code == 302, response.text[response.text.find("errornote") :][:800]


def dict_list(pairs):
    result = {}
    for name, value in pairs:
        result.setdefault(name, []).append(value)
    return result


def test_an_admin_edit_on_a_is_fresh_on_b_and_its_upload_is_in_the_bucket(running_cluster):
    editor = log_in(running_cluster["a"], *EDITOR)
    slug = a_published_slug()
    requests.get(f"{running_cluster['b']}/posts/{slug}/", timeout=10)  # warm any cache on B
    title = f"Edited on A {uuid.uuid4().hex[:6]}"

    edit_post_in_admin(running_cluster["a"], editor, slug, title, attachment=PDF)

    page = requests.get(f"{running_cluster['b']}/posts/{slug}/", timeout=10).text
    assert title in page
    name, path = shell(
        "from posts.models import Attachment; "
        "a = Attachment.objects.filter(title='Uploaded on A').latest('pk'); "
        "print(a.file.name, a.get_absolute_url())"
    ).split()
    download = requests.get(f"{running_cluster['b']}{path}", timeout=10)
    assert download.status_code == 200 and download.content == PDF
    in_bucket = shell(
        "from django.core.files.storage import storages; "
        f"print(storages['attachments'].exists({name!r}))"
    )
    assert in_bucket == "True"
    local = [
        p
        for p in (running_cluster["state"] / "var").rglob("*")
        if p.is_file() and "static" not in p.parts
    ]
    assert [p for p in local if p.suffix == ".pdf"] == []


def rendered_pdfs(state) -> int:
    return (state / "worker.log").read_text().count("Rendered PDF")


def test_concurrent_pdf_requests_through_a_and_b_render_once(running_cluster):
    editor = log_in(running_cluster["a"], *EDITOR)
    slug = a_published_slug()
    edit_post_in_admin(
        running_cluster["a"], editor, slug, f"Fresh PDF {uuid.uuid4().hex[:6]}", None
    )
    time.sleep(3)  # the edit queued its own render: let the worker pick it up first
    before = rendered_pdfs(running_cluster["state"])
    edit_post_in_admin(
        running_cluster["a"], editor, slug, f"Fresh PDF {uuid.uuid4().hex[:6]}", None
    )
    urls = [f"{running_cluster[side]}/posts/{slug}/pdf/" for side in "abab"]
    # The public host, as nginx passes it on.
    public_host = {"Host": running_cluster["nginx"].removeprefix("http://")}

    def fetch_when_ready(url):
        for _ in range(120):
            response = requests.get(url, headers=public_host, timeout=30)
            if response.status_code != 202:  # 202: "being prepared", come back
                return response
            time.sleep(0.5)
        return response

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(fetch_when_ready, urls))

    assert [r.status_code for r in responses] == [200] * 4
    assert len({r.content for r in responses}) == 1 and responses[0].content.startswith(b"%PDF")
    time.sleep(2)
    assert rendered_pdfs(running_cluster["state"]) - before == 1


def test_a_login_flood_split_across_a_and_b_hits_the_shared_limit(running_cluster):
    # One client behind the proxy (the cluster trusts one proxy's X-Forwarded-For),
    # with an address of its own so the other tests' logins do not count.
    client_ip = {"X-Forwarded-For": f"10.{random.randrange(256)}.{random.randrange(256)}.7"}
    limited = []
    for attempt in range(12):
        base = running_cluster["a" if attempt % 2 == 0 else "b"]
        session = requests.Session()
        page = session.get(f"{base}/accounts/login/", timeout=10)
        response = session.post(
            f"{base}/accounts/login/",
            data={
                "csrfmiddlewaretoken": csrf_token(page.text),
                "login": f"guess-{attempt}@example.org",
                "password": "wrong",
            },
            headers=client_ip,
            timeout=10,
        )
        limited.append("Too many failed login attempts" in response.text)
    # allauth allows 10 failed logins a minute per client address, counted in the shared
    # Redis: the eleventh is refused, whichever server it reaches (each saw only 5).
    assert limited == [False] * 10 + [True] * 2


def test_the_worker_emails_the_digest_of_a_pending_comment_after_its_window(running_cluster):
    mail = running_cluster["state"] / "mail"
    email = f"commenter-{uuid.uuid4().hex[:6]}@example.org"
    shell(
        "from accounts.models import User; from allauth.account.models import EmailAddress; "
        f"u = User.objects.create_user({email!r}, 'cluster-pass-123'); "
        f"EmailAddress.objects.create(user=u, email={email!r}, verified=True, primary=True)"
    )
    member = log_in(running_cluster["a"], email, "cluster-pass-123")
    slug = a_published_slug()
    texts = [f"First remark {uuid.uuid4().hex[:8]}", f"Second remark {uuid.uuid4().hex[:8]}"]
    for number, text in enumerate(texts):
        if number:
            time.sleep(12)  # a member's comments are at least 15 s apart
        page = member.get(f"{running_cluster['b']}/posts/{slug}/", timeout=10).text
        time.sleep(4)  # typing: a form sent within 3 s of showing is a robot's
        fields = dict_list(form_fields(page, f"/comments/posts/{slug}/new/"))
        fields["body"] = [text]
        response = member.post(
            f"{running_cluster['a']}/comments/posts/{slug}/new/", data=fields, timeout=10
        )
        assert response.status_code == 200, response.status_code

    def digests_with(text):
        return [p for p in mail.glob("*.log") if text in p.read_text(errors="replace")]

    # The second comment arrives inside the window: it goes out at the window's end
    # (1 minute in the cluster), sent by the worker with no further comment.
    deadline = time.monotonic() + 100
    while not digests_with(texts[1]) and time.monotonic() < deadline:
        time.sleep(2)
    assert digests_with(texts[1])
    assert (
        shell(
            f"from comments.models import Comment; print(Comment.objects.get(body={texts[1]!r}).status)"
        )
        == "pending"
    )


def test_killing_the_worker_mid_task_loses_nothing(running_cluster):
    name = f"canary-{uuid.uuid4().hex[:6]}"
    done = running_cluster["state"] / "var" / "canary" / f"{name}.done"
    task_id = shell(f"from portal.tasks import canary; print(canary.enqueue({name!r}, 6).id)")
    deadline = time.monotonic() + 20
    status = ""
    while status != "RUNNING" and time.monotonic() < deadline:
        status = shell(
            f"from django_tasks_db.models import DBTaskResult; print(DBTaskResult.objects.get(id={task_id!r}).status)"
        )
    assert status == "RUNNING"

    pid = int((running_cluster["state"] / "worker.pid").read_text())
    os.killpg(pid, signal.SIGKILL)
    time.sleep(0.5)
    assert not done.exists()
    cluster("start", "worker")

    deadline = time.monotonic() + 40
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert done.exists()


def test_killing_instance_a_under_load_leaves_nginx_serving_from_b(running_cluster):
    slug = a_published_slug()
    paths = ["/", f"/posts/{slug}/", "/feeds/latest/", "/topics/", "/sitemap.xml"]
    results, stop = [], threading.Event()

    def reader(offset):
        i = offset
        while not stop.is_set():
            try:
                response = requests.get(
                    f"{running_cluster['nginx']}{paths[i % len(paths)]}", timeout=15
                )
                results.append((time.monotonic(), response.status_code))
            except requests.RequestException:
                results.append((time.monotonic(), "error"))
            i += 1

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    pid = int((running_cluster["state"] / "app-a.pid").read_text())
    os.killpg(pid, signal.SIGKILL)
    killed_at = time.monotonic()
    time.sleep(5)
    stop.set()
    for thread in threads:
        thread.join()
    cluster("start", "app-a")

    failures = [r for r in results if r[1] != 200]
    after = [r for r in results if r[0] > killed_at + 1]
    # At most the requests in flight when A died (one per reader thread) may fail.
    assert len(failures) <= len(threads), failures
    assert after and all(status == 200 for _, status in after)
