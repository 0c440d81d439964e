"""Composing an extractive answer: what kind of answer a question asks for, whether a
sentence can hold it, and which part of a passage is quoted."""
import pytest

from assistant.answer_kinds import has_answer_type, signs_for
from assistant.question import read_question, with_item_from_passages


@pytest.mark.parametrize("question, expects", [
    ("How far ahead has the programme's funding now been extended?", "date"),
    ("What's the cut-off for submitting a bid?", "date"),
    ("Up to what time on 6 October can bidders send questions?", "time"),
    ("When will the group first meet?", "date"),
    ("Who chairs the Open Data User Group?", "role"),
    ("Who will chair the Freeport Programme board?", "role"),
    ("Who is running the secretariat for the group?", "person"),
    ("What is the name of the project in Llanelli?", "name"),
    ("What minimum hourly wage must care workers be paid?", "money"),
    ("How much will procuring the system cost?", "money"),
    ("How many PhD students is the programme supporting?", "number"),
    ("What annual budget did the committee propose for the task force?", "money"),
    ("What is the code name of the 2025 pandemic exercise?", "name"),
    ("Who is the Cabinet Office's new Head of Resilience named in the response?", "name"),
    ("What is the name of the newly appointed Cabinet Office Head of Resilience?", "person"),
    ("What is the name of the new body?", "name"),
    ("What did the report conclude about the model?", None),
    # the first asking phrase decides, not a "when" in a later clause
    ("How much grant funding did the institute get when it was set up?", "money"),
    ("How many bids were submitted by the November 2022 deadline?", "number"),
    # "when" and "who" ask only where they open a clause
    ("What notice will developers have to give councils when they start building?", None),
    ("Under recommendation 3, whose best practice will the government follow when it puts out messaging?", "person"),
    ("Roughly when was the Civil Contingencies Group (Wales) established?", "date"),
    # "when is it treated as …" asks on what condition
    ("For the NICs relief, when is an employee treated as working in the tax site?", None),
    ("When is the Bill meant to be considered?", "date"),
    ("Until when has the programme's funding been extended?", "date"),
    ("In the list of boards in the response, who chairs the Local Public Data Panel?", "role"),
    ("Which department is reviewing the Space Industry Regulations?", "body"),
    ("Which minister supports the Science Secretary on space?", "person"),
    ("Which UK Government minister signed the foreword to the prospectus?", "person"),
    ("Which witness told the Inquiry that advisers should work to an 80/20 rule?", "person"),
    ("Which Senedd committee ran the inquiry?", "body"),
    ("Which industry body has the government begun talking to about financial products?", "body"),
    ("Which legislation requires councils to encourage participation?", None),
    # "what's" asks as "what is" does; "the most" asks for an amount unless a quality
    # follows, and a sum where the amount is of money
    ("What's the most seed capital the winning freeport bid can get?", "money"),
    ("How much seed capital would a second freeport get?", "money"),
    ("What is the most land a tax site may cover?", "number"),
    ("What's the name of the depolarisation project in Llanelli?", "name"),
    ("What is the most important reason for the delay?", None),
    # a rate is a sum or a share, whichever words sit between "what" and "rate"
    ("What single national rate will the new levy be charged at?", "money"),
    ("At what notional weekly rate will daily living costs be set?", "money"),
    ("What is the deadline for applying for non-domestic rates relief?", "date"),
    # "by what" asks for a date unless a quantity follows
    ("By what date must bids be submitted?", "date"),
    ("After the May 2022 correction, by what percentage will major application fees rise?", "number"),
    ("What is the maximum permitted size of a freeport's Outer Boundary?", "number"),
    ("What is the word limit for question 2.2?", "number"),
    ("What is the codename of the 2025 exercise?", "name"),
    ("What will the new upper capital limit for means-tested support be?", "money"),
    ("What is the cap on care costs?", "money"),
    ("What is the closing time and date for submitting a bid?", "date"),
    # an operation or an exercise asked for by its kind is asked for by name; named, it is not
    ("What no-deal planning operation drew resources away from preparedness work?", "name"),
    ("Which exercise tested how ready primary care was for pandemic flu?", "name"),
    ("Which body commissioned Exercise Broad Street?", "body"),
    ("Which Prime Minister said after Exercise Cygnus that influenza was the greatest risk?", "person"),
    ("What did the exercise find?", None),
    # a sum awarded, though "two projects" could be counted
    ("How much has been awarded to the two depolarisation projects?", "money"),
    ("In CP 1240, how often does the board set up in response to Recommendation 1 meet?", "date"),
    ("What is the last date for applying for non-domestic rates relief?", "date"),
    # a quantity of leave, though "funding" comes later in the question
    ("How much carer's leave will employees get under the entitlement in the social care funding response?", "number"),
    ("How much was Space Solar seeking to raise in the seed funding round?", "money"),
    # what a thing is called asks its name
    ("What was the 2018 Scottish exercise that tested the response to an outbreak of MERS-CoV called?", "name"),
    ("What is the Inquiry's listening exercise for people to share their experiences called?", "name"),
    ("What is the scheme known as?", "name"),
    ("What did the committee call for?", None),
    # a count of the unit named
    ("What new minimum consultation period, in weeks, will the government set?", "number"),
    # what happens asks for an event: the deadline sets the scene
    ("Under the Bill's completion notice process, what happens to unfinished parts of a development once the "
     "completion deadline has passed?", None),
    ("What is the deadline for completing a development under a completion notice?", "date"),
    # a sum of a named owner's
    ("What was the Civil Contingencies Secretariat's annual budget in the year before the pandemic?", "money"),
    ("What was the committee's view of the strategy?", None),
    # up to four words may name the pay before its noun
    ("What Skilled Worker visa minimum salary did witnesses call too high?", "money"),
])


def test_question_says_what_kind_of_answer_it_needs(question, expects):
    assert read_question(question).expects == expects


@pytest.mark.parametrize("question, verdict", [
    ("Did the government accept recommendation 6?", True),
    ("What was the government's response to recommendation 6?", True),
    # a pandemic response exercise is not the government's reply
    ("Under recommendation 6, how often should a UK-wide pandemic response exercise be held?", False),
    # "back in 2016" is a time; "back the call" is a verdict
    ("How many local resilience forums took part in Exercise Cygnus back in 2016?", False),
    ("Did the government back the call for a national levy?", True),
    # what became of what a committee asked for
    ("Has the government published the procurement strategy the Lords committee asked UKSA to produce?", True),
    ("Will the government create the five Fellowships the committee asked for?", True),
    ("What did the committee ask the government to publish?", False),
])
def test_question_says_whether_it_asks_for_a_verdict(question, verdict):
    assert read_question(question).asks_verdict is verdict


@pytest.mark.parametrize("question, kind", [
    ("What is the governments' view of the Inquiry's call for a single strategy?", "response"),
    ("In its response, has the government agreed to set up a statutory body?", "response"),
    ("Roughly how many people work in the space sector, according to the Lords Committee?", "report"),
    ("What did Baroness Hallett's report conclude about the lead department model?", "report"),
    ("Who chairs the Open Data User Group?", None),
    ("Has the government agreed to scrap the lead department model, as the Inquiry recommended?", "response"),
    # the government is the one asked about, whichever verb asks it
    ("Will the UK government scrap the lead department model, as the Inquiry recommended?", "response"),
    ("Does the government intend to rejoin the Galileo programme?", "response"),
    ("Did the Inquiry find that the government's plans were adequate?", "report"),
    # naming no report, a question about what the government does asks its reply
    ("What is the Welsh Government-funded Llanelli initiative called?", "response"),
    # why it will not do what was proposed asks its stance now; why it failed may ask the report
    ("Why isn't the government producing the strategy the Inquiry's fourth recommendation proposed?", "response"),
    ("Why is the government not producing the strategy the Inquiry recommended?", "response"),
    ("Why did the government fail to act on what the Inquiry report found?", "report"),
    ("Under recommendation 6 of the Module 1 report, how often should a pandemic response exercise be held?", None),
    # the response to an outbreak is no reply; the response to a recommendation is
    ("What was the 2018 exercise that tested the response to an outbreak of MERS called?", None),
    ("Which exercise tested the response to a major pandemic?", None),
    ("What was the government's response to the recommendation on outbreaks?", "response"),
    ("What was the response to the pandemic recommendation?", "response"),
    # how the government answered a report's recommendation asks its reply, the report named or not
    ("How did the government answer Recommendation 18 of the Lords report?", "response"),
])
def test_question_says_which_kind_of_document_answers_it(question, kind):
    assert read_question(question).doc_kind == kind


def test_a_verdict_question_about_a_reports_recommendation_is_answered_by_the_reply():
    """The best passage is the report's recommendation 2; the government's verdict is
    in its response, so that response's recommendation 2 is the item as well."""
    report = {"recommendation": "2", "item_kind": "recommendation", "doc_id": "inquiry-report", "doc_type": "public inquiry report"}
    reply = {**report, "doc_id": "government-response", "doc_type": "government response"}
    asked = read_question("Has the government agreed to abolish the model, as the Inquiry recommended?")
    assert (with_item_from_passages(asked, [report]).item_number, with_item_from_passages(asked, [report]).doc_id) == ("2", None)
    assert with_item_from_passages(asked, [reply]).doc_id == "government-response"
    # what the report itself proposed is the report's own item
    proposed = read_question("What did the Inquiry recommend on the model, and did it say why?")
    assert with_item_from_passages(proposed, [report]).item_number is None  # no verdict asked: no item inferred


@pytest.mark.parametrize("sentence, holds", [
    ("The programme supports 40 PhD students.", True),
    ("It supports forty students.", True),
    # years, glued footnote markers and section numbers count nothing
    ("Its 2023 framework for Greater PNT Resilience outlined a series of commitments.", False),
    ("Building a sovereign system is “extremely expensive and challenging.”178", False),
    ("3.4.2 Applicants should provide outline proposals for seed capital.", False),
    ("The sector shrank by 4% in 2022/23.", True),
])
def test_a_count_is_not_a_year_footnote_or_section_number(sentence, holds):
    assert has_answer_type("number", sentence) is holds


def test_people_are_counted_by_any_word_for_them():
    question = "How many people will the expanded programme train up as mental health social workers?"
    assert has_answer_type("number", "Providing £27 million to train 360 graduates as mental health social workers.", question)
    assert not has_answer_type("number", "The programme has run for 12 years in 4 regions.", question)


@pytest.mark.parametrize("question, sentence, holds", [
    ("How many civil and military analysts work at the National Space Operations Centre?",
     "It also provided over 25,000 space products to support military operations.", False),
    ("How many civil and military analysts work at the National Space Operations Centre?",
     "The centre employs 120 civil and military analysts.", True),
    # every word describing what is counted stands for the thing itself
    ("How many commercial space organisations were operating in the UK in 2024?",
     "The number of commercial actors in the space sector increased from 227 in 2006 to 1907 in 2024.", True),
    ("How many local resilience forums took part?", "Only 8 out of 42 forums took part in the exercise.", True),
    # one word describing the thing counted does not stand for it
    ("How many Freeport applications did the governments receive by the deadline?",
     "The UK and Welsh governments have committed to delivering one Freeport in Wales.", False),
    ("How many Freeport applications did the governments receive by the deadline?",
     "The governments received four Freeport applications by the deadline.", True),
    # a figure counts the first plural after it; people may be counted as any of them
    ("Roughly how many satellites are now in orbit?",
     "There are now over 90 countries with their own satellites or registered companies with satellites.", False),
    ("Roughly how many satellites are now in orbit?", "There are now around 11,500 active satellites in orbit.", True),
    ("Roughly how many people took part in Exercise Cygnus?",
     "Over 950 representatives from 12 government departments took part in the exercise.", True),
])
def test_a_count_is_of_the_thing_the_question_counts(question, sentence, holds):
    assert has_answer_type("number", sentence, question) is holds


@pytest.mark.parametrize("sentence, honest", [
    ("The cost has not yet been determined.", True),
    ("The date of the review has not been set.", True),
    ("The cost is currently unknown.", True),
    # a sentence that something was not done says nothing of the figure asked for
    ("The standards have not been updated since August 2020 and still only refer to pandemic influenza.", False),
])
def test_a_figure_said_not_yet_known_is_an_honest_answer_and_nothing_else_is(sentence, honest):
    question = "How many mechanical ventilators did the NHS have available in early 2020?"
    assert has_answer_type("number", sentence, question) is honest


@pytest.mark.parametrize("question, sentence, holds", [
    ("What is the maximum number of customs sites a freeport may include?",
     "Applicants must include at least one customs site within their Outer Boundary.", False),
    ("What is the maximum number of customs sites a freeport may include?",
     "Applicants may include up to three customs sites, and must include at least one.", True),
    ("What is the minimum number of customs sites a freeport must include?",
     "Applicants must include at least one customs site within their Outer Boundary.", True),
    ("What is the minimum seed capital a freeport can draw on?", "Seed capital of up to £25 million is available.", False),
    # a rate of growth is a share, not a sum
    ("What annual growth rate did ADS Group forecast for space exports?",
     "Space exports contribute around £6 billion and this figure has the potential to grow.", False),
    ("What annual growth rate did ADS Group forecast for space exports?",
     "ADS Group expects space exports to grow by 4% a year.", True),
])
def test_a_figure_of_another_sort_does_not_answer(question, sentence, holds):
    from assistant.question import read_question

    assert has_answer_type(read_question(question).expects, sentence, question) is holds


@pytest.mark.parametrize("question, sentence, holds", [
    ("How much do UK-based insurers collect each year in space insurance premiums?",
     "Major Peake highlighted that about 98% of satellites remain uninsured.", False),
    ("How much do UK-based insurers collect each year in space insurance premiums?",
     "UK insurers write about £300 million of space premiums a year.", True),
    # a rate or a part of a whole is a percentage
    ("How much of Criterion D is the decarbonisation question worth?", "3.11 | … | 15% of Criterion D", True),
    ("At what rate will the levy be charged?", "The levy will be charged at 1.25%.", True),
])
def test_a_sum_asked_for_is_not_answered_by_a_percentage(question, sentence, holds):
    assert read_question(question).expects == "money"
    assert has_answer_type("money", sentence, question) is holds


@pytest.mark.parametrize("sentence, holds", [
    ("The Deloitte analysis suggests a figure of £1.8bn on the direct economic benefit from use of PSI.", False),
    ("The Deloitte analysis, which cost £150,000, suggests a benefit of £1.8bn.", True),
    ("The Department paid Deloitte £150,000 for the analysis.", True),
])
def test_a_cost_is_not_answered_by_a_sum_given_as_a_benefit(sentence, holds):
    question = "How much did the Deloitte market assessment of public sector information cost?"
    assert has_answer_type("money", sentence, question) is holds


def test_how_often_is_answered_by_a_frequency():
    question = "How often must the freeport governance body review its security measures?"
    assert has_answer_type("date", "It will conduct an annual audit of the security measures in place.", question)
    assert has_answer_type("date", "It will review the measures twice a year.", question)
    # a frequency word answers "how often", not "when"
    assert not has_answer_type("date", "It will conduct an annual audit of the security measures in place.",
                               "When must the governance body review its security measures?")
    assert not has_answer_type("date", "It will audit the security measures in place.", question)


def test_a_time_is_a_clock_time():
    assert has_answer_type("time", "Questions may be sent until 17:00 on 6 October 2022.")
    assert has_answer_type("time", "24 November 2022 – Application deadline, 6pm")
    assert not has_answer_type("time", "6 October 2022 - Deadline for all prospectus clarification questions")
    assert not has_answer_type("time", "4.24. The board met in 2017.")


def test_no_plans_is_an_honest_answer_to_when():
    assert has_answer_type("date", "The UK does not have any plans to rejoin Galileo, but keeps access to its Open Service.")
    assert has_answer_type("date", "There are currently no plans to offer Fellowships to specific sectors.")
    assert not has_answer_type("date", "The Government should explore whether the UK could re-join Galileo.")


@pytest.mark.parametrize("expects, question, sentence, holds", [
    ("name", "What is the name of the project in Llanelli?", "Healing the Divide is a project in Llanelli.", True),
    # a person, post-nominals and all, is no organisation
    ("body", "Which organisation will help the Expert Group on Social Cohesion draw on evidence?",
     "An Expert Group on Social Cohesion has been established, independently chaired by Gaynor Legall CBE.", False),
    ("body", "Which organisation will help the Expert Group on Social Cohesion draw on evidence?",
     "The Wales Centre for Public Policy will support the work of the Group.", True),
    # the only name is the one the question already gives
    ("name", "What is the name of the Cabinet Secretary for Social Justice?",
     "The extension has been agreed by the Cabinet Secretary for Social Justice.", False),
    # a post is answered by a person's name, not by another body's
    ("name", "What is the name of the Cabinet Secretary who agreed the extension?",
     "Finally, the Expert Group will be asked to consider the best ways of sharing practice.", False),
    ("name", "What is the name of the Cabinet Secretary who agreed the extension?",
     "The extension was agreed by Jane Hutt MS, Cabinet Secretary for Social Justice.", True),
    # an institution's name names no project
    ("name", "What is the name of the second project?",
     "Scope for future projects has been factored into the Welsh Government budget.", False),
    # "who is ... named" asks for a person: units and directorates name nobody
    ("name", "Who is the Cabinet Office's new Head of Resilience named in the response?",
     "Structures in the Cabinet Office have been overhauled with the COBR Unit and the Resilience Directorate.", False),
    ("name", "Who is the new Head of Resilience named in the response?", "The post went to Jane Smith in May.", True),
    # a code name is an exercise's or an operation's, not a programme that runs exercises
    ("name", "What is the code name of the 2025 pandemic exercise?",
     "Smaller exercises will be tested through the National Exercising Programme.", False),
    ("name", "What was the code name of the 2016 pandemic exercise?", "In 2016 Exercise Cygnus tested the plans.", True),
    # "the name of the … exercise" asks for its code name too: the body leading it is not one
    ("name", "What is the name of the 2025 Tier 1 pandemic exercise being led by the Department of Health?",
     "UKHSA is leading on planning for the exercise and stakeholder engagement is underway.", False),
    ("name", "What was the name of the 2016 pandemic exercise?", "In 2016 Exercise Cygnus tested the plans.", True),
    ("role", "Who chairs the Resilience Steering Board?",
     "The Board is a Director-level meeting, chaired by the Cabinet Office Head of Resilience.", True),
    ("role", "Who chairs the Advisory Group?",
     "The Advisory Group was established in response to the Independent Commission on the Constitutional Future of Wales.", False),
    # the post word alone names no one
    ("role", "Who chairs the Open Data User Group?",
     "We created the Open Data User Group, an independently chaired group of open data users.", False),
    ("role", "Who chairs the Open Data User Group?", "Heather Savory was appointed the Chair in May 2012.", True),
    ("role", "Who chairs the committee?", "The committee is chaired by a minister.", False),
    ("role", "Who chairs the committee?", "The committee is chaired by the Chancellor of the Duchy of Lancaster.", True),
    # a name may open its sentence when the person acts
    ("person", "Who was appointed to chair the group?", "Heather Savory was appointed the Chair in May 2012.", True),
    ("person", "Who was appointed to chair the group?", "Public Health England was abolished in 2021.", False),
    # a post one person holds, as the one who acted
    ("person", "Who delivered the first statement?", "It was delivered by the then Deputy Prime Minister in December 2023.", True),
    ("person", "Which minister chairs it?", "It is a Cabinet Committee, chaired by the Chancellor of the Duchy of Lancaster.", True),
    ("person", "Who appointed the Minister?", "Ministers are appointed on the advice of the Prime Minister.", False),
    # a body's name may be made of institution words; the question's own names are not an answer
    ("body", "Which department is reviewing the Space Industry Regulations?",
     "The Department for Transport is conducting a review of the Space Industry Regulations.", True),
    ("body", "Which organisation led the first debris removal mission?",
     "The UK has been a leader in developing debris removal capabilities.", False),
    # the question's own figure is not an answer to it
    ("number", "How many responses did the consultation on raising fees by 35% receive?",
     "We intend to increase planning fees by 35%, subject to consultation.", False),
    ("number", "How many responses did the consultation on raising fees by 35% receive?",
     "The consultation on the 35% rise received 1,200 responses.", True),
    # a count answers "how many" only where it counts what was asked
    ("number", "How many responses did the consultation receive?",
     "We intend to increase planning fees for major and minor applications by 35% and 25% respectively.", False),
    ("number", "How many staff will work in the agency once it is merged?",
     "This requires a strong one government approach, merging the agency into the department.", False),
    ("number", "How many staff will work in the agency?", "The agency will employ around 400 people.", True),
    ("number", "How many of the Exercise Cygnus recommendations were incomplete?",
     "By then, 8 out of 22 recommendations from Exercise Cygnus were incomplete in Scotland.", True),
    ("number", "By June 2023, how many deaths had been recorded?",
     "Official figures put the number of deaths involving Covid-19 at over 225,000 in June 2023.", True),
    ("number", "How many times had the group met?", "The group has met fourteen times since July 2012.", True),
    # people who died are counted as deaths; people who took part, as participants
    ("number", "Roughly how many people in the UK had died with Covid by mid-2023?",
     "Official figures put the number of deaths involving Covid-19 at over 225,000 in June 2023.", True),
    ("number", "How many people took part in the exercise?", "The exercise drew 40 participants from six councils.", True),
    ("number", "How many people took part in the exercise?", "The exercise was delivered in two stages.", False),
    ("name", "What no-deal planning operation drew resources away from preparedness work?",
     "Contingency planning for a no-deal exit had increased significantly over the previous few months.", False),
    ("name", "What no-deal planning operation drew resources away from preparedness work?",
     "Workstreams were paused due to a reallocation of resources to Operation Yellowhammer.", True),
    # a table cell: the label before its figure
    ("number", "How many deaths did the 2019 scenario assume?", "2019 Fatalities: 820,000 Casualties: 50% of the population", True),
    ("number", "How many deaths did the 2019 scenario assume?", "2019 Casualties: 2,000", False),
    # "on what date" asks for a day, where "when" takes a term or a season
    ("date", "On what date will the group publish its final report?",
     "The Group will devise medium- and long-term actions for the next Welsh Government.", False),
    ("date", "On what date did the review come out?", "Stephan published his report on 15th May 2013.", True),
    # "up to what date" asks for a limit, which a month gives
    ("date", "Up to what date will the programme now be funded?", "An extension of funding until March 2029 was agreed.", True),
    ("date", "How often does the board meet?", "The board meets monthly.", True),
    ("date", "When will the projects be evaluated?", "They will be evaluated in the next Senedd term.", True),
    ("date", "On what date did the Bill receive Royal Assent?", "Since June 2021, the Government has done further work.", False),
    # a count of the unit the question names, not of another
    ("number", "What minimum consultation period, in weeks, will apply?", "The minimum period will be eight weeks.", True),
    ("number", "What minimum consultation period, in weeks, will apply?",
     "Within the 30-month timetable there will be two rounds of consultation.", False),
    # a month keeps its capital: "may differ" is no date
    ("date", "What is the deadline for applying for relief?", "The details of relief may differ from those in England.", False),
    ("date", "What is the deadline for applying for relief?", "Applications for relief must be received by 31 March 2028.", True),
    # a sum asked per hour or week is a sum per that unit, not a programme's total
    ("money", "What minimum hourly wage must care workers be paid?",
     "The government is committed to investing at least £150 million over the next 3 years.", False),
    ("money", "What minimum hourly wage must care workers be paid?", "Care workers must be paid £10.50 an hour.", True),
    ("money", "What weekly figure is set for daily living costs?", "They are set at a rate of £200 per week.", True),
    # a share is answered by a share, not by any figure
    ("number", "What percentage rate of tax relief does the prospectus set?",
     "The relief is available for a period of up to five years.", False),
    ("number", "What share of local authorities have an up-to-date plan?", "Only 41% of authorities have one.", True),
    ("number", "What share of adults aged 65 face lifetime care costs of more than £100,000?",
     "Given rising care costs, that estimate is now one in seven.", True),
    # an exercise is called by a code name or a name of its own, not by places and institutions
    ("name", "What was the 2018 Scottish exercise on MERS-CoV called?",
     "To assess NHS Scotland’s response to a suspected outbreak of MERS-CoV.", False),
    ("name", "What was the 2018 Scottish exercise on MERS-CoV called?",
     "Exercise Iris 12 March 2018 Scotland Table top exercise delivered by the Scottish Government", True),
    ("name", "What is the Inquiry's listening exercise for the public called?",
     "The Inquiry will do this through its ‘listening exercise’, Every Story Matters.", True),

])
def test_a_sentence_holds_the_kind_of_answer_asked_for(expects, question, sentence, holds):
    assert has_answer_type(expects, sentence, question) is holds


def test_what_was_asked_of_the_government_is_not_its_answer(small_corpus):
    assistant = small_corpus({
        "report.txt": "Space coordination\n\nWitnesses told us that coordination across departments is weak. "
                      "The Government should set up a dedicated ministerial body to coordinate space policy across "
                      "departments.\n",
        "reply.txt": "Government reply on space coordination\n\nWe have established a Space Ministerial Forum that "
                     "brings ministers from each department together to coordinate space policy.\n",
    })
    answer = assistant.ask("What ministerial body did the government say it has set up to coordinate space policy?")
    assert answer.citations and answer.citations[0].file == "reply.txt"
    assert "Space Ministerial Forum" in answer.answer.split("[1]")[0]


def test_a_run_on_sentence_is_quoted_where_it_answers(small_corpus):
    """PDF front matter reads as one sentence of headings and lists; the quote is the
    stretch of it that answers, not its first sixty words."""
    front = (
        "Harbour Committee Membership The Members of the Harbour Committee were Lord Anchor (Chair) Baroness Buoy "
        "Lord Cable Baroness Dock Lord Ebb Baroness Ferry Lord Gangway Baroness Hull Lord Jetty Baroness Keel "
        "Declaration of interests A full list of Members' interests can be found in the Register of Lords' Interests "
        "Publications All publications of the Committee are available on the Committee's web pages along with "
        "guidance to witnesses and details of current inquiries and forthcoming meetings of the Committee "
        "Committee staff The staff who worked on this inquiry were Jane Mooring (Clerk), Tom Quay (Policy Analyst) "
        "and Ann Pier (Committee Operations Officer) Contact details All correspondence should be addressed to the "
        "Clerk of the Harbour Committee, House of Lords, London"
    )
    assistant = small_corpus({"report.txt": f"Harbour dues report\n\n{front}\n\nSummary\n\nHarbour dues rose by 4% last year.\n"})
    answer = assistant.ask("Who clerked the Harbour Committee's inquiry?")
    assert "Jane Mooring (Clerk)" in answer.citations[0].quote
    assert answer.answer.startswith("… ") and len(answer.citations[0].quote.split()) <= 58
    assert answer.citations[0].quote in front


def test_a_sentence_is_read_with_the_one_before_it(bundled):
    """'On 9 October the Committee published its report …' says which committee only
    through the sentence before it ('In 2025 the Equality and Social Justice Committee
    carried out an Inquiry …'); read alone it scores 0.32 against the question."""
    answer = bundled.ask("When did the Equality and Social Justice Committee publish its social cohesion report?")
    assert "9 October" in answer.answer
    # the same for a date two sentences after the thing it dates
    answer = bundled.ask("When is the commissioned research on measuring democratic health due out?")
    assert "early 2026" in answer.answer



def test_a_figure_naming_a_paper_or_an_act_need_not_be_in_the_answer(small_corpus):
    assistant = small_corpus({"homes.txt": (
        "Planning for the future\n\n"
        "From April 2019 to March 2020 over 242,000 homes were delivered, the highest level for over 30 years.\n\n"
        "Space regulation\n\n"
        "The Department for Transport is reviewing the Space Industry Regulations 2021.\n\n"
        "Dividends\n\n"
        "Higher rate taxpayers are expected to contribute over 70 per cent of the revenue from the 1.25 per cent rise.\n"
    )})
    answer = assistant.ask("According to CP 673, how many homes were delivered between April 2019 and March 2020?")
    assert "242,000" in answer.answer
    answer = assistant.ask("Under the Outer Space Act 1986, which department is reviewing the Space Industry Regulations 2021?")
    assert "Department for Transport" in answer.answer
    # "1.25%" may be written "1.25 per cent"; "the 2022 report" names a document by its year
    answer = assistant.ask("What share of the 1.25% rise do higher rate taxpayers pay, per the 2022 report?")
    assert "70 per cent" in answer.answer
    # a figure the question asks about, which no passage has, is still not answered
    assert assistant.ask("How many homes were delivered between April 2031 and March 2032?").abstained


def test_a_date_after_the_sentence_that_names_the_subject_answers_when(small_corpus):
    assistant = small_corpus({"sharing.txt": (
        "Data sharing\n\n"
        "The Law Commission is conducting a scoping project on data sharing between public bodies, looking "
        "specifically at the barriers to sharing personal data across government. "
        "The report will look at the legislative, technological and cultural barriers that might exist. "
        "The review is due to report in the Spring of 2014.\n\n"
        "Guidance\n\n"
        "The Ministry of Justice protocol on data sharing, published in 2009, also remains current.\n"
    )})
    answer = assistant.ask("When is the Law Commission's scoping project on data sharing between public bodies due to report?")
    assert "Spring of 2014" in answer.answer
    assert "Law Commission" in answer.answer  # the sentence naming the subject is quoted with it
    # a date elsewhere, about something else, does not answer it (it may follow, as a
    # sentence close behind, but not lead)
    assert not any("2009" in c.quote for c in answer.citations[:2])


def test_the_reply_to_a_named_recommendation_answers_what_the_government_said(small_corpus):
    assistant = small_corpus({"space-response.txt": (
        "Government response to the space report\n\n"
        "Recommendation 25\n\n"
        "We recommend that the Government evaluate the benefits and risks of merging the Outer Space Act 1986 "
        "and the Space Industry Act 2018 into a single, comprehensive framework.\n\n"
        "Response\n\n"
        "The Government notes this recommendation. The Department for Transport is currently conducting a Post "
        "Implementation Review of the Space Industry Regulations 2021 and will set out its findings next year.\n\n"
        "Recommendation 26\n\n"
        "We recommend that the Government publish a space sustainability plan.\n\n"
        "Response\n\n"
        "The Government agrees and will publish the plan in 2026.\n"
    )})
    answer = assistant.ask("In reply to Recommendation 25 on merging the Outer Space Act 1986 and the Space Industry "
                           "Act 2018, which department did the government say is reviewing the Space Industry Regulations?")
    assert "Department for Transport" in answer.answer


def test_how_the_government_responded_is_answered_by_the_reply_not_the_call_restated(small_corpus):
    assistant = small_corpus({"space-response.txt": (
        "Government response to the space report\n\n"
        "Recommendation 17\n\n"
        "The Government should create another five Science and Technology Venture Capital Fellowships, which should "
        "focus specifically on space technology.\n\n"
        "Response\n\n"
        "The Venture Capital Fellowships scheme is targeted towards deep tech and life sciences sectors, which "
        "encompasses space, and space investors are therefore eligible to apply. There are currently no plans to offer "
        "Fellowships to target specific sectors within deep tech or life sciences.\n\n"
        "Recommendation 18\n\n"
        "The Government should publish a space investment plan.\n\n"
        "Response\n\n"
        "The Government agrees and will publish the plan in 2026.\n"
    )})
    answer = assistant.ask("How did the Government respond to the committee's call for five space-specific "
                           "Science and Technology Venture Capital Fellowships?")
    assert not answer.abstained and "no plans" in answer.answer, answer.answer
    assert "should create" not in answer.citations[0].quote, answer.answer
    # asked as "what was the reply", which names no recommendation: the call is no answer either
    answer = assistant.ask("What was the government's reply to the Lords committee's call for five more Science and "
                           "Technology Venture Capital Fellowships focused on space?")
    assert "no plans" in answer.answer and "should create" not in answer.answer, answer.answer


def test_how_the_government_answered_a_recommendation_is_read_from_its_reply_alone(small_corpus):
    assistant = small_corpus({"space-response.txt": (
        "Government response to the space report\n\n"
        "Recommendation 18\n\n"
        "We urge the British Business Bank to take a more proactive, ambitious, and tailored approach to financing "
        "space technology, comparable to leading European counterparts.\n\n"
        "Response\n\n"
        "The British Business Bank (BBB) is operationally independent in its day-to-day activities, investment "
        "decisions and processes. However, it has a strategic mandate to support businesses in priority sectors, "
        "which encompasses space companies.\n"
    )})
    answer = assistant.ask("How did the government answer Recommendation 18 of the Lords report, which urged the British "
                           "Business Bank to take a more proactive and tailored approach to financing space technology?")
    assert not answer.abstained and "operationally independent" in answer.answer, answer.answer
    assert "We urge" not in answer.answer, answer.answer


def test_a_recommendation_opening_with_we_welcome_is_still_the_committees_text(small_corpus):
    # "We welcome …" reads as the government's voice, but it opens the committee's
    # recommendation, quoted above the reply
    assistant = small_corpus({"space-response.txt": (
        "Government response to the space report\n\n"
        "Recommendation 23\n\n"
        "We welcome the establishment of a dedicated regulatory team within DSIT that will focus on licensing. "
        "The team should be backed with the authority to make an impact.\n\n"
        "Response\n\n"
        "The UK Space Agency will soon merge into DSIT. The Government will consider this recommendation in its "
        "design of the new Unit.\n"
    )})
    answer = assistant.ask("How did the government respond to Recommendation 23 on the dedicated regulatory team in DSIT?")
    assert "consider this recommendation" in answer.answer
    assert "We welcome" not in answer.answer, answer.answer


def test_a_date_about_something_else_does_not_answer_when(bundled):
    # The response names no date for the Expert Group's final report; "On 9 October the
    # Committee published its report" holds a day, but about another report.
    answer = bundled.ask("On what date will the Expert Group on Social Cohesion publish its final report?")
    assert answer.abstained, answer.answer
    assert "9 October" in bundled.ask("On what date did the Committee publish its report?").answer
    # a recommendation's financial implications and its response are one subject
    assert "two depolarisation projects" in bundled.ask("How many depolarisation projects have been funded?").answer


def test_a_question_about_one_nation_is_not_answered_about_another(small_corpus):
    assistant = small_corpus({"exercises.txt": (
        "Pandemic exercises\n\n"
        "Exercise Silver Swan was a series of exercises delivered across Scotland in April 2016 to assess "
        "the preparedness of Scotland's local and national arrangements for pandemic influenza.\n\n"
        "Winter planning\n\n"
        "Exercise Winter Willow was held in 2007 and over 5,000 people took part.\n\n"
        "Seed capital\n\n"
        "The UK Government will provide seed capital of up to £25 million for the new freeport.\n"
    )})
    assert assistant.ask("When did Northern Ireland run Exercise Silver Swan?").abstained
    assert "April 2016" in assistant.ask("When did Scotland run Exercise Silver Swan?").answer
    # "the UK Government" is who pays, not where: it answers for the freeport in Wales
    assert "£25 million" in assistant.ask("How much seed capital will the freeport in Wales get?").answer


def test_who_signed_a_foreword_is_answered_by_the_signature(small_corpus):
    assistant = small_corpus({"prospectus.txt": (
        "Ministerial foreword\n\n"
        "The publication of this prospectus marks an exciting next step in the Freeport Programme, the bidding "
        "phase. Freeports will bring investment, trade and jobs to the places that need them most.\n\n"
        "Rt Hon Greg Clark MP\n\n"
        "Secretary of State for Levelling Up, Housing and Communities\n\n"
        "Bidding\n\n"
        "Bids must be submitted by 6pm on 24 November 2022 and will be assessed by both governments.\n"
    )})
    assert "Greg Clark" in assistant.ask("Which UK Government minister signed the foreword to the freeport prospectus?").answer
    # "signed off" is approved, not a signature
    assert "Greg Clark" not in assistant.ask("Who signed off the bids?").answer


def test_a_signature_in_a_chunk_of_its_own_answers_for_its_own_government(small_corpus):
    welsh_foreword = " ".join(
        f"The Welsh Government wants freeport bids that raise fair work standard number {i} across Wales, "
        f"with trade unions in the governance of every freeport and well-being goal {i} at their core."
        for i in range(12))
    sections = "".join(
        f"Section {i}\n\nThe Welsh Government and the UK Government will assess freeport prospectus bids "
        f"against criterion {i}, which the Welsh Government minister and the UK Government minister agreed.\n\n"
        for i in range(1, 13))
    assistant = small_corpus({"prospectus.txt": (
        "Ministerial forewords\n\n"
        "The UK Government wants to work with the Welsh Government on this freeport prospectus.\n\n"
        "Rt Hon Greg Clark MP\n\n"
        "Secretary of State for Levelling Up, Housing and Communities\n\n"
        f"{welsh_foreword}\n\n"
        "Vaughan Gething MS\n\n"
        "Minister for Economy\n\n"
        f"{sections}"
    )})
    assert "Vaughan Gething" in assistant.ask(
        "Which Welsh Government minister signed the foreword to the freeport prospectus?").answer
    assert "Greg Clark" in assistant.ask(
        "Which UK Government minister signed the foreword to the freeport prospectus?").answer


@pytest.mark.parametrize("question, sentence, signs", [
    ("Which Welsh Government minister signed the foreword?", "Vaughan Gething MS", True),
    ("Which Welsh Government minister signed the foreword?", "Rt Hon Greg Clark MP", False),
    ("Which UK Government minister signed the foreword?", "Rt Hon Greg Clark MP", True),
    ("Which minister signed the foreword?", "Rt Hon Greg Clark MP", True),
    # a signature with no seat beside it is not ruled out
    ("Which Welsh Government minister signed the foreword?", "Matthew Hancock Minister for Skills", True),
    ("Which minister signed the foreword?", "The Government will sign the agreement.", False),
])
def test_a_signature_is_read_against_the_government_asked(question, sentence, signs):
    assert signs_for(question, sentence) is signs


def test_a_closing_date_is_the_deadline_the_timetable_sets(small_corpus):
    assistant = small_corpus({"prospectus.txt": (
        "Summary of key dates\n\n"
        "1 September 2022 | Freeport bidding prospectus and competition opens.\n\n"
        "October 2022 | Any potential applicants will be able to contact the freeports team to request "
        "clarification on any of the content of the bidding prospectus until 17:00 on 6 October 2022.\n\n"
        "Please note that we shall provide answers to questions regarding the technical aspects of submitting "
        "and uploading bids after the 27 October deadline.\n\n"
        "November 2022 | Applicants will provide the information described in Sections 5.6 to 5.9 to the "
        "Welsh and UK governments via the online form by 6pm on 24 November.\n\n"
        "24 November 2022 – Application deadline, 6pm\n\n"
        "Early spring 2023 – Announcement of winning bid\n"
    )})
    for question in ("What's the closing date for Freeport bids?", "What is the closing deadline for submitting a Freeport bid?",
                     # "closing date" is the deadline: the row that says so is the answer
                     "What is the closing date for bids under the Welsh Freeport programme?",
                     "What is the closing time and date for submitting a Freeport bid?"):
        answer = assistant.ask(question)
        assert "Application deadline" in answer.citations[0].quote, (question, answer.answer)


@pytest.mark.parametrize("question", [
    "What is the £1 million of short-term revenue funding for a newly selected freeport meant to pay for?",
    "What is the short-term revenue funding for?",
])
def test_what_a_thing_is_for_is_answered_by_its_purpose(small_corpus, question):
    assistant = small_corpus({"prospectus.txt": (
        "Funding\n\n"
        "4.4.17 However, up to £1 million of short-term revenue funding will be made available to a freeport once a "
        "successful location has been announced.\n\n"
        "4.4.18 The purpose of this funding is to help cover setup costs, including the development of a business "
        "case and of local governance arrangements.\n"
    )})
    answer = assistant.ask(question)
    assert "setup costs" in answer.citations[0].quote, answer.answer


def test_a_reply_restating_the_review_is_not_what_the_government_said(small_corpus):
    assistant = small_corpus({"response.txt": (
        "Government response to the Data Review\n\n"
        "Governance\n\n"
        "12. A further issue highlighted by the Data Review was the governance of the open data agenda, which "
        "outsiders find confusing.\n\n"
        "13. We accept the critique that the governance is confusing, and so we will be streamlining the "
        "governance arrangements.\n"
    )})
    answer = assistant.ask("How did the government respond to the Data Review's criticism that the governance of "
                           "the open data agenda is confusing?")
    assert "streamlining" in answer.citations[0].quote, answer.answer


def test_who_was_appointed_is_answered_by_a_name_only(small_corpus):
    assistant = small_corpus({"reply.txt": (
        "Resilience\n\n"
        "A new Head of Resilience has been appointed to drive collaboration and coordination of a wide community "
        "of actors in resilience, both inside and outside of government.\n"
    ), "space.txt": (
        "Space\n\n"
        "Professor Jane Holloway has been appointed as the first Chief Space Adviser, reporting to the Secretary of State.\n"
    )})
    answer = assistant.ask("Who has been appointed as the new Head of Resilience?")
    assert answer.abstained, answer.answer
    # the appointee asked for by name, or as "which official"
    answer = assistant.ask("What is the name of the newly appointed Head of Resilience?")
    assert answer.abstained, answer.answer
    answer = assistant.ask("Which official has been appointed as the new Head of Resilience?")
    assert answer.abstained, answer.answer
    answer = assistant.ask("Who has been appointed as the Chief Space Adviser?")
    assert not answer.abstained and "Jane Holloway" in answer.answer, answer.answer
    answer = assistant.ask("What is the name of the newly appointed Chief Space Adviser?")
    assert not answer.abstained and "Jane Holloway" in answer.answer, answer.answer


def test_who_was_appointed_to_a_post_is_not_answered_by_names_that_hold_no_such_post(small_corpus):
    assistant = small_corpus({"report.txt": (
        "Membership\n\nThe Members of the Space Committee were: Baroness Ashton of Upholland (Chair), Baroness Mobarik, "
        "Lord Lansley and Lord Tarassenko.\n\n"
        "Evidence\n\nThe Committee took evidence from the UK Space Agency and visited the Harwell Campus in June 2025.\n"
    )})
    answer = assistant.ask("Who was appointed as the UK's dedicated Space Minister after the Space Committee's report?")
    assert answer.abstained, answer.answer
    answer = assistant.ask("Who was appointed as chair of the Space Committee?")
    assert not answer.abstained and "Baroness Ashton" in answer.answer, answer.answer


def test_who_was_appointed_to_chair_is_answered_by_whoever_chairs(small_corpus):
    assistant = small_corpus({"report.txt": (
        "Space skills\n\nThe Government also established a Space Skills Advisory Panel, which is an expert grouping "
        "that advises the Government on skills issues in the sector. Dr Thiemann praised the Government for delivering "
        "on its 2016 Space Skills Strategy, but noted the uncertain future of the panel.\n"
    )})
    answer = assistant.ask("Who has been appointed to chair the Space Skills Advisory Panel?")
    assert answer.abstained, answer.answer


def test_who_was_appointed_to_chair_is_answered_by_a_chaired_by(small_corpus):
    assistant = small_corpus({"reply.txt": (
        "Cohesion\n\nAn Expert Group on Social Cohesion has been established, independently chaired by Gaynor Legall.\n"
    )})
    answer = assistant.ask("Who has been appointed to chair the Expert Group on Social Cohesion?")
    assert not answer.abstained and "Gaynor Legall" in answer.answer, answer.answer


@pytest.mark.parametrize("answer_text, footnote, question, expected", [
    # hearing transcripts cited by day, page and line
    ("Professor Sir Christopher Whitty described an “80/20 rule”, where most of the time (80%) should be spent "
     "on things the government has asked about.",
     "1 See Oliver Letwin 20 June 2023 8/20-24; Michael Gove 13 July 2023 114/18-19 2 Chris Whitty "
     "22 June 2023 45/1-10 on the time expert advisory groups spend",
     "Chris Whitty gave the inquiry a rule of thumb for how much time expert advisory groups should spend on "
     "questions ministers haven't asked. What did he call it?", "80/20 rule"),
    # a run of dated sources, each running into the next one's number
    ("Lord Vallance outlined UK plans to invest £155 million over the next four years in a PNT system-of-systems "
     "to make positioning and timing more resilient.",
     "171 London Economics, Economic benefits of resilient PNT in the UK, October 2022 174 Department for "
     "Science, Innovation and Technology, Guidance: PNT system-of-systems funding, 26 March 2025 175 Cabinet "
     "Office, PNT resilience, £2 million",
     "How much is government putting into the PNT 'system-of-systems' to make positioning and timing more resilient?",
     "£155 million"),
    # a footnote that cites a report by its title, date, pages and link
    ("5.38. Exercise Cygnus was a major, three-day, cross-government exercise which took place in October 2016.",
     "62 Exercise Cygnus Report: Tier One Command Post Exercise Pandemic Influenza – 18 to 21 October 2016, Public "
     "Health England, 2017, pp8-9 (https://example.org/cygnus-report.pdf)",
     "When did the three-day cross-government pandemic influenza exercise known as Cygnus take place?",
     "took place in October 2016"),
])
def test_a_footnote_of_sources_answers_nothing(small_corpus, answer_text, footnote, question, expected):
    assistant = small_corpus({"report.txt": f"Chapter 3\n\n{answer_text}\n\n{footnote}\n"})
    answer = assistant.ask(question)
    assert expected in answer.citations[0].quote, answer.answer


def test_a_recommendation_the_report_never_made_is_not_answered(bundled):
    # The committee made four recommendations.
    assert bundled.ask("What was the Welsh Government's response to recommendation 5 of the 'Co-operation over conflict: Wales must Act' report?").abstained
    assert not bundled.ask("What was the Welsh Government's response to recommendation 4?").abstained


@pytest.mark.parametrize("text, question, shown, plain", [
    ("Green Belt\n\n59. The Government has no plans for a national review of the Green Belt. The Government remains "
     "committed to protecting and enhancing the Green Belt.\n",
     "Why did the government agree to carry out a national review of the Green Belt?", "no plans for a national review",
     "When will the national review of the Green Belt be completed?"),
    ("Executive summary\n\nIn 2019, it was widely believed that the UK was properly prepared to respond to a pandemic. "
     "This Report concludes that, in reality, the UK was ill prepared for dealing with a catastrophic emergency.\n",
     "Why did the report conclude that the UK was well prepared for a pandemic?", "ill prepared",
     "Was the UK well prepared for a pandemic, according to the report?"),
    # the committee asked for it; that the government did it is only the question's premise
    ("Ministerial responsibility\n\nSpace policy is split across departments. Therefore, the Government should create a "
     "Minister for Space sitting across both DSIT and MoD, who would lead on space policy.\n",
     "Why did the government decide to appoint a Minister for Space across DSIT and the MoD?",
     "should create a Minister for Space", "What did the committee recommend about a Minister for Space?"),
    ("Ministerial responsibility\n\nSpace policy is split across departments. Therefore, the Government should create a "
     "Minister for Space sitting across both DSIT and MoD, who would lead on space policy.\n",
     "Who has the government appointed as the new Minister for Space across DSIT and the MoD?",
     "should create a Minister for Space", "What did the committee recommend about a Minister for Space?"),
    # an event still to come has no findings
    ("Exercises\n\nIn 2025, the Department of Health and Social Care will lead on the Tier 1 exercise testing the "
     "response to a major pandemic.\n",
     "What were the main findings of the Tier 1 pandemic exercise that the government ran in 2025?",
     "will lead on the Tier 1 exercise", "Which department will lead on the Tier 1 pandemic exercise in 2025?"),
    # a thing the question takes as given that the passage says there will not be
    ("Security\n\nThe governance body will be required to verify the beneficial owner of businesses operating within "
     "the tax site. There will not be a mandated form of physical security for the tax site; however, applicants are "
     "asked to set out plans for the security of the tax site.\n",
     "Why does the prospectus insist on a mandated form of physical security, such as fencing, around every tax site?",
     "There will not be a mandated form of physical security",
     "What does the prospectus say about a mandated form of physical security for the tax site?"),
    # a claim the question has a witness make, which the witness rejected
    ("Groupthink\n\nTwo witnesses, Professor Dame Jenny Harries and Dr Claas Kirchhelle, explicitly rejected the idea "
     "that groupthink was a phenomenon that negatively impacted upon the UK's pandemic preparedness.\n",
     "Why did Professor Dame Jenny Harries tell the Inquiry that groupthink had damaged the UK's pandemic preparedness?",
     "rejected the idea", "What did Professor Dame Jenny Harries say about groupthink and the UK's pandemic preparedness?"),
    # an act the question says has stopped, that the passage gives as going on
    ("Data sharing\n\nThe Ministry of Justice's protocol on data sharing, published in 2009, also remains current. "
     "Departments publish their data sharing agreements each year.\n",
     "Why is the Ministry of Justice's 2009 protocol on data sharing no longer current?",
     "also remains current", "Is the Ministry of Justice's 2009 protocol on data sharing still current?"),
    # a decision the question takes as made, where the passage records none
    ("Companies House\n\nAccounts data product: Planned release in August of a bulk accounts data product covering all "
     "companies filing accounts electronically.\n",
     "Why did Companies House decide to make its bulk accounts data product free of charge?",
     "Planned release in August", "When is the bulk accounts data product due to be released?"),
    # a restriction the question takes as given, whose terms the passage never names
    ("Accelerator\n\nThe UK Space Agency Accelerator was launched in 2021 and supports early-stage space ventures "
     "across the UK with government-backed guidance.\n\nClusters\n\nThe Harwell cluster in the South East of England "
     "hosts over 100 space organisations.\n",
     "Why was the UK Space Agency Accelerator restricted to businesses in the South East of England?",
     "supports early-stage space ventures", "What does the UK Space Agency Accelerator support?"),
    # a rise the question asks the reason for, where the passage gives a fall
    ("Funding\n\nThe agency's budget fell by 12% between 2018 and 2023, from £450 million to £396 million.\n",
     "Why did the agency's budget increase between 2018 and 2023?",
     "fell by 12%", "How did the agency's budget change between 2018 and 2023?"),
])
def test_a_denied_or_contradicted_premise_is_not_answered_but_the_denial_is_shown(small_corpus, text, question, shown,
                                                                                  plain):
    assistant = small_corpus({"document.txt": text})
    answer = assistant.ask(question)
    assert answer.abstained and not answer.citations
    assert shown in answer.answer and "page" in answer.answer
    # the same words answer a question that takes nothing as given
    assert shown in assistant.ask(plain).answer and not assistant.ask(plain).abstained



def test_a_long_sentence_is_quoted_around_the_question_s_words_with_the_answer_after_them(small_corpus):
    assistant = small_corpus({"space.txt": (
        "Education and Future Workforce\n\n"
        "Between 2022 and 2025 the programme achieved 18.6 million interaction hours, over 72,000 space attainment "
        "badges achieved in youth clubs, public engagement across 25 regional science and discovery centres, provided "
        "£1 million of support across 15 capacity building regional community projects, and over 1 million school "
        "pupils engaged in live virtual interactive events supported by BBC Frozen Planet II and Springwatch.\n"
    )})
    answer = assistant.ask("Which BBC programmes supported the live virtual space events that reached over a million "
                           "school pupils?")
    assert "Frozen Planet II and Springwatch" in answer.answer, answer.answer
    assert len(answer.answer.split()) <= 60


def test_a_sentence_that_points_below_is_not_quoted_as_support(small_corpus):
    assistant = small_corpus({"prospectus.txt": (
        "Tax reliefs\n\nThe Welsh Freeport tax relief deadlines are outlined for each relief below.\n\n"
        "Land Transaction Tax relief\n\nRelief from Land Transaction Tax will be available to businesses buying land in "
        "a tax site.\n\n"
        "Non-domestic rates relief\n\nBusinesses in a tax site will pay no non-domestic rates for five years. "
        "Applications for relief must be received by 31 March 2028.\n"
    )})
    answer = assistant.ask("What is the deadline for applying for non-domestic rates relief in a Welsh freeport tax site?")
    assert "31 March 2028" in answer.answer and "below" not in answer.answer


def test_a_flattened_table_is_quoted_around_the_row_the_question_names(small_corpus):
    assistant = small_corpus({"inquiry.txt": (
        "Risk assessment\n\n"
        "Table 2: Reasonable worst-case scenarios from UK risk assessments in 2014, 2016 and 2019 Pandemic influenza: "
        "assumptions Emerging infectious disease: assumptions 2014 Fatalities: 750,000 Casualties: 50% of the population "
        "0006-0007) Fatalities: 200 Casualties: 2,000 2016 Fatalities: 750,000 Casualties: 50% of the population, 30 "
        "million people 0005-0006) Fatalities: 101 to 1,000 Casualties: 2,000 to 10,000 2019 Fatalities: 820,000 "
        "Casualties: 50% of the population, 32.8 million people 0007) Fatalities: 200 Casualties: 2,000\n"
    )})
    answer = assistant.ask("In the 2019 UK risk assessment, what reasonable worst-case number of deaths was assumed "
                           "for pandemic influenza?")
    assert "820,000" in answer.answer and len(answer.answer.split()) <= 62
    # asked without a kind of answer, the header listing "2014, 2016 and 2019" heads no row
    answer = assistant.ask("Looking at the table of reasonable worst-case scenarios, what death toll did the 2019 risk "
                           "assessment assume for pandemic flu?")
    assert "820,000" in answer.answer



def test_a_figure_the_documents_call_unknown_is_not_given_but_the_sentence_is_shown(small_corpus):
    assistant = small_corpus({"response.txt": (
        "Monitoring\n\n"
        "We are considering an online monitoring system. However, the cost of procuring an online monitoring system "
        "is currently unknown.\n\n"
        "Historic registers\n\n"
        "Land Registry 1862 Register URL to be confirmed. The content of these historic documents will be available "
        "as image data from March 2014.\n"
    )})
    answer = assistant.ask("How much will procuring the online monitoring system cost?")
    assert answer.abstained and not answer.citations
    assert "currently unknown" in answer.answer and "page" in answer.answer
    # "to be confirmed" said of something else, with the date asked for after it
    answer = assistant.ask("From when will the 1862 Register be available as image data?")
    assert not answer.abstained and "March 2014" in answer.answer


def test_a_glossary_defines_but_the_report_answers(small_corpus):
    assistant = small_corpus({"inquiry.txt": (
        "Appendix 2: Exercises\n\n"
        "Exercise Broad Street 29 January 2018 England Discussion-based exercise commissioned by the Infectious "
        "Diseases Programme board concerning a future patient pathway service.\n\n"
        "Appendix 3: Glossary\n\n"
        "Exercise Broad Street A January 2018 exercise to develop an agreed approach to managing the patient pathway "
        "for infectious diseases.\n"
    )})
    answer = assistant.ask("Which body commissioned Exercise Broad Street, the January 2018 exercise to develop an "
                           "agreed approach to managing the patient pathway for infectious diseases?")
    assert "Programme board" in answer.answer and answer.citations[0].section.endswith("Appendix 2: Exercises")


def test_the_next_item_of_a_list_does_not_answer_for_the_one_before(small_corpus):
    assistant = small_corpus({"response.txt": (
        "Introduction\n\n"
        "3. Since June 2021 the Government has:\n\n"
        "c. Announced the interim Office for Place to support the delivery of design codes to ensure there is the "
        "capacity and capability locally to raise design standards and the quality of development.\n\n"
        "d. Promoted the recovery of our high streets, by giving greater freedom for small business owners to change "
        "to another commercial use without the need for planning permission.\n\n"
        "e. Published the landmark Levelling Up White Paper and announced the £4.8 billion fund to support town "
        "centre and high street regeneration, local transport projects, and cultural and heritage assets.\n\n"
        "Design\n\n"
        "Design codes set out clear, illustrated design requirements for new development.\n"
    )})
    answer = assistant.ask("How much funding has the government given the interim Office for Place to support local "
                           "design codes?")
    assert answer.abstained and "£4.8 billion" not in answer.answer, answer.answer
    # the item that holds the sum still answers for its own fund
    answer = assistant.ask("How much is the fund announced with the Levelling Up White Paper for town centre regeneration?")
    assert "£4.8 billion" in answer.answer, answer.answer


def test_a_question_naming_the_glossary_is_answered_from_it(small_corpus):
    # the chapter's own wording of the term ("is defined … as") scores all but as well
    assistant = small_corpus({"inquiry.txt": (
        "Chapter 3: The assessment of risk\n\n"
        "3.22. Each risk was grouped around a single reasonable worst-case scenario. "
        "The reasonable worst-case scenario is defined in the risk assessment as a challenging yet plausible "
        "manifestation of the risk. Reasonable worst-case scenarios are intended to be read as a scenario, "
        "not a prediction.\n\n"
        "Appendix 3: Glossary\n\n"
        "Reasonable worst-case scenario A tool used for planning purposes to illustrate the worst manifestation of a "
        "risk that can reasonably be expected potentially to occur based on current information and data.\n"
        "Resilience The ability to withstand or recover from an emergency.\n"
    )})
    answer = assistant.ask("How does the report's glossary define a 'reasonable worst-case scenario'?")
    assert "worst manifestation of a risk" in answer.answer and answer.citations[0].section.endswith("Glossary")


def test_a_name_counts_as_given_where_the_chunk_before_defines_the_short_form_used(small_corpus):
    # "The WDF has helped …" continues the chunk that names the Fund and who runs it; the
    # chunk before the sum for another subject shares no short form and names only it
    filler = " ".join(f"The register of providers for year {n} is published each spring." for n in range(14))
    assistant = small_corpus({"response.txt": (
        "Social care workforce\n\n"
        "4.5 Current programmes include the Workforce Development Fund (WDF), which is administered by Skills for "
        f"Care and distributes about £12 million a year. {filler}\n\n"
        "Employers can bid for funding to pay for their staff to gain qualifications. The WDF has helped almost "
        "3,000 establishments support over 14,000 learners in 2018 to 2019.\n\n"
        "Spaceports\n\n"
        f"In 2023, the first orbital launch from UK soil was attempted at Spaceport Cornwall. {filler}\n\n"
        "The Government has also sought to develop several spaceports. Orbex has received £20 million of "
        "investment from the Government to build its rocket.\n"
    )})
    answer = assistant.ask("How many care establishments did the Workforce Development Fund, run by Skills for Care, "
                           "help in 2018 to 2019?")
    assert "almost 3,000 establishments" in answer.answer, answer.answer
    answer = assistant.ask("How much public funding has Spaceport Cornwall received from government?")
    assert answer.abstained, answer.answer


def test_a_sentence_found_through_the_one_before_gives_way_to_it_when_both_do_not_fit(small_corpus):
    assistant = small_corpus({"response.txt": (
        "Addressing the challenges\n\n"
        "2.19 The government wants to create a fair and equitable care and support system for those who need it. We agree "
        "that the disparity between the fees paid by self-funders and those paid for by their local authority is unfair. "
        "That is why, as part of our wider reform programme, the government will use section 18(3) of the Care Act "
        "2014 to ensure that individuals funding their own care will be able to ask their local authority to arrange "
        "residential care for them to give them a choice of better value care. This is already in effect for those "
        "drawing on care at home or in community settings.\n\n"
        "Employer relief\n\n"
        "3.2.13 The government intends to enable employers operating in a Freeport tax site, in every part of the "
        "country and in each of its sectors and industries, to pay 0% employer National Insurance contributions on "
        "the salaries of any new employee working in the Freeport tax site for the whole of their employment there. "
        "This 0% rate would be applicable for up to three years per employee from the start of their employment.\n"
    )})
    answer = assistant.ask("Which provision of the Care Act 2014 will the government use so that people paying for "
                           "their own care can ask their council to arrange a care home place for them?")
    assert "section 18(3)" in answer.answer, answer.answer
    # the later sentence holds the length of time asked for: it answers
    answer = assistant.ask("How long can an employer in a Freeport tax site pay the 0% employer rate for a new employee?")
    assert "up to three years" in answer.answer, answer.answer


def test_a_question_asking_for_examples_is_answered_by_the_sentence_giving_them(small_corpus):
    assistant = small_corpus({"response.txt": (
        "Recommendation 3: A better approach to risk assessment\n\n"
        "The government has established a new process for identifying and assessing more continuous and enduring "
        "challenges - chronic risks - that erode elements of our economy, society, way of life and/or national "
        "security, in recognition of their different planning, preparation and response requirements compared to "
        "acute risks in the NSRA. This complements the government's assessments of acute risks identified and "
        "assessed through the NSRA. This work has been developed in consultation with government departments and "
        "external academics. Examples include antimicrobial resistance, climate change and serious and organised "
        "crime.\n"
    )})
    answer = assistant.ask("What examples does the government give of the 'chronic risks' it now assesses separately "
                           "from the acute risks in the NSRA?")
    assert "antimicrobial resistance" in answer.answer, answer.answer


def test_a_why_question_is_answered_by_the_sentence_giving_a_reason(bundled):
    # "We work very closely with Welsh Councils when … accommodation proposals are known"
    # is closer in meaning but gives no reason
    answer = bundled.ask("In its cohesion response, why does the Welsh Government encourage multi-agency consultation "
                         "on forthcoming asylum accommodation proposals?")
    assert answer.answer.startswith("We encourage multi-agency consultation"), answer.answer


def test_a_why_question_is_answered_by_the_sentence_after_the_one_that_restates_it(small_corpus):
    assistant = small_corpus({"planning.txt": (
        "Plan making\n\n"
        "11. To support better infrastructure provision through plan making, the Government is introducing a new "
        "requirement for infrastructure providers to assist local authorities in drafting their local plans. This will "
        "mean councils know early on where new roads, pipes and schools should go. Local plans will also be shorter.\n"
    )})
    answer = assistant.ask("Why is the government requiring infrastructure providers to help local authorities draft "
                           "their local plans?")
    assert "where new roads, pipes and schools should go" in answer.answer
    assert answer.answer.startswith("11. To support better infrastructure provision")


def test_a_figure_the_question_names_may_be_in_the_paragraph_before(small_corpus):
    # The rise is named in one paragraph; who pays most of it, in the next chunk of the
    # same section.
    filler = " ".join(f"Dividend income from shares is not subject to the Levy in case {n}." for n in range(14))
    assistant = small_corpus({"response.txt": (
        "Raising revenue\n\n"
        f"6.6 We will increase the rates of dividend tax by 1.25%. {filler}\n\n"
        "6.7 This is a fair increase for business owners and investors. Additional and higher rate taxpayers are "
        "expected to contribute over 70 per cent of the revenue from this increase in 2022 to 2023.\n"
    )})
    answer = assistant.ask("What share of the revenue from the 1.25% dividend tax rise is expected to come from "
                           "additional and higher rate taxpayers?")
    assert "70 per cent" in answer.answer



def test_a_figure_said_to_be_unknown_answers_only_for_what_it_names(bundled):
    """'Potential costs arising from Expert Group recommendations are currently unknown'
    is shown for what those recommendations cost, not for how much is set aside for
    future depolarisation projects, which the response does not say."""
    answer = bundled.ask("How much money has been set aside in the 2026-27 budget for future depolarisation projects?")
    assert answer.abstained and "The documents do not give that figure" in answer.answer, answer.answer
    assert "factored into the 2026-27 Welsh Government budget" in answer.answer
    # "what's" asks as "what is" does: the figure is not given, and the sentence saying so is shown
    for question in ("What's the estimated cost of implementing the Expert Group's recommendations on extremism?",
                     "What is the estimated cost of implementing the Expert Group's recommendations on extremism?"):
        answer = bundled.ask(question)
        assert "The documents do not give that figure" in answer.answer and "currently unknown" in answer.answer, answer.answer


def test_a_figure_read_as_one_long_sentence_answers_nothing(small_corpus):
    # a chart's axis labels and data come out of a PDF as one run of figures; the sums in
    # it must not make it the answer to a question about money
    figure = ("Figure 8: Agency annual budget and contributions (2019–2023) Spend (£mn) 2018-19 2019-20 2020-21 "
              "2021-22 2022-23 0 100 200 300 400 500 600 700 Financial year agency remaining budget 252 (68%) 121 (32%) 133")
    assistant = small_corpus({"report.txt": "Chapter 4\n\nThe agency's annual budget is set by the Treasury each spring.\n\n"
                                            f"{figure}\n\nThe Board meets quarterly to review spending.\n"})
    answer = assistant.ask("What annual budget did the Treasury set for the agency?")
    assert answer.abstained or "Financial year" not in answer.answer, answer.answer
    assert "Financial year" not in " ".join(c.quote for c in answer.citations)


def test_a_sum_is_not_taken_for_another_subject_by_a_later_passage_of_its_section(small_corpus):
    # 3.4.2 matches the question's words better and lies in another passage; it is the
    # same section's subject, so the sum in 3.4.1 still answers
    spending = " ".join(["The governing body will report on its seed capital spending to both governments every year."] * 12)
    assistant = small_corpus({"prospectus.txt": (
        "Section 3. Economic levers\n\n3.4 Seed capital\n\n"
        "3.4.1 The successful applicant will have the opportunity to access seed capital funding of up to £25 million.\n\n"
        f"{spending}\n\n3.4.2 Applicants must explain how the new Freeport would spend seed capital.\n\n"
        "Section 4. Governance\n\nThe governing body will include the local authority.\n")})
    answer = assistant.ask("What is the most seed capital the successful Freeport applicant can draw on?")
    assert "£25 million" in answer.citations[0].quote, answer.answer


FOOTNOTED = """<html><head><title>Response on care funding</title></head><body><main><div class="govspeak">
<h2>Options for reform</h2>
<p>5.8 Anyone with eligible assets over £23,250 must pay for their care in full. In 2011, the Commission on
Funding Care and Support estimated that around one in ten adults aged 65 face lifetime costs of more than
£100,000<sup><a href="#fn:1" rel="footnote">[footnote 1]</a></sup> . Given rising care costs, that estimate is now one in
seven.</p>
<h2>Fair work</h2>
<p>2.1 Bidders may wish to consider alignment with the Welsh Government's fair work
criteria<sup><a href="#fn:2" rel="footnote">[footnote 2]</a></sup>. This could include the real living wage.</p>
<h2>Raising revenue</h2>
<p>6.7 Additional and higher rate taxpayers are expected to contribute over 70 per cent of the revenue.</p>
<div class="footnotes" role="doc-endnotes"><ol>
<li id="fn:1" role="doc-endnote"><p>The Report of the Commission on Funding of Care and Support, HMSO, page 12.</p></li>
<li id="fn:2" role="doc-endnote"><p>The Welsh Government defines fair work as: where workers are fairly rewarded, heard
and represented.</p></li>
</ol></div>
</div></main></body></html>"""


def test_a_question_about_a_footnote_is_answered_by_the_note_the_sentence_cites(small_corpus):
    assistant = small_corpus({"care.html": FOOTNOTED})
    answer = assistant.ask("What source does the footnote cite for the 2011 estimate that one in ten adults aged 65 "
                           "face lifetime care costs above £100,000?")
    assert "HMSO, page 12" in answer.answer
    assert [c.section for c in answer.citations] == ["Options for reform", "Footnotes"]
    assert answer.citations[1].quote.startswith("[footnote 1] The Report of the Commission")
    # a note that answers by itself is quoted once
    answer = assistant.ask("How does the footnote define fair work?")
    assert [c.section for c in answer.citations] == ["Footnotes"]
    assert "fairly rewarded" in answer.answer
    # not asked about a footnote: the sentence answers, and its note is not added
    answer = assistant.ask("What did the Commission on Funding Care and Support estimate in 2011?")
    assert "one in ten adults" in answer.answer
    assert "Footnotes" not in [c.section for c in answer.citations]


def test_a_lead_in_quoted_alone_is_followed_by_its_list(small_corpus):
    assistant = small_corpus({"inquiry.txt": (
        "A new approach\n\n"
        "6.7. Professor Sir Mark Walport, Government Chief Scientific Adviser from April 2013 to September 2017, explained "
        "to the Inquiry that, in his experience, ministers in government looked through three lenses when making "
        "decisions:\n"
        "• Evidence: what do I know about X or Y?\n"
        "• Practicability: if I make a policy, is it deliverable?\n"
        "• Political and personal values: values sometimes trump the evidence.\n"
        "6.8. Key to informing the first two of these lenses in the context of pandemic planning was expert advice.\n"
    )})
    answer = assistant.ask("What were the three lenses that Sir Mark Walport said ministers look through when taking decisions?")
    assert answer.citations[0].quote.endswith("decisions:")
    assert "Evidence" in answer.answer and "Practicability" in answer.answer

