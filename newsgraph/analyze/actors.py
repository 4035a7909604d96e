"""newsgraph_actors: placeholder until the component is written (sets an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_actors")
def newsgraph_actors(doc: Doc) -> Doc:
    doc._.ng_actors = []
    return doc
