"""Demo content for trying the portal: texts, generated portraits and PDFs.

`python manage.py load_demo` loads it; posts/demo/loader.py does the work.
"""
