"""When a found passage does not answer: figures it lacks, another nation."""
import pytest

from assistant.abstention import (
    about_another_nation,
    act_not_said,
    another_appointed,
    another_edition,
    another_partner,
    another_government,
    choice_not_said,
    cost_of_another,
    figures_missing,
    named_thing_missing,
    only_asked_for,
    premise_not_recorded,
    premise_contradicted,
    premise_set_aside,
    states_a_stance,
    still_to_come,
    premise_denied,
    premise_negated,
)


@pytest.mark.parametrize("question, text, missing", [
    ("How much will the agency's budget be in 2030/31?", "The budget rises to £500m in 2029/30.", True),
    ("According to CP 673, how many homes were delivered?", "Over 242,000 homes were delivered.", False),
    ("Under the Outer Space Act 1986, who licenses launches?", "The regulator licenses launches.", False),
    ("Per the 2013 government response, when is data released?", "Data is released by the end of 2015.", False),
    ("What share of the 1.25% rise do higher earners pay?", "They pay 70 per cent of the 1.25 per cent rise.", False),
    ("What fine does the 2013 PSI response give for the section 55 offence?", "A fine of up to £5000.", False),
    # a name with a number in it names, not counts
    ("How many responses did the Covid-19 Inquiry get?", "The Inquiry received more than 20,000 responses.", False),
    ("How many responses did the Inquiry get in 2019?", "The Inquiry received more than 20,000 responses.", True),
    ("What fine was set in 2013 for the offence?", "A fine of up to £5000.", True),
    # a figure spelt out is looked for spelt or in digits
    ("Why must an exercise be held every five years?", "An exercise should be held at least every three years.", True),
    ("Why must an exercise be held every three years?", "An exercise should be held at least every 3 years.", False),
    # in a yes/no question it describes what was proposed
    ("Did the government agree to create five extra Fellowships?", "There are no plans to offer Fellowships.", False),
    # as it does in a question for the reply to it
    ("How did the government respond to the Lords' suggestion of five extra Venture Capital Fellowships?",
     "The Venture Capital Fellowships scheme is targeted towards deep tech, which encompasses space.", False),
    ("What was the reply to the call for three new spaceports?", "There are no plans for new spaceports.", False),
    ("Which five spaceports did the committee visit?", "The committee visited three spaceports.", True),
])
def test_a_figure_the_question_asks_about_must_be_in_the_passage(question, text, missing):
    assert figures_missing(question, {None}, text, {}) is missing


def test_a_year_may_be_in_the_passages_section():
    """'Exercise Cygnus back in 2016': its section dates the exercise once, not in the
    sentence that counts who took part; an amount must still be in the passage itself."""
    question = "How many local resilience forums took part in Exercise Cygnus back in 2016?"
    text = "Only 8 out of 42 local resilience forums took part in Exercise Cygnus."
    section = "Exercise Cygnus was a major, three-day, cross-government exercise which took place in October 2016."
    assert figures_missing(question, {None}, text, {})
    assert not figures_missing(question, {None}, text, {}, section)
    assert figures_missing("How many forums took part in the £5m exercise?", {None}, text, {}, "It cost £5m.")


def test_this_summer_in_a_paper_of_that_year_gives_the_year():
    question = "What tool was the Local Government Association due to launch in summer 2013?"
    text = "This summer, the Local Government Association will launch its LG Inform tool."
    assert not figures_missing(question, {None}, text, {"date": "2013-06 (file dated 130529)"})
    assert figures_missing(question, {None}, text, {"date": "2014-02"})
    assert figures_missing(question, {None}, "The Local Government Association will launch its LG Inform tool.",
                           {"date": "2013-06"})


@pytest.mark.parametrize("question, sentence, other", [
    ("How many people does the space sector in Wales employ?", "It employs 55,000, above the UK average.", True),
    ("When did Northern Ireland run Exercise Silver Swan?", "It was delivered across Scotland in 2016.", True),
    ("How much seed capital will the freeport in Wales get?", "The UK Government will provide £25 million.", False),
    ("How many people work in the sector?", "It employs 55,000 people across the UK.", False),
    # a UK-wide exercise's participants, listed nation by nation, are the UK's
    ("How many people took part in the UK-wide exercise?",
     "Over 950 representatives from NHS Wales, NHS England and the Scottish Government took part.", False),
    ("How many people took part in the UK-wide exercise?", "Over 200 representatives from NHS Wales took part.", True),
    # a nation's word in a name is no place
    ("When is the British Energy Security Strategy's review of planning barriers due?",
     "This review will be completed by the end of 2022 in England.", False),
    ("How many British satellites were launched?", "Wales launched 3 satellites.", True),
    # a UK-wide rule binds in each nation; a UK-wide figure is not the nation's
    ("Which code of conduct must operators of Welsh freeport customs sites adhere to?",
     "They must also maintain the obligations set out in the UK’s Money Laundering Regulations.", False),
    ("How many people in Wales had died with Covid-19 by June 2023?",
     "Official UK figures put the number of deaths involving Covid-19 at over 225,000 in June 2023.", True),
    # a nation compared with is not the one the passage is about
    ("What must be agreed before Welsh freeport bidders can access the tax reliefs?",
     "Bidders can access tax reliefs closely aligned to English Freeports and Scottish Green Freeports once an "
     "Outline Business Case has been agreed.", False),
    ("What must be agreed before Welsh freeport bidders can access the tax reliefs?",
     "Scottish Green Freeports can access tax reliefs once an Outline Business Case has been agreed.", True),
])
def test_a_passage_about_another_nation_does_not_answer(question, sentence, other):
    assert about_another_nation(question, sentence) is other


@pytest.mark.parametrize("heading, other", [
    ("Government response on The Future of the Planning System in England > Fees", True),
    ("Planning in England and Wales > Fees", False),
    ("Planning fees", False),
    # a UK-wide document covers every nation
    ("UK Covid-19 Inquiry: The resilience and preparedness of the United Kingdom > Chapter 3", False),
    ("UK Covid-19 Inquiry: The resilience and preparedness of the United Kingdom", False),
])
def test_a_sentence_naming_no_nation_takes_its_headings(heading, other):
    question = "What increases in planning fees does CP 673 set out for Wales?"
    sentence = "We intend to increase planning fees for major applications by 35%."
    assert about_another_nation(question, sentence, heading) is other


@pytest.mark.parametrize("question, passage, missing", [
    ("How much funding should the proposed Space Skills Taskforce receive?",
     "The UK Space Agency has committed £19.6 million to education and workforce projects.", True),
    ("How much funding should the proposed Space Skills Taskforce receive?",
     "A Space Skills Taskforce should be funded with £2 million a year.", False),
    ("What is the contract value of the UK's Active Debris Removal mission?",
     "The Active Debris Removal mission tender is worth £75.6 million.", False),
    # quotation marks are the writer's, not the name's
    ("How much does the 'Big Data' Research Councils project set aside for the network?",
     "A ‘Big Data’ Research Councils project includes £34 million for the network.", False),
    # names made of institution words name nothing in particular
    ("How much does the Lords Committee say the sector earns?", "The sector had an income of £18.6 billion.", False),
    ("On what date did the committee visit Goonhilly Earth Station?", "The committee was appointed on 30 January 2025.", True),
    # word by word: a name may be written with more words between
    ("When did the Housing and Communities Committee publish its report?",
     "The Levelling Up, Housing and Communities Select Committee published on 10 June 2021.", False),
    # a question of another kind is not checked
    ("Which body funds the Space Skills Taskforce?", "It is funded by the Department.", False),
    # a person asked for by a post the passage never names holds some other post
    ("Which Deputy Prime Minister chairs the National Security Council (Resilience)?",
     "The National Security Council (Resilience) is chaired by the Chancellor of the Duchy of Lancaster.", True),
    ("Who chairs the Space Skills Taskforce?", "The Space Skills Taskforce is chaired by the Minister.", False),
    ("Who chairs the Space Skills Taskforce?", "It is chaired by the Minister.", True),
    # a name may be written by the acronym the question gives it, or a person by title and surname
    ("How many nations make up the Combined Space Operations (CSpO) initiative?",
     "The CSpO initiative consists of 10 nations.", False),
    ("According to Tim Peake, what proportion of satellites are uninsured?",
     "Major Peake highlighted that about 98% of satellites remain uninsured.", False),
    ("According to Tim Peake, what proportion of satellites are uninsured?",
     "About 98% of satellites remain uninsured, one insurer said.", True),
    # a one-word name with a figure in it names one thing; a paper's reference does not
    ("How much did the UK commit to the EU’s IRIS² constellation at the ESA Council of Ministers?",
     "At the ESA Council of Ministers in November 2025, the UK committed a record £162 million for launch programmes.", True),
    ("How much will IRIS² cost?", "IRIS² has a proposed budget of €10.5 billion.", False),
    # a footnote's number glued to the name's last word
    ("How many editions of the Lessons Digest had been published?",
     "Five editions of the Lessons Digest1 and Lessons Management Best Practice Guidance2 have been published.", False),
    ("How many active users does the ResilienceDirect service have, according to CP1240?",
     "The service already has nearly 67,000 active users.", False),
    # a name in the singular is the same thing in the plural, as a heading writes it
    ("Until when will the Freeport Enhanced Capital Allowance be available?",
     "Enhanced Capital Allowances (ECA) This relief will be available until February 2028.", False),
    ("Until when will the Freeport Enhanced Capital Allowance be available?",
     "Enhanced Structures and Buildings Allowance This relief will be available until February 2028.", True),
])
def test_a_figure_asked_about_a_named_thing_needs_a_passage_naming_it(question, passage, missing):
    from assistant.question import read_question

    assert named_thing_missing(question, read_question(question).expects, passage) is missing


def test_a_name_given_in_the_chunk_before_counts_where_the_passage_refers_back_to_it():
    question = ("How many regional community projects did the UK Space Agency's Education and Future Workforce "
                "programme support between 2022 and 2025?")
    before = "The UK Space Agency spent £7.3m in 2024-25 on its Education and Future Workforce programme."
    passage = "Between 2022 and 2025 the programme provided £1 million of support across 15 community projects."
    assert named_thing_missing(question, "number", passage)
    assert not named_thing_missing(question, "number", passage, {-1: before})
    # a passage that does not refer back is about something else
    assert named_thing_missing(question, "number", "SCIF has supported 13 projects across the UK.", {-1: before})
    assert named_thing_missing(question, "number", passage, {-1: "The cluster network supported 317 businesses."})


def test_a_name_is_named_by_the_short_form_the_documents_define_for_it():
    question = "How many regulators and insurers have signed the Earth Space Sustainability Initiative's memorandum?"
    passage = "The Director of ESSI told us that 144 regulators, companies and insurers have signed its memorandum."
    acronyms = {"essi": "earth space sustainability initiative", "sdc": "space data centre"}
    assert not named_thing_missing(question, "number", passage, acronyms=acronyms)
    assert named_thing_missing(question, "number", passage)
    # and the other way about: the question's short form, the passage's long form
    assert not named_thing_missing("How many satellites has the SDC Archive catalogued?", "number",
                                   "The Space Data Centre Archive has catalogued 317 satellites.", acronyms=acronyms)
    assert named_thing_missing("How many satellites has the SDC Archive catalogued?", "number",
                               "The Space Data Centre has catalogued 317 satellites.", acronyms=acronyms)


@pytest.mark.parametrize("question, other", [
    ("What funding has the Scottish Government committed to cohesion teams?", True),
    ("What funding has the Welsh Government committed to cohesion teams?", False),
    # the UK Government acts for all four nations
    ("What funding has the UK Government committed to cohesion teams?", False),
])
def test_a_devolved_government_in_the_question_is_its_nation(question, other):
    heading = "Co-operation over Conflict: Wales must Act — Welsh Government response"
    assert about_another_nation(question, "We have reviewed the funding for the teams.", heading) is other


@pytest.mark.parametrize("question, sentence, missing", [
    ("Which port won the competition to become the Welsh freeport?",
     "Both governments will have an equal say on the successful Freeport bid.", True),
    ("Which port won the competition to become the Welsh freeport?", "Anglesey won the competition in 2023.", False),
    ("Which company was selected to deliver the debris mission?",
     "The Government looks forward to delivering our Active Debris Removal programme.", True),
    ("Which company has been contracted to build the network?", "ClearSpace was awarded the contract.", False),
    # a choice still to come is not one made
    ("Which bid was selected as the winning Welsh Freeport?",
     "Freeport selection will be a joint decision-making process between Welsh and UK government ministers.", True),
    ("Which company has been awarded the contract to deliver the debris removal mission?",
     "The procurement is an example of the Government acting as an anchor customer via contracting opportunities.", True),
    ("Which bid was selected as the Welsh Freeport?", "The Celtic Freeport bid will be selected by ministers.", True),
    ("Which bid was selected as the Welsh Freeport?", "Ministers selected the Celtic Freeport bid.", False),
    # a question that asks no choice is not checked
    ("Which department is reviewing the regulations?", "The Department for Transport is reviewing them.", False),
    # nor one where the choice only describes the thing asked about
    ("What is the revenue funding for a newly selected freeport meant to pay for?",
     "The purpose of this funding is to help cover setup costs.", False),
    ("What will the successfully selected bid receive?", "It will receive seed capital.", False),
    # a firm appointed is a choice made; a person appointed to chair may be "chaired by"
    ("Which firm has been appointed as the independent evaluator of the Welsh Freeport programme?",
     "A Freeport governance body will work with the Welsh and UK Governments Freeport team.", True),
    ("Which firm has been appointed as the independent evaluator?", "Ipsos was appointed as evaluator in 2023.", False),
    ("Who has been appointed to chair the Expert Group?", "The Group is independently chaired by Gaynor Legall CBE.", False),
])
def test_a_choice_asked_about_needs_a_sentence_that_says_it_was_made(question, sentence, missing):
    assert choice_not_said(question, sentence) is missing


@pytest.mark.parametrize("question, sentence, other", [
    ("Where did the UK rank overall in the 2021 Global Health Security Index?",
     "In the 2019 Global Health Security Index, the UK came second overall.", True),
    ("Where did the UK rank overall in the 2019 Global Health Security Index?",
     "In the 2019 Global Health Security Index, the UK came second overall.", False),
    ("How much did the 2021 Spending Review give to planning?",
     "The 2020 Spending Review and the 2021 Spending Review together gave £65 million.", False),
    # a sentence that dates nothing of that name says nothing of another edition
    ("How much did the 2021 Spending Review give to planning?", "The Spending Review gave £65 million.", False),
    ("How many people took part in the 2016 Exercise Cygnus?", "Exercise Cygnus in October 2016 had 950 participants.", False),
    ("What did the 2023/24 Annual Report say?", "The 2022/23 Annual Report said costs rose.", True),
])
def test_a_thing_dated_in_the_question_against_its_edition_of_another_year(question, sentence, other):
    assert another_edition(question, sentence) is other


@pytest.mark.parametrize("question, sentence, denied", [
    ("Why did the government agree to a national review of the Green Belt?",
     "The Government has no plans for a national review of the Green Belt.", True),
    ("When will the Green Belt review that the government agreed to be completed?",
     "The Government has no plans for a national review of the Green Belt.", True),
    # a question that takes nothing as given is answered by the same sentence
    ("When will the national review of the Green Belt be completed?",
     "The Government has no plans for a national review of the Green Belt.", False),
    ("Why did the government agree to the review?", "The review will report in 2025.", False),
    # a success the sentence gives only as an attempt; a finding it gives only as others' claim
    ("In what year did the first successful orbital launch from UK soil take place?",
     "In 2023, the first ever orbital launch from UK soil was attempted by Virgin Orbit.", True),
    ("In what year did the first orbital launch from UK soil take place?",
     "In 2023, the first ever orbital launch from UK soil was attempted by Virgin Orbit.", False),
    ("In what year did the first successful launch take place?", "The launch was attempted in 2023 and was a success.", False),
    # a failure taken as given, where the sentence states only the attempt
    ("Why did Virgin Orbit's 2023 launch attempt fail?",
     "In 2023, the first ever orbital launch from UK soil was attempted by Virgin Orbit.", True),
    ("What went wrong with Virgin Orbit's launch attempt?",
     "In 2023, the first ever orbital launch from UK soil was attempted by Virgin Orbit.", True),
    ("Why did the launch attempt fail?", "The launch was attempted in 2023 but failed when the rocket's fuel filter came loose.", False),
    ("Why did the report conclude that the pandemic was a black swan event?",
     "A number of witnesses sought to characterise the pandemic as a black swan event.", True),
    ("Why did the report conclude that the pandemic was a black swan event?",
     "The Inquiry concludes that the pandemic was not a black swan event.", False),
])
def test_a_premise_the_sentence_denies(question, sentence, denied):
    assert premise_denied(question, sentence) is denied


@pytest.mark.parametrize("question, sentence, other", [
    ("When was Stephan Shakespeare appointed chair of the Open Data Institute?",
     "Heather Savory was appointed the Chair in May 2012 and the Group has met 14 times since July 2012.", True),
    ("When was Heather Savory appointed chair of the group?", "Heather Savory was appointed the Chair in May 2012.", False),
    # no one named in the question, or no one named appointed in the sentence
    ("When was the group's chair appointed?", "Heather Savory was appointed the Chair in May 2012.", False),
    ("When was Stephan Shakespeare appointed?", "The Chair was appointed in May 2012.", False),
])
def test_a_named_person_s_appointment_against_someone_else_appointed(question, sentence, other):
    assert another_appointed(question, sentence) is other


@pytest.mark.parametrize("question, sentence, other", [
    ("What areas of cooperation does the UK's 2021 'space bridge' with Japan cover?",
     "In 2021, the UK formed a “space bridge” with Australia, which seeks to increase cooperation.", True),
    ("What does the space bridge with Australia cover?",
     "In 2021, the UK formed a “space bridge” with Australia, which seeks to increase cooperation.", False),
    # another thing, or the question's partner named too
    ("What does the partnership with Japan cover?", "In 2021, the UK formed a “space bridge” with Australia.", False),
    ("What does the space bridge with Japan cover?",
     "The space bridge with Australia was followed by one with Japan in 2024.", False),
])
def test_a_thing_made_with_a_named_partner_against_one_made_with_another(question, sentence, other):
    assert another_partner(question, sentence) is other


@pytest.mark.parametrize("question, passage, unsaid", [
    ("Why did the Lords committee recommend that the UK withdraw from the European Space Agency?",
     "The UK has historically looked towards the European Space Agency (ESA) for collaboration on civil space.", True),
    ("Why did the committee recommend that the UK pull out of ESA?",
     "The UK has historically looked towards the European Space Agency (ESA) for collaboration on civil space.", True),
    ("Why has the government decided to scrap deferred payment agreements?",
     "These reforms will complement the existing deferred payment agreement with the local authority.", True),
    # the act stated, in another form of the word
    ("Why did the committee recommend that the UK withdraw from ESA?",
     "We recommend that the UK withdraws from ESA, because its programmes no longer serve UK industry.", False),
    ("Why did the government decide to base the levy on National Insurance contributions?",
     "Only a broad-based tax base like Income Tax, VAT or NICs can raise the sums needed.", False),
    # no recommendation or decision taken as given
    ("Why was the UK's launch delayed?", "The launch slipped to 2026.", False),
    # the one urged is not the act: "urge the Lords committee to focus on guidelines"
    ("Why did Professor Hugh Lewis urge the Lords committee to focus on international guidelines?",
     "Professor Hugh Lewis told us that there is no appetite for a new treaty. Instead, he encouraged a focus on "
     "developing international guidelines.", False),
    ("Why did Professor Hugh Lewis urge the Lords committee to withdraw from the treaty?",
     "Professor Hugh Lewis told us that there is no appetite for a new treaty.", True),
])
def test_a_why_question_whose_recommended_or_decided_act_the_passage_never_states(question, passage, unsaid):
    assert act_not_said(question, passage) is unsaid


@pytest.mark.parametrize("question, sentence, contradicted", [
    ("Why did the report conclude that the UK was well prepared for a pandemic?",
     "This Report concludes that, in reality, the UK was ill prepared for dealing with a catastrophic emergency.", True),
    ("Why did the government let the UK-Australia Space Bridge lapse in 2025 rather than renew it?",
     "The UK-Australia Space Bridge, signed in 2021, and renewed in 2025, provided a framework agreement.", True),
    ("Why did the government renew the UK-Australia Space Bridge in 2025?",
     "The UK-Australia Space Bridge, signed in 2021, and renewed in 2025, provided a framework agreement.", False),
    ("Why did Baroness Hallett recommend keeping the lead government department model?",
     "• abolish the lead government department model for whole-system civil emergency preparedness;", True),
    ("Why did the government reject the idea of a lifetime cap on care costs?",
     "From October 2023, the government will introduce a new £86,000 cap on personal care costs.", True),
    ("Why is the Welsh Government scrapping the requirement for councils to publish participation strategies?",
     "They are required to publish participation strategies which must include how the council promotes them.", True),
    ("Why is the requirement for councils to publish participation strategies being scrapped?",
     "The requirement to publish participation strategies is to be scrapped because councils found it costly.", False),
    ("Why did the report recommend that the Department of Health and Social Care, rather than the Cabinet Office, "
     "should lead?", "● require the Cabinet Office to lead on preparing for whole-system civil emergencies", True),
    # the premise holds: the sentence gives the reason, or says the same thing
    ("Why were the satellites manufactured in France rather than the UK?",
     "The decision to manufacture the satellites in France, as opposed to the UK, was made to secure credit.", False),
    ("Why did the government decide to keep the right to be heard?",
     "We will retain the right to be heard as an important part of the examination.", False),
    ("Why did the government accept the idea of a cap?", "The government will introduce a new cap.", False),
    ("Why did the government reject the recommendation to use red teams?",
     "The exercise will use a variety of mechanisms, including a red team component.", True),
    ("Why did the Inquiry recommend an exercise only once every five years?",
     "The governments should hold a UK-wide pandemic response exercise at least every three years.", True),
    ("Why did the Inquiry recommend an exercise every 3 years?", "They should hold one at least every three years.", False),
    ("Why did the Inquiry recommend an exercise every five years?", "They should report within five months.", False),
    ("Why did the Inquiry recommend an exercise every five years?", "Exercises were held every single year.", False),
    ("Why does the prospectus say bids can only be submitted in English?", "Bids will be accepted in both English and Welsh.", True),
    ("Why can bids only be submitted in English?", "Bids are submitted in English through the portal.", False),
    # the same bound on the same things, another number
    ("Why does the prospectus allow applicants to propose up to five separate tax sites?",
     "When there is an economic case to do so, applicants may define up to three individual areas as the location of "
     "the tax sites.", True),
    ("Why does the prospectus allow up to three tax sites?", "Applicants may define up to 3 areas as tax sites.", False),
    ("Why does the prospectus allow up to five tax sites?", "Relief is available for up to three years.", False),
    # only a why-question asserts what it asks about
    ("Did the report conclude that the UK was well prepared?", "The UK was ill prepared.", False),
    # "turn down" rejects
    ("Why did the government turn down the call to put the records on a statutory footing?",
     "The Government agrees with the recommendation to put the records on a statutory basis.", True),
    # an act said to be refused that the sentence has done
    ("Why did the government decide against publishing a White Paper on care reform?",
     "The government’s white paper, People at the Heart of Care, was published on 1 December 2021.", True),
    ("Why did the government decide against publishing a White Paper on care reform?",
     "The government has not published a white paper on care reform.", False),
    ("Why did the government refuse to publish the data?", "The government published a strategy in 2021.", False),
    # a rise asked about where the sentence gives a fall, or the other way
    ("Why did the space agency's funding fall between 2018 and 2023?",
     "UKSA “has seen a 73% increase in funding from 2018 to 2023”.", True),
    ("Why did the space agency's funding increase between 2018 and 2023?",
     "UKSA “has seen a 73% increase in funding from 2018 to 2023”.", False),
    ("Why did funding fall?", "Funding fell because the programme ended.", False),
    # an act or state the question says has ended, going on in the sentence
    ("Why has the UK government stopped sharing risk assessment data with the devolved governments?",
     "All NSRA data is shared across the four nations.", True),
    ("Why is the Ministry of Justice's 2009 protocol on data sharing no longer current?",
     "The Ministry of Justice’s protocol on Data Sharing, published in 2009, also remains current.", True),
    ("Why did the department stop publishing the survey?", "The survey was published each year until 2019.", False),
    ("Why did the department stop publishing the survey?", "The survey has not been published since 2019.", False),
    ("Why is the protocol no longer current?", "The protocol is no longer current, as the law has changed.", False),
    ("Why has the government stopped sharing the data?", "The committee met twice a year.", False),
    # a level kept where the question has it cut
    ("Why did the UK cut its overall funding for ESA at the 2025 Council of Ministers?",
     "Our overall level of funding for ESA has been maintained.", True),
    ("Why did the UK maintain its overall funding for ESA?", "Our overall level of funding for ESA has been maintained.",
     False),
    # a holding kept where the question has it sold
    ("Why did the government sell its stake in the satellite operator Eutelsat in December 2025?",
     "The Government contributed to Eutelsat’s €1.5 billion capital raise, completed in December 2025, ensuring it "
     "retains its current stake including its rights over OneWeb.", True),
    ("Why did the government sell its stake in the operator?", "The government sold its stake in the operator in 2025.",
     False),
    ("Why did the government retain its stake?", "It retains its current stake.", False),
    # a thing going on in years after the last time the sentence gives
    ("Why did the sub-Committee keep meeting regularly through 2018 and 2019?",
     "The last occasion on which the sub-Committee met was in February 2017.", True),
    ("Why did the sub-Committee stop meeting after 2016?",
     "The last occasion on which the sub-Committee met was in February 2017.", False),
    ("Why did the sub-Committee last meet in 2019?", "The last occasion on which it met was in February 2017.", False),
    # the same thing given another sum
    ("Why did the government set the lifetime cap on care costs at £100,000?",
     "The government will introduce a new £86,000 cap on the amount anyone will spend on care.", True),
    ("Why did the government set the lifetime cap on care costs at £86,000?",
     "The government will introduce a new £86,000 cap on the amount anyone will spend on care.", False),
    ("Why did the government set the cap at £100,000?", "Savings of £20,000 are disregarded.", False),
    ("Why did the government give £10 million to the scheme?", "It gave £5 million to another scheme.", False),
    # a question for the reasoning behind something asks why
    ("What was the government's reasoning for setting the lifetime cap on care costs at £100,000?",
     "The government will introduce a new £86,000 cap on the amount anyone will spend on care.", True),
    ("What was the government's reasoning for setting the lifetime cap on care costs at £86,000?",
     "The government will introduce a new £86,000 cap on the amount anyone will spend on care.", False),
    ("What did the government say about the lifetime cap of £100,000?",
     "The government will introduce a new £86,000 cap on the amount anyone will spend on care.", False),
    # another post chairs it; the same post, however worded, does not contradict
    ("Why did the Prime Minister choose the Health Secretary to chair the Council?",
     "The Council is a Cabinet Committee, chaired by the Chancellor of the Duchy of Lancaster.", True),
    ("Why is the Council chaired by the Health Secretary?",
     "The Council is a Cabinet Committee, chaired by the Chancellor of the Duchy of Lancaster.", True),
    ("Why did the Prime Minister choose the Secretary of State for Health to chair the Council?",
     "The Council is chaired by the Health Secretary.", False),
    ("Why is the Council chaired by a minister?",
     "The Council is a Cabinet Committee, chaired by the Chancellor of the Duchy of Lancaster.", False),
])
def test_a_why_question_whose_premise_the_sentence_contradicts(question, sentence, contradicted):
    assert premise_contradicted(question, sentence) is contradicted


@pytest.mark.parametrize("question, sentence, set_aside", [
    ("Why did the committee recommend that the Government write a brand-new national space strategy?",
     "53. Rather than producing a new strategy, the Government should focus on improving delivery.", True),
    ("Why did the committee recommend a new strategy?", "Instead of a new strategy, delivery should improve.", True),
    # the thing set aside is another one, or the question itself weighs the two
    ("Why did the committee recommend a new strategy?", "Rather than producing a new plan, the Government should act.", False),
    ("Why did the committee prefer better delivery rather than a new strategy?",
     "Rather than producing a new strategy, the Government should focus on delivery.", False),
    # only a why-question asserts what it asks about
    ("Did the committee recommend a new strategy?", "Rather than producing a new strategy, delivery should improve.", False),
    # a use ruled out
    ("Why does the prospectus encourage bidders to use their seed capital to pay for security infrastructure?",
     "Seed capital may not be spent on security infrastructure for customs sites.", True),
    ("Why can seed capital not be spent on security infrastructure?",
     "Seed capital may not be spent on security infrastructure for customs sites.", False),
    ("Why does the prospectus encourage spending seed capital on land assembly?",
     "Seed capital may not be spent on security infrastructure for customs sites.", False),
])
def test_a_why_question_about_what_the_sentence_sets_aside(question, sentence, set_aside):
    assert premise_set_aside(question, sentence) is set_aside


@pytest.mark.parametrize("question, said, publisher, other", [
    ("How did the Scottish Government respond to the recommendation on red teams?",
     "The governments of the UK, Scotland, Wales and Northern Ireland should each introduce red teams.", "Cabinet Office", True),
    # its own document, or a sentence saying what it did
    ("How did the Welsh Government respond to recommendation 2?", "We accept this recommendation.", "Welsh Government", False),
    ("What did the Scottish Government commit to?", "The Scottish Government has committed to a review.", "Cabinet Office", False),
    ("What did the Scottish Government commit to?", "The Scottish Government will hold a review.", "Cabinet Office", False),
    # named, or doing something else, it says nothing
    ("What did the Scottish Government say in its own response?",
     "A separate Inquiry will evaluate areas where policy was devolved to the Scottish Government.", "Cabinet Office", True),
    ("What did the Scottish Government say in its own response?",
     "The Scottish Government had its own Pandemic Flu Preparedness Board.", "Cabinet Office", True),
    # not a question about what the government said
    ("How much does the Scottish Government spend on care?", "Spending on care rose.", "Cabinet Office", False),
    # a committee of the government is not its commitment
    ("When did the Scottish Government Resilience Sub-Committee last meet?",
     "The Scottish Government Resilience Sub-Committee last met in 2019.", "Cabinet Office", False),
])
def test_what_a_devolved_government_said_comes_from_it(question, said, publisher, other):
    assert another_government(question, said, publisher) is other


@pytest.mark.parametrize("question, sentences, asked_only", [
    ("Why did the government decide to appoint a Minister for Space?",
     [("Therefore, the Government should create a Minister for Space.", None)], True),
    # the committee's own text, in its part of a response, without a "should"
    ("Why did the government choose a Green Paper?",
     [("It is not clear how another Green Paper is going to make progress.", "comment")], True),
    # led by the committee's words, with a sentence of another passage beside them
    ("Why did the government decide to bring in free personal care?",
     [("- introduce entitlement to free personal care to align with NHS free care.", "comment"),
      ("This is already in effect for those drawing on care at home.", None)], True),
    # the government's own reply answers
    ("Why did the government decide to appoint a Minister for Space?",
     [("We will not appoint a Minister for Space.", "response")], False),
    # the government's act presumed in a relative clause
    ("By what date will the new body, which the government agreed to legislate for, be set up?",
     [("As an interim measure, the new body should be established on a non-statutory basis.", None)], True),
    # what the committee asked for is what a question about the committee wants
    ("Why did the committee recommend a Minister for Space?",
     [("Therefore, the Government should create a Minister for Space.", None)], False),
    # "the newly appointed minister" takes the appointment as made
    ("What responsibilities has the newly appointed Minister for Space been given?",
     [("Therefore, the Government should create a Minister for Space.", None)], True),
    ("What responsibilities has the newly appointed Minister for Space been given?",
     [("The Minister for Space will lead on cross-government co-ordination.", "response")], False),
])
def test_a_government_act_answered_only_by_what_was_asked_of_it(question, sentences, asked_only):
    assert only_asked_for(question, sentences) is asked_only


@pytest.mark.parametrize("question, sentences, ahead", [
    ("What were the main findings of the Tier 1 exercise run in 2025?",
     ["In 2025, the Department will lead on the Tier 1 exercise.", "A Tier 1 exercise has been programmed for 2025."], True),
    ("What were the main findings of Exercise Cygnus?", ["Exercise Cygnus found that the UK was not prepared."], False),
    # not an outcome asked for
    ("Who will lead the Tier 1 exercise in 2025?", ["In 2025, the Department will lead on the Tier 1 exercise."], False),
])
def test_the_outcome_of_an_event_still_to_come(question, sentences, ahead):
    assert still_to_come(question, sentences) is ahead


@pytest.mark.parametrize("question, sentence, stance", [
    ("Has the government agreed to abolish the lead government department model?",
     "To support that balance, we will retain the Lead Government Department model for catastrophic risks.", True),
    ("Will the government scrap the lead department model?", "The government will abolish the model in 2026.", True),
    # the committee's words, or no act of the government's own
    ("Will the government abolish the model?", "The UK government should abolish the lead government department model.", False),
    ("Will the government abolish the model?", "The lead government department model retains an essential role.", False),
    # what the government decided asks its stance as a yes/no question does
    ("What did the government decide about the Inquiry's call to abolish the model?", "We will retain the model.", True),
    ("What did the committee decide about the call to abolish the model?", "We will retain the model.", False),
    # not a yes/no question
    ("Why did the government retain the model?", "We will retain the model.", False),
])
def test_a_sentence_where_the_government_says_what_it_does_with_the_thing_asked(question, sentence, stance):
    assert states_a_stance(question, sentence) is stance


@pytest.mark.parametrize("question, sentence, negated", [
    ("Why does the prospectus insist on a mandated form of physical security around every tax site?",
     "There will not be a mandated form of physical security for the tax site; however, applicants are asked for plans.",
     True),
    ("Why did Professor Dame Jenny Harries tell the Inquiry that groupthink had damaged the UK's pandemic preparedness?",
     "Two witnesses explicitly rejected the idea that groupthink was a phenomenon that negatively impacted upon the "
     "UK's pandemic preparedness.", True),
    # a question that takes nothing as given, or asks about the negation itself
    ("Does the prospectus insist on a mandated form of physical security?",
     "There will not be a mandated form of physical security for the tax site.", False),
    ("What does the prospectus say about a mandated form of physical security?",
     "There will not be a mandated form of physical security for the tax site.", False),
    ("Why will there not be a mandated form of physical security?",
     "There will not be a mandated form of physical security for the tax site.", False),
    # the negation governs other words; "no plans" is read by premise_denied, "not only" negates nothing
    ("Why does the prospectus insist on a mandated form of physical security?",
     "Security will not be checked by HMRC, but a mandated form of physical security is required.", False),
    ("When will the national review of the Green Belt be completed?",
     "The Government has no plans for a national review of the Green Belt.", False),
    ("Why does the prospectus insist on a mandated form of physical security?",
     "This is not only a mandated form of physical security but a plan.", False),
    # the negated words in another order, against a why-question only
    ("Why did the Welsh Government agree to UK Government direct spending in Wales through Pride in Place?",
     "We remain clear the powers should be abolished and have not agreed to direct spending by the UK Government in a "
     "devolved area, such as through Pride in Place.", True),
    ("Which UK bodies hold the powers to deal with harmful content online?",
     "Welsh Government does not have the powers to regulate harmful content online.", False),
    ("Why did the Welsh Government agree to UK Government direct spending in Wales?",
     "Direct spending by the UK Government is not agreed until the review, which we welcome.", False),
])
def test_a_thing_the_question_takes_as_given_that_the_sentence_negates(question, sentence, negated):
    assert premise_negated(question, sentence) is negated


@pytest.mark.parametrize("question, sentences, unsaid", [
    ("Why did Companies House decide to make its bulk accounts data product free of charge?",
     ["Accounts data product: Planned release in August of a bulk accounts data product."], True),
    ("Why did the government decline to back UK participation in ESA's European Launcher Challenge?",
     ["The Government recognises the importance of ESA’s European Launcher Challenge (ELC)."], True),
    ("Why is the UK Government alone deciding which Welsh Freeport bid succeeds?",
     ["The UK and Welsh governments have committed to delivering one Freeport in Wales."], True),
    # a decision, a stance or a refusal recorded
    ("Why did the government decline to back the Launcher Challenge?",
     ["The Government will not subscribe to the Launcher Challenge at this time."], False),
    ("Why did the government decide to base the levy on National Insurance?",
     ["The government has decided to introduce a levy based on National Insurance."], False),
    ("Why did the government reject the recommendation?", ["We do not accept this recommendation."], False),
    # no decision taken as given
    ("Why is the bulk accounts data product free of charge?", ["Planned release in August of a bulk accounts data product."],
     False),
    ("Why does the government say it cannot yet decide on EU space programmes?", ["Negotiations continue."], False),
    # a finding taken as made
    ("Why does the Module 1 report conclude that no virus more lethal than Covid-19 could be contemplated?",
     ["Furthermore, it was and is not difficult to contemplate a virus that is more transmissible and more lethal.",
      "Covid-19 had a case fatality ratio of between 0.5 and 1%."], True),
    ("Why does the report conclude that the UK was ill prepared?",
     ["The Inquiry has concluded that the UK was ill prepared for a whole-system emergency."], False),
])
def test_a_why_question_taking_a_decision_as_made_against_sentences_that_record_none(question, sentences, unsaid):
    assert premise_not_recorded(question, sentences) is unsaid


@pytest.mark.parametrize("question, sentences, unsaid", [
    # a restriction taken as given, whose terms the sentences never name
    ("Why was the UK Space Agency Accelerator restricted to businesses in the South East of England?",
     ["The UK Space Agency Accelerator was launched in 2021 and uniquely supports early-stage space ventures in the UK."],
     True),
    ("Why is the Law Commission's scoping project limited to technological barriers?",
     ["The Law Commission is looking specifically at the barriers public bodies might be encountering to data sharing."],
     True),
    ("Why is the scheme limited to businesses in Wales?", ["The scheme is open only to businesses based in Wales."], False),
    # an ending taken as given, where the sentences record none
    ("When did the government abolish SAGE following the Module 1 report?",
     ["At the public hearings for Module 1, which commenced on 13 June 2023 and ended on 19 July 2023, the Inquiry heard "
      "evidence from 68 witnesses."], True),
    ("When was the sub-Committee disbanded?", ["The sub-Committee was disbanded in 2019 and replaced."], False),
    ("When was the lead government department model abolished?",
     ["The model was replaced by a common strategic approach in 2025."], False),
    # no restriction or ending asked about
    ("When did the Module 1 hearings end?", ["The hearings ended on 19 July 2023."], False),
])
def test_a_restriction_or_an_ending_taken_as_given_against_sentences_that_never_say_it(question, sentences, unsaid):
    assert premise_not_recorded(question, sentences) is unsaid


def test_an_edition_asked_about_is_not_answered_from_another_year_s(small_corpus):
    assistant = small_corpus({"report.txt": (
        "Chapter 4: Preparedness compared\n\n"
        "In the 2019 Global Health Security Index, the UK came second overall and first for rapid response. "
        "The Index was revised in 2021, with new indicators on health systems and on political risk.\n"
    )})
    asked_other = assistant.ask("Where did the UK rank overall in the 2021 Global Health Security Index?")
    assert asked_other.abstained and not asked_other.citations
    asked_same = assistant.ask("Where did the UK rank overall in the 2019 Global Health Security Index?")
    assert not asked_same.abstained and "second overall" in asked_same.answer


@pytest.mark.parametrize("question, sentence, other", [
    ("What was the total cost of conducting Module 1 of the UK Covid-19 Inquiry?",
     "It is estimated that the total cost of government spending as a result of Covid-19 will exceed £376 billion.", True),
    ("What is the estimated cost of government spending on Covid-19?",
     "It is estimated that the total cost of government spending as a result of Covid-19 will exceed £376 billion.", False),
    # the thing costed is named before: "the cost of these changes"
    ("What is the cost of the planning reforms?", "The cost of these changes is estimated at £5 million.", False),
    # a sentence that costs nothing says nothing of another thing's cost
    ("What was the cost of the exercise?", "The exercise took place in October 2016.", False),
])
def test_a_sentence_costing_another_thing_does_not_give_the_cost_asked(question, sentence, other):
    assert cost_of_another(question, sentence) is other
