"""What closes a copied article and is not its text: notes and boxes on the author.

The pages are excerpts of ScrapingHub benchmark pages (``extraction-scrapinghub``) as a browser copy gives them:
their own lines, cut short.
"""

from __future__ import annotations

from newsgraph.extract import extract_article
from newsgraph.model import RawDocument


def read(text: str):
    return extract_article(RawDocument(content=text.encode("utf-8"), source="test", content_type="text/plain"))


LATIMES = [
    "‘We had some issues,’ exec says on Disney+ glitches", "By Meg James", "Nov. 19, 2019 11:04 AM",
    "Kevin Mayer, the Disney executive who is overseeing the Disney+ streaming service, acknowledged that the launch "
    "last week had some glitches, but said the company was pleased with the early results.",
    "It’s the first time in Mayer’s career with Disney that he has been in a hands-on operational role.",
    "“Operating is a lot different than a strategy role,” Mayer said. “ I love what I’m doing.”",
]


def test_a_closing_note_on_the_author_of_several_sentences_is_furniture():
    # latimes.com: the note opens with "Meg James is a corporate media reporter ..." and tells three more sentences.
    note = ("Meg James is a corporate media reporter for the Los Angeles Times, covering the business of television "
            "and digital disruption in the entertainment industry. She has been a member of the Company Town team for "
            "more than a decade. She previously wrote for the Miami Herald and the Palm Beach Post. A native of "
            "Wyoming, she is a graduate of the University of Colorado and Columbia University.")
    article = read("\n\n".join([*LATIMES, note]))
    assert "corporate media reporter" not in article.body
    assert article.body.endswith("I love what I’m doing.”")
    assert any(f.reason == "author-note" for f in article.furniture)


def test_a_closing_box_about_the_author_is_furniture():
    # comoeducarseusfilhos.com.br: "Sobre Carlos Nadalim" and his biography close the post.
    page = "\n\n".join([
        "A Fantástica Loja dos Materiais Educativos", "Carlos Nadalim", "23/08/2018",
        "O prof. Carlos Nadalim apresenta, neste vídeo, uma loja incrível nos EUA, repleta de materiais didáticos, "
        "livros e uma quantidade enorme de recursos educativos para crianças. Por que não temos uma assim no Brasil?",
        "Aqui nos Estados Unidos você tem à disposição materiais voltados à aquisição da fluência em leitura. Há "
        "vários materiais, mas quero destacar um: um cronômetro para que pais e professores saibam quantas palavras "
        "seus filhos e alunos estão lendo por minuto.",
        "Um forte abraço, fique com Deus e até a próxima.",
        "Sobre Carlos Nadalim",
        "Pai de Francesco e Teresa e marido de Bárbara, Carlos Nadalim é também coordenador pedagógico na escola "
        "Mundo do Balão Mágico, em Londrina, e mestre em Educação pela Universidade Estadual de Londrina.",
    ])
    article = read(page)
    assert article.body.endswith("até a próxima.")
    assert "Pai de Francesco" not in article.body


def test_about_a_subject_inside_the_story_is_kept():
    # A heading "About the campaign" is no box on the author; the paragraphs under it stay.
    page = "\n\n".join([*LATIMES, "About the campaign",
                        "The service launched on Nov. 12 in the United States, Canada and the Netherlands, and signed "
                        "up 10 million subscribers on its first day."])
    assert "10 million subscribers" in read(page).body


ASCOM = [
    "Ascom announces a strategic distribution partnership with GE Healthcare in Europe for intensive care units",
    "October 12, 2017",
    "Based on Ascom’s connectivity, clinical workflow and mobility expertise, the Digistat Patient Watch solution "
    "provides clinicians throughout the ICU with a clear view of each patient’s condition.",
    "In traditional ICUs, each patient is wired to up to ten medical equipment – from monitoring devices to "
    "ventilators or infusion pumps. These devices generate many alarms, most of which require no action.",
    "The new alarm management solution called Digistat Patient Watch, collects data from a variety of devices "
    "connected to the patient providing a single overview of the patient’s status at the bedside and remotely.",
    "“Digistat Patient Watch helps clinicians leverage patient data to increase situational awareness and align "
    "priorities. It has the potential to change their practice and improve workflow efficiency” says André Neu, Head "
    "of Platform Solutions for Ascom.",
]


def test_a_sign_up_box_after_the_article_is_not_its_text():
    # ascom.com: the newsletter prompt opens the page's sign-up box (buttons, the form's confirmations).
    box = ["Stay up to date with Ascom. Subscribe to our newsletter.", "Stay up to date with Ascom.", "Subscribe",
           "No thanks", "You have succesfully subscribed. Thank you!",
           "An email with an activation link has just been sent to your email address. Please activate your "
           "subscription by clicking on the activation link.", "Ascom News Service"]
    body = read("\n\n".join([*ASCOM, *box])).body
    assert body.endswith("Head of Platform Solutions for Ascom.")
    assert "activation link" not in body


def test_a_newsletter_prompt_inside_the_article_does_not_end_it():
    more = [p.replace("Digistat", "the new") for p in ASCOM[2:]]
    body = read("\n\n".join([*ASCOM, "Sign up for our weekly healthcare newsletter", *more])).body
    assert body.endswith(more[-1])


def test_an_agency_credit_after_the_last_full_stop_is_taken_off():
    # indiapost.com: the last paragraph ends "... into the US. PTI" (Press Trust of India), and a theme's footer.
    page = "\n\n".join([
        "With shattered dreams, deportees return home from US", "November 20, 2019", "by India Post News Weekly",
        "NEW DELHI: Their American dream shattered and huge savings wasted, nearly 150 Indians returned home broke on "
        "Wednesday after being deported from the US for overstaying their visa or illegally entering the country.",
        "“This was the fourth time I have been deported,” said Singh Jabarjung, 24, from Punjab’s Bhatinda.",
        "The special aircraft carrying the deportees landed at the T3 terminal of the Delhi airport at 6am, an "
        "airport official said. The aircraft reached from Arizona carrying the deportees, the officials said.",
        "On October 18, more than 300 Indians, including one woman, were deported by Mexican immigration authorities "
        "for illegally entering the country to sneak into the US. PTI",
        "Download Premium WordPress Themes Free", "Download Premium WordPress Themes Free",
    ])
    article = read(page)
    assert article.body.endswith("to sneak into the US.")
    assert "WordPress" not in article.body


def test_lead_paragraphs_without_their_full_stop_under_the_dateline_are_the_articles():
    # linknaija.com: the two first paragraphs, right under the dateline, lack their full stops.
    lead = ["Chelsea have this morning paid the £71.6million fee to the Spanish league this morning to secure the world "
            "record signing of Athletic Bilbao", "This has freed of the £38million move of Thibaut Courtois to Real Madrid"]
    page = "\n\n".join([
        "BREAKING NEWS: Chelsea Activate £71.6m Release Clause To Sign Kepa Arrizabalaga From Athletic Bilbao",
        "LinkNaija", "August 08, 2018", *lead,
        "Kepa Arrizabalaga will undergo a medical st Stamford Bridge today ahead of making the move which will see him "
        "become the most expensive keeper in the world.",
        "The 23-year-old flew to London yesterday evening and will spend the day completing the formalities of the "
        "deal, which Chelsea hope to announce later today.", "Tags:", "SPORT NEWS"])
    article = read(page)
    assert article.body.startswith(lead[0])
    assert lead[1] in article.body


def test_a_caption_with_its_credit_in_brackets_under_the_dateline_is_not_the_lead():
    # aljazeera.com: the photo's caption, its credit in brackets, stands between the dateline and the lead.
    caption = ("This illustration of SpaceX's concept for a commercial lunar lander shows how private operators could "
               "possibly take people back to the Moon [SpaceX via Nasa]")
    page = "\n\n".join([
        "NASA’s commercial moon shot: Musk's and Bezos's firms to bid", "19 Nov 2019", caption,
        "NASA on Monday added five companies, including Elon Musk's SpaceX and Jeff Bezos's Blue Origin, to a group of "
        "firms eligible to bid on delivering payloads to the surface of the Moon.",
        "The companies will compete for contracts under the Commercial Lunar Payload Services programme, the agency "
        "said, as it prepares to return astronauts to the Moon by 2024."])
    assert caption not in read(page).body


def test_a_closing_name_and_biography_are_a_box_on_the_author():
    # pv-magazine.com: the author's name on its line, then his biography opening with his first name.
    page = "\n\n".join([
        "South Korea’s roadmap to drive down solar costs", "November 20, 2019",
        "The government has unveiled a plan to help the PV industry reduce the cost of solar panels from around "
        "$0.23/W to $0.10/W by 2030. The plan also includes measures to support local manufacturers.",
        "Hanwha Q Cells was reportedly South Korea’s largest cell maker at the end of 2017, with 3.7 GW of annual "
        "production capacity.",
        "Emiliano Bellini",
        "Emiliano joined pv magazine in March 2017. He has been reporting on solar and renewable energy since 2009.",
    ])
    body = read(page).body
    assert body.endswith("annual production capacity.")
    assert "Emiliano joined" not in body


#: A quotes site's post, then its related-posts box: a heading, summaries cut off ("... para …"), whole quotes.
QUOTES_ARTICLE = (
    "Viver uma verdadeira experiência amorosa é um dos maiores prazeres da vida. Gostar é sentir com a alma, mas "
    "expressar os sentimentos depende das idéias de cada um. Condicionamos o amor às nossas necessidades neuróticas "
    "e acabamos com ele. Vivemos uma vida tentando fazer com que os outros se responsabilizem pelas nossas "
    "necessidades enquanto nós nos abandonamos irresponsavelmente. Queremos ser amados e não nos amamos, queremos "
    "ser compreendidos e não nos compreendemos, queremos o apoio dos outros e damos o nosso a eles. Quando nos "
    "abandonamos, queremos achar alguém que venha a preencher o buraco que nós cavamos. A insatisfação, o vazio "
    "interior se transformam na busca contínua de novos relacionamentos, cujos resultados frustrantes se repetirão. "
    "Cada um é o único responsável pelas suas próprias necessidades.")
QUOTES_TEASERS = [
    "A vida requer da gente otimismo e coragem para esperar o melhor e fazer o melhor acontecer. O pessimismo só "
    "faz engessar o sorriso e travar as articulações, não deixa ninguém sair do lugar. Com otimismo conseguimos nos "
    "adaptar a uma situação ruim traçando um plano paralelo para …",
    "“Bem-aventurados os que trilham caminhos retos e andam na lei do Senhor.” (Salmos 119:1-2). A palavra de Deus "
    "para hoje é obediência. É preciso parar de escolher os caminhos sinuosos e seguir com passos firmes e retos no "
    "caminho cheio de luz que Deus já traçou e espera ansiosamente pelo início da sua jornada …",
    "O que une uma família é o amor, o carinho, o querer bem. Família unida é força, é certeza de apoio, "
    "compreensão, mãos estendidas, impulso na vida, incentivo para buscar sonhos e felicidade multiplicada quando "
    "eles são conquistados. Lívia Barros Calado",
    "Eu sou assim mesmo… Cheia de falhas, erros e limitações… Mas também sou cheia de vida, de sonhos, de amor, de "
    "fé e esperança em cada novo dia! Porque o que realmente importa não é o que os olhos dos outros veem, mas sim o "
    "que Deus vê, e Deus sabe que aqui dentro eu sou forte, capaz e merecedora de todas as bençãos que vier a mim.",
]


def test_a_heading_over_cut_off_summaries_ends_the_article():
    # ScrapingHub page (a Portuguese quotes site): "Você pode gostar..." over the related posts' summaries.
    page = "\n\n".join(["Um Amor de Verdade", "Por Roberto Shinyashiki", QUOTES_ARTICLE,
                        "Você pode gostar...", *QUOTES_TEASERS])
    body = read(page).body
    assert body.startswith("Viver uma verdadeira")
    assert "otimismo" not in body and "família" not in body and "Deus vê" not in body


def test_a_short_line_over_whole_paragraphs_does_not_end_the_article():
    # The same article with a subheading over two more of its own paragraphs (no summary cut off): all kept.
    page = "\n\n".join(["Um Amor de Verdade", "Por Roberto Shinyashiki", QUOTES_ARTICLE, "A busca contínua",
                        QUOTES_TEASERS[2], QUOTES_TEASERS[3]])
    body = read(page).body
    assert "família" in body and "Deus vê" in body
