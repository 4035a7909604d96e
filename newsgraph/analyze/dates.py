"""newsgraph_dates: placeholder until the component is written (sets an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_dates")
def newsgraph_dates(doc: Doc) -> Doc:
    doc._.ng_dates = []
    return doc
