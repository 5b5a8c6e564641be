"""Sides: a neutral cue's content read against who accuses and who stands accused in the article."""
from claimscope.attribution import extract_attributions
from claimscope.model import Article, Stance


def _by_content(*paragraphs):
    atts = extract_attributions(Article(id="t", headline=None, paragraphs=tuple(paragraphs)))
    return {" ".join(c.text for c in a.contents): (a.source_resolved, a.stance) for a in atts}


def _stance_of(got, words):
    return next(stance for content, (_, stance) in got.items() if words in content)


COURT = (
    "Former city clerk Martin Avery was charged with stealing $400,000 from the parking fund.",
    "Prosecutors said Avery moved the money into a private account over two years.",
    "Avery told the court that every payment from the parking fund had been approved by the council.",
    "He said he never took any money.",
)


def test_the_accused_answering_the_charge_denies():
    got = _by_content(*COURT)
    assert _stance_of(got, "every payment from the parking fund") is Stance.DENY
    assert _stance_of(got, "never took any money") is Stance.DENY


def test_the_accuser_naming_the_accused_as_doer_accuses():
    got = _by_content(*COURT)
    assert _stance_of(got, "Avery moved the money") is Stance.ACCUSE


def test_counter_accusation_names_the_accuser():
    got = _by_content(
        "Moldova accused Transnistria of shelling the border village of Cocieri.",
        "Transnistria denied the charge.",
        "A Transnistrian spokesman, Igor Balan, said Moldova had moved artillery to the river bank.",
    )
    assert _stance_of(got, "Moldova had moved artillery") is Stance.ACCUSE


def test_without_a_dispute_a_negated_statement_stays_an_assertion():
    got = _by_content(
        "The coast guard said no one was injured when the ferry ran aground.",
        "The operator said the ferry had not carried cargo on the trip.",
    )
    assert _stance_of(got, "no one was injured") is Stance.ASSERT
    assert _stance_of(got, "had not carried cargo") is Stance.ASSERT


def test_an_answer_on_another_matter_is_no_denial():
    got = _by_content(*COURT[:3], "Avery said he planned to retire to Oregon after the trial.")
    assert _stance_of(got, "retire to Oregon") is not Stance.DENY


def test_a_speaker_who_denied_keeps_denying_in_negated_quotes():
    got = _by_content(
        "The regional governor, Amal Haddad, denied that the warehouse had any military use.",
        "\"Not one of the men there carried a gun,\" Haddad said.",
        "\"The market opens at six,\" Haddad said.",
        "Haddad said the guard who had not been paid was sent home.",
    )
    assert _stance_of(got, "Not one of the men") is Stance.DENY
    assert _stance_of(got, "The market opens") is Stance.ASSERT  # no negation: a plain assertion
    assert _stance_of(got, "was sent home") is Stance.ASSERT  # the negation is the relative clause's


def test_a_place_in_an_organisations_name_does_not_put_it_on_a_side():
    got = _by_content(
        "Mali's army said on Saturday that a drone strike on a fuel depot in the city of Gao had killed 40 "
        "fighters from the rebel Azawad Front.",
        "He accused the Azawad Front of hiding fuel stocks behind bakeries across Gao.",
        "The rebel-appointed governor of Gao, Issa Maiga, denied that the depot had any military use.",
        "The Gao Civilian Harm Monitor, a UK-based group that tracks attacks, said it had counted 14 "
        "burned-out tankers inside the depot.",
    )
    assert _stance_of(got, "counted 14 burned-out tankers") is Stance.ASSERT  # an observer, not the accused


def test_a_company_first_described_then_named_answers_the_charge():
    got = _by_content(
        "Residents accused a mining company on Monday of poisoning the Lowa river with tailings.",
        "Kestrel Mining Ltd, which runs the pit upstream, said its tailings dam had never leaked.",
    )
    assert _stance_of(got, "tailings dam had never leaked") is Stance.DENY


def test_the_accusing_side_restating_its_charge_with_a_neutral_cue_accuses():
    got = _by_content(
        "The Harbour Traders' Association accused the port authority of hiding fees from its members.",
        "Lena Ortiz, the association's chair, said members had been charged hidden fees on every invoice.",
        "Ortiz said the association would hold its annual meeting in May.",
    )
    assert _stance_of(got, "charged hidden fees on every invoice") is Stance.ACCUSE
    assert _stance_of(got, "annual meeting") is not Stance.ACCUSE


def test_a_workers_union_named_after_the_company_is_the_other_side():
    got = _by_content(
        "Tavener Foods Ltd denied on Monday that it had cut breaks at its Leeds bakery and accused the "
        "Tavener Foods Workers' Union of misleading its members.",
        "The union said the company had cut the night shift's breaks and docked the pay of staff who complained.",
    )
    assert _stance_of(got, "cut the night shift's breaks") is Stance.ACCUSE


SEWAGE = ("Residents accused Brenmoor Water Ltd of releasing sewage into the Ashby river.",
          "Brenmoor Water Ltd denied the allegation.")


def test_another_partys_account_of_the_charged_partys_conduct_accuses():
    got = _by_content(
        *SEWAGE,
        "A county inspector, Paula Reyes, said Brenmoor Water Ltd had opened the overflow valves twice in May.",
        "Reyes said the river had been low all spring.",
    )
    assert _stance_of(got, "had opened the overflow valves") is Stance.ACCUSE
    assert _stance_of(got, "the river had been low") is Stance.ASSERT  # no charged party does anything


def test_in_a_dispute_saying_the_charged_thing_never_existed_denies():
    got = _by_content(
        "Dockers accused Corran Port Services of hiding near-misses from inspectors.",
        "The company rejected the claim.",
        '"There is no cover-up," its chief executive, Paul Garvey, said.',
        '"There is no reason for anyone to worry," Garvey said.',
        '"There is no practice of hiding reports, and we would not tolerate one," a spokeswoman said.',
    )
    assert _stance_of(got, "There is no cover-up") is Stance.DENY
    assert _stance_of(got, "no reason for anyone to worry") is Stance.ASSERT  # a reassurance
    assert _stance_of(got, "no practice of hiding reports") is Stance.DENY  # though "would" follows


def test_a_dummy_it_is_no_party_doing_anything():
    got = _by_content(
        *SEWAGE,
        "A doctor at the county hospital, Ruth Amos, said it was too early to link the cases to the river.",
    )
    assert _stance_of(got, "too early to link") is not Stance.ACCUSE


def test_what_the_charged_partys_unnamed_staff_did_accuses():
    got = _by_content(
        "Dockers accused Corran Port Services of hiding near-misses from inspectors.",
        "Corran Port Services rejected the claims.",
        "One docker, Gavin Twomey, said his supervisor told him to keep working after a crane failed.",
    )
    assert _stance_of(got, "his supervisor told him") is Stance.ACCUSE


def test_unnamed_staff_told_not_to_do_something_accuses_the_charged_party():
    got = _by_content("The families of three babies accused Hadar Medical Center of concealing an outbreak.",
                      "The hospital denied the allegation on Monday.",
                      "Two nurses in the unit, speaking on condition of anonymity, said staff had been told not to "
                      "write the word \u201coutbreak\u201d in patients\u2019 files.")
    assert _stance_of(got, "staff had been told not to write") is Stance.ACCUSE
