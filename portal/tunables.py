"""The portal's own tunables, read from the environment (portal/settings.py imports them).

Django's and the infrastructure's settings live in settings.py; what shapes the
product (uploads, the page cache, trending, PDFs, previews, comments) lives here,
each documented in .env.example and the README like every other variable.
"""

from portal.env import env_int, env_list

# Uploads. Request bodies keep Django's 2.5 MB limit: uploaded files do not count.
ATTACHMENT_MAX_BYTES = env_int("PORTAL_ATTACHMENT_MAX_MB", 25) * 1024 * 1024
# Portraits and featured images: a small file can decode to gigabytes (image bomb).
IMAGE_MAX_PIXELS = env_int("PORTAL_IMAGE_MAX_MEGAPIXELS", 25) * 1_000_000
IMAGE_MAX_SIDE = env_int("PORTAL_IMAGE_MAX_SIDE", 8000)  # pixels, width or height
# Pictures in the image library (featured images, figures), in bytes.
IMAGE_MAX_BYTES = env_int("PORTAL_IMAGE_MAX_MB", 10) * 1024 * 1024

# The shared page cache (portal/pagecache.py): public pages for anonymous readers,
# made stale at once by any content change; 0 switches it off. Browsers and
# proxies in front may keep a public page for the two shorter spans.
PAGE_CACHE_SECONDS = env_int("PORTAL_PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_BROWSER_SECONDS = env_int("PORTAL_PAGE_CACHE_BROWSER_SECONDS", 60)
PAGE_CACHE_PROXY_SECONDS = env_int("PORTAL_PAGE_CACHE_PROXY_SECONDS", 300)


# Trending topics: how far back to look and how fast activity fades.
TRENDING_WINDOW_DAYS = env_int("PORTAL_TRENDING_WINDOW_DAYS", 14)
TRENDING_HALF_LIFE_DAYS = env_int("PORTAL_TRENDING_HALF_LIFE_DAYS", 3)

# PDFs of posts and reading packs: rendered by background tasks into the "pdfs"
# storage, one file per revision; the cache only says which files are complete.
PDF_CACHE_SECONDS = env_int("PORTAL_PDF_CACHE_SECONDS", 60 * 60 * 24 * 7)
# Renders running at once across all servers; more wait in the task queue.
PDF_MAX_CONCURRENT_RENDERS = env_int("PORTAL_PDF_MAX_CONCURRENT_RENDERS", 2)
# Reading packs a member may have built per hour (a stored pack is not counted).
READING_PACK_PER_HOUR = env_int("PORTAL_READING_PACK_PER_HOUR", 10)

# Share links to drafts and scheduled posts (posts/share_links.py) stop working after this.
PREVIEW_LINK_DAYS = env_int("PORTAL_PREVIEW_LINK_DAYS", 7)

# Comments (comments/rules.py reads these): length, paging, spam rules, moderation.
COMMENTS_MAX_LENGTH = env_int("PORTAL_COMMENTS_MAX_LENGTH", 3000)  # characters
COMMENTS_PER_PAGE = env_int("PORTAL_COMMENTS_PER_PAGE", 20)  # top-level comments per page
COMMENTS_MIN_INTERVAL_SECONDS = env_int("PORTAL_COMMENTS_MIN_INTERVAL_SECONDS", 15)  # per member
COMMENTS_NEW_ACCOUNT_DAILY_LIMIT = env_int(
    "PORTAL_COMMENTS_NEW_ACCOUNT_DAILY_LIMIT", 10
)  # < 1 day old
COMMENTS_DUPLICATE_WINDOW_SECONDS = env_int("PORTAL_COMMENTS_DUPLICATE_WINDOW_SECONDS", 300)
COMMENTS_HOLD_AT_LINKS = env_int(
    "PORTAL_COMMENTS_HOLD_AT_LINKS", 2
)  # this many links: held, flagged
COMMENTS_BLOCKED_WORDS = env_list(
    "PORTAL_COMMENTS_BLOCKED_WORDS", "viagra,cialis,casino bonus,crypto giveaway,payday loan"
)  # case-insensitive, comma-separated; a match marks the comment as spam
COMMENTS_AUTO_APPROVE_AFTER = env_int("PORTAL_COMMENTS_AUTO_APPROVE_AFTER", 3)  # 0 = never
COMMENTS_CLOSE_AFTER_DAYS = env_int("PORTAL_COMMENTS_CLOSE_AFTER_DAYS", 0)  # 0 = never
COMMENTS_DIGEST_MINUTES = env_int("PORTAL_COMMENTS_DIGEST_MINUTES", 5)  # moderator email spacing
COMMENTS_MIN_FILL_SECONDS = env_int("PORTAL_COMMENTS_MIN_FILL_SECONDS", 3)  # faster: a robot
# Reports hide an approved comment only when established members' weighted reports add up.
COMMENTS_REPORT_HIDE_THRESHOLD = env_int("PORTAL_COMMENTS_REPORT_HIDE_THRESHOLD", 3)
COMMENTS_REPORTER_MIN_ACCOUNT_DAYS = env_int("PORTAL_COMMENTS_REPORTER_MIN_ACCOUNT_DAYS", 7)
COMMENTS_REPORTER_MIN_APPROVED = env_int("PORTAL_COMMENTS_REPORTER_MIN_APPROVED", 1)  # comments
COMMENTS_REPORTS_PER_DAY = env_int("PORTAL_COMMENTS_REPORTS_PER_DAY", 10)  # per member
