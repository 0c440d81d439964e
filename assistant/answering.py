"""Extractive answers: the one to three sentences of the retrieved chunks that best
answer the question, each cited with an exact quote, or an honest abstention."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from assistant.abstention import (
    COMMITTEE_PARTS,
    RECOMMENDING,
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
    premise_negated,
    premise_denied,
    premise_set_aside,
    states_a_stance,
    still_to_come,
)
from assistant.answer_kinds import EXACT_DATE, MONTHS, NOT_KNOWN, STRICT_KINDS, asks_signatory, has_answer_type, signs_for
from assistant.injection import addresses_a_model
from assistant.models import Citation
from assistant.question import (
    GOVERNMENT_ACTOR,
    YES_NO,
    VERDICT_LINE,
    QuestionFacts,
    asks_footnote,
    in_part,
    matches_item,
    named_part,
    named_phrases,
    quoted_terms,
    read_question,
    with_item_from_passages,
    without_contractions,
)
from assistant.retrieval import Hit
from index import StoredIndex
from index.chunking import page_at
from index.documents import FOOTNOTE_MARKER, FOOTNOTES_SECTION
from index.lexical import tokenize
from index.sentences import leans_on_previous
from index.store import with_pairs
from index.structure import in_government_voice

ABSTAIN_ANSWER = "The indexed documents do not answer this question."
COMMITTEE_TEXT_PENALTY = 0.06

# A sum of money is written with its currency; "1.5 million people" is a count.

@dataclass
class Candidate:
    hit: Hit
    start: int
    end: int
    vector: int  # row in the index's sentence vectors
    previous: str = ""
    previous_start: int | None = None
    cosine: float = 0.0
    lexical: float = 0.0
    kind_boost: float = 0.0  # the part of `score` that holds (or lacks) the kind of answer asked for
    score: float = 0.0

    @property
    def text(self) -> str:
        return self.hit.node.text[self.start:self.end]

    def quote_start(self, max_words: int, shown: frozenset = frozenset()) -> int:
        """Where the quote starts: a sentence that leans on the one before ("These
        included ...") is quoted with it, since it was found through it, when both fit
        and the answer does not already show that sentence (`shown`: (row, start))."""
        if (self.previous_start is not None and leans_on_previous(self.text)
                and (self.hit.row, self.previous_start) not in shown):
            if len(self.hit.node.text[self.previous_start:self.end].split()) <= max_words:
                return self.previous_start
        return self.start

    def quote(self, max_words: int, shown: frozenset = frozenset()) -> str:
        return self.hit.node.text[self.quote_start(max_words, shown):self.end]


MISSING_ITEM = True  # issue 4 lever: abstain on a recommendation number no document has
LEXICAL_IDF = True  # weigh question terms by rarity in sentence scoring (issue 4 lever)
# A sentence's score: its own cosine to the question, its (rarity-weighted) share of the
# question's terms, and its chunk's dense score.
W_COSINE, W_LEXICAL, W_DENSE = 0.55, 0.25, 0.20


def _answer_type_boost(facts: QuestionFacts, sentence: str, question: str) -> float:
    if facts.expects is None:
        return 0.0
    if has_answer_type(facts.expects, sentence, question):
        if facts.expects == "date" and DATE_SPECIFICITY and EXACT_DATE.search(sentence):
            return 0.11  # "when?" is best answered by a day or a month, not a bare year or "soon"
        return 0.08
    return -0.05 if facts.expects in STRICT_KINDS else 0.0


DATE_SPECIFICITY = True

SIGNATURE_BOOST = 0.25  # a signature under a foreword, for "who signed it" (answer_kinds.signs_for)


def _signature_boost(question: str, sentence: str) -> float:
    return SIGNATURE_BOOST if asks_signatory(question) and signs_for(question, sentence) else 0.0


# "What's the closing date for bids?" is answered by the sentence that sets a deadline
# ("Application deadline, 6pm", "must submit their proposals … by 6pm on 24 November"),
# not by the dates around it in the same timetable (issue 4 lever).
DEADLINE_BOOST = 0.15
_ASKS_DEADLINE = re.compile(r"\bdeadline\b|\bclosing (?:(?:date|time) (?:and|&) )?(?:date|time)\b|\bcut-?off\b|\bby when\b|\bby what (?:date|time|day)\b|"
                            r"\blast (?:date|day)\b|\bdue (?:date|by)\b", re.I)
_SETS_DEADLINE = re.compile(rf"\bdeadline\b|\bclosing date\b|\bcut-?off\b|\bno later than\b|\bcloses? (?:on|at)\b|"
                            rf"\bby (?:\d{{1,2}}(?:[.:]\d{{2}})?\s*(?:am|pm)|noon|midday|midnight) on\b|"
                            rf"\b(?:submit\w*|received|returned)\b[^.]{{0,80}}\bby (?:\d{{1,2}} )?(?-i:{MONTHS})\b", re.I)
# "answers after the 27 October deadline" mentions a deadline; it does not set one
_PAST_DEADLINE = re.compile(r"\b(?:after|before|following|since|until|by) the (?:[\w’'-]+ ){0,3}deadline\b", re.I)


def _deadline_boost(question: str, sentence: str) -> float:
    asked = _ASKS_DEADLINE.search(question)
    return DEADLINE_BOOST if asked and _SETS_DEADLINE.search(_PAST_DEADLINE.sub(" ", sentence)) else 0.0


# "What is the £1 million of revenue funding meant to pay for?" is answered by the sentence
# that gives its purpose ("The purpose of this funding is to help cover setup costs"), not
# by the one that repeats what the question already says about it (issue 4 lever).
PURPOSE_BOOST = 0.08
_ASKS_PURPOSE = re.compile(
    r"\bmeant (?:to (?:pay for|cover|fund|do|achieve|support)|for)\b|\bintended (?:to|for)\b|"
    r"\bwhat (?:is|was|are|were|will) (?:the )?(?:[\w’'£-]+ ){1,8}?(?:for|used for)\s*\?|"
    r"\bwhat (?:is|was|are|were) the (?:purpose|aim|objective)s? of\b|\bwhat (?:purpose|role)s? (?:does|do|did|will|would)\b|\bwhat (?:will|would|does|did) (?:[\w’'£-]+ ){1,8}?(?:pay for|fund|cover)\s*\?",
    re.I)
_GIVES_PURPOSE = re.compile(
    r"\bpurposes? (?:of|is|was|will be)\b|\bto help (?:cover|pay|fund|meet|support)\b|\bintended to\b|\bdesigned to\b|"
    r"\baims? to\b|\bin order to\b|\bso that\b|\b(?:important|essential|vital|crucial|needed) (?:for|to)\b|\bwill (?:be used|go) (?:to|towards|for)\b", re.I)


def _purpose_boost(question: str, sentence: str) -> float:
    return PURPOSE_BOOST if _ASKS_PURPOSE.search(question) and _GIVES_PURPOSE.search(sentence) else 0.0


# "What examples does the government give of the chronic risks?" is answered by "Examples
# include antimicrobial resistance, climate change and …", not by the sentence that
# repeats what chronic risks are (issue 4 lever).
EXAMPLES_BOOST = 0.08
_ASKS_EXAMPLES = re.compile(r"\bexamples?\b|\binstances\b", re.I)
_GIVES_EXAMPLES = re.compile(r"\bexamples?\b|\bsuch as\b|\bfor instance\b|\be\.g\.|\bincluding\b|\binclude[sd]?\b", re.I)


def _examples_boost(question: str, sentence: str) -> float:
    return EXAMPLES_BOOST if _ASKS_EXAMPLES.search(question) and _GIVES_EXAMPLES.search(sentence) else 0.0


# "Why does the Welsh Government encourage multi-agency consultation on accommodation
# proposals?" is answered by the sentence that says so and gives a reason ("We encourage
# multi-agency consultation … so that the likely impacts on communities can be properly
# understood"), not by one on the same subject that gives none (issue 4 lever). Only a
# sentence sharing much of the question: a reason for something else answers nothing.
REASON_BOOST = 0.07
REASON_LEXICAL = 0.45
_ASKS_REASON = re.compile(r"(?:^\s*|,\s*)why\b", re.I)
_GIVES_REASON = re.compile(r"\bso that\b|\bbecause\b|\bin order to\b|\bdue to\b|\bas a result\b|\bto ensure\b", re.I)


# "Why is the government introducing a requirement for infrastructure providers …?" is
# answered by the sentence that says it is, then by the next: "This will ensure local
# authorities get the information they need …" (issue 4 lever)
REASON_RUNS_ON = True
_REASON_RUNS_ON = re.compile(r"^(?:this|these|that|it|they)\b[^.;]{0,40}?\b(?:ensures?|enables?|allows?|helps?|means?)\b", re.I)


def _gives_reason_on(text: str) -> bool:
    """A sentence that leans on the one before and gives its reason or its effect."""
    return leans_on_previous(text) and bool(_REASON_RUNS_ON.search(text) or _GIVES_REASON.search(text))


def _reason_boost(question: str, sentence: str, lexical: float) -> float:
    return (REASON_BOOST if lexical >= REASON_LEXICAL and _ASKS_REASON.search(question) and _GIVES_REASON.search(sentence)
            else 0.0)


# Words a call for bids uses for one thing, stemmed as the lexical index stems them: a
# sentence's "applications" or "proposals" answers for the question's "bids", its
# "deadline" for the question's "closing date" (issue 4 levers).
SAME_THING = True
_SAME_THING = [frozenset({"bid", "applic", "propos", "submiss"}), frozenset({"deadlin", "close", "cutoff"})]


# "1 See Oliver Letwin 20 June 2023 8/20-24; Michael Gove 13 July 2023 114/18-19": a
# footnote citing hearing transcripts by day, page and line names its witnesses but answers
# nothing (issue 4 lever); nor does a run of footnoted sources, one dated source running
# into the next's number ("… , October 2022 174 Department for Science, …")
FOOTNOTE_PENALTY = 0.1
SOURCES_PENALISED = True
SOURCE_FOOTNOTES = True
_FOOTNOTE_REFERENCES = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) (?:19|20)\d\d,? \d{{1,3}}/\d{{1,2}}(?:-\d{{1,2}})?\b"
                             + (r"|\b(?:19|20)\d\d,? \d{2,3} [A-Z][\w’'&.-]+" if SOURCES_PENALISED else "")
                             # "62 Exercise Cygnus Report: … October 2016, Public Health England, 2017,
                             # pp8-9 (https://…": a footnote citing its source (issue 4 lever)
                             # "[footnote 1] The Report of the Commission …, HMSO, page 12."
                             + (rf"|^(?:\d{{1,3}}|{FOOTNOTE_MARKER.pattern})\s+[A-Z][^.]*?,\s*(?:pp?\.?\s?\d+|page \d+|\(?https?://)"
                                if SOURCE_FOOTNOTES else ""))


# A "sentence" of more than 80 words is a flattened list, table or page furniture, not
# prose: it answers only by a window cut out of it, and a clean sentence close behind it
# answers better.
RUN_ON_PENALTY = 0.03  # issue 4 lever
RUN_ON_WORDS = 80

# A glossary says what a thing is; "Which body commissioned Exercise Broad Street?" is
# answered by the report's own account of it (a table row), not by its one-line definition.
GLOSSARY_PENALTY = 0.1  # issue 4 lever
_GLOSSARY = re.compile(r"\b(?:glossary|abbreviations|acronyms|list of terms|definitions)\b", re.I)
_ASKS_DEFINITION = re.compile(r"\b(?:stand for|stands for|mean|means|meaning|defin\w*)\b|\bwhat (?:is|was|does|did) (?:it|they)\b|"
                              r"^\s*what (?:is|was|are|were) (?:the |an? )?(?:[\w’'-]+\s+){0,5}?[\w’'-]+\s*\?\s*$", re.I)


def _glossary_penalty(question: str, candidate: Candidate) -> float:
    if GLOSSARY_PENALTY and _GLOSSARY.search(str(candidate.hit.node.metadata.get("section", ""))) \
            and not _ASKS_DEFINITION.search(without_contractions(question)):
        return -GLOSSARY_PENALTY
    return 0.0


# "How does the report's glossary define a reasonable worst-case scenario?" is answered
# from the glossary, not by the chapter that uses the term (issue 4 lever)
PART_BONUS = 0.03


def _part_bonus(part: str | None, candidate: Candidate) -> float:
    """`part` is the question's named_part, read once for all its sentences."""
    return PART_BONUS if in_part(part, candidate.hit.node.metadata) else 0.0




# "Will the government abolish the lead department model?" is answered by "we will retain
# the Lead Government Department model", which shares the thing but not the verb
STANCE_BOOST = 0.05  # issue 4 lever
# the overlap a stance sentence needs: "we will retain the Lead Government Department
# model" shares 0.25 of a question asking what the government decided (0.3 missed it;
# 0.2 changed no other answer on 16 sets)
STANCE_LEXICAL = 0.2


def _stance_boost(question: str, sentence: str, lexical: float) -> float:
    return STANCE_BOOST if lexical >= STANCE_LEXICAL and states_a_stance(question, sentence) else 0.0


def _premise_boost(question: str, sentence: str, lexical: float) -> float:
    """A sentence saying that something named in the question has not happened or is not
    known ("it has not yet taken place") answers a question that assumes it did; one
    saying there are no plans for what a yes/no question asks about answers it ("Will
    the government create Fellowships …?" — "There are currently no plans to offer
    Fellowships …")."""
    if not NOT_KNOWN.search(sentence):
        return 0.0
    sentence_folded = sentence.casefold()
    named = [p for p in named_phrases(question) if " " in p or "-" in p]
    if any(name.casefold() in sentence_folded for name in named):
        return 0.08
    return 0.08 if YES_NO.match(question) and lexical >= 0.3 else 0.0


def _typed_continuation(best: Candidate, ranked: list[Candidate], facts: QuestionFacts, question: str,
                        holds: Callable[[str], bool] | None = None) -> Candidate | None:
    """"The Law Commission is conducting a scoping project ... The report will look at
    ... The review is due to report in the Spring of 2014.": when the sentence that best
    matches the question holds no answer of the kind asked for, one of the two after it
    in its passage (or the next passage, where the chunk ends) may."""
    def reading_order(c: Candidate) -> tuple[int, int] | None:
        if c.hit is best.hit:
            return (0, c.start) if c.start > best.start else None
        same_doc = c.hit.node.metadata.get("doc_id") == best.hit.node.metadata.get("doc_id")
        return (1, c.start) if same_doc and c.hit.row == best.hit.row + 1 else None  # the passage runs on

    after = sorted((c for c in ranked if reading_order(c) is not None), key=reading_order)[:2]
    if SIBLING_ITEMS and _LIST_ITEM.match(best.text):
        # "c. Announced the interim Office for Place …" is not run on by "e. … announced the
        # £4.8 billion fund": the next item of a list says something else
        after = [c for c in after if not _LIST_ITEM.match(c.text)]
    holds = holds or (lambda text: has_answer_type(facts.expects, text, question))
    return next((c for c in after if holds(c.text)), None)


SIBLING_ITEMS = True  # issue 4 lever
SUBJECT_SECTION_TYPED = True  # issue 4 lever
SUBJECT_SECTION_GAP = 0.03  # at 0.1, a footnote's date 0.058 behind answered w045 for SaxaVord
_LIST_ITEM = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4})[.)]\s")


# "Exercise Winter Willow was delivered in two stages. … Over 5,000 people participated
# …": a sentence that holds the kind of answer asked for, scores close behind the one that
# best matches the question and shares as many of the question's words answers it; one
# that shares fewer is about something else (issue 4 lever; 0.08 and the passage alone:
# one fewer). First kept to the best sentence's section; anywhere, it also finds "Over
# 950 representatives … took part" in the appendix's table for Cygnus (+z029, none lost).
TYPED_PASSAGE_GAP = 0.1


def _typed_close_behind(best: Candidate, ranked: list[Candidate], facts: QuestionFacts, question: str,
                        gap: float = TYPED_PASSAGE_GAP, fits: Callable[[Candidate], bool] | None = None) -> Candidate | None:
    """The first sentence within `gap` of the best that holds the kind of answer asked
    for and `fits` (by default: shares at least as many of the question's words)."""
    fits = fits or (lambda c: c.lexical >= best.lexical)
    return next((c for c in ranked if c is not best and c.score >= best.score - gap
                 and has_answer_type(facts.expects, c.text, question) and fits(c)), None)


# A sentence that holds the kind of answer asked for, from another passage than the one
# that best matches the question and well behind it on everything but that kind, is about
# something else: "published on 10 June 2021" for when a Bill received Royal Assent.
OFF_SUBJECT_GAP = 0.085
PERSON_CONTINUED = True  # issue 4 lever
POINTERS_ASIDE = True  # issue 4 lever
NATION_IN_ANSWER = True  # issue 4 lever
SUBJECT_RUNS_ON = True  # issue 4 lever
SECTION_ONE_SUBJECT = True  # issue 4 lever
_POINTER = re.compile(r"\b(?:below|as follows)\W*$", re.I)


def _subject_elsewhere(answer: Candidate, ranked: list[Candidate]) -> Candidate | None:
    """The sentence on the question's subject, when the answer is off it."""
    def untyped(c: Candidate) -> float:
        return c.score - c.kind_boost

    # "The tax relief deadlines are outlined for each relief below." says where the
    # subject is, not what: it does not make the passage it points to another subject
    top = max((c for c in ranked if not (POINTERS_ASIDE and _POINTER.search(c.text))), key=untyped, default=answer)
    if top.hit is answer.hit or untyped(top) - untyped(answer) <= OFF_SUBJECT_GAP:
        return None
    # "3.4.1 … seed capital funding of up to £25 million." and "3.4.2 Applicants should
    # provide outline proposals for how they will spend seed capital funding …": one
    # section's passages are one subject (issue 4 lever)
    if SECTION_ONE_SUBJECT and _same_place(answer.hit, top.hit):
        return None
    here, there = answer.hit.node.metadata, top.hit.node.metadata
    # one recommendation's text, response and financial implications are one subject
    if here.get("recommendation") and (here.get("doc_id"), here.get("recommendation")) == (
            there.get("doc_id"), there.get("recommendation")):
        return None
    return top


def _shown(chosen: list[Candidate]) -> frozenset:
    return frozenset((c.hit.row, c.start) for c in chosen)


_VERDICT_SENTENCE = re.compile(
    r"\b(?:agrees?|accepts?|rejects?|disagrees?|does not (?:accept|agree)|not accept|supports?|welcomes?|notes?|"
    r"no plans|not be pursuing|will not)\b", re.I)


VERDICT_UNNUMBERED = True  # issue 4 lever


def _verdict_line(facts: QuestionFacts, ranked: list[Candidate], question: str = "") -> Candidate | None:
    """The government's verdict on the recommendation the question is about: a
    'Response: Accept' line, else a reply sentence that states one ('The Government
    agrees with the recommendation ...')."""
    if not facts.asks_verdict:
        return None
    if not facts.item_number:
        # "Does the government accept the committee's view that it is unfair …?": a reply
        # close behind the best that opens on its verdict ("We agree that … is unfair")
        if not (VERDICT_UNNUMBERED and YES_NO.match(question) and ranked) or _states_verdict(ranked[0], 6):
            return None
        best = ranked[0]
        return next((c for c in ranked[1:] if c.score >= best.score - SUPPORT_MARGIN and c.lexical >= best.lexical
                     and _states_verdict(c, 6)), None)
    mine = [c for c in ranked if matches_item(facts, c.hit.node.metadata)]
    line = next((c for c in mine if VERDICT_LINE.match(c.text)), None)
    if line is not None:
        return line
    return next((c for c in mine if c.hit.node.metadata.get("part") == "response" and _states_verdict(c, 14)), None)


def _states_verdict(candidate: Candidate, within: int) -> bool:
    """A sentence in the government's voice whose first `within` words give a verdict."""
    return in_government_voice(candidate.text) and bool(_VERDICT_SENTENCE.search(" ".join(candidate.text.split()[:within])))


# A line of a few words without a full stop, standing alone ("Key objectives and
# participants", a table's column header before its cell) labels what follows and
# answers nothing (issue 4 lever).
LABELS_ASIDE = True


def _is_label(text: str, start: int, end: int) -> bool:
    sentence = text[start:end]
    alone = (start == 0 or text[start - 1] == "\n") and text[end:end + 1] in ("", "\n")
    # a name alone on its line ("Vaughan Gething MS" under a foreword) is a signature
    return (alone and len(sentence.split()) <= 5 and sentence.rstrip()[-1:] not in ".!?:;"
            and any(w[:1].islower() for w in sentence.split())
            and not re.search(r"\d", sentence) and not VERDICT_LINE.match(sentence))


# A figure's axis labels and data, or a run of transcript references at a page's foot
# ("110 Christopher Whitty 22 June 2023 63/11-17 111 …"), read as one long sentence of
# figures: no answer, though a sum or a year in it matches the kind asked for. Table rows
# in prose carry fewer figures (0.36-0.40 of their words; issue 4 lever).
FIGURE_RUNS_ASIDE = True
FIGURE_RUN_WORDS = 15
FIGURE_RUN_SHARE = 0.45


def _is_figure_run(sentence: str) -> bool:
    words = sentence.split()
    return (FIGURE_RUNS_ASIDE and len(words) >= FIGURE_RUN_WORDS
            and sum(1 for w in words if any(ch.isdigit() for ch in w)) >= FIGURE_RUN_SHARE * len(words))


def _candidates(hits: list[Hit], store: StoredIndex) -> list[Candidate]:
    """Every sentence of the top chunks, with the vector the index holds for it."""
    out = []
    for hit in hits:
        previous, previous_start = "", None
        for vector in store.sentences_of([hit.row]):
            _, start, end = (int(x) for x in store.sentence_spans[vector])
            sentence = hit.node.text[start:end]
            if ((len(sentence.split()) >= 3 or VERDICT_LINE.match(sentence)) and not addresses_a_model(sentence)
                    and not (LABELS_ASIDE and _is_label(hit.node.text, start, end)) and not _is_figure_run(sentence)):
                out.append(Candidate(hit, start, end, int(vector), previous, previous_start))
            previous, previous_start = sentence, start
    return out


_COMMITTEE_ACTOR = re.compile(
    r"\bdid the (?:\w+ )?(?:committee|inquiry|report|lords)\b|"
    r"\b(?:committee|inquiry|report|lords|peers|review)(?:'s|’s)?(?:\s+\w+){0,3}?\s+(?:set|name[ds]?|want(?:ed|s)?|"
    r"recommend\w*|call\w*|ask\w*|propose\w*|urge\w*|say|said|suggest\w*|conclude\w*|f(?:i|ou)nd\w*|expect\w*)\b",
    re.I)
ITEM_REPLY = True  # issue 4 lever: a named recommendation's reply over its own text when the reply is asked
COMMITTEE_WE = True
RECOMMENDING_PENALTY = 0.1  # 0.06 / 0.10 / 0.15: same answers on both sets; 0.10 leads with the reply here
# "How did the Government respond to the committee's call for five … Fellowships?": the
# call restated is what was replied to, never the reply, however closely it echoes the
# question (issue 4 lever)
REPLY_ASKED_PENALTY = 0.1
REPLY_ONLY_WHEN_ASKED = True
_ASKS_HOW_REPLIED = re.compile(r"\bhow (?:did|has|have|does|do|will) (?:the )?(?:\w+ )?(?:government|ministers?|department) "
                               r"(?:respond|reply|react|answer)\b|\bwhat did (?:the )?(?:\w+ )?government say in (?:response|reply)\b|"
                               r"\bwhat (?:was|is) (?:the )?(?:\w+ )?government(?:[’']s|s[’']) (?:reply|response)\b",
                               re.I)


# "A further issue highlighted by the Shakespeare Review was …": a reply restating the
# review's point, which says nothing of what the government does about it (issue 4 lever)
REVIEW_RESTATED = True
_RESTATES_REVIEW = re.compile(
    r"\b(?:highlighted|raised|made|recommended|argued|noted|identified|suggested|proposed) (?:by|in) the (?:[A-Z][\w’'-]* ){0,3}"
    r"(?:Review|Committee|Report|Inquiry)\b|\bthe (?:[A-Z][\w’'-]* ){0,3}(?:Review|Committee|Report|Inquiry) "
    r"(?:highlighted|raised|argued|noted|identified|suggested|proposed|called for|criticised|found)\b")


# The government's own voice ("We will consider …") a little over other text, when the
# question asks what the government said (0.02 / 0.04: +m015 / also -s053, -m044).
GOVERNMENT_VOICE_BOOST = 0.02


def committee_text_boost(question: str) -> float:
    """Committee text quoted in a response answers 'what did the committee ask for?';
    for 'what will the government do?' the government's reply should win."""
    if _COMMITTEE_ACTOR.search(question) and not GOVERNMENT_ACTOR.search(question):
        return 0.03
    if GOVERNMENT_ACTOR.search(question):
        return -COMMITTEE_TEXT_PENALTY
    return -0.03


# "according to the Lords report": the government's reply restating a figure is the other
# document's word for it (issue 4 lever; 0.03 -> 0.05: +u008 +m007, none lost; 0.08 the same)
OTHER_KIND_PENALTY = 0.05


def _other_kind_penalty(facts: QuestionFacts, candidate: Candidate) -> float:
    doc_type = str(candidate.hit.node.metadata.get("doc_type", "")).lower()
    return -OTHER_KIND_PENALTY if facts.doc_kind and facts.doc_kind not in doc_type else 0.0


def _replied_items(hits: list[Hit]) -> frozenset:
    """The items (document, kind, number) whose reply is among `hits`."""
    return frozenset((m.get("doc_id"), m.get("item_kind"), m.get("recommendation"))
                     for m in (h.node.metadata for h in hits) if m.get("part") == "response" and m.get("recommendation"))


def _own_voice(candidate: Candidate, replied: frozenset) -> bool:
    """'The Government agrees …', 'We will …': a reply's words. "We welcome the
    establishment of a dedicated team …" opening a committee's recommendation quoted
    above its reply is the committee's, whatever its voice (issue 4 lever)."""
    meta = candidate.hit.node.metadata
    quoted = (COMMITTEE_WE and meta.get("part") in COMMITTEE_PARTS
              and (meta.get("doc_id"), meta.get("item_kind"), meta.get("recommendation")) in replied)
    return in_government_voice(candidate.text) and not quoted


def _structure_boost(question: str, facts: QuestionFacts, candidate: Candidate, replied: frozenset = frozenset()) -> float:
    """A question that names 'recommendation 3' is about that recommendation's text; one
    that asks whether it was accepted is answered by the verdict line. Otherwise what the
    government says answers a question better than the committee text it quotes, unless
    the question asks what was recommended. `replied`: the items whose reply is among the
    passages."""
    meta = candidate.hit.node.metadata
    if facts.item_number is None:
        if RECOMMENDING_PENALTY and (RECOMMENDING.search(candidate.text) or (REVIEW_RESTATED and _RESTATES_REVIEW.search(candidate.text))) \
                and not in_government_voice(candidate.text) and GOVERNMENT_ACTOR.search(question):
            # "The Government should explore ..." is what someone asked of the government,
            # in whichever document it is quoted, not what the government will do.
            return -RECOMMENDING_PENALTY - (REPLY_ASKED_PENALTY if _ASKS_HOW_REPLIED.search(question) else 0.0)
        if (meta.get("part") in COMMITTEE_PARTS and "response" in str(meta.get("doc_type", ""))
                and not in_government_voice(candidate.text)):
            return committee_text_boost(question) - (REPLY_ASKED_PENALTY if _ASKS_HOW_REPLIED.search(question) else 0.0)
        if GOVERNMENT_VOICE_BOOST and in_government_voice(candidate.text) and GOVERNMENT_ACTOR.search(question):
            return GOVERNMENT_VOICE_BOOST
        return 0.0
    if not matches_item(facts, meta):
        return -0.1
    boost = 0.12
    if (ITEM_REPLY and meta.get("part") in {"recommendation", "conclusion"} and not _own_voice(candidate, replied)
            and (facts.doc_kind == "response" or GOVERNMENT_ACTOR.search(question))):
        # "In reply to recommendation 25, which department did the government say ...":
        # the reply answers, not the recommendation's own words
        boost -= RECOMMENDING_PENALTY + (REPLY_ASKED_PENALTY if _ASKS_HOW_REPLIED.search(question) else 0.0)
    if facts.asks_verdict and VERDICT_LINE.match(candidate.text):
        boost += 0.3
    return boost


def _trim(text: str, max_words: int) -> str:
    """The sentence cut at a word boundary so the answer stays within max_words."""
    words = text.split(" ")
    if len(words) <= max_words:
        return text
    cut = " ".join(words[: max_words - 1])  # one word's room for the "…" that follows
    comma = cut.rfind(", ")
    return cut[:comma] if comma > len(cut) * 0.6 else cut


def _focus(text: str, question: str, max_words: int, weight: dict[str, float], holds_answer) -> tuple[int, int]:  # noqa: ANN001
    """(start, end) in `text` of the stretch of at most max_words - 2 words (room for a
    "…" each side) that best covers the question's terms, a stretch holding the kind of
    answer asked for first. A PDF's front matter or a flattened table reads as one
    run-on "sentence"; its answer is rarely in its first sixty words."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    width = max_words - 2
    if len(spans) <= max_words:
        return 0, len(text)
    terms = tokenize([text[a:b] for a, b in spans])
    anchor = _answer_anchor(text, question, spans, terms, weight, holds_answer) if LOCAL_FOCUS else None
    weighed = [j for j, ts in enumerate(terms) if any(t in weight for t in ts)]
    best, best_key = 0, None
    for i in range(0, len(spans) - width + 1):
        seen = {t for ts in terms[i:i + width] for t in ts}
        window = text[spans[i][0]:spans[i + width - 1][1]]
        # a question's last term shown with the words after it, which may be the answer
        # ("… supported by BBC Frozen Planet II and Springwatch")
        last = next((j for j in reversed(weighed) if i <= j < i + width), None)
        after = min(_NEAR, i + width - 1 - last) if TRIM_KEEPS_TERMS and last is not None else 0
        # the anchor's row shown whole: it is not among the window's last few words
        key = (anchor is None or i <= anchor < i + width - _NEAR // 2, holds_answer(window),
               sum(w for t, w in weight.items() if t in seen), after, -i)
        if best_key is None or key > best_key:
            best, best_key = i, key
    cut = len(_trim(text, max_words))
    if best == 0 and (anchor is None or cut >= spans[anchor][1]):
        # cut back to a comma, unless that drops a question's term the stretch holds
        # ("… community projects, and over 1 million school pupils … supported by BBC
        # Frozen Planet II")
        covered = {t for ts in terms[:width] for t in ts}
        kept = set(tokenize([text[:cut]])[0])
        if not TRIM_KEEPS_TERMS or all(t in kept for t in weight if t in covered):
            return 0, cut
    return spans[best][0], spans[best + width - 1][1]


LOCAL_FOCUS = True  # issue 4 lever
TRIM_KEEPS_TERMS = True  # issue 4 lever
ROW_KEY_ALONE = True  # issue 4 lever
_NEAR = 6  # words each side of an answer that show what it is the answer to
_YEAR = re.compile(r"(?:19|20)\d\d")


def _listed(words: list[str], i: int) -> bool:
    """The year at `i` comes in a list of years ("2014, 2016 and 2019")."""
    return bool(_YEAR.fullmatch(words[i])) and any(_YEAR.fullmatch(w) for w in words[max(0, i - 3):i])


def _answer_anchor(text: str, question: str, spans: list, terms: list, weight: dict[str, float],
                   holds_answer) -> int | None:  # noqa: ANN001
    """In a flattened table ("2014 Fatalities: 750,000 … 2019 Fatalities: 820,000"), the
    word holding an answer of the kind asked for whose near neighbours weigh most among
    the question's terms ("2019"): the quote is cut around it."""
    words = [text[a:b].strip(",.;:()") for a, b in spans]
    # a figure the question names ("in 2019") heads the row that answers it
    keys = {w for w in words if w[:1].isdigit()} & set(re.findall(r"\d[\d,./]*\d|\d", question))
    if not keys:
        return None
    best, best_weight = None, 0.0
    for j in range(len(spans)):
        if not holds_answer(text[spans[max(0, j - 1)][0]:spans[min(len(spans) - 1, j + 1)][1]]):
            continue
        at = [i for i in range(max(0, j - _NEAR), j) if words[i] in keys]
        if not at:
            continue
        # "… risk assessments in 2014, 2016 and 2019 Pandemic influenza": a key listed
        # with others of its kind is a header's, not a row's
        if ROW_KEY_ALONE and all(_listed(words, i) for i in at):
            continue
        near = {t for ts in terms[max(0, j - _NEAR):j + _NEAR + 1] for t in ts}
        near_weight = sum(w for t, w in weight.items() if t in near)
        if near_weight > best_weight:
            best, best_weight = j, near_weight
    return best


@dataclass
class ScoredSentences:
    """Every sentence of the top chunks, best first, with what scoring learnt of the
    question: the kind of answer it wants and how much each of its terms weighs."""
    question: str
    ranked: list[Candidate]
    facts: QuestionFacts
    weight: dict[str, float]
    no_such_item: bool = False  # the question names a recommendation no document has
    acronyms: dict[str, str] = field(default_factory=dict)  # the short forms the documents define
    unwritten: frozenset = frozenset()  # the question's terms no chunk uses


def replies_only(scored: ScoredSentences, doc_id: str, besides: str) -> ScoredSentences:
    """The scored sentences that are a response document's own words: not the
    recommendation it quotes ("Stephan recommends that there should be …"), nor `besides`
    (the verdict already given)."""
    replied = _replied_items([c.hit for c in scored.ranked])

    def reply(c: Candidate) -> bool:
        meta = c.hit.node.metadata
        if meta.get("doc_id") != doc_id or c.text.strip() in besides:
            return False
        if _own_voice(c, replied):
            return True
        return meta.get("part") not in COMMITTEE_PARTS and not RECOMMENDING.search(c.text)
    return replace(scored, ranked=[c for c in scored.ranked if reply(c)])


ITEM_SPOKEN_OF = True  # issue 4 lever


def score_sentences(question: str, query_vector: np.ndarray, hits: list[Hit], store: StoredIndex) -> ScoredSentences:
    candidates = _candidates(hits, store)
    facts = with_item_from_passages(read_question(question), [h.node.metadata for h in hits])
    # "the response to recommendation 5" of a report that made four: none of the
    # documents of the best three passages has one
    in_focus = {h.node.metadata.get("doc_id") for h in hits[:3]}
    # "On conclusion 1 we recognise …" speaks of an item the structure did not mark
    spoken = re.compile(rf"\b{facts.item_kind}s?\s+(?:no\.?\s*)?{re.escape(facts.item_number)}\b", re.I) \
        if facts.item_number and facts.item_kind else None
    no_such_item = bool(MISSING_ITEM and facts.item_number) and not any(
        matches_item(facts, meta) and meta["doc_id"] in in_focus for _, meta in store.rows_in_structure(facts.item_number)) \
        and not (ITEM_SPOKEN_OF and spoken is not None and any(spoken.search(h.node.text) for h in hits[:3]))
    if not candidates:
        return ScoredSentences(question, [], facts, {}, no_such_item)
    replied = _replied_items(hits)
    ids = np.array([c.vector for c in candidates])
    vectors = np.asarray(store.sentence_vectors[ids])
    # A sentence is also read with the one before it (issue 4's largest lever: bundled
    # accuracy 0.770 -> 0.878); candidates keep each chunk's sentences in order.
    cosines = with_pairs(ids, [id(c.hit) for c in candidates], vectors, vectors @ query_vector)
    # One tokenizer call for the question, every sentence (with its section path) and
    # every sentence's predecessor.
    token_lists = tokenize(
        [question]
        + [f"{c.text} {c.hit.node.metadata.get('section', '')}" for c in candidates]
        + [c.previous for c in candidates]
    )
    q_terms = set(token_lists[0])
    # Rare words carry the question: "secretariat" says more than "expert group".
    weight = store.lexical.idf(q_terms) if LEXICAL_IDF else dict.fromkeys(q_terms, 1.0)
    total = sum(weight.values())
    # "PSI" in a sentence answers for "public sector information" in the question, where
    # the documents define the one as the other.
    aliases = [(short, words) for short, words in store.acronym_terms if words and words <= q_terms]
    n = len(candidates)
    part = named_part(question) if PART_BONUS else None
    for i, (c, cos) in enumerate(zip(candidates, cosines)):
        terms = set(token_lists[1 + i])
        terms |= {w for short, words in aliases if short in terms for w in words}
        if SAME_THING:
            terms |= {w for group in _SAME_THING if terms & group for w in group & q_terms}
        context = set(token_lists[1 + n + i]) - terms
        c.cosine = float(cos)
        c.lexical = (sum(weight[t] for t in q_terms & terms) + 0.5 * sum(weight[t] for t in q_terms & context)) / total if total else 0.0
        c.kind_boost = _answer_type_boost(facts, c.text, question)
        c.score = (W_COSINE * c.cosine + W_LEXICAL * c.lexical + W_DENSE * c.hit.dense
                   + c.kind_boost + _deadline_boost(question, c.text) + _purpose_boost(question, c.text) + _examples_boost(question, c.text) + _reason_boost(question, c.text, c.lexical) + _premise_boost(question, c.text, c.lexical) + _stance_boost(question, c.text, c.lexical)
                   + _structure_boost(question, facts, c, replied) + _other_kind_penalty(facts, c) + _signature_boost(question, c.text)
                   + _glossary_penalty(question, c) + _part_bonus(part, c)
                   - (FOOTNOTE_PENALTY if _cites_source(question, c.text) else 0.0)
                   - (RUN_ON_PENALTY if len(c.text.split()) > RUN_ON_WORDS else 0.0))
    return ScoredSentences(question, sorted(candidates, key=lambda c: -c.score), facts, weight, no_such_item,
                           store.acronyms, store.lexical.unwritten(q_terms))


# A chunk's place after the sentence stage: its best sentence's score, plus a tenth of its
# retrieval score so that a chunk both rankings agree on is not pushed down by a sentence
# elsewhere that only looks like an answer (measured: 0.1 / 0.2 / 0, shared MRR 0.857 /
# 0.848 / 0.849; answers unchanged).
FUSED_WEIGHT = 0.1


def chunk_scores(scored: ScoredSentences) -> dict[int, float]:
    """Each scored chunk's (index row's) score after the sentence stage, within 0..1."""
    best: dict[int, float] = {}
    for c in scored.ranked:
        if c.hit.row not in best:
            best[c.hit.row] = round(max(0.0, min(1.0, c.score + FUSED_WEIGHT * c.hit.score)), 4)
    return best


def reranked(hits: list[Hit], best: dict[int, float]) -> list[Hit]:
    """The scored chunks ordered by their score after the sentence stage, then the rest
    in retrieval order: the chunk that holds the answer is listed first."""
    order = {id(h): i for i, h in enumerate(hits)}
    return sorted(hits, key=lambda h: (h.row not in best, -best.get(h.row, 0.0), order[id(h)]))


def _same_section(one: Candidate, other: Candidate) -> bool:
    return _same_place(one.hit, other.hit)


def _same_place(one: Hit, other: Hit) -> bool:
    a, b = one.node.metadata, other.node.metadata
    return (a.get("doc_id"), a.get("section")) == (b.get("doc_id"), b.get("section"))


SECTION_FIGURES = True  # issue 4 lever


MIN_QUOTE_WORDS = 8  # a shorter cut of a sentence says too little to quote


def _abstain_showing(sentence: Candidate, max_words: int,
                     lead: str = "The documents do not say that") -> tuple[str, list[Citation], bool]:
    """No answer, and no citation (an abstention carries none), but the words that deny
    the question's premise, or say the figure asked for is not known, with their page.
    All of it keeps within max_words: a long title gives way to the file's name."""
    meta = sentence.hit.node.metadata
    where = f"page {page_at(meta, sentence.start)}"
    source = str(meta.get("title", ""))
    if len(f"{lead} {source} {where}".split()) + MIN_QUOTE_WORDS > max_words:
        source = str(meta.get("file", ""))
    room = max_words - len(f"{lead} {source} {where}".split())
    return f"{lead}: “{_trim(sentence.text.strip(), room)}” ({source}, {where}).", [], True


# "How much will the monitoring system cost?" — "the cost … is currently unknown": the
# documents do not give the figure, and say so.
FIGURE_NOT_GIVEN = True  # issue 4 lever
# "Who chairs the International Development Sector Transparency Board?" where it is listed
# "(Chair: TBC)": the next board's chair is no answer (issue 4 lever)
POST_UNFILLED = True
_POST_TBC = re.compile(r"\b(?:chair|head|lead|director|secretary)(?:man|woman|person)?\s*[:\-–—]?\s*(?:TBC|TBA|to be (?:confirmed|appointed|announced)|vacant)\b",
                       re.I)
_FIGURE_UNKNOWN = re.compile(r"\bunknown\b|\bnot (?:yet )?(?:known|decided|agreed|confirmed)\b|\bto be confirmed\b|\bTBC\b|"
                             r"\byet to be (?:decided|agreed|confirmed|set)\b|\bno date\b", re.I)


# "Where did the Lords space committee make its visit on 9 May 2025?": the best sentence
# (the committee's appointment) never gives the date the question names; "On 9 May 2025, we
# attended a visit at the Harwell Science and Innovation Campus", 0.081 behind, does
# (issue 4 lever)
DATED_FALLBACK = True
DATED_FALLBACK_GAP = 0.1


_DAY_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\s+(?:19|20)\d{{2}}\b")


def _dated_close_behind(best: Candidate, ranked: list[Candidate], question: str, named: set) -> Candidate | None:
    """The best sentence within DATED_FALLBACK_GAP of `best` that writes the day the
    question names ("9 May 2025") and every other figure it names, for a question asking
    no kind of figure."""
    days = [re.sub(r"\s+", " ", d) for d in _DAY_DATE.findall(question)]
    if not days:
        return None
    return next((c for c in ranked if c is not best and c.score >= best.score - DATED_FALLBACK_GAP
                 and all(d in re.sub(r"\s+", " ", c.text) for d in days)
                 and not figures_missing(question, named, c.text, c.hit.node.metadata, c.text)), None)


def _figure_not_given(facts: QuestionFacts, best: Candidate, ranked: list[Candidate], question: str) -> bool:
    """The best sentence says the figure asked for is not known, and neither it nor the
    two after it give one ("URL to be confirmed … available as image data from March 2014");
    or it gives the post asked about as unfilled ("… Transparency Board (Chair: TBC)"),
    whatever the next item of its list gives."""
    if POST_UNFILLED and facts.expects in {"role", "person"} and _POST_TBC.search(best.text):
        return True
    if not (FIGURE_NOT_GIVEN and facts.expects in {"money", "number", "date"} and _FIGURE_UNKNOWN.search(best.text)):
        return False

    def gives_one(text: str) -> bool:
        return has_answer_type(facts.expects, _FIGURE_UNKNOWN.sub(" ", NOT_KNOWN.sub(" ", text)), question)

    return not gives_one(best.text) and _typed_continuation(best, ranked, facts, question, gives_one) is None


# A sentence that refutes a why-question's premise counts when it scores all but as well
# as the answer, though the word limit left it out of the answer (0.03; at 0.06 a sentence
# 0.054 behind refuted "France rather than the UK" by naming the UK alone, -q050).
CLOSE_DENIALS = True  # issue 4 lever
DENIAL_MARGIN = 0.03


def _refused(question: str, best: Candidate, chosen: list[Candidate], max_words: int,
             ranked: list[Candidate] = ()) -> tuple | None:
    """The abstention the chosen sentences, read together, call for, if any."""
    close = [c for c in ranked if c.score >= best.score - DENIAL_MARGIN] if CLOSE_DENIALS else []
    denial = next((c for c in [*chosen, *close]
                   if premise_contradicted(question, c.text) or premise_negated(question, c.text)
                   or another_appointed(question, c.text)
                   or another_partner(question, c.text)), None)
    denial = denial or next((c for c in ranked if premise_set_aside(question, c.text)), None)
    if denial is not None:
        return _abstain_showing(denial, max_words)
    if still_to_come(question, [c.text for c in chosen]):
        return _abstain_showing(best, max_words, "The documents describe this as still to come")
    if only_asked_for(question, [(c.text, c.hit.node.metadata.get("part")) for c in chosen]):
        return _abstain_showing(best, max_words, "The documents show this was asked of the government, not that it was done")
    if premise_not_recorded(question, [c.text for c in chosen]):
        return _abstain_showing(best, max_words)
    # "What cap will apply in Scotland?": a sum with "… anyone in England will need to
    # spend" beside it in its section (another section's sentence, a glossary's "Exercise
    # Taliesin … across Wales", says nothing of it)
    if NATION_IN_ANSWER and about_another_nation(question, " ".join(c.text for c in chosen if _same_section(c, best))):
        return ABSTAIN_ANSWER, [], True
    publishers = " ".join({c.hit.node.metadata.get("publisher") or "" for c in chosen})
    if another_government(question, " ".join(c.text for c in chosen), publishers):
        return ABSTAIN_ANSWER, [], True
    return None


# A sentence saying a figure is unknown answers only for the thing it names: the words it
# shares with the question must carry this share of their weight
UNKNOWN_OF_ANOTHER = True  # issue 4 lever
UNKNOWN_OVERLAP = 0.3


# "Who has been appointed as the new Head of Resilience?" is answered by a name only; "A
# new Head of Resilience has been appointed to drive collaboration" names none. Other
# who-questions may be answered by a post or a body ("convened by the local authority").
APPOINTEE_ASKED = True  # issue 4 lever
_ASKS_APPOINTEE = re.compile(r"\b(?:who|which (?:[\w’'-]+ )?(?:minister|person|official|individual)|names? of)\b"
                             r"(?:\s+[\w’'-]+){0,5}?\s+(?:appointed|named|nominated|selected|chosen)\b", re.I)


# "Who was appointed as the UK's dedicated Space Minister?" is not answered by a list of
# a committee's members: the post asked about is named where the person is (issue 4 lever)
POST_NAMED = True
_APPOINTED_AS = re.compile(r"\b(?:appointed|named|nominated|selected|chosen)\s+(?:as\s+)?(?:the\s+|an?\s+)?(?P<post>[^?,]+?)"
                           r"(?=\s+(?:after|by|in|following|for|to|of|at|on|since|when|under|from)\b|[?,]|$)", re.I)


# "Who has been appointed to chair the revised Space Skills Advisory Panel?": the post is
# the verb, answered by "chaired by …" or "as Chair", not by any name beside the panel's
APPOINTED_TO_VERB = True
_APPOINTED_TO = re.compile(r"\b(?:appointed|named|nominated|selected|chosen)\s+to\s+(?P<post>chair|lead|head)\b", re.I)


def _post_not_named(question: str, answer: str) -> bool:
    asked = None
    if POST_NAMED and _ASKS_APPOINTEE.search(question):
        asked = (APPOINTED_TO_VERB and _APPOINTED_TO.search(question)) or _APPOINTED_AS.search(question)
    words = [w for w in re.findall(r"[\w’'-]+", asked["post"]) if not re.search(r"[’']s$", w)] if asked else []
    head = tokenize([words[-1]])[0] if words else []
    return bool(head) and head[0] not in set(tokenize([answer])[0])


# "Who else sits on the Expert Group besides the chair?" is not answered by "… independently
# chaired by Gaynor Legall CBE": the one person it names is the one the question sets aside
# (issue 4 lever)
OTHERS_ASKED = True
_BESIDES_POST = re.compile(r"\bwho\b.*\b(?:besides|apart from|other than|aside from|except(?: for)?)\s+(?:the\s+|its\s+)?"
                           r"(?:chair|chairman|chairwoman|chairperson|head|leader|director)\b", re.I)
_POST_HELD_BY = re.compile(r"\b(?:chaired|led|headed|directed) by\s+(?:(?:the\s+)?(?-i:[A-Z])[\w’'.-]*\s*)+|"
                           r"\b(?:chair|head|leader|director)\s*:\s*(?:(?-i:[A-Z])[\w’'.-]*\s*)+", re.I)


def _only_the_post_set_aside(question: str, answer: str) -> bool:
    """A question for the others besides a post's holder, answered only by that holder."""
    if not (OTHERS_ASKED and _BESIDES_POST.search(question)):
        return False
    return not has_answer_type("person", _POST_HELD_BY.sub(" ", answer), question)


# "UKSA's budget for 2025/26" where the best sentence's passage is about 2022/23: a sum
# within this of it, whose own passage names the year, answers (issue 4 lever)
FIGURE_FALLBACK_GAP = 0.06


# A sentence that holds the kind of answer asked for (a name, a sum, a date) and shares
# most of the question's words answers a little under the floor: "In my *Hate Hurts
# Wales* oral statement …" for what the statement was called (issue 4 lever)
TYPED_FLOOR_KINDS = {"name", "money", "number", "date"}
TYPED_FLOOR_MARGIN = 0.07
TYPED_FLOOR_LEXICAL = 0.5


# A sentence that writes the term the question quotes ("What size of development does CP
# 673 treat as a 'very large site'?": "Very large sites (10,000+ homes) …") answers a
# little under the floor too (issue 4 lever)
QUOTED_TERM_FLOOR = True


def _writes_quoted_term(question: str, sentence: str) -> bool:
    if not QUOTED_TERM_FLOOR:
        return False
    quoted = quoted_terms(question)
    if not quoted:
        return False
    words = set(tokenize([sentence])[0])
    terms = tokenize(quoted)
    return any(len(t) >= 2 and all(w in words for w in t) for t in terms)


def _beside(hit: Hit, hits: list[Hit]) -> list[Hit]:
    """The retrieved chunks either side of `hit` in the same section."""
    return [h for h in hits if abs(h.row - hit.row) == 1 and _same_place(h, hit)]


def _next_to(hit: Hit, hits: list[Hit]) -> str:
    return " ".join(h.node.text for h in _beside(hit, hits))



# "This is already in effect for those drawing on care at home" scores best through the
# sentence before it, in which its vector was embedded ("… the government will use section
# 18(3) of the Care Act 2014 …"). When the two do not fit in one answer together, the one
# before answers if it holds more of the question's words and scores all but as well on its
# own, unless the question asks for a kind of answer only the later one holds ("This 0%
# rate would be applicable for up to three years") (issue 4 lever).
ANTECEDENT_APART = True
ANTECEDENT_GAP = 0.05  # "This Report concludes that … the UK was ill prepared" is 0.084 ahead of a footnote run


def _antecedent_if_apart(best: Candidate, ranked: list[Candidate], facts: QuestionFacts, question: str,
                         max_words: int) -> Candidate:
    if not ANTECEDENT_APART or best.quote_start(max_words) != best.start or not leans_on_previous(best.text):
        return best
    if facts.expects is not None and has_answer_type(facts.expects, best.text, question):
        return best
    before = next((c for c in ranked if c.hit.row == best.hit.row and c.start == best.previous_start), None)
    if before is None or before.lexical <= best.lexical or before.score < best.score - ANTECEDENT_GAP:
        return best
    return before


def _fitting(best: Candidate, follow: Candidate | None, max_words: int) -> Candidate | None:
    """`follow`, if quoting it after `best` keeps the answer within max_words."""
    if follow is None or len(best.quote(max_words).split()) + len(follow.quote(max_words, _shown([best])).split()) > max_words:
        return None
    return follow


LIST_AFTER_LEAD_IN = True  # issue 4 lever
# a bullet or a numbered item, besides the lettered ones _LIST_ITEM reads
_LIST_ITEM_OPENING = re.compile(rf"^\s*(?:[•●▪*–-]|\(?\d{{1,2}}[.)])\s|{_LIST_ITEM.pattern}")


def _listed_after(best: Candidate, ranked: list[Candidate], max_words: int) -> list[Candidate]:
    """The list items that follow a best sentence ending in a colon, in its chunk or at
    the start of the next chunk of its section, as many as fit after it."""
    if not best.text.rstrip().endswith(":"):
        return []
    after = sorted((c for c in ranked if c.hit.row == best.hit.row and c.start > best.start), key=lambda c: c.start)
    if not after:
        after = sorted((c for c in ranked if c.hit.row == best.hit.row + 1 and _same_place(c.hit, best.hit)),
                       key=lambda c: c.start)
    items, words = [], len(best.quote(max_words).split())
    for c in after:
        if not _LIST_ITEM_OPENING.match(c.text) or words + len(c.text.split()) > max_words:
            break
        items.append(c)
        words += len(c.text.split())
    return items


def _cites_source(question: str, sentence: str) -> bool:
    """A footnote citing its source ("… Report, HMSO, page 12."), unless a footnote is asked about."""
    return bool(_FOOTNOTE_REFERENCES.search(sentence)) and not asks_footnote(question)


def _note_cited(question: str, best: Candidate, ranked: list[Candidate]) -> Candidate | None:
    """The note the answering sentence cites by marker, when the question asks about a
    footnote (a note is one sentence of its document's Footnotes section)."""
    if not asks_footnote(question) or best.hit.node.metadata.get("section") == FOOTNOTES_SECTION:
        return None
    markers = tuple(f"[footnote {n}]" for n in FOOTNOTE_MARKER.findall(best.text))
    return next((c for c in ranked if markers and c.text.startswith(markers)
                 and c.hit.node.metadata.get("section") == FOOTNOTES_SECTION
                 and c.hit.node.metadata["doc_id"] == best.hit.node.metadata["doc_id"]), None)


# "What is the Welsh Government's response on Welsh-medium school places?": a reply, view or
# position asked on a topic a word of which no chunk of the documents uses ("school") is
# not in them (issue 4 lever)
TOPIC_UNWRITTEN = True
# "reply to" names what is replied to ("the Lords committee's call for …"), in words a
# small corpus may not use; "response on" names the topic
_STANCE_ON = re.compile(r"\b(?:response|position|view|stance|policy|approach)\s+(?:on|about|regarding)\s+"
                        r"(?P<topic>[^?,;]+)", re.I)


def _topic_unwritten(question: str, unwritten: frozenset) -> bool:
    asked = _STANCE_ON.search(question) if TOPIC_UNWRITTEN and unwritten else None
    return asked is not None and bool(set(tokenize([asked["topic"]])[0]) & unwritten)


# A sentence scoring within this of the best one supports it in the answer (issue 4 lever:
# 0.06 / 0.08 / 0.10 / 0.12 on 21 sets, 1,156 questions: 95 / 94 / 90 / 93 wrong; 0.10
# fixed six and lost one, and on fresh20, held out from the choice, 22 -> 23 of 36 right)
SUPPORT_MARGIN = 0.10


def compose_answer(
    scored: ScoredSentences,
    hits: list[Hit],
    max_sentences: int,
    max_words: int,
    abstain_below: float,
) -> tuple[str, list[Citation], bool]:
    """The answer from the best-scored sentences, or an abstention when none is good
    enough or none holds the kind of answer asked for."""
    question, ranked, facts, weight = scored.question, scored.ranked, scored.facts, scored.weight
    if REPLY_ONLY_WHEN_ASKED and _ASKS_HOW_REPLIED.search(question):
        # "How did the government answer Recommendation 18 …?": where a reply is among the
        # passages, the committee's words it replies to answer nothing, however well they
        # echo the question
        replied = _replied_items([c.hit for c in ranked])
        replies = [c for c in ranked if _own_voice(c, replied)
                   or (c.hit.node.metadata.get("part") not in COMMITTEE_PARTS and not RECOMMENDING.search(c.text))]
        if any(c.hit.node.metadata.get("part") == "response" for c in replies[:3]):
            ranked = replies
    if not ranked or scored.no_such_item or _topic_unwritten(question, scored.unwritten):
        return ABSTAIN_ANSWER, [], True
    best, follow, unnamed = _antecedent_if_apart(ranked[0], ranked, facts, question, max_words), None, False
    named = {facts.item_number, facts.paragraph}
    holds = facts.expects in STRICT_KINDS and has_answer_type(facts.expects, best.text, question)
    typed = holds and facts.expects in TYPED_FLOOR_KINDS and best.lexical >= TYPED_FLOOR_LEXICAL
    if best.score < abstain_below - (TYPED_FLOOR_MARGIN if typed or _writes_quoted_term(question, best.text) else 0.0):
        return ABSTAIN_ANSWER, [], True
    if facts.expects in STRICT_KINDS and not holds:
        # Asked for a sum, a count or a date: what the best sentence's passage goes on to
        # say may hold it; a sentence elsewhere that merely holds one, sharing fewer of
        # the question's words, is about something else (measured: on four sets it
        # answered three questions, all wrongly).
        follow = _typed_continuation(best, ranked, facts, question) or _typed_close_behind(best, ranked, facts, question)
        if follow is None:
            return ABSTAIN_ANSWER, [], True
        if UNKNOWN_OF_ANOTHER and NOT_KNOWN.search(follow.text) and follow.lexical < UNKNOWN_OVERLAP:
            # "Potential costs arising from Expert Group recommendations are currently
            # unknown" says nothing of the money for future depolarisation projects
            return _abstain_showing(best, max_words, "The documents do not give that figure")
    elif PERSON_CONTINUED and facts.expects == "person" and not has_answer_type(facts.expects, best.text, question):
        # "… we created the Open Data User Group, an independently chaired group." names
        # no one; "Heather Savory was appointed the Chair …" may come next, if both fit
        follow = _fitting(best, _typed_continuation(best, ranked, facts, question), max_words)
        unnamed = follow is None and APPOINTEE_ASKED and bool(_ASKS_APPOINTEE.search(question))
    elif REASON_RUNS_ON and _ASKS_REASON.search(question) and not _GIVES_REASON.search(best.text):
        follow = _fitting(best, _typed_continuation(best, ranked, facts, question, _gives_reason_on), max_words)
    subject = _subject_elsewhere(best, ranked) if OFF_SUBJECT_GAP and facts.expects in STRICT_KINDS else None
    if subject is not None:
        # The answer is about something else; the subject's own passage may go on to hold
        # one ("The Inquiry held a public consultation … In total, more than 20,000
        # responses were received.")
        follow = _typed_continuation(subject, ranked, facts, question) if SUBJECT_RUNS_ON else None
        if follow is not None:
            best = subject
        elif SUBJECT_SECTION_TYPED:
            # or the subject's section may hold it, before the subject's sentence: "3.4.1 …
            # seed capital funding of up to £25 million" above "They will be accountable …
            # for … seed capital funding", where the foreword's £26 million scored best
            off = best
            best = _typed_close_behind(off, ranked, facts, question, SUBJECT_SECTION_GAP,
                                       lambda c: _same_place(c.hit, subject.hit) and c.lexical >= off.lexical)
        else:
            best = None
        if best is None:
            return ABSTAIN_ANSWER, [], True
    # a figure the question names may be in the passage the answer runs on into
    passage = best.hit.node.text if follow is None or follow.hit is best.hit else f"{best.hit.node.text} {follow.hit.node.text}"
    if SECTION_FIGURES:
        # "the 1.25% dividend tax rise" named in the paragraph before, in the same section
        passage = f"{passage} {_next_to(best.hit, hits)}"
    section_text = " ".join(h.node.text for h in hits if _same_place(h, best.hit))
    passed_over = float("inf")
    if figures_missing(question, named, passage, best.hit.node.metadata, section_text):
        # "UKSA's budget for 2025/26": the best sentence's passage is about 2022/23; one
        # close behind that holds the sum and the year answers
        best = _typed_close_behind(
            best, ranked, facts, question, FIGURE_FALLBACK_GAP,
            lambda c: not figures_missing(question, named, c.hit.node.text, c.hit.node.metadata, c.hit.node.text),
        ) if follow is None and facts.expects in STRICT_KINDS else _dated_close_behind(best, ranked, question, named) \
            if follow is None and facts.expects is None and DATED_FALLBACK else None
        if best is None:
            return ABSTAIN_ANSWER, [], True
        # sentences passed over for not giving the figures named support nothing either
        passed_over = best.score

    meta = best.hit.node.metadata
    heading = f"{meta.get('title', '')} {meta.get('section', '')}"
    if (about_another_nation(question, best.text, heading)
            or named_thing_missing(question, facts.expects, f"{heading} {best.hit.node.text}",
                                   {h.row - best.hit.row: h.node.text for h in _beside(best.hit, hits)}, scored.acronyms)
            or choice_not_said(question, f"{best.previous} {best.text}")
            or another_edition(question, best.text) or cost_of_another(question, best.text)):
        return ABSTAIN_ANSWER, [], True
    if premise_denied(question, best.text):
        return _abstain_showing(best, max_words)
    if _figure_not_given(facts, best, ranked, question):
        said = "The documents do not name who holds that post" if facts.expects in {"role", "person"} else "The documents do not give that figure"
        return _abstain_showing(best, max_words, said)

    chosen = [best] if follow is None else [best, follow]
    verdict = _verdict_line(facts, ranked, question) if follow is None else None
    if verdict is not None and verdict is not best:
        # "Was it accepted?" is answered by the government's verdict, then the best
        # sentence of what it said.
        chosen = [verdict, best]
    words = sum(len(c.quote(max_words).split()) for c in chosen)
    for c in ranked:
        if any(c is o for o in chosen):
            continue
        if len(chosen) >= max_sentences or c.score < best.score - SUPPORT_MARGIN:
            break
        if c.score > passed_over:
            continue
        if _cites_source(question, c.text):
            continue  # a note citing a source supports nothing
        if any(c.text == o.text for o in chosen):
            continue  # the same sentence again, from an overlapping chunk
        if c.text.rstrip().endswith(":") or (POINTERS_ASIDE and _POINTER.search(c.text)):
            continue  # a list's lead-in says nothing without its list, nor "… outlined below" without it
        extra = len(c.quote(max_words, _shown(chosen)).split())
        if words + extra > max_words:
            continue
        chosen.append(c)
        words += extra
    if LIST_AFTER_LEAD_IN and len(chosen) == 1:
        # "… looked through “three lenses” when making decisions:", quoted alone, says
        # nothing without its list: the items follow it, as many as fit
        chosen += _listed_after(best, ranked, max_words)
    refused = _refused(question, best, chosen, max_words, ranked)
    if refused is not None:
        return refused
    if act_not_said(question, passage):
        # after the readers that find the sentence refuting the premise, which shows more
        return _abstain_showing(best, max_words)
    if (unnamed or _post_not_named(question, " ".join(c.text for c in chosen))
            or _only_the_post_set_aside(question, " ".join(c.text for c in chosen))):
        return ABSTAIN_ANSWER, [], True
    note = _note_cited(question, best, ranked)
    if note is not None:
        chosen = [best, note]
    # The answer leads (after a verdict line, if any); supporting sentences follow in
    # document order, so "It met in May" never comes before what "it" is.
    lead = chosen[:2] if (verdict is not None and chosen[0] is verdict) or follow is not None or note is not None else chosen[:1]
    rank = {id(h): i for i, h in enumerate(hits)}
    chosen = lead + sorted(chosen[len(lead):], key=lambda c: (rank.get(id(c.hit), 0), c.start))

    parts, citations = [], []
    left = max_words  # a verdict line and the sentence after it are chosen whatever their length
    for n, c in enumerate(chosen, start=1):
        shown = _shown([o for o in chosen if o is not c])
        full = c.quote(max_words, shown)
        start, end = 0, len(full)
        if n == 1:
            start, end = _focus(full, question, max_words, weight, lambda t: has_answer_type(facts.expects, t, question))
        elif len(full.split()) > left:
            if left < MIN_QUOTE_WORDS:
                break
            end = len(_trim(full, left))
        quote = full[start:end]
        left -= len(quote.split())
        meta = c.hit.node.metadata
        if quote not in c.hit.node.text:  # the contract's promise; never skipped, unlike assert
            raise RuntimeError(f"citation quote is not in chunk {c.hit.node.node_id}: {quote!r}")
        citations.append(Citation(
            n=n, doc_id=meta["doc_id"], title=meta.get("title", ""), file=meta.get("file", ""),
            page=page_at(meta, c.quote_start(max_words, shown) + start), section=meta.get("section", ""), quote=quote,
            chunk_id=c.hit.node.node_id, score=round(max(0.0, min(1.0, c.score)), 4),
        ))
        parts.append(f"{'… ' if start else ''}{quote}{' …' if end < len(full) else ''} [{n}]")
    return " ".join(parts), citations, False
