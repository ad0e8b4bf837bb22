"""Printing posts: the print view's context and PDFs rendered by WeasyPrint.

- fetcher: the URL fetcher sandbox (only the portal's own static and media files)
- fonts: fonts and stylesheets, set up once per thread
- render: HTML to PDF, cache keys per revision, a post's PDF

The "compute once across processes" lock PDFs use is portal.cache_lock.
"""
