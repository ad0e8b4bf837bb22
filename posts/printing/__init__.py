"""Printing posts: the print view's context and PDFs rendered by WeasyPrint.

- fetcher: the URL fetcher sandbox (only the portal's own static and media files)
- fonts: fonts and stylesheets, set up once per thread
- render: HTML to tagged PDF, a post's PDF
- tasks: every render, in the task queue, under a global cap on concurrent renders
- store: rendered PDFs per revision in the private "pdfs" storage (no WeasyPrint import)
- assemble: joining tagged PDFs (the reading pack)
- response: the stored PDF, or "Preparing your PDF…"
"""
