"""Featured images of some demo posts: drawn in code, with alt text, caption and credit."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPicture:
    alt_text: str
    caption: str
    credit: str
    sky: str
    land: str
    sun: str


PICTURES = {
    "hometown-associations-as-development-partners": DemoPicture(
        "Green hills under a pale blue sky with a low sun",
        "The hills above the villages whose associations we followed.",
        "Demo illustration",
        "#a9cbe8",
        "#5f8f4e",
        "#f2b84b",
    ),
    "making-remittances-cheaper-and-safer": DemoPicture(
        "An orange evening sky over dark blue hills",
        "Evening over the border region.",
        "Demo illustration",
        "#f4a261",
        "#2a4d69",
        "#fff1c1",
    ),
    "when-the-river-moves-climate-and-mobility": DemoPicture(
        "A grey sky above brown, dry hills",
        "A dry season in the river valley.",
        "Demo illustration",
        "#c9d1d9",
        "#8c6a43",
        "#f7f7f7",
    ),
    "participatory-budgets-in-mountain-municipalities": DemoPicture(
        "Snow-white sun over steep green mountain slopes",
        "The mountain municipalities of the programme.",
        "Demo illustration",
        "#7fb3d5",
        "#3d7a4a",
        "#ffffff",
    ),
}
