"""events_filters: trigger readings that tell no event (labels, charges, background, tallies ...)."""

from __future__ import annotations

import pytest

PUBLISHED = "2023-06-22T20:22"


def _events(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.ng_published = PUBLISHED
    return nlp(doc)._.ng_events


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Supporters of the opposition cheered what they called a historic win for Kenya.", "DEMAND"),
        ("The senator was accused of bribery and abuse of office.", "DISAPPROVE"),
        ("The minister defended the agreement that Turkey negotiated with Russia in Sochi last year.", "CONSULT"),
        ("Iraqi troops, backed by American aircraft, are fighting Islamic State in Mosul.", "SUPPORT"),
        ("NATO officials warned in May of a possible Russian offensive in the north.", "THREATEN"),
        ("In the past 12 months, 900 militants have been killed in Afghanistan, the army said.", "ASSAULT"),
        ("The European Union retaliated by imposing higher duties on American steel.", "ASSAULT"),
        ("Nigeria went on high alert on Friday over the cholera outbreak.", "MOBILIZE"),
    ],
)
def test_no_event_is_told(nlp, text, etype):
    assert etype not in {e.type for e in _events(nlp, text)}


def test_a_relative_clause_of_time_still_tells_its_event(nlp):
    text = "Since June 2021, when President Joe Biden met Vladimir Putin in Geneva, relations have worsened."
    assert "CONSULT" in {e.type for e in _events(nlp, text)}


def test_the_attack_told_again_is_one_event(nlp):
    text = (
        "Gunmen attacked a police station in Peshawar on Tuesday, killing four officers. "
        "The Pakistani Taliban later claimed responsibility for the attack."
    )
    violent = [e for e in _events(nlp, text) if e.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 1
    assert len(violent[0].evidence) == 1


# Issue 12, false events: readings that tell no event of their type (real news sentences:
# PolNeAR, the Scrapinghub extraction set's articles, PLOVER's records; two from news-gold, marked).
@pytest.mark.parametrize(
    "text, etype",
    [
        # a reporter's query: "when contacted by" (the parser hangs "when" as an advmod)
        ("\u201cWe received an inquiry from the office of the New York State Attorney General and are cooperating in "
         "the matter,\u201d said a WeWork spokesperson when contacted by Reuters.", "CONSULT"),
        # a denial of a statement of fact is no refusal
        ("Bush pointedly rejected the notion that he was part of the so-called Republican establishment.", "REJECT"),
        ("Conway rejected the idea that the changes amounted to a shake-up.", "REJECT"),
        # news-gold 8011076: a charge in a relative clause; a danger that exists
        ("Bugti and Chaudhry reiterated the claim that Tuesday\u2019s attack was orchestrated by militants with bases in "
         "Afghanistan, a charge Afghan foreign ministry spokesperson Abdul Qahar Balkhi rejected Thursday.", "REJECT"),
        ("Pakistani officials acknowledged there was a security threat, but rejected questions that the brazen "
         "hijacking in the heavily militarized province was an intelligence failure.", "THREATEN"),
        # endangering a state of things threatens nobody
        ("In our professional medical opinion, this alarming mortality rate constitutes an emergency which threatens "
         "the safety of human lives, particularly children, says the letter signed by seven physicians.", "THREATEN"),
        # news-gold 7836916: the topic of a statement tells no release
        ("The Cambodian League for the Promotion and Defense of Human Rights also issued a statement on the release "
         "of the award-winning journalist.", "RETREAT"),
        # a verbal clash between persons is no fight
        ("Republicans are watching a billionaire populist, Donald Trump, clash with Megyn Kelly, a star anchor at "
         "Fox News who questioned his respect for women in a debate.", "FIGHT"),
    ],
)
def test_false_events_are_not_told(nlp, text, etype):
    assert etype not in {e.type for e in _events(nlp, text)}


def test_a_refused_demand_is_still_a_refusal(nlp):
    text = ("South Korea has rejected North Korea's consistent demand to sever a decades-long military alliance "
            "with Washington, which keeps troops here under a mutual defense pact.")  # PLOVER gold, REJECT
    assert "REJECT" in {e.type for e in _events(nlp, text)}


def test_a_threat_with_a_deed_is_still_a_threat(nlp):
    text = "President Bush has threatened further action against Russia in an international television program."
    assert "THREATEN" in {e.type for e in _events(nlp, text)}  # PLOVER gold, THREATEN


@pytest.mark.parametrize(
    "text, etype",
    [  # PolNeAR sentences on which the dropped PETRARCH rows fired (petrarch_verbs.csv header)
        ('MacNab says that the militia and patriot movement was looking for a way to take a "hard stand" against '
         'the government, and "by 2014 the movement was ready.', "AGREE"),
        ("An environmental protester of the armed occupation, Kieran Suckling says he could make no distinction "
         "between Santilli and the armed occupants of the refuge - noting that, contrary to Santilli's arguments in "
         "court, he saw Santilli carrying weapons on the refuge.", "AID"),
        ("Trump, however, said he was ''the perfect messenger because I fully understand life and all its "
         "wrinkles,'' and he reiterated his claim that Mrs. Clinton had bullied some of the women who accused her "
         "husband of improprieties.", "DEMAND"),
        ("Exit polls from the New Hampshire primary, which Mr. Trump won decisively, showed that 65 percent of "
         "Republicans supported his call for a temporary ban on Muslims entering the United States.", "AGREE"),
    ],
)
def test_dropped_rows_tell_nothing(nlp, text, etype):
    assert etype not in {e.type for e in _events(nlp, text)}


def test_threatening_a_state_of_things_is_no_threat(nlp):
    text = (  # news-gold 8010418 (a senators' letter): "threatening the territorial integrity" endangers
        '"We are deeply concerned about the recent actions of Milorad Dodik, the leader of the Republika Srpska '
        'entity within Bosnia and Herzegovina," they wrote in a letter to Rubio. "For years, he has engaged in '
        "secessionist activity, challenging Bosnia and Herzegovina's state institutions, undermining the "
        'constitution and threatening the territorial integrity of the country."'
    )
    assert "THREATEN" not in {e.type for e in _events(nlp, text)}


def test_threatening_someone_s_funding_is_a_threat(nlp):
    text = ("When liberal organizations advocated for a public option during Obamacare talks, former White House "
            "Chief Of Staff Rahm Emanuel pressured them to stop by threatening their funding sources.")  # PolNeAR
    assert "THREATEN" in {e.type for e in _events(nlp, text)}


def test_a_verbal_clash_between_leaders_is_criticism(nlp):
    text = ("The United States announced last week that it would cease military aid and intelligence sharing with "
            "Ukraine, following the Oval Office clash between U.S. President Donald Trump and Ukrainian President "
            "Volodymyr Zelenskyy on Feb. 28.")  # news-gold 8008456
    types = {e.type for e in _events(nlp, text)}
    assert "FIGHT" not in types and "DISAPPROVE" in types


def test_a_clash_between_protesters_and_police_stays_a_fight(nlp):
    text = ("Authorities announced on Friday the arrest of a man in the fatal shooting of a demonstrator during a "
            "clash between protesters and police and said a curfew would continue through the weekend.")  # PolNeAR
    assert "FIGHT" in {e.type for e in _events(nlp, text)}


_GAMES = (  # the opening of an AP hockey roundup (Scrapinghub extraction set, timesunion.com)
    "Brock Nelson's second goal of the game 2:55 into overtime capped a frantic comeback to lift the New York "
    "Islanders over the Pittsburgh Penguins 5-4 Tuesday night to extend their unbeaten streak to 15 games.\n\n"
    "The Islanders trailed by two late in the third period before goals by Josh Bailey and Ryan Pulock in the "
    "final 4:29 of regulation forced overtime. Nelson won it when he fired a shot at Matt Murray that trickled to "
    "the goaltender's right. Nelson tapped the rebound into the open net for his sixth goal of the season.\n\n"
    "Wild 4, Sabres 1: Zach Parise scored twice, Alex Stalock made 30 saves and Minnesota beat Buffalo."
)


def test_a_report_of_games_tells_no_violence(nlp):
    assert not {"ASSAULT", "FIGHT", "COERCE"} & {e.type for e in _events(nlp, _GAMES)}


def test_soldiers_beating_detainees_stay_an_assault(nlp):
    text = ("Israeli soldiers routinely beat up Palestinian detainees on the occupied West Bank with the knowledge of "
            "senior officers, a court martial was told today.")  # PLOVER gold
    assert {"ASSAULT", "FIGHT"} & {e.type for e in _events(nlp, text)}


@pytest.mark.parametrize(
    "text, etype",
    [  # sentences of non-political pages of the Scrapinghub extraction set
        ("Not just the Sensex, even the Nifty has been rallying at a time when concerns over the Indian economy are "
         "growing, with macroeconomic data pointing to a slowdown.", "PROTEST"),
        ("Beijing is also concerned about the president\u2019s unpredictable behavior \u2014 as demonstrated by his "
         "abrupt departure from a high-profile meeting last February in Hanoi with North Korea\u2019s leader, "
         "Kim Jong-un.", "PROTEST"),
        ("\u201cIt\u2019s striking that in almost every corner of the world geopolitical tensions are threatening to put "
         "the brakes on growth,\u201d John Williams, the president of the Federal Reserve Bank of New York, said in a "
         "speech last week.", "ASSAULT"),
        ("But his health continued to decline over the next three months.", "REJECT"),
        ("He declined to say when his company\u2019s lander would be ready.", "REJECT"),
        ("Maroon, a St. Louis native, made his first trip back to the city since signing a one-year contract with "
         "the Lightning in the offseason.", "AGREE"),
        ("We're not certain when Apple last issued four updates to the MacBook Pro within 18 months, or to any "
         "laptop it has ever produced.", "AID"),
        ("Stadia is launching with 22 games (the addition of 10 extra titles was announced over the weekend after "
         "the initial dozen offerings were revealed last week), featuring popular franchises such as Assassin's "
         "Creed, Tomb Raider, Red Dead Redemption, Destiny and more.", "MOBILIZE"),
    ],
)
def test_other_senses_tell_no_event(nlp, text, etype):
    assert etype not in {e.type for e in _events(nlp, text)}


def test_a_video_shot_by_someone_is_no_shooting(nlp):
    # PolNeAR train, nyt 2016-03-21 ("Factory workers feel sting of globalization"): a camera's shot
    text = ("The fuzzy video, shot by a worker on the floor of a Carrier factory here in the American heartland last "
            "month, captured the raging national debate over trade and the future of the working class in 3 minutes "
            "32 seconds.")
    assert not {"ASSAULT", "FIGHT"} & {e.type for e in _events(nlp, text)}


def test_launching_a_bid_is_no_sanction(nlp):
    # PolNeAR train, politico 2015-12-15 ("Carson, Huckabee, Fiorina earned ..."): a campaign bid
    text = ("Donald Trump routinely netted hundreds of thousands of dollars per speech before launching his bid, but "
            "his campaign said he halted all paid speeches since announcing his candidacy.")
    assert "SANCTION" not in {e.type for e in _events(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [  # PolNeAR train: a politician's public forum is no consultation between parties
        "During a town hall-style meeting in Cedar Rapids, Iowa, Rubio told reporters Tuesday that the president’s "
        "new executive actions on guns undermine the Second Amendment.",
        "Clinton, during a town hall meeting in Columbus, Ohio, said she was \"going to put a lot of coal miners and "
        "coal companies out of business.\"",
    ],
)
def test_a_town_hall_meeting_is_no_consultation(nlp, text):
    assert "CONSULT" not in {e.type for e in _events(nlp, text)}


def test_a_meeting_of_officials_is_still_a_consultation(nlp):
    # PolNeAR train: the talks are between named parties
    text = "Ed Brookover spoke to reporters Thursday following a meeting with House members who have endorsed Trump."
    assert "CONSULT" in {e.type for e in _events(nlp, text)}


def test_a_person_shot_by_someone_is_still_shot(nlp):
    # PolNeAR dev, huff-post 2016-09-20 ("Hillary Clinton speaks directly ..."): the one shot is a man
    text = ("Crutcher, 40 ― a father and student who sang at church every week ― was shot and killed by a white "
            "officer after his vehicle stalled in the middle of a roadway.")
    assert {"ASSAULT", "FIGHT"} & {e.type for e in _events(nlp, text)}


def test_declining_an_invitation_is_a_refusal(nlp):
    text = ("Vice-President Moody Awori has declined to resign despite growing pressure by the Kenya Anti-Corruption "
            "Commision after he was implicated in a major scandal.")  # PLOVER gold: REJECT
    assert "REJECT" in {e.type for e in _events(nlp, text)}


@pytest.mark.parametrize(
    "text, etype",
    [  # a preposition a row needs hangs on the trigger, not on a noun below it
        ("Former Mexico leader Calderon calls Trump\u2019s idea for border wall \u2018stupid\u2019, \u2018useless.\u2019",
         "DEMAND"),  # PolNeAR (UPI): "idea for", no "calls for"
        ("Global financial firm JP Morgan had called the Supreme Court decision on the Essar Steel resolution a "
         "landmark judgment.", "DEMAND"),  # Scrapinghub (moneycontrol.com): "decision on", no "called on"
    ],
)
def test_a_needed_preposition_belongs_to_the_trigger(nlp, text, etype):
    assert etype not in {e.type for e in _events(nlp, text)}


def test_a_call_for_talks_is_still_a_demand(nlp):
    text = "The United Nations on Tuesday rejected a call for its peacekeeping forces to be deployed in East Timor."
    assert "REJECT" in {e.type for e in _events(nlp, text)}  # PLOVER gold
    text = ("Archbishop Desmond Tutu on Sunday called for sanctions against Nigeria in the wake of the execution of "
            "Ken Saro-Wiwa.")  # PLOVER gold
    assert "DEMAND" in {e.type for e in _events(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [  # PolNeAR: a contest told as what a poll says would happen is no threat
        "Poll finds Clinton would beat out Trump and Cruz.",
        "A Qunnipiac University poll found last week that Clinton would beat Trump 46 to 40 percent in a general "
        "election match-up.",
    ],
)
def test_a_poll_s_contest_is_no_threat(nlp, text):
    assert "THREATEN" not in {e.type for e in _events(nlp, text)}


def test_shooting_back_a_reply_is_words(nlp):
    text = ("The anchor for Univision, a US Spanish-language channel, was trying insistently to ask a question about "
            "immigration when Trump shot back that the journalist had not been called on.")  # PolNeAR
    types = {e.type for e in _events(nlp, text)}
    assert not {"ASSAULT", "FIGHT"} & types


def test_an_offensive_led_by_a_person_stays_a_fight(nlp):
    text = ("Al-Sharaa \u2014 leader of the Islamist Hayat Tahrir al-Sham that spearheaded the offensive against "
            "Assad\u2019s leadership in December 2024 \u2014 said the declaration would serve as the constitution.")
    assert "FIGHT" in {e.type for e in _events(nlp, text)}  # news-gold 8011117 (a campaign word list must not drop it)
