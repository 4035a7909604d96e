"""newsgraph_statements: placeholder until the component is written (sets an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_statements")
def newsgraph_statements(doc: Doc) -> Doc:
    doc._.ng_statements = []
    return doc
