# ruff: noqa: E501  (a table of example sentences: one row per line reads best)
"""Subjects and concepts: what each figure counts.

The sentences are written for these tests in the style of the fixtures' wire copy,
German and French press (fixtures/articles/): counts followed by their noun, levels
reached by a change ("fell to 4.5%"), shares of a base ("4.5% of GDP"), labels in
lists, elliptical series and pronoun subjects.  Each row names the claim's text as
the extractor reports it, its unit, the subject as written and the concept key.

AUDIT holds one row per pattern that gave a wrong subject or concept in a precision
audit of the 24 news-style articles of fixtures/bench/ and of fixtures/articles/
(reflexive verbs read as nouns, a lone preposition linking the clause's subject, person
nouns mapped to troops, counts given a length's or a fine's concept, money subjects
taken from where the sum was traded); the sentences are new, in the same style.
KNOWN_FAILURES are the patterns still wrong, as strict xfail rows with their reason.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from claimcheck.model import Document
from claimcheck.pipeline import extract_document
from claimcheck.segment import split_sentences
from claimcheck.speakers import SpeakerTracker, attach
from claimcheck.subjects import concept_of, find_subject, get_concepts, tokenize, unit_family


class Case(NamedTuple):
    id: str
    lang: str
    text: str
    claim: str
    unit: str
    subject: str | None
    concept: str | None


def _attach(c: Case):
    text = c.text
    spans = split_sentences(text)
    start = text.index(c.claim)
    end = start + len(c.claim)
    span = next(s for s in spans if s[0] <= start < s[1])
    tracker = SpeakerTracker(text, spans, default_lang=c.lang)
    # earlier figures of the document first, as the pipeline does (carried subjects)
    for prev in PRIOR.get(c.id, ()):
        ps = text.index(prev[0])
        pspan = next(s for s in spans if s[0] <= ps < s[1])
        attach(text, pspan, ps, ps + len(prev[0]), c.lang, "level", prev[1], tracker)
    return attach(text, span, start, end, c.lang, "level", c.unit, tracker)


# --- counts: the noun right after the figure ------------------------------------------
AFTER = [
    Case("en-troops", "en", "Russia has massed more than 94,000 troops near the border.",
         "more than 94,000", "dimensionless", "troops", "troops"),
    Case("en-russian-troops", "en", "McConville cited estimates of 95,000 to 100,000 Russian troops.",
         "95,000 to 100,000", "dimensionless", "Russian troops", "troops"),
    Case("en-soldiers", "en", "Kyiv puts the strike force at around 120,000 soldiers.",
         "around 120,000", "dimensionless", "soldiers", "troops"),
    Case("en-people-evacuated", "en", "More than 12,000 people were evacuated from their homes overnight.",
         "More than 12,000", "dimensionless", "people", "evacuees"),
    Case("en-residents-rescued", "en", "Emergency services rescued at least 340 residents by boat.",
         "at least 340", "dimensionless", "residents", "rescued"),  # what happened to them
    Case("en-people-died", "en", "Two people died in the floods on Sunday.",
         "Two", "dimensionless", "people", "deaths"),
    Case("en-jobs", "en", "The U.S. economy added 210,000 jobs in November.",
         "210,000", "dimensionless", "jobs", "jobs"),
    Case("en-firefighters", "en", "About 450 firefighters and 14 aircraft were deployed.",
         "About 450", "dimensionless", "firefighters", "firefighters"),
    Case("en-aircraft", "en", "About 450 firefighters and 14 aircraft were deployed.",
         "14", "dimensionless", "aircraft", "aircraft"),
    Case("en-runners", "en", "About 9,000 runners had registered for the full race.",
         "About 9,000", "dimensionless", "runners", "runners"),
    Case("en-households", "en", "Half a million households on low incomes will receive a payment.",
         "Half a million", "dimensionless", "households", "households"),
    Case("en-seats", "en", "The Liberal Alliance won 48 seats in the 120-seat chamber.",
         "48", "dimensionless", "seats", "seats"),
    Case("en-calls", "en", "The service received more than 1,200 heat-related calls in 24 hours.",
         "more than 1,200", "dimensionless", "heat-related calls", "calls"),
    Case("en-deaths", "en", "The ministry attributed 84 deaths to the heat.",
         "84", "dimensionless", "deaths", "deaths"),
    Case("en-injured", "en", "At least 35 injured were taken to hospital.",
         "At least 35", "dimensionless", "injured", "injured"),
    Case("en-tanks", "en", "About 1,200 tanks have been moved closer to the frontier.",
         "About 1,200", "dimensionless", "tanks", "tanks"),
    Case("en-arrests", "en", "Police made 46 arrests after the march.",
         "46", "dimensionless", "arrests", "arrests"),
    Case("en-cases", "en", "Health officials reported 3,400 new cases on Tuesday.",
         "3,400", "dimensionless", "new cases", "cases"),
    Case("en-refugees", "en", "Some 2,500 refugees crossed into Poland overnight.",
         "Some 2,500", "dimensionless", "refugees", "refugees"),
    Case("en-protesters", "en", "Organisers said 30,000 protesters marched through the city.",
         "30,000", "dimensionless", "protesters", "protesters"),
    Case("en-voters", "en", "Just over 3.2 million of the 4.5 million registered voters cast a ballot.",
         "4.5 million", "dimensionless", "registered voters", "voters"),
    Case("en-schools", "en", "The package will fund repairs at more than 500 schools.",
         "more than 500", "dimensionless", "schools", "schools"),
    Case("en-homes-lost-power", "en", "Around 25,000 homes lost power at the height of the storm.",
         "Around 25,000", "dimensionless", "homes", "homes"),
    Case("de-soldaten", "de", "Mehr als 94.000 russische Soldaten stehen an der Grenze.",
         "Mehr als 94.000", "dimensionless", "russische Soldaten", "troops"),
    Case("de-truppen", "de", "Russland hat rund 100.000 Truppen zusammengezogen.",
         "rund 100.000", "dimensionless", "Truppen", "troops"),
    Case("de-mann", "de", "Schätzungen zufolge sind 95.000 bis 100.000 Mann aufmarschiert.",
         "95.000 bis 100.000", "dimensionless", "Mann", "troops"),
    Case("de-kampftruppen", "de", "Die Nato verlegt 4.000 Kampftruppen nach Litauen.",
         "4.000", "dimensionless", "Kampftruppen", "troops"),
    Case("de-tote", "de", "Der Konflikt hat mehr als 13.000 Tote gefordert.",
         "mehr als 13.000", "dimensionless", "Tote", "deaths"),
    Case("de-verletzte", "de", "Bei dem Unfall gab es 27 Verletzte.",
         "27", "dimensionless", "Verletzte", "injured"),
    Case("de-menschen-evakuiert", "de", "Rund 18.000 Menschen mussten evakuiert werden.",
         "Rund 18.000", "dimensionless", "Menschen", "evacuees"),
    Case("de-menschen-arbeitslos", "de", "Im Vergleich zum Vorjahr waren 382.000 Menschen weniger arbeitslos gemeldet.",
         "382.000", "dimensionless", "Menschen", "unemployed"),
    Case("de-stellen", "de", "Nach Angaben des Ministeriums entstanden 210.000 neue Stellen.",
         "210.000", "dimensionless", "neue Stellen", "jobs"),
    Case("de-beschaeftigte", "de", "Kurzarbeit: rund 710.000 Beschäftigte im September.",
         "rund 710.000", "dimensionless", "Beschäftigte", "employed"),
    Case("de-panzer", "de", "In der Region stehen zudem rund 2.000 Panzer.",
         "rund 2.000", "dimensionless", "Panzer", "tanks"),
    Case("de-haushalte", "de", "Die Förderung erreicht 1,2 Millionen Haushalte.",
         "1,2 Millionen", "dimensionless", "Haushalte", "households"),
    Case("de-festnahmen", "de", "Die Polizei meldete 46 Festnahmen.",
         "46", "dimensionless", "Festnahmen", "arrests"),
    Case("de-einsatzkraefte", "de", "Mehr als 430 Einsatzkräfte waren die Nacht über unterwegs.",
         "Mehr als 430", "dimensionless", "Einsatzkräfte", "police_officers"),
    Case("de-fluechtlinge", "de", "Seit Montag kamen rund 3.000 Geflüchtete an.",
         "rund 3.000", "dimensionless", "Geflüchtete", "refugees"),
    Case("de-wahlberechtigte", "de", "Aufgerufen waren 4,5 Millionen Wahlberechtigte.",
         "4,5 Millionen", "dimensionless", "Wahlberechtigte", "voters"),
    Case("fr-soldats", "fr", "Plus de 94 000 soldats russes seraient stationnés près de la frontière.",
         "Plus de 94 000", "dimensionless", "soldats russes", "troops"),
    Case("fr-hommes", "fr", "Le général évoque entre 95 000 et 100 000 hommes.",
         "entre 95 000 et 100 000", "dimensionless", "hommes", "troops"),
    Case("fr-manifestants", "fr", "La mobilisation a rassemblé 94 000 manifestants à Paris.",
         "94 000", "dimensionless", "manifestants", "protesters"),
    Case("fr-interpellations", "fr", "Les forces de l'ordre ont procédé à 46 interpellations à Paris.",
         "46", "dimensionless", "interpellations", "arrests"),
    Case("fr-personnes-defile", "fr", "À Lyon, entre 20 000 et 25 000 personnes ont défilé.",
         "entre 20 000 et 25 000", "dimensionless", "personnes", "protesters"),
    Case("fr-policiers-blesses", "fr", "Une dizaine de policiers ont été légèrement blessés.",
         "Une dizaine", "dimensionless", "policiers", "injured"),
    Case("fr-policiers", "fr", "Environ 4 000 policiers et gendarmes étaient mobilisés.",
         "Environ 4 000", "dimensionless", "policiers", "police_officers"),
    Case("fr-morts", "fr", "Le conflit a fait plus de 13 000 morts depuis 2014.",
         "plus de 13 000", "dimensionless", "morts", "deaths"),
    Case("fr-emplois", "fr", "L'économie a créé 212 000 emplois en novembre.",
         "212 000", "dimensionless", "emplois", "jobs"),
    Case("fr-chomeurs", "fr", "On compte 2,2 millions de chômeurs au quatrième trimestre.",
         "2,2 millions", "dimensionless", "chômeurs", "unemployed"),
    Case("fr-evacues", "fr", "Près de 12 000 habitants ont été évacués dans la nuit.",
         "Près de 12 000", "dimensionless", "habitants", "evacuees"),
    Case("fr-foyers", "fr", "Plus de 200 foyers sont toujours privés d'électricité.",
         "Plus de 200", "dimensionless", "foyers", "households"),
    Case("fr-demandeurs", "fr", "Pôle emploi recense trois millions de demandeurs d’emploi.",
         "trois millions", "dimensionless", "demandeurs d’emploi", "unemployed"),
    Case("fr-branches-verb", "fr", "Une trentaine de branches professionnelles ont revalorisé leurs grilles.",
         "Une trentaine", "dimensionless", "branches professionnelles", "branche"),
]

# --- money, percentages and physical quantities: a link word, or the clause's subject ---
LINKED = [
    Case("en-aid", "en", "Washington has committed about $450 million in military aid to Kyiv.",
         "about $450 million", "USD", "military aid", "aid"),
    Case("en-gdp-share", "en", "Sanctions could hit up to 4.5% of Russia's economic output.",
         "up to 4.5%", "percent", "Russia's economic output", "gdp"),
    Case("en-unemployment-fell", "en", "Unemployment fell to 4.5% in May.",
         "4.5%", "percent", "Unemployment", "unemployment_rate"),
    Case("en-unemployment-rate", "en", "The U.S. unemployment rate fell to 4.2% in November.",
         "4.2%", "percent", "U.S. unemployment rate", "unemployment_rate"),
    Case("en-number-of-evacuees", "en", "The number of evacuees rose to 12,000 on Monday.",
         "12,000", "dimensionless", "number of evacuees", "evacuees"),
    Case("en-earnings", "en", "Average hourly earnings were up 4.8% on a year earlier.",
         "4.8%", "percent", "Average hourly earnings", "wages"),
    Case("en-consumer-prices", "en", "Consumer prices were up 6.2% from a year earlier.",
         "6.2%", "percent", "Consumer prices", "inflation"),
    Case("en-turnout", "en", "Turnout in Sunday's election reached 71.3%.",
         "71.3%", "percent", "Turnout", "turnout"),
    Case("en-reservoirs", "en", "Reservoirs were at 44.7% of capacity.",
         "44.7%", "percent", "Reservoirs", "reservoir_level"),
    Case("en-debt", "en", "Debt will stand at about 95% of national income.",
         "about 95%", "percent", "Debt", "debt"),
    Case("en-participation", "en", "The labor force participation rate rose by 0.2 percentage points.",
         "0.2 percentage points", "percentage_point", "labor force participation rate", "employment_rate"),
    Case("en-growth", "en", "Growth will slow to 3.8% this year.",
         "3.8%", "percent", "Growth", "growth"),
    Case("en-power-demand", "en", "Power demand hit a record 40,200 MW on Tuesday.",
         "40,200 MW", "megawatt", "Power demand", "power"),
    Case("en-fire-burned", "en", "A wildfire has burned more than 3,500 hectares.",
         "more than 3,500 hectares", "hectare", None, None),  # the fire is not the area
    Case("en-rainfall", "en", "Rainfall in June was less than 5 mm across Andalusia.",
         "less than 5 mm", "millimeter", "Rainfall", "rainfall"),
    Case("en-damage", "en", "Insured damage was put at £150m to £200m.",
         "£150m to £200m", "GBP", "Insured damage", "damage"),
    Case("en-budget-of", "en", "The ministry's budget of €2.3bn was approved.",
         "€2.3bn", "EUR", "ministry's budget", "budget"),
    Case("en-share-ballots", "en", "Fewer than 2% of ballots were spoiled.",
         "Fewer than 2%", "percent", "ballots", "votes"),
    Case("de-quote-sank", "de", "Die Arbeitslosenquote sank auf 5,4 Prozent.",
         "5,4 Prozent", "percent", "Arbeitslosenquote", "unemployment_rate"),
    Case("de-zahl-der-arbeitslosen", "de",
         "Die Zahl der Arbeitslosen in Deutschland ist im November auf knapp 2,6 Millionen zurückgegangen.",
         "knapp 2,6 Millionen", "dimensionless", "Zahl der Arbeitslosen", "unemployed"),
    Case("de-inflation-lag", "de", "Die Inflation in den USA lag im Oktober bei 6,2 Prozent.",
         "6,2 Prozent", "percent", "Inflation", "inflation"),
    Case("de-stundenloehne", "de", "Die Stundenlöhne stiegen um 4,8 Prozent.",
         "4,8 Prozent", "percent", "Stundenlöhne", "wages"),
    Case("de-wirtschaftsleistung", "de", "Die Sanktionen könnten bis zu 3,5 Prozent der russischen Wirtschaftsleistung treffen.",
         "bis zu 3,5 Prozent", "percent", "russischen Wirtschaftsleistung", "gdp"),
    Case("de-umfrage-anteil", "de", "Einer Umfrage zufolge halten 62,5 Prozent der Ukrainer einen Angriff für wahrscheinlich.",
         "62,5 Prozent", "percent", "Ukrainer", "ukrainer"),
    Case("de-militaerhilfe", "de", "Die Militärhilfe für Kiew beläuft sich auf rund 450 Millionen Dollar.",
         "rund 450 Millionen Dollar", "USD", "Militärhilfe", "aid"),
    Case("de-grenze-km", "de", "Fast 1.500 Kilometer der Grenze verlaufen entlang russischen Gebiets.",
         "Fast 1.500 Kilometer", "kilometer", "Grenze", "distance"),
    Case("de-arbeitslosigkeit-count", "de", "Die Arbeitslosigkeit dürfte 2022 um etwa 300.000 sinken.",
         "etwa 300.000", "dimensionless", "Arbeitslosigkeit", "unemployed"),
    Case("de-arbeitslosigkeit-percent", "de", "Die Arbeitslosigkeit stieg im Winter auf 6,1 Prozent.",
         "6,1 Prozent", "percent", "Arbeitslosigkeit", "unemployment_rate"),
    Case("de-haushalt-money", "de", "Der Haushalt umfasst 2,3 Milliarden Euro.",
         "2,3 Milliarden Euro", "EUR", "Haushalt", "budget"),
    Case("de-schaden", "de", "Der Sachschaden beläuft sich auf 35 bis 50 Millionen Euro.",
         "35 bis 50 Millionen Euro", "EUR", "Sachschaden", "damage"),
    Case("de-wahlbeteiligung", "de", "Die Wahlbeteiligung lag bei 76,6 Prozent.",
         "76,6 Prozent", "percent", "Wahlbeteiligung", "turnout"),
    Case("de-regen", "de", "Die Niederschlagsmenge erreichte bis zu 65 Liter pro Quadratmeter.",
         "bis zu 65 Liter pro Quadratmeter", "liter / meter ** 2", "Niederschlagsmenge", "rainfall"),
    Case("fr-taux-chomage", "fr", "Le taux de chômage a baissé à 7,1 % de la population active.",
         "7,1 %", "percent", "taux de chômage", "unemployment_rate"),
    Case("fr-nombre-chomeurs", "fr", "Le nombre de chômeurs s’établit à 2,2 millions de personnes.",
         "2,2 millions", "dimensionless", "nombre de chômeurs", "unemployed"),
    Case("fr-taux-emploi", "fr", "Le taux d’emploi des 15-64 ans atteint 67,5 %.",
         "67,5 %", "percent", "taux d’emploi", "employment_rate"),
    Case("fr-pib", "fr", "Les sanctions pourraient coûter jusqu’à 3,5 % de son PIB.",
         "jusqu’à 3,5 %", "percent", "PIB", "gdp"),
    Case("fr-taux-grevistes", "fr", "Le taux de grévistes atteignait 38,5 % dans le primaire.",
         "38,5 %", "percent", "taux de grévistes", "strike_rate"),
    Case("fr-aide", "fr", "Le gouvernement a consacré 1,2 Md€ à l’aide exceptionnelle.",
         "1,2 Md€", "EUR", None, None),
    Case("fr-budget-defense", "fr", "Le budget de la Défense atteindra 50 milliards d’euros.",
         "50 milliards d’euros", "EUR", "budget de la Défense", "budget"),
    Case("fr-frontiere", "fr", "La Russie contrôle plus de 2 000 km de frontière.",
         "plus de 2 000 km", "kilometer", "frontière", "distance"),
    Case("fr-inflation", "fr", "L'inflation a atteint 5,2 % sur un an.",
         "5,2 %", "percent", "inflation", "inflation"),
    Case("fr-francais-soutiennent", "fr", "Selon un sondage, 61 % des Français soutiennent le mouvement.",
         "61 %", "percent", "Français", "français"),
    Case("fr-participation", "fr", "La participation s'élève à 63,2 % à 17 heures.",
         "63,2 %", "percent", "participation", "turnout"),
]

# --- labels, appositions, ellipses and pronouns ----------------------------------------------
CONTEXT = [
    Case("de-label-quote", "de", "- Arbeitslose (nicht saisonbereinigt): **2.317.000**",
         "2.317.000", "dimensionless", "Arbeitslose", "unemployed"),
    Case("en-label-postal", "en", "- Postal votes: roughly 410,000, about one in eight ballots cast",
         "roughly 410,000", "dimensionless", "Postal votes", "votes"),
    Case("fr-apposition", "fr", "Le nombre de manifestants, 94 000 selon la police, reste stable.",
         "94 000", "dimensionless", "nombre de manifestants", "protesters"),
    Case("fr-ellipsis", "fr", "La mobilisation a rassemblé 94 000 manifestants selon la police, 250 000 selon les syndicats.",
         "250 000", "dimensionless", "manifestants", "protesters"),
    Case("fr-ellipsis-police", "fr", "Les syndicats ont revendiqué 140 000 participants, la police 16 000.",
         "16 000", "dimensionless", "participants", "protesters"),
    Case("en-from-level", "en", "The unemployment rate fell to 4.2% from 4.6% in October.",
         "4.6%", "percent", "unemployment rate", "unemployment_rate"),
    Case("en-ellipsis-jobs", "en", "Employers added 210,000 jobs, well below forecasts of 550,000.",
         "550,000", "dimensionless", "jobs", "jobs"),
    Case("de-pronoun-sie", "de",
         "Die Zahl der Arbeitslosen ist auf 2,6 Millionen zurückgegangen. Gegenüber dem Vormonat sei sie um 12.000 gesunken.",
         "12.000", "dimensionless", "Zahl der Arbeitslosen", "unemployed"),
    Case("de-pronoun-quote", "de",
         "In Ostdeutschland lag die Quote bei 6,7 Prozent. Besonders hoch war sie in Bremen mit 10,3 Prozent.",
         "10,3 Prozent", "percent", "Quote", "quote"),
    Case("fr-pronoun-il", "fr",
         "Le chômage des jeunes a reculé à 15,9 %. Chez les seniors, il se situe à 5,2 %.",
         "5,2 %", "percent", "chômage des jeunes", "unemployment_rate"),
    Case("en-pronoun-kind-mismatch", "en",
         "Employers added 210,000 jobs. It rose to 4.2%.",
         "4.2%", "percent", None, None),
]

# --- an audit of news prose (fixtures/bench/, fixtures/articles/): each pattern that gave a
# wrong subject or concept there, in sentences written for this table ---------------------------
AUDIT = [
    # a time adverb after the figure is no counted noun (tenth audit)
    Case("en-overnight-not-subject", "en", "The death toll rose by 4 to 12 overnight, officials said.",
         "12", "dimensionless", "death toll", "deaths"),
    # reflexive verbs are no noun phrase ("s'élevaient")
    Case("fr-reflexive-verb", "fr", "Les loyers encaissés pour le bâtiment s'élevaient à environ 3 800 euros par mois.",
         "environ 3 800 euros par mois", "EUR / month", "loyers encaissés", "prices"),
    Case("fr-reflexive-adverb", "fr", "Le fût s'échange désormais à moins de 700 euros.",
         "moins de 700 euros", "EUR", "fût", "fût"),
    # prison sentences: one concept for Haft / prison / emprisonnement
    Case("fr-prison-emprisonnement", "fr", "Le tribunal a condamné l'exploitant d'un entrepôt du 9e arrondissement à quatre ans d'emprisonnement.",
         "quatre ans", "year", "emprisonnement", "prison_sentence"),
    Case("fr-prison-requis", "fr", "Le procureur avait requis cinq ans de prison, dont trois avec sursis.",
         "cinq ans", "year", "prison", "prison_sentence"),
    Case("de-haft", "de", "Die Anklage hatte sechs Jahre Haft verlangt.",
         "sechs Jahre", "year", "Haft", "prison_sentence"),
    Case("de-untersuchungshaft", "de", "Er muss für 3 Jahre in Untersuchungshaft.",
         "3 Jahre", "year", "Untersuchungshaft", "prison_sentence"),
    # fixed: "Wirtschaft" ends in "-haft" and was a prison sentence; no "-schaft" word is one
    Case("de-wirtschaft-not-haft", "de", "Die Wirtschaft ist um 0,3 Prozent geschrumpft.",
         "0,3 Prozent", "percent", "Wirtschaft", "wirtschaft"),
    Case("de-belegschaft-not-haft", "de", "Die Belegschaft wuchs um 120 Beschäftigte.",
         "120 Beschäftigte", "dimensionless", "Belegschaft", "belegschaft"),
    Case("de-freiheitsstrafe", "de", "Das Gericht verhängte eine Freiheitsstrafe von drei Jahren und sechs Monaten.",
         "drei Jahren", "year", "Freiheitsstrafe", "prison_sentence"),
    Case("de-strafe-not-fine", "de", "Der Anwalt forderte eine Strafe von höchstens zwei Jahren.",
         "höchstens zwei Jahren", "year", "Strafe", "prison_sentence"),
    Case("en-years-in-prison", "en", "The former treasurer was sentenced to eight years in federal prison on Tuesday.",
         "eight years", "year", "federal prison", "prison_sentence"),
    Case("en-sentence-of", "en", "His lawyer had asked for a sentence of no more than four years.",
         "no more than four years", "year", "sentence", "prison_sentence"),
    # a preposition alone links no clause subject; adverbials and ages have none
    Case("fr-disposent", "fr", "Les deux parties disposent de quinze jours pour faire appel.",
         "quinze jours", "day", None, None),
    Case("fr-auteur-de", "fr", "L'ouvreur, auteur de 21 points, a été désigné homme du match.",
         "21 points", "percentage_point", None, None),
    Case("de-rueckgang-noun", "de", "Analysten hatten mit einem Rückgang um 30.000 gerechnet.",
         "30.000", "dimensionless", None, None),
    Case("en-to-meet", "en", "The two sides agreed to meet again in about three weeks.",
         "about three weeks", "week", None, None),
    Case("en-bridge-apposition", "en", "Traffic will be diverted to the ring road about three miles east, the council said.",
         "about three miles", "mile", None, None),
    Case("fr-menes", "fr", "Menés de six points à la pause, les Lyonnais ont fini par s'imposer.",
         "six points", "percentage_point", None, None),
    Case("fr-participle-situe", "fr", "Les patients seront orientés vers l'hôpital d'Orléans, situé à environ 60 kilomètres.",
         "environ 60 kilomètres", "kilometer", None, None),
    Case("fr-participle-a", "fr", "Un incendie s'est déclaré à 25 km de la frontière.",
         "25 km", "kilometer", None, None),
    Case("en-expletive", "en", "That means there is roughly a 1 in 20 chance of a false alarm.",
         "1", "dimensionless", None, None),
    Case("de-in-jahren", "de", "So viel Regen habe es in 40 Jahren nicht gegeben.",
         "40 Jahren", "year", None, None),
    Case("en-fell-in-hours", "en", "Up to 70 mm of rain fell in 12 hours over the hills.",
         "12 hours", "hour", None, None),
    Case("fr-minutes-de-la-fin", "fr", "Les Nantais ont égalisé à trois minutes de la fin du match.",
         "trois minutes", "minute", None, None),
    Case("fr-d-ici", "fr", "Il s'attend à une remontée à 8 % d'ici la fin de l'année.",
         "8 %", "percent", None, None),
    Case("de-uhr", "de", "Die Sitzung dauerte bis kurz nach drei Uhr morgens.",
         "drei", "dimensionless", None, None),
    Case("fr-name-age", "fr", "Marie Dupont, 38 ans, dirige la compagnie depuis 2015.",
         "38 ans", "year", None, None),
    Case("fr-ailier-age", "fr", "« C'était facile », a souri l'ailier de 24 ans.",
         "24 ans", "year", None, None),
    Case("fr-a-consacre", "fr", "Le ministère a consacré 800 millions d'euros à la rénovation des écoles.",
         "800 millions d'euros", "EUR", None, None),
    Case("en-first-cut", "en", "She expects a first cut of a quarter of a percentage point in June.",
         "a quarter of", "dimensionless", None, None),
    Case("de-noun-of-other-figure", "de", "Binnen 48 Stunden fielen im Bergland bis zu 90 Liter pro Quadratmeter.",
         "bis zu 90 Liter pro Quadratmeter", "liter / meter ** 2", None, None),
    # money: what the sum is, not where it was traded or what it is spent on
    Case("en-money-in-place", "en", "Shares closed at €21.40 in Frankfurt trading.",
         "€21.40", "EUR", "Shares", "share"),
    Case("en-money-fund", "en", "Coastal towns will share a £40m recovery fund.",
         "£40m", "GBP", "recovery fund", "budget"),
    Case("en-grant-after", "en", "A $2.5 million grant covers the first phase.",
         "$2.5 million", "USD", "grant", "aid"),
    Case("de-schulden-compound", "de", "Auf jeden Einwohner entfallen rund 3.900 Euro Kommunalschulden.",
         "rund 3.900 Euro", "EUR", "Kommunalschulden", "debt"),
    Case("fr-amende", "fr", "Elle a également été condamnée à une amende de 20 000 euros.",
         "20 000 euros", "EUR", "amende", "fines"),
    Case("fr-enveloppe-pour", "fr", "L'État a débloqué une enveloppe de 30 millions d'euros pour les communes touchées.",
         "30 millions d'euros", "EUR", "enveloppe", "budget"),
    Case("de-zuschuss-fuer", "de", "Pendler erhalten einen Zuschuss von bis zu 300 Euro für Fahrtkosten.",
         "bis zu 300 Euro", "EUR", "Zuschuss", "aid"),
    Case("en-money-on-purpose", "en", "The government will spend an extra £900m on hospital buildings.",
         "£900m", "GBP", None, None),
    Case("en-cost-verb", "en", "The new stadium has cost an estimated $1.4 billion.",
         "an estimated $1.4 billion", "USD", "new stadium", "cost"),
    Case("de-kosten-named", "de", "Der Kanton rechnet mit Kosten von 900 Millionen Franken bis 2030.",
         "900 Millionen Franken", "CHF", "Kosten", "cost"),
    # person nouns take a concept only with a cue in the sentence; a count is no length or fine
    Case("en-officers-charity", "en", "Payments above $5,000 must be approved by two officers of the charity.",
         "two", "dimensionless", "officers", "officer"),
    Case("en-officers-police", "en", "Police deployed 300 officers to the stadium.",
         "300", "dimensionless", "officers", "police_officers"),
    Case("fr-hommes-armee", "fr", "L'armée a déployé 3 000 hommes dans la région.",
         "3 000", "dimensionless", "hommes", "troops"),
    Case("fr-hommes-generic", "fr", "Trois hommes ont été vus près de l'entrepôt.",
         "Trois", "dimensionless", "hommes", "homme"),
    Case("de-maenner-generic", "de", "Zwei Männer betraten am Abend die Filiale.",
         "Zwei", "dimensionless", "Männer", "mann"),
    Case("de-mann-idiom", "de", "Die Armee hat 20.000 Mann an die Grenze verlegt.",
         "20.000", "dimensionless", "Mann", "troops"),
    Case("fr-troupe-theatre", "fr", "Une troupe de douze comédiens venus de trois pays présente la pièce.",
         "trois", "dimensionless", "pays", "pays"),
    Case("en-route-count", "en", "Buses on three routes will run less often.",
         "three", "dimensionless", "routes", "route"),
    Case("fr-longueurs", "fr", "Lyon reste à deux longueurs du leader.",
         "deux", "dimensionless", "longueurs", "longueur"),
    Case("fr-penalites-count", "fr", "Les visiteurs ont concédé neuf pénalités.",
         "neuf", "dimensionless", "pénalités", "pénalité"),
    Case("en-rate-not-interest", "en", "The rate for workers aged 16 to 19 was unchanged at 11.4%.",
         "11.4%", "percent", "rate", "rate"),
    Case("en-benchmark-rate", "en", "The central bank kept its benchmark rate at 4.5% on Thursday.",
         "4.5%", "percent", "benchmark rate", "interest_rate"),
    Case("de-beamte-civil", "de", "Die Zahl der Beamtinnen und Beamten soll bis 2030 um etwa 12.000 steigen.",
         "etwa 12.000", "dimensionless", "Zahl der Beamtinnen und Beamten", "civil_servants"),
    Case("fr-economies", "fr", "Le plan prévoit 12 milliards d'euros d'économies.",
         "12 milliards d'euros", "EUR", "économies", "savings"),
    Case("fr-arretes-decrees", "fr", "La préfecture a signé près de 150 arrêtés de péril l'an dernier.",
         "près de 150", "dimensionless", None, None),
    # what happened to them, heads, verbs and noun phrases
    Case("fr-personnes-evacuees", "fr", "- 3 000 personnes évacuées (préfecture)",
         "3 000", "dimensionless", "personnes évacuées", "evacuees"),
    Case("en-displaced-people", "en", "The fighting has displaced about 40,000 people since March.",
         "about 40,000", "dimensionless", "people", "displaced"),
    Case("fr-verb-ont", "fr", "Environ 2 millions de foyers recevront la prime.",
         "Environ 2 millions", "dimensionless", "foyers", "households"),
    Case("fr-obus", "fr", "L'usine produira environ 150 000 obus par an.",
         "environ 150 000", "dimensionless", "obus", "missiles"),
    Case("en-passenger-numbers", "en", "Passenger numbers rose to 41.2 million last year.",
         "41.2 million", "dimensionless", "Passenger numbers", "passengers"),
    Case("en-equivalent-of-gdp", "en", "Borrowing is forecast at £80bn, equivalent to 2.9% of GDP.",
         "2.9%", "percent", "GDP", "gdp"),
    Case("en-crowd-of", "en", "The match drew a crowd of 38,500.",
         "38,500", "dimensionless", "crowd", "visitors"),
    Case("fr-croissance-de", "fr", "Le gouvernement table sur une croissance de 1,2 % l'an prochain.",
         "1,2 %", "percent", "croissance", "growth"),
    Case("fr-paren-skip", "fr", "Le nombre de chômeurs au sens du Bureau international du travail (BIT) s'établit à 2,4 millions de personnes.",
         "2,4 millions", "dimensionless", "nombre de chômeurs", "unemployed"),
    Case("en-paren-np", "en", "Turnout in the (provisional) count reached 64.2%.",
         "64.2%", "percent", "Turnout", "turnout"),
    Case("de-fronted-object", "de", "Die Gesamtkosten beziffert der Verein auf rund 800.000 Euro.",
         "rund 800.000 Euro", "EUR", "Gesamtkosten", "cost"),
    Case("de-v2-subject", "de", "Insgesamt umfasst der Etat rund 12,5 Mrd. Euro.",
         "rund 12,5 Mrd. Euro", "EUR", "Etat", "budget"),
    Case("de-verb-final", "de", "Die Reform könnte die Wirtschaftsleistung um etwa 1,5 Prozent drücken.",
         "etwa 1,5 Prozent", "percent", "Wirtschaftsleistung", "gdp"),
    Case("de-separable-particle", "de", "Die Höchstwerte gehen am Dienstag auf 18 bis 21 Grad zurück.",
         "18 bis 21 Grad", "degree_Celsius", "Höchstwerte", "temperature"),
    Case("de-partitive", "de", "Bis 2027 sollen rund 400 der etwa 1.800 Stellen wegfallen.",
         "rund 400", "dimensionless", "Stellen", "jobs"),
    Case("en-partitive", "en", "Just under 2.1 million of the 3.4 million eligible voters took part.",
         "Just under 2.1 million", "dimensionless", "eligible voters", "voters"),
    Case("fr-d-autres", "fr", "Une vingtaine d'autres passagers ont été blessés.",
         "Une vingtaine", "dimensionless", "passagers", "injured"),
    Case("en-expects", "en", "The bank now expects inflation to peak at nearly 5% in the spring.",
         "nearly 5%", "percent", "inflation", "inflation"),
    Case("fr-vagues", "fr", "Des vagues de 6 à 8 mètres sont attendues au large.",
         "6 à 8 mètres", "meter", "vagues", "wave_height"),
    Case("fr-coordinated-adjectives", "fr", "Le nombre de places proposées dans les programmes d'échanges scolaires et universitaires doit être augmenté d'environ 15 %.",
         "environ 15 %", "percent", "nombre de places proposées", "place"),
    Case("de-pronoun-participle", "de", "Die Arbeitslosenquote ist auf 5,1 Prozent gesunken. Im Vorjahr hatte sie noch bei 5,6 Prozent gelegen.",
         "5,6 Prozent", "percent", "Arbeitslosenquote", "unemployment_rate"),
    Case("de-fronted-object-speaker", "de", "Den Sachschaden beziffert der Versicherungsverband auf rund 40 Millionen Euro.",
         "rund 40 Millionen Euro", "EUR", "Sachschaden", "damage"),
    Case("de-abbreviation-prefix", "de", "Die US-Arbeitslosenquote sank im Mai auf 3,9 Prozent.",
         "3,9 Prozent", "percent", "US-Arbeitslosenquote", "unemployment_rate"),
    Case("de-event-verb-before", "de", "Bei dem Brand starben in der Altstadt 12 Menschen.",
         "12", "dimensionless", "Menschen", "deaths"),
    Case("de-verb-final-warming", "de", "In den Alpen hat sich die Luft seit 1900 um rund 1,5 Grad erwärmt.",
         "rund 1,5 Grad", "degree_Celsius", "Luft", "luft"),
    Case("fr-tombe-sous", "fr", "Le prix moyen du fût de 225 litres est tombé sous 700 euros.",
         "sous 700 euros", "EUR", "prix moyen du fût", "prices"),
    Case("en-operating-costs", "en", "Fuel accounted for nearly 35% of operating costs.",
         "nearly 35%", "percent", "operating costs", "cost"),
]

# Known failures (strict xfail), each with what is missing.
KNOWN_FAILURES = [
    pytest.param(Case("fr-carry-after-clause", "fr", "Il a été condamné à trois ans d'emprisonnement, dont deux avec sursis, deux ans et demi après les faits.",
         "deux ans", "year", None, None),
                 marks=pytest.mark.xfail(strict=True, reason="speakers.attach carries the earlier figure's subject to any later one of its kind in the sentence; find_subject cannot yet say 'no subject, do not carry'"),
                 id="fr-carry-after-clause"),
    pytest.param(Case("en-score-line", "en", "Northbridge Rovers 2 Castleford Athletic 1",
         "2", "dimensionless", None, None),
                 marks=pytest.mark.xfail(strict=True, reason="a score line is read as two counts (claims.py) and a team name after a figure as its noun"),
                 id="en-score-line"),
    pytest.param(Case("de-age-ellipsis", "de", "Das jüngste Opfer war 71, das älteste 93 Jahre alt.",
         "71", "dimensionless", None, None),
                 marks=pytest.mark.xfail(strict=True, reason="an age in an elliptical pair ('war 71, das älteste 93 Jahre alt') is a claim (claims.py)"),
                 id="de-age-ellipsis"),
    pytest.param(Case("en-forecaster-after-figure", "en", "Employers added 210,000 jobs, far fewer than the 550,000 economists had forecast.",
         "550,000", "dimensionless", "jobs", "jobs"),
                 marks=pytest.mark.xfail(strict=True, reason="'the 550,000 economists had forecast': the noun after the figure is who forecast it"),
                 id="en-forecaster-after-figure"),
    pytest.param(Case("en-carry-across-while", "en", "Average fares rose to €46, while ancillary sales brought in about €1.7 billion.",
         "about €1.7 billion", "EUR", "ancillary sales", "revenue"),
                 marks=pytest.mark.xfail(strict=True, reason="the clause after 'while' has its own subject ('ancillary sales brought in'), not found; the earlier subject is carried across the clause word"),
                 id="en-carry-across-while"),
    pytest.param(Case("fr-demonstrative-celui", "fr", "Le budget de la Défense progresse de 3 milliards, et celui de la Justice de 0,5 milliard.",
         "0,5 milliard", "dimensionless", "celui de la Justice", "budget"),
                 marks=pytest.mark.xfail(strict=True, reason="'celui de la Justice' stands for 'budget': the carried subject gives the concept but names the wrong budget"),
                 id="fr-demonstrative-celui"),
    pytest.param(Case("de-passive-estimate", "de", "Der Schaden wird auf 1,2 Milliarden Euro geschätzt.",
         "1,2 Milliarden Euro", "EUR", "Schaden", "damage"),
                 id="de-passive-estimate"),  # 'geschätzt' is a level verb (rules/phrases/de.yaml)
    pytest.param(Case("de-ratio-needs-role", "de", "Mehr als ein Drittel der Investitionen wird über Kredite finanziert.",
         "Mehr als ein Drittel der", "dimensionless", "Investitionen", "spending"),
                 marks=pytest.mark.xfail(strict=True, reason="a ratio of money ('ein Drittel der Investitionen') keeps its concept only when attach passes the claim's role to find_subject"),
                 id="de-ratio-needs-role"),
]

# --- never a subject --------------------------------------------------------------------------
NONE = [
    Case("en-verb-after", "en", "More than 12,000 were evacuated on Monday.",
         "More than 12,000", "dimensionless", None, None),
    Case("en-participle-after", "en", "- at least 340 rescued by boat",
         "at least 340", "dimensionless", "rescued", "rescued"),
    Case("en-participle-unknown", "en", "- at least 340 moved by boat",
         "at least 340", "dimensionless", None, None),
    Case("de-verb-after", "de", "Gegenüber dem Vormonat ist die Zahl um 12.000 gesunken.",
         "12.000", "dimensionless", "Zahl", "zahl"),
    Case("fr-de-moins", "fr", "Soit 262 000 de moins qu’au trimestre précédent.",
         "262 000", "dimensionless", None, None),
    Case("en-object-no-verb", "en", "Shares closed 2.5% lower, analysts said.",
         "2.5%", "percent", None, None),
    Case("fr-verb-first", "fr", "Seul un TGV sur trois circulait.",
         "trois", "dimensionless", None, None),
    Case("de-pp-only", "de", "Im Westen bei 5,0 Prozent.",
         "5,0 Prozent", "percent", None, None),
]

PRIOR = {
    "fr-ellipsis": [("94 000", "dimensionless")],
    "fr-ellipsis-police": [("140 000", "dimensionless")],
    "en-from-level": [("4.2%", "percent")],
    "en-ellipsis-jobs": [("210,000", "dimensionless")],
    "de-pronoun-sie": [("2,6 Millionen", "dimensionless")],
    "de-pronoun-quote": [("6,7 Prozent", "percent")],
    "fr-pronoun-il": [("15,9 %", "percent")],
    "en-pronoun-kind-mismatch": [("210,000", "dimensionless")],
    "de-pronoun-participle": [("5,1 Prozent", "percent")],
    "fr-carry-after-clause": [("trois ans", "year")],
    "en-forecaster-after-figure": [("210,000", "dimensionless")],
    "en-carry-across-while": [("€46", "EUR")],
    "fr-demonstrative-celui": [("3 milliards", "dimensionless")],
}

ALL = AFTER + LINKED + CONTEXT + NONE + AUDIT


@pytest.mark.parametrize("case", ALL, ids=[c.id for c in ALL])
def test_subject_and_concept(case: Case) -> None:
    got = _attach(case)
    assert (got.subject, got.concept) == (case.subject, case.concept)


@pytest.mark.parametrize("case", KNOWN_FAILURES)
def test_subject_known_failures(case: Case) -> None:
    got = _attach(case)
    assert (got.subject, got.concept) == (case.subject, case.concept)


# --- the same thing in every language: one concept key ------------------------------------------


class Same(NamedTuple):
    concept: str
    unit: str
    phrases: dict[str, list[str]]


SAME = [
    Same("troops", "dimensionless", {"de": ["Soldaten", "Truppen", "russische Soldaten", "Bundeswehrsoldaten"],
                                     "en": ["troops", "soldiers", "Russian troops"],
                                     "fr": ["soldats", "troupes", "soldats russes"]}),
    Same("deaths", "dimensionless", {"de": ["Tote", "Todesopfer"], "en": ["deaths", "dead", "death toll"],
                                     "fr": ["morts", "décès"]}),
    Same("injured", "dimensionless", {"de": ["Verletzte", "Schwerverletzte"], "en": ["injured", "wounded"],
                                      "fr": ["blessés"]}),
    Same("unemployment_rate", "percent", {"de": ["Arbeitslosenquote", "Arbeitslosigkeit"],
                                          "en": ["unemployment rate", "unemployment", "jobless rate"],
                                          "fr": ["taux de chômage", "chômage"]}),
    Same("unemployed", "dimensionless", {"de": ["Arbeitslose", "Zahl der Arbeitslosen", "Arbeitslosigkeit"],
                                         "en": ["unemployed", "number of unemployed", "unemployment"],
                                         "fr": ["chômeurs", "nombre de chômeurs", "demandeurs d'emploi"]}),
    Same("evacuees", "dimensionless", {"de": ["Evakuierte"], "en": ["evacuees", "number of evacuees"],
                                       "fr": ["évacués"]}),
    Same("protesters", "dimensionless", {"de": ["Demonstranten"], "en": ["protesters", "demonstrators"],
                                         "fr": ["manifestants"]}),
    Same("jobs", "dimensionless", {"de": ["Stellen", "Arbeitsplätze"], "en": ["jobs"], "fr": ["emplois"]}),
    Same("inflation", "percent", {"de": ["Inflation", "Inflationsrate"], "en": ["inflation", "consumer prices"],
                                  "fr": ["inflation"]}),
    Same("gdp", "percent", {"de": ["Bruttoinlandsprodukt", "Wirtschaftsleistung"],
                            "en": ["GDP", "economic output"], "fr": ["PIB"]}),
    Same("budget", "EUR", {"de": ["Haushalt", "Etat"], "en": ["budget"], "fr": ["budget"]}),
    Same("households", "dimensionless", {"de": ["Haushalte"], "en": ["households"], "fr": ["ménages", "foyers"]}),
    Same("aid", "USD", {"de": ["Militärhilfe", "Hilfen"], "en": ["military aid", "aid"], "fr": ["aide militaire"]}),
    Same("damage", "EUR", {"de": ["Schäden", "Sturmschäden"], "en": ["damage"], "fr": ["dégâts"]}),
    Same("rainfall", "millimeter", {"de": ["Niederschlag"], "en": ["rainfall"], "fr": ["précipitations"]}),
    Same("temperature", "degree_Celsius", {"de": ["Temperaturen"], "en": ["temperatures"], "fr": ["températures"]}),
    Same("turnout", "percent", {"de": ["Wahlbeteiligung"], "en": ["turnout"], "fr": ["participation"]}),
    Same("prison_sentence", "year", {"de": ["Haft", "Haftstrafe", "Freiheitsstrafe", "Strafe"],
                                     "en": ["prison", "federal prison", "prison sentence", "sentence"],
                                     "fr": ["prison", "emprisonnement", "peine de prison"]}),
    Same("civil_servants", "dimensionless", {"de": ["Beamte", "Beamtinnen und Beamten"], "en": ["civil servants"],
                                             "fr": ["fonctionnaires"]}),
    Same("savings", "EUR", {"de": ["Einsparungen"], "en": ["savings"], "fr": ["économies"]}),
    Same("compensation", "EUR", {"de": ["Entschädigung", "Abfindung"], "en": ["compensation", "restitution"],
                                 "fr": ["indemnisation", "indemnités"]}),
    Same("wave_height", "meter", {"de": ["Wellen"], "en": ["waves"], "fr": ["vagues"]}),
    Same("visitors", "dimensionless", {"de": ["Zuschauer"], "en": ["crowd", "spectators"], "fr": ["spectateurs"]}),
]
SAME_ROWS = [(s.concept, s.unit, lang, p) for s in SAME for lang, ps in s.phrases.items() for p in ps]


@pytest.mark.parametrize(("concept", "unit", "lang", "phrase"), SAME_ROWS,
                         ids=[f"{c}-{lang}-{p}" for c, _u, lang, p in SAME_ROWS])
def test_one_concept_across_languages(concept: str, unit: str, lang: str, phrase: str) -> None:
    assert concept_of(phrase, lang, unit) == concept


@pytest.mark.parametrize(("phrase", "lang", "unit", "concept"), [
    ("Jugendarbeitslosigkeit", "de", "percent", "jugendarbeitslosigkeit"),  # a modifier that matters
    ("Sieben-Tage-Inzidenz", "de", "dimensionless", "incidence"),
    ("Brücken", "de", "dimensionless", "brücke"),
    ("bridges", "en", "dimensionless", "bridge"),
    ("ponts", "fr", "dimensionless", "pont"),
], ids=["de-modifier-kept", "de-listed-compound", "de-unknown-lemma", "en-unknown-lemma", "fr-unknown-lemma"])
def test_unknown_or_modified_subjects_fall_back_to_their_lemma(phrase, lang, unit, concept) -> None:
    assert concept_of(phrase, lang, unit) == concept


# --- concepts that hold only with a cue in the sentence ("form?" in rules/concepts.yaml) ---------
CUE_ROWS = [
    ("hommes", "fr", "", "homme"),
    ("hommes", "fr", "L'armée a déployé 3 000 hommes", "troops"),
    ("homme", "fr", "un homme de 61 ans", "homme"),
    ("men", "en", "", "man"),
    ("men", "en", "the army sent 5,000 men", "troops"),
    ("Männer", "de", "", "mann"),
    ("Männer", "de", "Die Bundeswehr schickt 300 Männer", "troops"),
    ("officers", "en", "", "officer"),
    ("officers", "en", "Police deployed 300 officers", "police_officers"),
    ("agents", "fr", "", "agent"),
    ("agents", "fr", "la préfecture de police a mobilisé 500 agents", "police_officers"),
    ("troupe", "fr", "une troupe de douze comédiens", "troupe"),
    ("taux de remplissage", "fr", "le taux de remplissage des salles", "taux"),
    ("taux de remplissage", "fr", "le taux de remplissage des barrages", "reservoir_level"),
]


@pytest.mark.parametrize(("phrase", "lang", "sentence", "concept"), CUE_ROWS,
                         ids=[f"{lang}-{p}-{'cue' if s else 'bare'}-{c}" for p, lang, s, c in CUE_ROWS])
def test_person_nouns_take_a_concept_only_with_a_cue(phrase: str, lang: str, sentence: str,
                                                      concept: str) -> None:
    words = frozenset(t.fold for t in tokenize(sentence, 0, len(sentence)) if t.is_word)
    unit = "percent" if "taux" in phrase else "dimensionless"
    assert concept_of(phrase, lang, unit, words) == concept


def test_exact_forms_are_not_matched_by_lemma() -> None:
    assert concept_of("Mann", "de", "dimensionless") == "troops"  # "100.000 Mann"
    assert concept_of("économies", "fr", "EUR") == "savings"
    assert concept_of("économie", "fr", "percent") == "économie"  # the economy is no saving


@pytest.mark.parametrize(("lang", "text", "claim", "unit", "role", "concept"), [
    ("fr", "Les visiteurs ont concédé neuf pénalités.", "neuf", "dimensionless", "level", "pénalité"),
    ("de", "Mehr als ein Drittel der Investitionen wird über Kredite finanziert.",
     "Mehr als ein Drittel der", "dimensionless", "ratio", "spending"),
    ("de", "Dafür stehen fast doppelt so viele Mittel bereit.", "fast doppelt so viele",
     "dimensionless", "ratio", "spending"),
    ("en", "Buses on three routes will run less often.", "three", "dimensionless", "level", "route"),
], ids=["fr-count-no-fine", "de-ratio-of-money", "de-multiple-of-money", "en-count-no-length"])
def test_the_role_decides_whether_a_count_takes_a_money_concept(lang, text, claim, unit, role,
                                                                concept) -> None:
    start = text.index(claim)
    got = find_subject(text, (0, len(text)), start, start + len(claim), lang, unit, role=role)
    assert got.concept == concept


def test_injured_is_not_deaths() -> None:
    assert concept_of("injured", "en", "dimensionless") != concept_of("killed", "en", "dimensionless")
    assert concept_of("Verletzte", "de", "dimensionless") != concept_of("Tote", "de", "dimensionless")


def test_unit_picks_between_concepts_sharing_a_word() -> None:
    assert concept_of("unemployment", "en", "percent") == "unemployment_rate"
    assert concept_of("unemployment", "en", "dimensionless") == "unemployed"
    assert concept_of("Haushalt", "de", "EUR") == "budget"
    assert concept_of("Haushalt", "de", "dimensionless") == "households"


def test_at_least_sixty_concepts_with_forms_in_every_language() -> None:
    concepts = get_concepts()
    assert len(concepts.units) >= 60
    for lang in ("de", "en", "fr"):
        keys = {k for (lg, _s), ks in concepts.by_surface.items() if lg == lang for k in ks}
        assert keys >= set(concepts.units), f"{lang} lacks {sorted(set(concepts.units) - keys)}"


@pytest.mark.parametrize(("unit", "family"), [
    ("dimensionless", "count"), ("percent", "percent"), ("percentage_point", "percent"),
    ("EUR", "currency"), ("USD", "currency"), ("currency", "currency"),
])
def test_unit_family(unit: str, family: str) -> None:
    assert unit_family(unit) == family


def test_find_subject_reports_the_span_of_the_phrase() -> None:
    text = "Mehr als 94.000 russische Soldaten stehen an der Grenze."
    got = find_subject(text, (0, len(text)), 0, 15, "de", "dimensionless")
    assert text[got.start:got.end] == "russische Soldaten"


# --- a ratio with the counted noun between its figures: the noun is the subject -------
RATIO_NOUN = [
    ("fr", "Un Français sur cinq fume encore.", "Un Français sur cinq", "Français"),
    ("fr", "Un TER sur cinq a été supprimé en novembre.", "Un TER sur cinq", "TER"),
    ("en", "One child in 20 was treated in hospital.", "One child in 20", "child"),
    ("en", "One in eight ballots was cast by post.", "One in eight", "ballots"),
]


@pytest.mark.parametrize("lang,text,claim,subject", RATIO_NOUN, ids=[r[2] for r in RATIO_NOUN])
def test_ratio_noun_is_subject(lang: str, text: str, claim: str, subject: str) -> None:
    claims = extract_document(Document("t", text), lang)
    found = [c for c in claims if c.text == claim]
    assert found, [c.text for c in claims]
    assert found[0].subject == subject


# --- subjects the pipeline finds around verbs: a verb qualifier, object-first German ---
PIPELINE_SUBJECTS = [
    # a share of GDP measures the clause's subject; a verb acting on GDP keeps gdp
    ("fr", "Le déficit public devrait être ramené à 4,7 % du PIB.", "4,7 %", "déficit public"),
    ("fr", "La dette publique atteindra 117,5 % du PIB.", "117,5 %", "dette publique"),
    ("en", "Debt stands at 98% of GDP.", "98%", "Debt"),
    ("en", "Sanctions could hit up to 4.5% of Russia's GDP.", "up to 4.5%", "Russia's GDP"),
    ("en", "Cholera cases have already topped 58,000.", "topped 58,000", "Cholera cases"),
    ("en", "Sales exceeded $3bn last year.", "exceeded $3bn", "Sales"),
    ("de", "Den Schaden schätzt die Forstverwaltung auf 2,5 Millionen Euro.", "2,5 Millionen Euro",
     "Schaden"),
    ("de", "Die Kosten des Streiks beziffert die Airline auf 90 Mio. Euro.", "90 Mio. Euro",
     "Kosten des Streiks"),
]


@pytest.mark.parametrize("lang,text,claim,subject", PIPELINE_SUBJECTS,
                         ids=[r[2] for r in PIPELINE_SUBJECTS])
def test_pipeline_subject(lang: str, text: str, claim: str, subject: str) -> None:
    claims = extract_document(Document("t", text), lang)
    found = [c for c in claims if c.text == claim]
    assert found, [c.text for c in claims]
    assert found[0].subject == subject


# an elliptical figure takes the subject of the figure before it, and the concept of an
# event said right after it (tenth audit): "… und 41 verletzt worden" were injured
PIPELINE_CONCEPTS = [
    ("de", "Bei einem Zugunglück sind mindestens fünf Menschen ums Leben gekommen und 41 "
     "verletzt worden.", "41", "Menschen", "injured"),
    ("de", "Fünf Soldaten wurden getötet und 41 verletzt.", "41", "Soldaten", "injured"),
    ("de", "Fünf Soldaten wurden getötet und 41 verletzt.", "Fünf", "Soldaten", "deaths"),
    ("en", "Five people were killed and 12 injured in the blast.", "12", "injured", "injured"),
]


@pytest.mark.parametrize("lang,text,claim,subject,concept", PIPELINE_CONCEPTS)
def test_pipeline_concept(lang: str, text: str, claim: str, subject: str, concept: str) -> None:
    claims = extract_document(Document("t", text), lang)
    found = [c for c in claims if c.text == claim]
    assert found, [c.text for c in claims]
    assert (found[0].subject, found[0].concept) == (subject, concept)
