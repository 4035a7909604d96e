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


def test_a_headline_with_a_full_stop_over_its_byline():
    # barrons.com: the headline is two sentences with full stops, the byline right under it.
    page = "\n".join([
        "We've detected you are on Internet Explorer. For the best Barrons.com experience, please update to a modern "
        "browser.", "Barron's", "Subscribe", "Consumer", "Earnings Report",
        "Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry.", "By Al Root",
        "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET", "Print Article", "Text size",
        "Shares of construction goods giant Home Depot are dropping in premarket trading after the company cut "
        "full-year sales growth guidance. But its lowered forecast isn’t a problem for the overall market.",
        "Home Depot (ticker: HD) reported $2.53 in per-share earnings for the third quarter. Wall Street predicted "
        "$2.52 a share. The results look OK, but the stock is falling.",
    ])
    article = read(page)
    assert article.title == "Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry."
    assert article.byline == "Al Root"


def test_a_headline_with_a_full_stop_over_a_yearless_dateline():
    # nj.com: the headline ends with a full stop; under it a dateline without the year, the photo's credit and
    # caption, then the byline.
    title = "South Dakota doubles down on ‘Meth. We’re on it.’ They just might be."
    page = "\n".join([
        "You are signed in as", "Edit ProfileSign Out", "Entertainment", title,
        "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", "Alex Wong | Getty Images",
        "Kristi Noem, governor of South Dakota, pictured at the White House turkey pardon in 2018, when she was a "
        "congresswoman. Her new anti-meth campaign is getting attention.",
        "By Amy Kuperinsky | NJ Advance Media for NJ.com",
        "Remember New Jersey’s epic quest to find a state slogan?",
        "(We never did settle on one, unlike our 565 municipalities, which are packed with them.)",
        "Enter South Dakota to throw down the gauntlet. The state’s new slogan for an anti-drug campaign drew a South "
        "Dakota-sized share of attention on social media on Monday.",
        "Just what is this priceless slogan?", "“Meth. We’re on it.”",
    ])
    assert read(page).title == title


def test_a_standfirst_with_a_full_stop_under_its_headline_is_not_it():
    # nytimes.com: headline, a standfirst ending with a full stop, the byline (the two share no word).
    title = "Republicans Are Following Trump to Nowhere"
    page = "\n".join([
        "Advertisement", "Continue reading the main story", "Opinion", "Supported by", "Continue reading the main story",
        title, "There’s an impeachment lesson hiding in the president’s failure to produce the political results he "
        "wants.", "By Jamelle Bouie", "Opinion Columnist",
        "Americans have gone to the polls four times this month to vote in major, statewide races. In Virginia, they "
        "voted for control of the state Legislature.",
        "“Governor @MattBevin has done a wonderful job for the people of Kentucky!” Trump tweeted before Election Day.",
    ])
    assert read(page).title == title


def test_a_lead_question_and_its_call_are_two_sentences_not_a_headline():
    # comoeducarseusfilhos.com.br (Chromium's copy): the post opens with a question and a call to watch, shorter
    # than a headline's limit; the headline is printed twice above it.
    title = "Uma palinha das brincadeiras musicais do grupo Serelepe"
    page = "\n".join([
        "Pular para o conteúdo", "Busca", "Início", "Alfabetização", title, title,
        "Carlos Nadalim 27/09/2018 Comente! Alfabetização, Brinquedos e Brincadeiras, Música",
        "Tempo de leitura: 1 minuto",
        "Nunca ouviu as sensacionais brinquedorias musicais do grupo Serelepe, de Belo Horizonte? Assista a uma "
        "palinha!",
        "Prof. Carlos: Estou aqui ao lado do Eugênio Tadeu, que já é de casa, para apresentar as brincadeiras "
        "musicais do grupo Serelepe, que encantam as crianças de Belo Horizonte há muitos anos.",
        "Eugênio: Por sua causa, Carlos. Daquele famoso vídeo em que apresentei o Rodapião, muita gente veio nos "
        "procurar para conhecer as outras brincadeiras do grupo.",
    ])
    assert read(page).title == title


def test_a_headline_run_into_its_authors_handle_line_is_cut_from_it():
    # techcrunch.com (Chromium's copy): the headline, the author's name and handle and the age on one line.
    page = "\n".join([
        "New York State Attorney General reportedly investigating WeWork Catherine Shu @catherineshu / 2 days",
        "WeWork is reportedly being investigated by the New York State Attorney General. According to Reuters, the "
        "NYAG’s questions include if WeWork founder and former chief executive Adam Neumann engaged in self-dealing.",
        "WeWork is headquartered in New York City. A company spokesperson said in an email that “we have received an "
        "inquiry from the office of the New York State Attorney General.”",
    ])
    assert read(page).title == "New York State Attorney General reportedly investigating WeWork"


def test_a_handle_a_headline_speaks_to_stays_in_it():
    # A variant of that page's headline (written for this test) that speaks to a handle: "to" keeps the name in it.
    title = "New York State Attorney General reportedly writes to Adam Neumann @adamneumann"
    page = "\n".join([title, "November 18, 2019",
                      "WeWork is reportedly being investigated by the New York State Attorney General. According to "
                      "Reuters, the NYAG’s questions include if WeWork founder and former chief executive Adam Neumann "
                      "engaged in self-dealing."])
    assert read(page).title == title
