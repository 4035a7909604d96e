"""Which cue a quote takes: sentence ends, quotes that go on, speakers after the cue, not-speech.

Sentences written for the test in the shape of wire copy (none comes from a gold article).
"""

from __future__ import annotations


def _by_content(doc, needle: str):
    found = [s for s in doc._.ng_statements if needle in s.content]
    assert len(found) == 1, [(s.speaker_text, s.content) for s in doc._.ng_statements]
    return found[0]


def _name(doc, actor_id) -> str:
    return next(a.name for a in doc._.ng_actors if a.id == actor_id)


# ------------------------------------------------- a quote that ends its sentence


def test_a_cue_with_its_own_clause_after_a_closed_quote_is_another_statement(nlp):
    doc = nlp('"There is no rejoicing while the gunmen are still free," Adaeze Okafor said. '
              '"It is no longer a question of if pupils will be taken but of when." '
              "Police said no ransom was paid for the release of the girls.")
    goes_on = _by_content(doc, "It is no longer a question")
    assert goes_on.speaker is not None and "Okafor" in _name(doc, goes_on.speaker)
    police = _by_content(doc, "no ransom was paid")
    assert police.speaker_text == "Police"


def test_a_quote_without_a_cue_goes_on_with_its_speaker_not_the_next_sentence(nlp):
    doc = nlp('"The base was always the conversation stopper," said analyst Meral Oztan. '
              '"From what I understand, they are investing heavily in other bases." '
              "Analysts suggest Ankara may also be wary of losing the base.")
    goes_on = _by_content(doc, "investing heavily in other bases")
    assert goes_on.speaker is not None and "Oztan" in _name(doc, goes_on.speaker)


def test_a_quote_and_a_bare_cue_after_it_stay_together(nlp):
    doc = nlp('The minister spoke on Monday. "We will not pay any ransom." Lindqvist said.')
    st = _by_content(doc, "We will not pay any ransom")
    assert st.cue == "said" and st.speaker_text == "Lindqvist"


# ------------------------------------------------------- the speaker after the cue


def test_a_titled_speaker_after_the_cue_is_the_person_not_the_institution(nlp):
    doc = nlp('"You cannot rely on hard power forever, which is pretty expensive," said international '
              "relations expert Ayse Demir of Istanbul's Kadir Has University, pointing to the wars in Libya.")
    st = _by_content(doc, "You cannot rely on hard power")
    assert st.speaker is not None and _name(doc, st.speaker) == "Ayse Demir"


# ------------------------------------------------------------------ not speech


def test_reporting_to_a_body_is_not_speech(nlp):
    doc = nlp("The special rapporteur reports to the U.N. Human Rights Council based in Geneva "
              "and has made several trips to Kabul since 2022.")
    assert [s.content for s in doc._.ng_statements] == []


# ------------------------------------------- descriptions that speak again, voices, reporters


def test_the_official_is_the_official_who_spoke_before(nlp):
    doc = nlp('"There is room for Ankara to come back to the table," a senior State Department official told VOA. '
              "The official added that sanctions could follow if Ankara activated the system.")
    first = _by_content(doc, "There is room for Ankara")
    again = _by_content(doc, "sanctions could follow")
    assert first.speaker is not None and again.speaker == first.speaker


def test_a_spokesperson_speaks_for_the_organisation_that_spoke_last(nlp):
    doc = nlp("The Foreign Ministry told VOA it was aware of the reports about the cargo ship. "
              "A spokesperson said the ministry does not comment on intelligence matters.")
    st = _by_content(doc, "does not comment on intelligence")
    assert st.speaker is not None and "Foreign Ministry" in _name(doc, st.speaker)


def test_what_a_reporter_saw_is_nobody_s_statement(nlp):
    doc = nlp("The regional governor said the hotel was surrounded. "
              "A VOA reporter in the town said at least six people had been confirmed dead. "
              "Local media reports say the death toll may be higher.")
    assert _by_content(doc, "six people had been confirmed dead").speaker is None
    assert _by_content(doc, "the death toll may be higher").speaker is None


def test_a_statement_posted_by_an_agency_is_the_agency_s(nlp):
    doc = nlp("The army said its troops had retaken two villages. "
              "“The operation targeted platforms spreading extremist ideologies,” said a statement posted by "
              "the government’s National News Agency.")
    st = _by_content(doc, "The operation targeted platforms")
    assert st.speaker is not None and _name(doc, st.speaker) == "National News Agency"


# ------------------------------------------------------------- naming verbs


def test_calling_something_a_name_is_a_statement_of_the_object_and_the_name(nlp):
    doc = nlp('Prime Minister Lena Varo called the arrest a "significant security achievement."')
    st = _by_content(doc, "the arrest a")
    assert st.cue == "called" and "significant security achievement" in st.content and st.speaker is not None


def test_dismissing_as_and_characterising_as_give_the_name(nlp):
    doc = nlp("The reporter is on trial on espionage charges which the embassy has dismissed as baseless. "
              "Defence lawyer Ines Carvalho characterized the prison conditions as inhumane and degrading.")
    assert _by_content(doc, "baseless").speaker_text == "the embassy"
    st = _by_content(doc, "inhumane and degrading")
    assert st.speaker is not None and "Carvalho" in _name(doc, st.speaker)


def test_a_name_taken_or_given_in_the_passive_is_no_statement(nlp):
    doc = nlp('In August, police broke up a cell calling itself "the Lions of the Caliphate." '
              "The former minister was called a traitor.")
    assert [s.content for s in doc._.ng_statements] == []


def test_the_phrase_before_a_naming_verb_is_not_its_content(nlp):
    doc = nlp("Near the end of his appearance, Senator Ruiz called the ruling “arbitrary.”")
    assert all("Near the end" not in s.content for s in doc._.ng_statements)


# ------------------------------------------------------- asking someone to act


def test_whom_a_speaker_urges_is_part_of_what_was_said(nlp):
    doc = nlp("Governor Ruth Anders urged owners of food stalls and restaurants to substitute other meats "
              "for dog if they want to remain in business.")
    st = _by_content(doc, "to substitute other meats")
    assert st.content.startswith("owners of food stalls") and st.cue == "urged"


def test_the_act_asked_for_is_no_statement_of_its_own(nlp):
    doc = nlp("The United Nations has also urged Somali leaders to agree to a way forward to resolve the crisis.")
    assert [s.content for s in doc._.ng_statements] == [
        "Somali leaders to agree to a way forward to resolve the crisis"]


def test_calling_on_someone_to_act_is_a_statement(nlp):
    doc = nlp("U.S. officials called on all warring parties to reduce hostilities and resume stalled peace talks.")
    st = _by_content(doc, "all warring parties to reduce hostilities")
    assert st.cue == "called"


# ------------------------------------------------ not statements of their own


def test_what_someone_plans_to_say_is_not_said(nlp):
    doc = nlp("Foreign Minister Anna Sorel also plans to urge her counterparts to focus on ending the war.")
    assert [s.content for s in doc._.ng_statements] == []


def test_a_position_reported_inside_a_statement_is_the_reporter_s(nlp):
    doc = nlp("A ministry spokesperson reaffirmed that the United States calls for the publisher's immediate release.")
    assert [s.cue for s in doc._.ng_statements] == ["reaffirmed"]


def test_a_past_act_told_inside_a_statement_stays_a_statement(nlp):
    doc = nlp("The White House said Jake Sullivan expressed the administration's commitment to Israel's security.")
    assert sorted(s.cue for s in doc._.ng_statements) == ["expressed", "said"]


def test_welcoming_a_release_is_no_statement(nlp):
    doc = nlp("Media watchdog Reporters Without Borders welcomed the release of the journalist on Monday.")
    assert [s.content for s in doc._.ng_statements] == []


def test_she_after_a_quote_is_not_the_person_the_quote_speaks_of(nlp):
    doc = nlp('Analyst Beatrix Lund spoke to VOA on Monday. "General Okoro has seen that the reach of the group '
              'could extend much further north, and the capital would be a prize," she said.')
    st = _by_content(doc, "General Okoro has seen")
    assert st.speaker is not None and _name(doc, st.speaker) == "Beatrix Lund"


def test_a_date_after_the_cue_is_not_its_speaker(nlp):
    doc = nlp('"The strike was a success," announced Friday the defence ministry of Iraq.')
    assert [s.speaker_text for s in doc._.ng_statements] == ["the defence ministry of Iraq"]


# ------------------------------------------- a speaker the article never names


def test_a_speaking_description_no_one_holds_is_an_actor_of_its_own(nlp):
    doc = nlp("Fighting went on in the north. The Afghan army chief said on Saturday his forces had "
              "killed 1,000 fighters in the past week. The army chief added that the roads were open again.")
    st = _by_content(doc, "killed 1,000 fighters")
    assert st.speaker is not None
    actor = next(a for a in doc._.ng_actors if a.id == st.speaker)
    assert actor.type == "PERSON" and actor.name == "Afghan army chief"
    assert _by_content(doc, "the roads were open again").speaker == st.speaker


def test_a_description_that_fits_a_named_person_is_not_a_new_actor(nlp):
    doc = nlp("Mayor Ines Varga said on Monday that the bridge would open. The mayor said the repairs had cost $2 million.")
    st = _by_content(doc, "the repairs had cost")
    assert st.speaker is not None and "Varga" in _name(doc, st.speaker)


def test_what_an_act_voices_interest_in_is_its_content(nlp):
    doc = nlp("President Harlan Moss has voiced interest in making further aid conditional on access to minerals.")
    st = _by_content(doc, "interest in making further aid conditional")
    assert st.cue == "voiced"


def test_crediting_someone_for_a_deed_is_a_statement(nlp):
    doc = nlp("Foreign Minister Anna Sorel credited Britain and France for playing a constructive role in the talks.")
    st = _by_content(doc, "Britain and France for playing a constructive role")
    assert st.cue == "credited" and st.speaker is not None



def test_and_added_that_inside_a_content_goes_on_with_the_speaker(nlp):
    doc = nlp("Governor Ruth Anders pointed out that Indonesia does not recognise dog meat as food, and added that "
              "by stopping people from eating it, she hopes to contain the spread of rabies.")
    st = _by_content(doc, "she hopes to contain the spread")
    assert st.speaker is not None and "Anders" in _name(doc, st.speaker)


def test_a_quoted_question_before_a_cue_with_its_own_clause_is_not_the_answer(nlp):
    doc = nlp('Asked by VOA whether the government was considering "any punitive action against the mayor," '
              "Governor Ruth Anders said the state did not want to see the city split.")
    assert [s.content for s in doc._.ng_statements if s.cue == "said"] == ["the state did not want to see the city split"]


def test_what_goes_on_after_said_but_is_the_writer_s(nlp):
    doc = nlp("The editor’s health was better while under house arrest, Carvalho said, but now his family is "
              "worried about the prison he returned to.")
    assert [s.content for s in doc._.ng_statements] == ["The editor’s health was better while under house arrest"]


def test_a_source_named_in_capitals_is_an_organisation_though_its_words_are_common(nlp):
    doc = nlp("Terrorism deaths rose in the region, and global terrorism remains high. According to the Global "
              "Terrorism Index 2025 released last week, the region saw a 45% increase in deaths last year.")
    st = _by_content(doc, "45% increase in deaths")
    assert st.speaker is not None
    actor = next(a for a in doc._.ng_actors if a.id == st.speaker)
    assert actor.type == "ORG" and "Global Terrorism Index" in actor.name


def test_the_speaker_of_a_quote_is_never_a_word_inside_it(nlp):
    doc = nlp("“For three years now, there has been too much killing. So this is a very positive thing, and I am "
              "very proud of the secretary,” Republican Representative Dale Brandt, told VOA.")
    st = _by_content(doc, "too much killing")
    assert st.speaker_text == "Republican Representative Dale Brandt"
