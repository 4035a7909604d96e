"""newsgraph_events: placeholder until the component is written (sets an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_events")
def newsgraph_events(doc: Doc) -> Doc:
    doc._.ng_events = []
    return doc
