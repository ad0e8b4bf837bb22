"""One tagged PDF from several: the reading pack appends stored post PDFs to its cover.

pypdf copies pages, links and outlines but not the structure tree that makes a
PDF accessible, so it is joined here: each part's tree goes under one Document
element and its parent tree keys are shifted past the previous parts'.
"""

from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


def _nums(tree) -> list:
    """A number tree's flat [key, value, …] list (WeasyPrint writes /Nums; /Kids just in case)."""
    tree = tree.get_object()
    pairs = list(tree.get("/Nums", []))
    for kid in tree.get("/Kids", []):
        pairs.extend(_nums(kid))
    return pairs


def join_tagged(parts: list[tuple[str | None, object]]) -> bytes:
    """Concatenate ``parts`` (outline title or None, PDF file or bytes), keeping tags.

    The first part gives the document its language, metadata and title.
    """
    writer = PdfWriter()
    document = DictionaryObject(
        {NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document")}
    )
    document_ref = writer._add_object(document)
    kids, nums, next_key = ArrayObject(), ArrayObject(), 0
    first_root = first_info = None
    for title, source in parts:
        reader = PdfReader(BytesIO(source) if isinstance(source, bytes) else source)
        root = reader.trailer["/Root"]
        if first_root is None:
            first_root, first_info = root, reader.metadata
        start = len(writer.pages)
        tree = root.get("/StructTreeRoot")
        tops = []
        if tree is not None:
            tree = tree.get_object()
            tops = [kid.get_object() for kid in tree["/K"]]
            for top in tops:  # detach from the old root, so cloning leaves it behind
                top.pop("/P", None)
        writer.append(reader, outline_item=title, import_outline=True)
        if tree is None:
            continue
        for top in tops:
            clone = top.clone(writer)
            clone[NameObject("/P")] = document_ref
            kids.append(clone.indirect_reference)
        pairs = _nums(tree["/ParentTree"])
        for key, value in zip(pairs[::2], pairs[1::2], strict=True):
            nums.extend([NumberObject(key + next_key), value.clone(writer)])
        # pypdf drops pages' /StructParents when it copies them: put them back, shifted.
        for source_page, page in zip(reader.pages, writer.pages[start:], strict=True):
            if "/StructParents" in source_page:
                shifted = source_page["/StructParents"] + next_key
                page[NameObject("/StructParents")] = NumberObject(shifted)
            for annotation in page.get("/Annots", []):
                annotation = annotation.get_object()
                if "/StructParent" in annotation:
                    annotation[NameObject("/StructParent")] = NumberObject(
                        annotation["/StructParent"] + next_key
                    )
        next_key += max(pairs[::2], default=-1) + 1

    document[NameObject("/K")] = kids
    tree_root = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructTreeRoot"),
            NameObject("/K"): ArrayObject([document_ref]),
            NameObject("/ParentTree"): writer._add_object(
                DictionaryObject({NameObject("/Nums"): nums})
            ),
            NameObject("/ParentTreeNextKey"): NumberObject(next_key),
        }
    )
    tree_root_ref = writer._add_object(tree_root)
    document[NameObject("/P")] = tree_root_ref
    catalog = writer._root_object
    catalog[NameObject("/StructTreeRoot")] = tree_root_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject(
        {NameObject("/Marked"): BooleanObject(True)}
    )
    catalog[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)}
    )
    if first_root is not None:
        if "/Lang" in first_root:
            catalog[NameObject("/Lang")] = TextStringObject(first_root["/Lang"])
        if "/Metadata" in first_root:
            catalog[NameObject("/Metadata")] = (
                first_root["/Metadata"].clone(writer).indirect_reference
            )
    if first_info:
        writer.add_metadata(dict(first_info))
    output = BytesIO()
    writer.write(output)
    return output.getvalue()
