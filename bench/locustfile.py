"""A mixed load on the portal: readers, members saving and commenting, PDF downloads.

bench/load.py starts the portal with production settings and runs this file
(``locust -f bench/locustfile.py --headless …``); LOAD_POSTS, LOAD_TOPICS and
LOAD_SEARCHES list what to ask for; LOAD_MEMBERS the member accounts it created
as ``email:password,…``.
"""

import os
import random
import re
import uuid

from locust import HttpUser, between, task

POSTS = [slug for slug in os.environ.get("LOAD_POSTS", "").split(",") if slug]
TOPICS = [slug for slug in os.environ.get("LOAD_TOPICS", "").split(",") if slug]
MEMBERS = [pair.split(":", 1) for pair in os.environ.get("LOAD_MEMBERS", "").split(",") if pair]
SEARCHES = [query for query in os.environ.get("LOAD_SEARCHES", "").split(",") if query]


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    return found[1] if found else ""


class PlainHttpCookies:
    """Production cookies are Secure (__Host-); this load runs on plain HTTP on loopback,
    so keep a copy the client will send back."""

    def keep_cookies(self, response) -> None:
        for cookie in response.cookies:
            self.client.cookies.set(cookie.name, cookie.value)


class Reader(HttpUser):
    weight = 6
    wait_time = between(1, 4)

    @task(5)
    def post(self):
        self.client.get(f"/posts/{random.choice(POSTS)}/", name="post")

    @task(3)
    def home(self):
        self.client.get("/", name="home")

    @task(2)
    def topic(self):
        self.client.get(f"/topics/{random.choice(TOPICS)}/", name="topic")

    @task(2)
    def search(self):
        self.client.get("/search/", params={"q": random.choice(SEARCHES)}, name="search")

    @task(1)
    def trending(self):
        self.client.get("/topics/", name="trending")

    @task(1)
    def pdf(self):
        with self.client.get(
            f"/posts/{random.choice(POSTS)}/pdf/", name="pdf", catch_response=True
        ) as response:
            # A PDF not rendered yet answers "being prepared" at once: not an error.
            if response.status_code in (200, 202):
                response.success()


class Member(PlainHttpCookies, HttpUser):
    weight = 2
    wait_time = between(2, 6)

    def on_start(self):
        email, password = MEMBERS[random.randrange(len(MEMBERS))]
        page = self.client.get("/accounts/login/", name="login page")
        self.keep_cookies(page)
        response = self.client.post(
            "/accounts/login/",
            {
                "login": email,
                "password": password,
                "csrfmiddlewaretoken": hidden(page.text, "csrfmiddlewaretoken"),
            },
            name="login",
        )
        self.keep_cookies(response)
        for earlier in response.history:
            self.keep_cookies(earlier)

    @task(4)
    def read(self):
        self.client.get(f"/posts/{random.choice(POSTS)}/", name="post (member)")

    @task(2)
    def saved(self):
        self.client.get("/saved/", name="my saved posts")

    @task(2)
    def save(self):
        slug = random.choice(POSTS)
        page = self.client.get(f"/posts/{slug}/", name="post (member)")
        self.client.post(
            f"/posts/{slug}/save/",
            {
                "csrfmiddlewaretoken": hidden(page.text, "csrfmiddlewaretoken"),
                "action": random.choice(["save", "remove"]),
                "next": f"/posts/{slug}/",
            },
            name="save",
        )

    @task(1)
    def comment(self):
        slug = random.choice(POSTS)
        page = self.client.get(f"/posts/{slug}/", name="post (member)")
        self.client.post(
            f"/comments/posts/{slug}/new/",
            {
                "csrfmiddlewaretoken": hidden(page.text, "csrfmiddlewaretoken"),
                "body": f"A question from the field, {uuid.uuid4().hex[:8]}: how did it scale?",
                "token": str(uuid.uuid4()),
                "rendered": hidden(page.text, "rendered"),
                "parent": "",
            },
            name="comment",
        )
