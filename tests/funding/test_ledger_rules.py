"""General rules of the grants ledger, one invented text each (no document's words)."""

from __future__ import annotations

from funding.grants import extract_grants
from funding.models import Grant
from tests.funding.texts import parsed


def _grants(text: str, **kwargs: str) -> list[Grant]:
    return extract_grants(parsed(text, **kwargs))


def _by_amount(text: str, amount: int, **kwargs: str) -> Grant:
    found = [g for g in _grants(text, **kwargs) if g.amount == amount]
    assert len(found) == 1, found
    return found[0]


def test_a_body_that_adopts_a_plan_does_not_receive() -> None:
    text = (
        "Kulturnämnden redovisar ändringar med 12 mnkr till kommunstyrelsen. "
        "Kulturnämnden fastställer planen för upphandling."
    )

    assert _by_amount(text, 12_000_000).recipients == ()


def test_a_numbered_item_lends_no_recipient_to_another() -> None:
    text = (
        "1. Fritidsnämnden fastställer årets plan för Ekbacka Föreningsråd.\n"
        "2. Fritidsnämnden avsätter 4 mnkr för underhåll av lokaler."
    )

    assert _by_amount(text, 4_000_000).recipients == ()


def test_a_record_names_the_project_leader_and_the_body() -> None:
    text = (
        "Studie av läxhjälp i Norrby\n\n"
        "Projektledare: Ada Lind, Norrby högskola\n"
        "Finansiering: ca 2,4 miljoner kr\n"
    )

    grant = _by_amount(text, 2_400_000)

    assert grant.recipients == ("Ada Lind", "Norrby högskola")
    assert grant.status == "decided"


def test_a_record_key_says_how_far_the_money_got() -> None:
    text = "Sökande: Föreningen Vindbryggan\nBeviljat belopp: 60 000 kr\n"

    assert _by_amount(text, 60_000).status == "decided"


def test_money_said_to_exist_somewhere_is_not_a_budget() -> None:
    text = "En halv miljon går till läxhjälp, det stöd som finns i området sedan länge."

    assert _by_amount(text, 500_000).status == "decided"


def test_money_still_to_distribute_is_a_budget() -> None:
    text = "I år har länet 6 miljoner kronor att fördela till kommuner som bygger upp stödet."

    assert _by_amount(text, 6_000_000).status == "budget"


def test_a_headline_that_opens_the_title_is_not_a_second_grant() -> None:
    text = (
        "7 miljoner till läxhjälp\n\n"
        "Utbildningsnämnden har beslutat att Norrby IF får 7 miljoner kronor för läxhjälp."
    )

    grants = _grants(text, title="7 miljoner till läxhjälp (Utbildningsnämnden)")

    assert [g.amount for g in grants] == [7_000_000]


def test_the_subject_receives_through_a_second_verb() -> None:
    text = "Fritidsgårdarna är fortsatt prioriterade och får höjda anslag om totalt 2,2 miljoner."

    assert _by_amount(text, 2_200_000).recipients == ("Fritidsgårdarna",)


def test_examples_of_a_group_do_not_own_its_sum() -> None:
    text = (
        "Verksamhetsbidragen utgör det mesta och uppgår till 9 miljoner kronor. "
        "Bland annat får Ekby IF och Norrby BK högre verksamhetsbidrag."
    )

    grant = _by_amount(text, 9_000_000)

    assert grant.recipients == ()
    assert grant.status == "decided"


def test_a_counted_group_borrows_no_name_from_the_body_before() -> None:
    text = (
        "Nästa vecka kommer kulturnämnden fördela statliga medel till unga. "
        "Totalt är det 12 miljoner kronor som fördelas ut till fem stadsdelar."
    )

    assert _by_amount(text, 12_000_000).recipients == ()


def test_the_municipality_is_the_one_the_document_names() -> None:
    text = (
        "Norrby kommun har länge arbetat med unga i Ekbacka.\n\n"
        "De 3 miljoner kronor som kommunen får under året går till fältarbete."
    )

    assert _by_amount(text, 3_000_000).recipients == ("Norrby kommun",)


def test_two_municipalities_leave_the_municipality_unnamed() -> None:
    text = (
        "Norrby kommun och Ekby kommun samarbetar.\n\n"
        "De 3 miljoner kronor som kommunen får under året går till fältarbete."
    )

    assert _by_amount(text, 3_000_000).recipients == ()


def test_a_budget_for_a_later_year_is_a_proposal() -> None:
    text = "Vår budget 2031\n\nVi satsar 5 miljoner kronor på läxhjälp i Norrby."

    grant = _by_amount(text, 5_000_000, title="Vår budget 2031", date="2030-11-10")

    assert grant.status == "proposed"


def test_an_adopted_budget_is_no_proposal() -> None:
    text = "Budgeten för 2031 antogs i går.\n\nVi satsar 5 miljoner kronor på läxhjälp i Norrby."

    grant = _by_amount(text, 5_000_000, title="Budget 2031", date="2030-11-10")

    assert grant.status != "proposed"


def test_a_budget_presented_is_a_proposal() -> None:
    text = (
        "Den nya budgeten för 2031 som presenterades i veckan ger socialtjänsten "
        "ett tillskott på 40 miljoner kronor."
    )

    assert _by_amount(text, 40_000_000, date="").status == "proposed"


def test_a_list_item_opens_with_its_receiver_before_a_semicolon() -> None:
    text = (
        "Förslag till projekt\n\n"
        "1. Ekby pensionärsförening; start av en mötesplats för äldre i Norrby, 41 000 kr.\n"
    )

    grant = _by_amount(text, 41_000, kind="meeting_agenda")

    assert grant.recipients == ("Ekby pensionärsförening",)
    assert grant.status == "proposed"  # from the list's introduction, the item says nothing


def test_a_list_item_without_a_body_names_no_receiver() -> None:
    text = "1. Städdagar i parken; material och fika, 12 000 kr.\n"

    assert _by_amount(text, 12_000).recipients == ()


def test_a_city_mission_in_the_genitive_is_named_without_it() -> None:
    text = "Nämnden har beslutat att avsätta 5 miljoner kronor för Norrby Stadsmissions härbärgen."

    assert _by_amount(text, 5_000_000).recipients == ("Norrby Stadsmission",)


def test_amounts_listed_after_one_receiver_are_all_its_own() -> None:
    text = "Norrby kommun har fått medel i två år, 2031 cirka 4 miljoner och cirka 6 miljoner 2032."

    assert _by_amount(text, 6_000_000).recipients == ("Norrby kommun",)


def test_an_amount_named_as_set_aside_is_a_budget() -> None:
    text = (
        "I dag tog kulturnämnden beslut om fördelningen av de 9 miljoner kronor "
        "som är avsatta till föreningsbidrag."
    )

    assert _by_amount(text, 9_000_000).status == "budget"


def test_a_partys_budget_alternative_is_a_proposal() -> None:
    text = (
        "Ett bättre budgetalternativ för Norrby.\n\n"
        "I vårt budgetalternativ satsar vi 30 miljoner kronor mer på hemtjänsten."
    )

    assert _by_amount(text, 30_000_000, date="").status == "proposed"


def test_the_body_applied_to_does_not_receive() -> None:
    text = (
        "I dag beslutade kulturnämnden om de 4 miljoner kronor som är avsatta till bidrag. "
        "Till kulturnämnden har 40 föreningar ansökt om bidrag."
    )

    assert _by_amount(text, 4_000_000).recipients == ()


def test_each_name_owns_the_amount_in_brackets_after_it() -> None:
    text = (
        "Nämnden beviljade bidrag till Ekby IF (40 000 kr), Norrby BK (30 000 kr) "
        "och Lindö SK (25 000 kr)."
    )

    owners = {g.amount: g.recipients for g in _grants(text)}

    assert owners == {40_000: ("Ekby IF",), 30_000: ("Norrby BK",), 25_000: ("Lindö SK",)}


def test_name_and_amount_pairs_in_a_list() -> None:
    text = "Bidrag beviljas till följande föreningar: Ekby IF, 40 000 kr, Norrby BK, 30 000 kr."

    owners = {g.amount: g.recipients for g in _grants(text)}

    assert owners == {40_000: ("Ekby IF",), 30_000: ("Norrby BK",)}


def test_a_place_and_a_compound_body_word_make_a_name() -> None:
    text = "Lindö kvinnojour tilldelas 120 000 kronor för 2025."

    assert _by_amount(text, 120_000).recipients == ("Lindö kvinnojour",)


def test_nordic_municipality_and_til() -> None:
    assert _by_amount("Ekby kommune får 3 millioner kroner.", 3_000_000).recipients == (
        "Ekby kommune",
    )
    text = "Kommunen gir 2 millioner kroner til Ekby Frivilligsentral."
    assert _by_amount(text, 2_000_000).recipients == ("Ekby Frivilligsentral",)


def test_the_applicant_of_a_refused_application_is_named() -> None:
    text = "Socialnämnden beslutar att avslå ansökan från Föreningen Gröna Vägen om 90 000 kr."

    grant = _by_amount(text, 90_000)

    assert grant.recipients == ("Föreningen Gröna Vägen",)
    assert grant.status == "refused"


def test_a_source_is_still_no_receiver() -> None:
    text = "Ekby IF får 50 000 kronor i statsbidrag från Socialstyrelsen."

    assert _by_amount(text, 50_000).recipients == ("Ekby IF",)


def test_an_applicant_in_the_colon_genitive() -> None:
    grant = _by_amount("Ekby IF:s ansökan om 80 000 kr avslogs.", 80_000)

    assert (grant.recipients, grant.status) == (("Ekby IF",), "refused")


def test_the_applicant_after_the_amount_applied_for() -> None:
    text = "Nämnden avslår ansökan om 40 000 kr från Norrby BK."

    assert _by_amount(text, 40_000).recipients == ("Norrby BK",)


def test_granted_as_applied_for_is_granted() -> None:
    text = "Ekby IF beviljas 50 000 kronor enligt ansökan."

    assert _by_amount(text, 50_000).status == "decided"


def test_each_amount_of_a_sentence_has_its_own_clause() -> None:
    grants = _grants("Ekby IF sökte 80 000 kronor men fick 50 000 kronor.")

    assert [(g.amount, g.recipients, g.status) for g in grants] == [
        (80_000, ("Ekby IF",), "applied"),
        (50_000, ("Ekby IF",), "decided"),
    ]


def test_a_sum_now_and_what_it_is_raised_to() -> None:
    text = "Grundbidraget ligger i dag på 3 100 kr och höjs till 4 200 kr för nästa år."

    assert {g.amount: g.status for g in _grants(text)} == {3_100: "reported", 4_200: "decided"}


def test_the_receiver_of_a_grant_that_is_raised() -> None:
    grant = _by_amount("Bidraget till Ekby IF höjs till 60 000 kronor.", 60_000)

    assert (grant.recipients, grant.status) == (("Ekby IF",), "decided")


def test_shelters_as_a_group_receive() -> None:
    text = "Nämnden ger 2 miljoner kronor till kvinnojourerna."

    assert _by_amount(text, 2_000_000).recipients == ("Kvinnojourerna",)


def test_a_common_word_before_an_amount_is_no_name() -> None:
    text = "Tabell 3: Kostnader, 5 000 kr för lokaler."

    assert _by_amount(text, 5_000).recipients == ()


def test_a_decision_on_next_years_budget_is_no_proposal() -> None:
    text = "Kommunfullmäktige beslutade om budget 2031.\n\nHemtjänsten får 5 miljoner kronor mer."

    grant = _by_amount(text, 5_000_000, title="Budget 2031", date="2030-11-20")

    assert grant.status != "proposed"


def test_names_and_amounts_respectively() -> None:
    text = "Ekby IF, Norrby BK och Lindö SK får 20 000, 30 000 respektive 40 000 kronor."

    owners = {g.amount: g.recipients for g in _grants(text)}

    assert owners == {20_000: ("Ekby IF",), 30_000: ("Norrby BK",), 40_000: ("Lindö SK",)}


def test_a_place_and_a_compound_unit_make_a_name() -> None:
    text = "Regionen har tilldelat Ekby vårdcentral 1,5 miljoner kronor."

    assert _by_amount(text, 1_500_000).recipients == ("Ekby vårdcentral",)


def test_a_second_decision_in_the_sentence_gives_no_status() -> None:
    text = (
        "Förvaltningen föreslår att Ekby IF beviljas 25 000 kronor "
        "och att Norrby BK:s ansökan avslås."
    )

    grant = _by_amount(text, 25_000)

    assert (grant.recipients, grant.status) == (("Ekby IF",), "proposed")


def test_an_english_grant() -> None:
    grant = _by_amount("The municipality granted Ekby Youth Club SEK 200 000.", 200_000)

    assert (grant.recipients, grant.status) == (("Ekby Youth Club",), "decided")


def test_the_committee_asking_for_money_is_the_one_the_document_names() -> None:
    text = (
        "Kulturnämnden har ett sparkrav.\n\n"
        "Nämnden har samtidigt begärt att kommunstyrelsen skjuter till 4 miljoner kronor extra."
    )

    grant = _by_amount(text, 4_000_000)

    assert (grant.recipients, grant.status) == (("Kulturnämnden",), "applied")


def test_the_body_strengthened_receives() -> None:
    text = (
        "Budgeten innebär att socialtjänsten prioriteras i år "
        "med ett tillskott på 7 miljoner kronor."
    )

    assert _by_amount(text, 7_000_000).recipients == ("Socialtjänsten",)


def test_the_body_whose_deficit_is_filled_receives() -> None:
    text = "Underskotten i socialtjänsten täpps till med totalt 9 miljoner kronor."

    assert _by_amount(text, 9_000_000).recipients == ("Socialtjänsten",)


def test_a_name_and_a_dash_before_the_amount() -> None:
    grant = _by_amount("Ekby IF – 40 000 kr (avslag)", 40_000)

    assert (grant.recipients, grant.status) == (("Ekby IF",), "refused")


def test_a_record_keyed_beviljat_belopp_is_a_record_not_prose() -> None:
    grant = _by_amount("Bidragsmottagare: Ekby IF\nBeviljat belopp: 40 000 kr\n", 40_000)

    assert (grant.recipients, grant.status) == (("Ekby IF",), "decided")


def test_a_numbered_record_title_names_the_receiver() -> None:
    text = "1. Ekby IF\nAnsökan: 80 000 kr\nFörslag: 40 000 kr\n"

    rows = {g.amount: (g.recipients, g.status) for g in _grants(text)}

    assert rows == {80_000: (("Ekby IF",), "applied"), 40_000: (("Ekby IF",), "proposed")}


def test_support_to_a_name_with_an_amount() -> None:
    grant = _by_amount("Stöd till Ekby IF med 40 000 kronor beviljas.", 40_000)

    assert grant.recipients == ("Ekby IF",)


def test_to_each_its_own_receiver_named_first() -> None:
    text = "Till Ekby IF går 40 000 kr och till Norrby BK 30 000 kr."

    rows = {g.amount: (g.recipients, g.status) for g in _grants(text)}

    assert rows == {40_000: (("Ekby IF",), "decided"), 30_000: (("Norrby BK",), "decided")}


def test_money_assigned_in_a_budget() -> None:
    text = "Kommunfullmäktige har anvisat 5 mnkr för sommarjobb."

    assert _by_amount(text, 5_000_000).status == "budget"


def test_a_receiver_proposed_to_be_granted() -> None:
    grant = _by_amount("Ekby IF föreslås beviljas 40 000 kr.", 40_000)

    assert (grant.recipients, grant.status) == (("Ekby IF",), "proposed")


def test_one_receiver_for_two_years() -> None:
    text = "Ekby IF fick 40 000 kr 2022 och får 50 000 kr 2023."

    assert {g.amount: g.recipients for g in _grants(text)} == {
        40_000: ("Ekby IF",),
        50_000: ("Ekby IF",),
    }
