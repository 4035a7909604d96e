"""newsgraph_framing: placeholder until the component is written (sets an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_framing")
def newsgraph_framing(doc: Doc) -> Doc:
    doc._.ng_framing = []
    return doc
