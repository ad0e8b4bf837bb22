"""The editorial group's name, shared by its migration, the demo data and the tests."""

# Everything needed to write and publish posts, nothing more (posts/migrations/0006).
EDITORS = "Editors"
