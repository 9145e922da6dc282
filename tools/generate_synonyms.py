#!/usr/bin/env python3
"""Writes recipes/synonyms.recipe.json: the search synonyms both sample recipes include.

Three sources, in this order:
1. data/domain/vocab/fr-de-terms.csv (French <-> German terms for caregiving, ageing and accessibility, compiled
   from public sources, facts): one group per row, valid in every language ("*"), French and German expressions.
2. recipes/vocabularies.recipe.json: each term's own French and German labels, as one group valid in every language
   (places excepted: the territories are the gazetteer's).
3. The hand-written groups below, per language, for the words people type (fauteuil roulant, démence, sourd, EHPAD,
   Rollstuhl, Demenz...) and a few more French <-> German pairs.

Usage: python3 tools/generate_synonyms.py   (from the repository root)
"""
import csv
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TERMS_CSV = ROOT / "data" / "domain" / "vocab" / "fr-de-terms.csv"
VOCABULARIES = ROOT / "recipes" / "vocabularies.recipe.json"
OUTPUT = ROOT / "recipes" / "synonyms.recipe.json"

# Vocabularies whose labels are not synonyms to offer: places belong to the gazetteer.
SKIPPED_VOCABULARIES = {"territories"}
# Terms too general to be searched for as themselves ("Other", "Everyone").
SKIPPED_TERMS = {("structure-types", "autre"), ("audiences", "tous-publics")}
# Words that say nothing alone once split from a label.
TOO_GENERAL = {"information", "orientation", "vacances", "aide", "autre", "sonstige", "alle", "idem"}

HAND_WRITTEN = {
    "fr": [
        "fauteuil roulant, handicap moteur, PMR, personne à mobilité réduite, mobilité réduite, déficience motrice, paraplégique, tétraplégique",
        "démence, Alzheimer, maladie d'Alzheimer, troubles cognitifs, maladie neuro-évolutive, maladie apparentée, troubles de la mémoire",
        "sourd, sourde, malentendant, malentendante, déficience auditive, handicap auditif, surdité, LSF, langue des signes",
        "aveugle, malvoyant, malvoyante, non-voyant, déficience visuelle, handicap visuel, cécité, malvoyance",
        "EHPAD, maison de retraite, maison de retraite médicalisée, hébergement pour personnes âgées, hébergement temporaire, résidence autonomie",
        "handicap psychique, troubles psychiques, maladie psychique, maladie mentale, santé mentale",
        "handicap mental, déficience intellectuelle, handicap intellectuel, trisomie 21",
        "handicap cognitif, troubles cognitifs, troubles dys, TSA, TDAH",
        "polyhandicap, polyhandicapé, multihandicap, handicap lourd",
        "surdicécité, surdi-cécité, sourdaveugle",
        "aidant, aidants, proche aidant, aidant familial, aidants familiaux, aidant proche",
        "répit, solution de répit, relais, souffler, prendre du temps pour soi",
        "accueil de jour, centre de jour, accueil à la journée",
        "hébergement temporaire, séjour temporaire, accueil temporaire, court séjour",
        "halte-répit, halte répit, accueil ponctuel",
        "relayage, baluchonnage, suppléance à domicile, relais à domicile",
        "groupe de parole, groupe d'entraide, groupe de soutien, café des aidants, groupe d'échange",
        "soutien psychologique, psychologue, écoute, accompagnement psychologique",
        "aide à domicile, auxiliaire de vie, aide ménagère, SAAD, SAD",
        "SSIAD, soins infirmiers à domicile, infirmier à domicile, infirmière à domicile",
        "téléassistance, téléalarme, bouton d'alerte, bouton d'appel",
        "portage de repas, repas à domicile, livraison de repas",
        "piscine, natation, nage, baignade, aquagym",
        "sport adapté, handisport, parasport, sport inclusif, sport pour personnes handicapées",
        "basket fauteuil, handibasket, basket en fauteuil",
        "cécifoot, foot à 5, football pour aveugles",
        "personnes âgées, seniors, séniors, aînés, retraités, troisième âge, personne âgée",
        "autisme, autiste, TSA, troubles du spectre de l'autisme",
        "TDAH, hyperactivité, trouble de l'attention",
        "troubles dys, dyslexie, dyspraxie, dysphasie",
        "AVC, accident vasculaire cérébral",
        "Parkinson, maladie de Parkinson",
        "sclérose en plaques, SEP",
        "mémoire, stimulation cognitive, atelier mémoire, entraînement de la mémoire",
        "prévention des chutes, chute, chutes, équilibre",
        "gym douce, gymnastique douce, activité physique adaptée, gymnastique adaptée",
        "APA, allocation personnalisée d'autonomie",
        "PCH, prestation de compensation du handicap",
        "AAH, allocation aux adultes handicapés",
        "MDPH, maison départementale des personnes handicapées",
        "CCAS, centre communal d'action sociale",
        "CLIC, centre local d'information et de coordination",
        "transport adapté, transport PMR, transport à la demande",
        "adaptation du logement, logement adapté, aménagement du logement",
        "inclusion numérique, numérique, informatique, ordinateur, tablette, internet",
        "isolement, solitude, lien social, rompre l'isolement",
        "bénévole, bénévoles, bénévolat",
        "gratuit, gratuite, sans frais, gratuité",
        "audiodescription, audio-description, description audio",
        "FALC, facile à lire et à comprendre, lecture facile",
        "boucle magnétique, boucle à induction magnétique, boucle auditive",
        "théâtre, art dramatique, improvisation",
        "danse, danse inclusive, handidanse",
        "chorale, chant, chanter",
        "arts plastiques, peinture, dessin, atelier créatif",
        "randonnée, marche, balade, promenade, marche nordique",
        "tennis de table, ping-pong",
        "jardinage, jardin partagé, potager",
        "nutrition, alimentation, diététique, bien manger",
        "fin de vie, soins palliatifs, accompagnement de fin de vie",
        "deuil, perte d'un proche",
        "enfant handicapé, enfant en situation de handicap",
        "IME, institut médico-éducatif",
        "SESSAD, service d'éducation spéciale et de soins à domicile",
        "ESAT, établissement et service d'aide par le travail, CAT",
        "GEM, groupe d'entraide mutuelle",
        "foyer de vie, foyer d'accueil médicalisé, FAM, MAS, maison d'accueil spécialisée",
        "résidence autonomie, foyer-logement, résidence seniors",
        "formation des aidants, formation aidant, formation pour les aidants",
        "accès aux droits, droits, démarches administratives",
        "vacances adaptées, séjours adaptés, séjour adapté, vacances",
        "sortie, sorties, excursion, visite",
        "musée, exposition, visite guidée",
        "cinéma, film, séance de cinéma",
        "bibliothèque, médiathèque",
        "CAF, caisse d'allocations familiales",
        "CPAM, assurance maladie, sécurité sociale",
        "caisse de retraite, CARSAT, retraite",
        "handicap, situation de handicap, personne handicapée, personnes handicapées, PSH",
        "accessible, accessibilité, adapté",
        "rampe, plain-pied, sans marche",
        "ascenseur, élévateur",
        "toilettes adaptées, sanitaires adaptés, WC adaptés",
        "parking PMR, place handicapé, stationnement PMR",
        "chien guide, chien d'assistance",
        "AJPA, allocation journalière du proche aidant, congé de proche aidant",
        "PFR, plateforme de répit, plateforme d'accompagnement et de répit",
        "DAC, dispositif d'appui à la coordination",
        "maladie chronique, affection de longue durée, ALD",
        "dépendance, perte d'autonomie",
        "maintien à domicile, rester chez soi, vivre à domicile",
        "sport santé, sport sur ordonnance, maison sport-santé",
        "escalade, grimpe, mur d'escalade",
        "judo, judo adapté, arts martiaux",
        "jeux, jeux de société, ludothèque",
        "aide financière, aides financières, financement, allocation",
        "soutien psychologique, soutien moral, soutien émotionnel, écoute, accompagnement psychologique",
        "informatique, atelier numérique, numérique, ordinateur, cours d'informatique",
        "culturel, culturelle, sortie culturelle, sorties culturelles, visite, musée, spectacle, cinéma, théâtre",
    ],
    "de": [
        "Rollstuhl, Rollstuhlfahrer, Rollstuhlfahrerin, Rollstuhlnutzer, Gehbehinderung, mobilitätseingeschränkt, Körperbehinderung",
        "Demenz, Alzheimer, dement, kognitive Beeinträchtigung, Gedächtnisstörung",
        "gehörlos, taub, schwerhörig, Hörbehinderung, hörbehindert, Gebärdensprache, DGS",
        "blind, sehbehindert, Sehbehinderung, Blindheit",
        "Pflegeheim, Altenheim, Seniorenheim, Altersheim",
        "Tagespflege, Tagesbetreuung, teilstationäre Pflege",
        "Kurzzeitpflege, Ersatzpflege, Verhinderungspflege",
        "pflegende Angehörige, Angehörige, Pflegeperson",
        "Entlastung, Entlastungsangebot, Auszeit",
        "Selbsthilfegruppe, Gesprächskreis, Angehörigengruppe",
        "Schwimmen, Schwimmbad, Hallenbad, Wassergymnastik",
        "Behindertensport, Rehasport, inklusiver Sport, Parasport",
        "Senioren, Seniorinnen, ältere Menschen, Rentner",
        "Autismus, Autist, Autismus-Spektrum",
        "psychische Erkrankung, seelische Behinderung, psychische Behinderung",
        "geistige Behinderung, Lernbehinderung, kognitive Behinderung",
        "Hausnotruf, Notruf, Notrufknopf",
        "Essen auf Rädern, Mahlzeitendienst",
        "ambulanter Pflegedienst, Pflegedienst, häusliche Pflege",
        "Pflegeberatung, Pflegestützpunkt, Beratung",
        "barrierefrei, rollstuhlgerecht, behindertengerecht",
        "Leichte Sprache, einfache Sprache",
        "Audiodeskription, Hörfilm",
        "Wandern, Spaziergang, Nordic Walking",
        "Tanzen, Tanz",
        "Singen, Chor",
        "Malen, Kunst, Kreativ",
        "Gedächtnistraining, Gehirnjogging",
        "Sturzprävention, Gleichgewicht, Balance",
        "Pflegegrad, Pflegestufe",
        "Pflegegeld, Pflegeleistungen",
        "Schwerbehindertenausweis, Behindertenausweis",
        "Fahrdienst, Behindertenfahrdienst",
        "Einsamkeit, Isolation, Begegnung",
        "Ehrenamt, ehrenamtlich, Freiwillige",
        "kostenlos, gratis, kostenfrei",
        "Urlaub, Reise, Ferien",
        "Museum, Ausstellung",
        "Kino, Film",
        "Bibliothek, Bücherei, Mediathek",
        "Parkinson, Morbus Parkinson",
        "Schlaganfall, Apoplex",
        "Multiple Sklerose, MS",
        "Sterbebegleitung, Palliativ, Hospiz",
        "Trauer, Trauerbegleitung",
        "Werkstatt für behinderte Menschen, WfbM, Behindertenwerkstatt",
        "betreutes Wohnen, Service-Wohnen, Seniorenwohnen",
        "digitale Teilhabe, Computer, Internet, Smartphone",
        "Tischtennis, Pingpong",
        "Reiten, therapeutisches Reiten, Hippotherapie",
        "Pflegeheim, Altenheim, Seniorenheim, Kurzzeitpflege, stationäre Pflege",
        "Computerkurs, Digitalkurs, PC-Kurs, Computer, digitale Teilhabe",
        "Sturz, Stürze, Sturzprävention, Sturzprophylaxe",
        "seelische Unterstützung, psychologische Beratung, psychosoziale Unterstützung",
        "Kultur, Kulturausflug, Kulturausflüge, Museum, Theater, Kino",
    ],
    "*": [
        "fauteuil roulant, Rollstuhl",
        "démence, Demenz",
        "sourd, gehörlos",
        "aveugle, blind",
        "malvoyant, sehbehindert",
        "piscine, Schwimmbad",
        "natation, Schwimmen",
        "maison de retraite, Altenheim",
        "répit, Entlastung",
        "personnes âgées, Senioren",
        "bénévole, Ehrenamt",
        "gratuit, kostenlos",
        # Activities and offers, French <-> German, as people name them on either side of the border.
        "aquagym, gymnastique aquatique, aquafitness, Wassergymnastik, Aquagymnastik",
        "gymnastique douce, gym douce, sanfte Gymnastik, Seniorengymnastik",
        "gymnastique, gym, Gymnastik",
        "marche nordique, Nordic Walking",
        "randonnée, marche, Wandern, Wanderung, Spaziergang",
        "yoga sur chaise, yoga assis, Stuhlyoga, Sitzyoga, Yoga auf dem Stuhl",
        "prévention des chutes, éviter les chutes, Sturzprävention, Sturzprophylaxe, Stürze vermeiden, Sturzvorbeugung",
        "chute, chutes, Sturz, Stürze",
        "équilibre, Gleichgewicht, Gleichgewichtstraining",
        "prévention, Prävention, Vorbeugung",
        "atelier mémoire, entraînement de la mémoire, Gedächtnistraining, Gehirnjogging",
        "mémoire, Gedächtnis",
        "atelier numérique, numérique, informatique, cours d'informatique, initiation informatique, Digitalkurs, Computerkurs, PC-Kurs, Computer, digital",
        "ordinateur, Computer, PC",
        "tablette, smartphone, Tablet, Handy",
        "atelier nutrition, Ernährungsworkshop, Ernährungsberatung",
        "nutrition, alimentation, Ernährung",
        "café des aidants, Angehörigencafé, Angehörigentreff",
        "café des seniors, Seniorencafé, Seniorentreff",
        "chorale, chœur, chant, Chor, Singen",
        "chorale intergénérationnelle, Generationenchor",
        "intergénérationnel, intergénérationnelle, Generationen, generationenübergreifend",
        "conduite sûre, conduite, sécurité routière, Fahrsicherheitstraining, Fahrsicherheit, Autofahren, Verkehrssicherheit",
        "adapter son logement, adaptation du logement, aménagement du logement, logement adapté, Wohnberatung, Wohnungsanpassung, Wohnraumanpassung, Wohnung anpassen",
        "logement, Wohnung, Wohnen",
        "danse, danser, Tanz, Tanzen",
        "danse seniors, Seniorentanz, thé dansant, Tanztee",
        "formation des proches aidants, formation des aidants, formation aidants, Pflegekurs, Pflegekurs für Angehörige, Schulung für Angehörige",
        "groupe de parole, groupe d'entraide, Gesprächskreis, Gesprächsgruppe, Selbsthilfegruppe, Angehörigengruppe",
        "sorties culturelles, sortie culturelle, sorties, excursion, Kulturausflug, Kulturausflüge, Ausflug, Ausflüge",
        "culture, culturel, culturelle, Kultur, kulturell",
        "sport santé, sport-santé, activité physique adaptée, Gesundheitssport, Seniorensport, Rehasport",
        "maison sport-santé, Haus für Sport und Gesundheit",
        "sport, activité sportive, Sport, Bewegung",
        "plateforme de répit, plateforme d'accompagnement et de répit, Entlastungsstelle, Entlastungsstelle für Angehörige",
        "solutions de répit, solution de répit, Entlastungsangebote, Entlastungsangebot",
        "relais à domicile, relayage, Entlastung zu Hause",
        "séjour de répit, vacances répit, Entlastungsurlaub, Urlaub mit Pflege",
        "point d'information seniors, information seniors, Seniorenberatungsstelle, Seniorenberatung, Seniorenbüro",
        "permanence, Sprechstunde, Beratungssprechstunde",
        "permanence retraite, retraite et droits, Rentensprechstunde, Rente und Leistungen, Rentenberatung",
        "retraite, Rente, Ruhestand",
        "espace prévention retraite, Präventionsstelle der Rentenversicherung",
        "maison de quartier, centre social, Stadtteilhaus, Stadtteilzentrum, Nachbarschaftshaus, Bürgerhaus",
        "seniors actifs, Aktive Senioren",
        "CCAS, centre communal d'action sociale, Kommunaler Sozialdienst, Sozialamt",
        "conférence, Vortrag, Konferenz",
        "sommeil, bien dormir, Schlaf, gut schlafen",
        "jeux de société, jeux, Gesellschaftsspiele, Brettspiele, Spielenachmittag, Spiele",
        "ludothèque, Spielothek, Ludothek",
        "musée, Museum, Museumsbesuch",
        "exposition, Ausstellung",
        "visite guidée, visite, Führung, Besichtigung",
        "visite tactile, Tastführung, taktile Führung, Tastrundgang",
        "audiodescription, audio-description, Audiodeskription, Hörfilm, Hörbeschreibung",
        "cinéma, Kino, Kinovorstellung",
        "théâtre, Theater",
        "atelier théâtre, Theaterworkshop, Theatergruppe",
        "spectacle, Aufführung, Vorstellung, Show",
        "arts plastiques, peinture, dessin, Malen, Zeichnen, Kunst",
        "médiathèque, bibliothèque, Bibliothek, Mediathek, Bücherei",
        "club lecture, lecture, club de lecture, Lesekreis, Leseclub, Lesen",
        "conservatoire, école de musique, Musikschule, Konservatorium",
        "musique, Musik",
        "basket fauteuil, handibasket, basket en fauteuil, Rollstuhlbasketball, Rollstuhl-Basketball",
        "basket, basketball, Basketball",
        "cécifoot, foot pour aveugles, football pour aveugles, Blindenfußball, Blindenfussball",
        "football, foot, Fußball",
        "tennis de table, ping-pong, Tischtennis",
        "escalade, grimpe, Klettern, Kletterhalle, Bouldern",
                "natation, nage, Schwimmen, Schwimmkurs",
        "piscine, Schwimmbad, Hallenbad, Freibad",
        "cercle nautique, club de natation, Schwimmverein",
        "club omnisport, club sportif, Sportverein",
        "gymnase, complexe sportif, Sporthalle, Turnhalle",
        "danse inclusive, handidanse, inklusiver Tanz, inklusives Tanzen",
        "chorale inclusive, inklusiver Chor",
        "inclusif, inclusive, inclusion, inklusiv, Inklusion",
        "adapté, adaptée, adaptés, adaptées, angepasst, barrierefrei",
        "vacances adaptées, séjours adaptés, barrierefreier Urlaub, Urlaub für Menschen mit Behinderung",
        "vacances, séjour, Urlaub, Ferien, Reise",
        "langue des signes, LSF, Gebärdensprache, DGS",
        "handicap visuel, déficience visuelle, malvoyance, Sehbehinderung, sehbehindert",
        "handicap auditif, déficience auditive, surdité, malentendant, Hörbehinderung, schwerhörig",
        "handicap moteur, déficience motrice, Körperbehinderung, Gehbehinderung",
        "handicap mental, déficience intellectuelle, geistige Behinderung",
        "handicap psychique, troubles psychiques, psychische Erkrankung, seelische Behinderung",
        "autisme, autiste, TSA, Autismus, Autist",
        "handicap, situation de handicap, personnes handicapées, Behinderung, Menschen mit Behinderung, behindert",
        "aidant, aidants, proche aidant, proches aidants, Angehörige, pflegende Angehörige",
        "aidé, personne aidée, Gepflegte, pflegebedürftig",
        "enfant, enfants, Kind, Kinder",
        "jeunes, adolescents, Jugendliche",
        "famille, familles, Familie, Familien",
        "isolement, solitude, Einsamkeit, Isolation",
        "transport adapté, transport, Fahrdienst, Behindertenfahrdienst",
        "EHPAD, maison de retraite, Pflegeheim, Altenheim, Seniorenheim",
        "résidence autonomie, résidence seniors, foyer-logement, betreutes Wohnen, Seniorenwohnen, Service-Wohnen",
        "aide à domicile, Haushaltshilfe, Alltagshilfe, ambulanter Pflegedienst",
        "atelier, ateliers, Workshop, Kurs, Kurse",
        "cours, Kurs, Kurse",
        "association, associations, Verein, Verband",
        "guide, Leitfaden, Ratgeber",
        "frontière, transfrontalier, transfrontalière, Grenze, grenzüberschreitend",
        "bien vieillir, vieillir, gut älter werden, Altern",
        "Alzheimer, maladie d'Alzheimer, Alzheimer-Krankheit, Alzheimer-Demenz",
    ],
}


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def is_acronym(text):
    return bool(re.fullmatch(r"[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9'’\-]{1,7}", text.strip()))


def expressions(label, keep_parenthesised):
    """The expressions of a label: split on "/", with what is in parentheses kept as expressions of their own when
    asked (German labels explain, French ones qualify) or when they are acronyms ("Pflegeheime (EHPAD)")."""
    found = []
    for part in re.split(r"\s*/\s*|\s*\+\s*", re.sub(r"\(([^)]*)\)", lambda m: " / " + m.group(1) + " / " if keep_parenthesised or all(is_acronym(p) for p in re.split(r"\s*/\s*", m.group(1))) else " ", label)):
        part = re.sub(r"\((\w+)\)", "", part)  # pflegende(r) Angehörige(r)
        part = re.sub(r"\s+", " ", part).strip(" ,;.'")
        if len(part) >= 2 and fold(part) not in TOO_GENERAL and not re.fullmatch(r"[\d\s\-]+", part):
            found.append(part)
    return found


def group(culture, terms):
    unique = []
    seen = set()
    for term in terms:
        if fold(term) not in seen:
            seen.add(fold(term))
            unique.append(term)
    return {"Culture": culture, "Terms": unique} if len(unique) >= 2 else None


def main():
    groups = []
    with TERMS_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            groups.append(group("*", expressions(row["fr"], False) + expressions(row["de"], False)))
    recipe = json.loads(VOCABULARIES.read_text(encoding="utf-8"))
    for vocabulary in recipe["steps"][0]["Vocabularies"]:
        if vocabulary["Name"] in SKIPPED_VOCABULARIES:
            continue
        for term in vocabulary["Terms"]:
            if (vocabulary["Name"], term["Slug"]) in SKIPPED_TERMS:
                continue
            groups.append(group("*", expressions(term["Fr"], False) + expressions(term["De"], True)))
    for culture, lines in HAND_WRITTEN.items():
        for line in lines:
            groups.append(group(culture, [t.strip() for t in line.split(",")]))
    kept = []
    keys = set()
    for g in groups:
        if g is None:
            continue
        key = (g["Culture"], tuple(sorted(fold(t) for t in g["Terms"])))
        if key not in keys:
            keys.add(key)
            kept.append(g)
    OUTPUT.write_text(json.dumps({
        "name": "synonyms",
        "displayName": "Portal – search synonyms",
        "description": "The synonyms searches use, generated by tools/generate_synonyms.py from data/domain/vocab/fr-de-terms.csv (facts, compiled from public sources), the vocabularies' French and German labels and hand-written groups. Editors change them in the back office (Search > Synonyms).",
        "steps": [{"name": "Synonyms", "Groups": kept}],
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(kept)} groups")


if __name__ == "__main__":
    main()
