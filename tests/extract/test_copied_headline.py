"""Which line of a copied page is its headline: short headlines, breadcrumbs, a series' name over its episode.

The pages are excerpts of ScrapingHub benchmark pages (``extraction-scrapinghub``) as a browser copy gives them
(lxml text, block elements as lines): their own lines, cut short.
"""

from __future__ import annotations

from newsgraph.extract import extract_article
from newsgraph.model import RawDocument


def read(text: str):
    return extract_article(RawDocument(content=text.encode("utf-8"), source="test", content_type="text/plain"))


VORTEX_LEAD = [
    "None of the games can be without bugs. Some bugs are noticeable at once at testing, and some can be notice "
    "only at the certain combination of actions.",
    "So, if you notice that some game mechanics are working incorrectly, or some event used to work before, and now "
    "you cannot start it, or even you just can't find some task, please write to us about it.",
]


def test_a_two_word_headline_over_its_date_beats_a_breadcrumb():
    # vortexcannon.org/about-bugs: the breadcrumb ends with its separator, the headline has two words.
    page = "\n".join(["Русский", "Blog", "Home » Сolumn »", "13", "Aug", "Сolumn", "About bugs",
                      "August 13, 2018", "Posted by Vortex", "Leave a comment", *VORTEX_LEAD, "Facebook", "Twitter"])
    article = read(page)
    assert article.title == "About bugs"
    assert article.published.startswith("2018-08-13")
    assert "Home »" not in article.body


def test_an_authors_name_over_the_date_is_not_a_two_word_headline():
    # comoeducarseusfilhos.com.br: headline (twice), the author's name, the date; the lead names the author.
    title = "A Fantástica Loja dos Materiais Educativos"
    page = "\n".join([
        "Pular para o conteúdo", "Início", "Alfabetização", title, title, "Carlos Nadalim", "23/08/2018",
        "2 comentários", "Alfabetização, Atividades, Brinquedos e Brincadeiras", "Tempo de leitura: 2 minutos",
        "O prof. Carlos Nadalim apresenta, neste vídeo, uma loja incrível nos EUA, repleta de materiais didáticos, "
        "livros e uma quantidade enorme de recursos e jogos para a alfabetização das crianças.",
        "Aqui nos Estados Unidos você tem à disposição materiais voltados à aquisição da fluência em leitura. Há "
        "vários materiais, mas quero destacar um: um cronômetro para medir a leitura das crianças.",
    ])
    assert read(page).title == title


def test_a_series_name_over_the_episode_is_not_its_headline():
    # vortexcannon.org/dare-to-play-3-october-pack-2: the game's name, then the post's headline that holds it.
    page = "\n".join(["Home » Dare to Play »", "05", "Oct", "Dare to Play", "Dare to Play 3 / October pack",
                      "October 5, 2018", "Posted by Vortex", "Leave a comment", *VORTEX_LEAD])
    assert read(page).title == "Dare to Play 3 / October pack"
