#!/usr/bin/env python3
"""Writes recipes/vocabularies.recipe.json from the reference data in data/domain.

Run from the repository root: python3 tools/generate_vocabularies.py
Lists read from files keep their official French labels and codes; German labels that the sources do not give are
written here, next to the slug they translate. Re-running gives the same file (stable order, no timestamps).
"""
import csv, json, os, re, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data", "domain")

def read_json(path): 
    with open(os.path.join(DATA, path), encoding="utf-8") as f: return json.load(f)

def read_csv(path):
    with open(os.path.join(DATA, path), encoding="utf-8", newline="") as f: return list(csv.DictReader(f))

def slug(text):
    text = unicodedata.normalize("NFD", text.replace("ß", "ss").replace("œ", "oe").replace("’", "-").replace("'", "-"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")

def term(slug_, fr, de, parent=None, **codes):
    t = {"Slug": slug_, "Fr": fr, "De": de}
    if parent: t["Parent"] = parent
    codes = {k.replace("_", "-"): v for k, v in codes.items() if v}
    if codes: t["Codes"] = codes
    return t

def vocabulary(name, fr, de, source, terms, description=None):
    v = {"Name": name, "DisplayName": fr, "DisplayNameDe": de, "Source": source, "Terms": terms}
    if description: v["Description"] = description
    return v

# Disability types: the crosswalk gives French and German.
def disability_types():
    terms = []
    for row in read_csv("vocab/handicap-types-crosswalk.csv"):
        de = row["de"].split(" / ")[0] if len(row["de"]) > 60 else row["de"]
        terms.append(term(row["slug"], row["libelle_fr"], de,
                          data_inclusion_v0=row["data_inclusion_v0_profils"],
                          finess=row["finess_tre_r403_niveau2"].split(" ")[0] if row["finess_tre_r403_niveau2"] else "",
                          acceslibre=row["acceslibre_labels_familles_handicap"]))
    return vocabulary("disability-types", "Types de handicap", "Arten der Behinderung", "vocab/handicap-types-crosswalk.csv", terms)

AUDIENCES_DE = {
    "actifs": "Erwerbstätige", "beneficiaires-des-minimas-sociaux": "Bezieher von Mindestsicherungsleistungen",
    "demandeurs-emploi": "Arbeitsuchende", "etudiants": "Studierende", "familles": "Familien", "femmes": "Frauen",
    "jeunes": "Junge Menschen", "personnes-en-situation-de-handicap": "Menschen mit Behinderung",
    "personnes-en-situation-durgence": "Menschen in Notlagen", "personnes-en-situation-juridique-specifique": "Menschen in besonderer rechtlicher Lage",
    "personnes-exilees": "Geflüchtete Menschen", "residents-qpv-frr": "Bewohner benachteiligter Stadt- oder Landgebiete (QPV/FRR)",
    "seniors": "Seniorinnen und Senioren", "tous-publics": "Alle",
}
# Our own audiences, for the portal's public, beside data·inclusion's.
EXTRA_AUDIENCES = [
    term("enfants", "Enfants", "Kinder"),
    term("aidants", "Proches aidants", "Pflegende Angehörige", data_inclusion="familles"),
    term("professionnels", "Professionnels", "Fachkräfte"),
]

def audiences():
    terms = [term(d["value"], d["label"], AUDIENCES_DE[d["value"]], data_inclusion=d["value"]) for d in read_json("data-inclusion-schema/v1/extra/publics.json")]
    return vocabulary("audiences", "Publics", "Zielgruppen", "data·inclusion v1 publics", terms + EXTRA_AUDIENCES)

def fees():
    de = {"gratuit": "Kostenlos", "payant": "Kostenpflichtig", "gratuit-sous-conditions": "Kostenlos unter Bedingungen", "adhesion": "Mitgliedsbeitrag", "pass-numerique": "Nimmt den „Pass numérique“ an"}
    v1 = {d["value"] for d in read_json("data-inclusion-schema/v1/extra/frais.json")}
    terms = [term(d["value"], d["label"], de[d["value"]], data_inclusion=d["value"] if d["value"] in v1 else "payant" if d["value"] == "adhesion" else "gratuit" if d["value"].startswith("gratuit") else "")
             for d in read_json("data-inclusion-schema/v0/extra/frais.json") if d["value"] != "pass-numerique"]
    terms.append(term("aide-financiere-possible", "Aide financière possible (APA, PCH, caisse de retraite…)", "Finanzielle Unterstützung möglich (APA, PCH, Rentenkasse…)", data_inclusion="payant"))
    return vocabulary("fees", "Tarifs", "Kosten", "data·inclusion v0/v1 frais", terms)

def reception_modes():
    de = {"a-distance": "Aus der Ferne (Telefon, Video, online)", "en-presentiel": "Vor Ort"}
    terms = [term(d["value"], d["label"], de[d["value"]], data_inclusion=d["value"]) for d in read_json("data-inclusion-schema/v1/extra/modes-accueil.json")]
    terms.append(term("a-domicile", "À domicile", "Zu Hause", data_inclusion="en-presentiel"))
    return vocabulary("reception-modes", "Modes d'accueil", "Art der Betreuung", "data·inclusion v1 modes d'accueil", terms)

# Structure typologies: the data·inclusion v0 ones that our actors are, with the FINESS categories of the medico-social ones.
TYPOLOGIES = [
    ("ASSO", "association", "Associations", "Vereine und Verbände", None, ""),
    (None, "club-sportif", "Clubs sportifs", "Sportvereine", "association", ""),
    (None, "association-aidants", "Associations d'aidants et de familles", "Angehörigen- und Familienverbände", "association", ""),
    (None, "association-personnes-handicapees", "Associations de personnes handicapées", "Verbände von Menschen mit Behinderung", "association", ""),
    ("MUNI", "municipalite", "Municipalités", "Gemeinden und Städte", None, ""),
    ("CCAS", "ccas", "Centres communaux d'action sociale (CCAS)", "Kommunale Sozialdienste (CCAS)", "municipalite", ""),
    ("CIAS", "cias", "Centres intercommunaux d'action sociale (CIAS)", "Interkommunale Sozialdienste (CIAS)", None, ""),
    ("EPCI", "epci", "Intercommunalités (EPCI)", "Gemeindeverbände (EPCI)", None, ""),
    ("CD", "conseil-departemental", "Conseils départementaux", "Départementsräte", None, ""),
    ("MDPH", "mdph", "Maisons départementales des personnes handicapées (MDPH)", "Départementale Anlaufstellen für Menschen mit Behinderung (MDPH)", "conseil-departemental", "609"),
    ("MDS", "maison-des-solidarites", "Maisons départementales des solidarités", "Départementale Sozialzentren", "conseil-departemental", ""),
    (None, "clic", "Centres locaux d'information et de coordination (CLIC)", "Lokale Informations- und Koordinierungsstellen für ältere Menschen (CLIC)", None, "463"),
    (None, "dac", "Dispositifs d'appui à la coordination (DAC)", "Koordinierungsstellen für komplexe Versorgung (DAC)", None, "606"),
    (None, "plateforme-repit", "Plateformes d'accompagnement et de répit", "Beratungs- und Entlastungsstellen für pflegende Angehörige", None, ""),
    (None, "ehpad", "EHPAD", "Pflegeheime (EHPAD)", None, "500"),
    (None, "residence-autonomie", "Résidences autonomie", "Betreutes Wohnen (Résidence autonomie)", None, "202"),
    (None, "accueil-de-jour", "Centres d'accueil de jour pour personnes âgées", "Tagespflegeeinrichtungen für ältere Menschen", None, "207"),
    (None, "service-autonomie-domicile", "Services autonomie à domicile (SAD, SSIAD)", "Ambulante Pflege- und Hilfsdienste (SAD, SSIAD)", None, "209"),
    (None, "esat", "Établissements et services d'aide par le travail (ESAT)", "Werkstätten für Menschen mit Behinderung (ESAT)", None, "246"),
    (None, "foyer-de-vie", "Foyers de vie et d'accueil médicalisé", "Wohneinrichtungen für Erwachsene mit Behinderung", None, "382"),
    (None, "ime-sessad", "IME et SESSAD (enfants)", "Förder- und Frühförderdienste für Kinder (IME, SESSAD)", None, "183"),
    (None, "gem", "Groupes d'entraide mutuelle (GEM)", "Selbsthilfetreffpunkte (GEM)", None, "705"),
    (None, "maison-sport-sante", "Maisons sport-santé", "Sport- und Gesundheitshäuser", None, "700"),
    ("CMP", "cmp", "Centres médico-psychologiques (CMP)", "Psychiatrische Ambulanzen (CMP)", None, "156"),
    ("CS", "centre-social", "Centres sociaux", "Stadtteil- und Sozialzentren", None, ""),
    ("MJC", "mjc", "Maisons des jeunes et de la culture (MJC)", "Jugend- und Kulturhäuser (MJC)", None, ""),
    ("BIB", "bibliotheque", "Bibliothèques et médiathèques", "Bibliotheken und Mediatheken", None, ""),
    (None, "lieu-culturel", "Lieux culturels (musées, théâtres, cinémas)", "Kultureinrichtungen (Museen, Theater, Kinos)", None, ""),
    (None, "equipement-sportif", "Équipements sportifs (piscines, gymnases)", "Sportstätten (Schwimmbäder, Sporthallen)", None, ""),
    ("CAF", "caf", "Caisses d'allocations familiales (CAF)", "Familienkassen (CAF)", None, ""),
    ("CPAM", "cpam", "Caisses primaires d'assurance maladie (CPAM)", "Krankenkassen (CPAM)", None, ""),
    ("MSA", "msa", "Mutualité sociale agricole (MSA)", "Landwirtschaftliche Sozialversicherung (MSA)", None, ""),
    (None, "caisse-retraite", "Caisses de retraite", "Rentenkassen", None, ""),
    (None, "organisme-etranger", "Organismes allemands, luxembourgeois ou belges", "Deutsche, luxemburgische oder belgische Einrichtungen", None, ""),
    ("Autre", "autre", "Autre", "Sonstige", None, ""),
]

def structure_types():
    terms = [term(s, fr, de, parent, data_inclusion_v0=code or "", finess=finess) for code, s, fr, de, parent, finess in TYPOLOGIES]
    return vocabulary("structure-types", "Types de structure", "Arten von Einrichtungen", "data·inclusion v0 typologies, FINESS JDV_J55", terms)

DOMAINS = [
    ("sport", "Sport", "Sport", None, "remobilisation--activites-sportives-et-culturelles"),
    ("sport-adapte", "Sport adapté et handisport", "Inklusiver Sport und Behindertensport", "sport", ""),
    ("activite-physique-seniors", "Activité physique des seniors", "Bewegung für Seniorinnen und Senioren", "sport", ""),
    ("loisirs", "Loisirs", "Freizeit", None, "remobilisation--lien-social"),
    ("vacances-sorties", "Vacances et sorties", "Urlaub und Ausflüge", "loisirs", ""),
    ("culture", "Culture", "Kultur", None, "remobilisation--activites-sportives-et-culturelles"),
    ("pratiques-artistiques", "Pratiques artistiques", "Künstlerische Angebote", "culture", ""),
    ("visites-spectacles", "Visites et spectacles accessibles", "Barrierefreie Führungen und Vorstellungen", "culture", ""),
    ("bien-vieillir", "Bien vieillir", "Gut älter werden", None, ""),
    ("mobilite", "Mobilité", "Mobilität", "bien-vieillir", "mobilite--etre-accompagne-dans-son-parcours-mobilite"),
    ("habitat", "Habitat et adaptation du logement", "Wohnen und Wohnraumanpassung", "bien-vieillir", "logement-hebergement--se-maintenir-dans-le-logement"),
    ("lien-social", "Lien social et participation", "Soziale Teilhabe", "bien-vieillir", "remobilisation--lien-social"),
    ("prevention-sante", "Prévention et santé", "Prävention und Gesundheit", "bien-vieillir", ""),
    ("nutrition", "Nutrition", "Ernährung", "bien-vieillir", "equipement-et-alimentation--alimentation"),
    ("memoire", "Mémoire et stimulation cognitive", "Gedächtnistraining", "bien-vieillir", ""),
    ("inclusion-numerique", "Inclusion numérique", "Digitale Teilhabe", "bien-vieillir", "numerique--maitriser-les-fondamentaux-du-numerique"),
    ("acces-aux-droits", "Accès aux droits", "Zugang zu Rechten und Leistungen", "bien-vieillir", "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"),
    ("intergenerationnel", "Intergénérationnel", "Generationenübergreifend", "bien-vieillir", ""),
]

def domains():
    themes = {d["value"] for d in read_json("data-inclusion-schema/v1/extra/thematiques.json")}
    terms = []
    for s, fr, de, parent, theme in DOMAINS:
        if theme and theme not in themes: raise SystemExit(f"unknown data·inclusion thématique {theme}")
        terms.append(term(s, fr, de, parent, data_inclusion=theme))
    return vocabulary("domains", "Domaines", "Bereiche", "portal; data·inclusion v1 thématiques", terms)

# Aidant support types, from the French/German terms of caregiving (SGB XI references in fr-de-terms.csv).
SUPPORT = [
    ("information-orientation", "information / orientation", None, "information"),
    ("formation-aidants", "formation des aidants", None, "formation"),
    ("soutien-psychologique", "soutien psychologique", None, "accompagnement"),
    ("groupe-de-parole", "groupe de parole", None, "accompagnement"),
    ("repit", "solution de répit", None, "accompagnement"),
    ("accueil-de-jour", "accueil de jour", "repit", "accompagnement"),
    ("accueil-de-nuit", "accueil de nuit", "repit", "accompagnement"),
    ("hebergement-temporaire", "hébergement temporaire", "repit", "accompagnement"),
    ("relayage-domicile", "relayage / baluchonnage / suppléance à domicile", "repit", "accompagnement"),
    ("halte-repit", "halte-répit / accueil ponctuel Alzheimer", "repit", "accompagnement"),
    ("sejour-repit", "séjour de répit aidant-aidé / vacances", "repit", "accompagnement"),
    ("aide-a-domicile", "aide à domicile (SAD / SAAD)", None, "aide-materielle"),
    ("aide-financiere", "allocation journalière du proche aidant (AJPA)", None, "aide-financiere"),
]

def support_types():
    pairs = {row["fr"]: row["de"] for row in read_csv("vocab/fr-de-terms.csv")}
    types = {d["value"] for d in read_json("data-inclusion-schema/v1/extra/types-de-services.json")}
    terms = []
    for s, fr, parent, service_type in SUPPORT:
        if fr not in pairs: raise SystemExit(f"no German term for {fr}")
        if service_type not in types: raise SystemExit(f"unknown data·inclusion type {service_type}")
        label = fr[0].upper() + fr[1:]
        if s == "aide-financiere": label = "Aides financières aux aidants (dont AJPA)"
        terms.append(term(s, label, pairs[fr][0].upper() + pairs[fr][1:], parent, data_inclusion=service_type, data_inclusion_thematique="famille--soutien-aidants"))
    return vocabulary("support-types", "Types de soutien aux aidants", "Arten der Unterstützung für pflegende Angehörige", "vocab/fr-de-terms.csv; data·inclusion v1", terms)

CARED_FOR = [
    ("personne-agee", "Personne âgée en perte d'autonomie", "Pflegebedürftige ältere Person"),
    ("adulte-handicape", "Adulte en situation de handicap", "Erwachsener mit Behinderung"),
    ("enfant-handicape", "Enfant en situation de handicap", "Kind mit Behinderung"),
    ("maladie-chronique", "Personne atteinte d'une maladie chronique", "Chronisch kranke Person"),
    ("maladie-neuro-evolutive", "Maladie d'Alzheimer ou apparentée", "Alzheimer- oder verwandte Demenzerkrankung"),
    ("troubles-psychiques", "Personne vivant avec des troubles psychiques", "Person mit psychischer Erkrankung"),
    ("fin-de-vie", "Personne en fin de vie", "Person am Lebensende"),
]

ACCESSIBILITY = [
    ("entree-plain-pied", "Entrée de plain-pied ou rampe", "Stufenloser Eingang oder Rampe", "entree_plain_pied"),
    ("stationnement-pmr", "Place de stationnement PMR", "Behindertenparkplatz", "stationnement_pmr"),
    ("sanitaires-adaptes", "Sanitaires adaptés", "Barrierefreie Toilette", "sanitaires_adaptes"),
    ("ascenseur", "Ascenseur", "Aufzug", "entree_ascenseur"),
    ("personnel-forme", "Personnel formé à l'accueil des personnes handicapées", "Geschultes Personal", "accueil_personnels"),
    ("boucle-magnetique", "Boucle à induction magnétique", "Induktive Höranlage", "accueil_equipements_malentendants"),
    ("lsf", "Accueil en langue des signes (LSF)", "Gebärdensprache (LSF/DGS)", "accueil_equipements_malentendants"),
    ("audiodescription", "Audiodescription", "Audiodeskription", ""),
    ("falc", "Documents en FALC", "Informationen in Leichter Sprache", ""),
    ("bande-guidage", "Bandes de guidage au sol", "Taktiles Bodenleitsystem", "cheminement_ext_bande_guidage"),
    ("label-tourisme-handicap", "Label Tourisme & Handicap", "Kennzeichnung „Reisen für Alle“ (vergleichbar)", ""),
    ("label-destination-pour-tous", "Label Destination pour tous", "Kennzeichnung „Destination pour tous“", ""),
]

def accessibility():
    labels = {l["fields"]["nom"] for l in read_json("acceslibre/acceslibre-labels-fixture.json")}
    for name in ("Tourisme & Handicap", "Destination pour tous"):
        if name not in labels: raise SystemExit(f"acceslibre label {name} missing")
    terms = [term(s, fr, de, acceslibre=code) for s, fr, de, code in ACCESSIBILITY]
    return vocabulary("accessibility", "Accessibilité", "Barrierefreiheit", "acceslibre schema and labels", terms)

def territories():
    terms = []
    for row in read_csv("geo/grande-region-territoires.csv"):
        t = term(row["id"], row["nom_fr"], row["nom_de"], nuts=row["nuts1_2021"], iso=row["pays_iso"])
        t["Latitude"], t["Longitude"] = float(row["lat_approx"]), float(row["lon_approx"])
        terms.append(t)
    terms.append(term("departement-57", "Moselle (57)", "Mosel (57)", "lorraine", insee="57"))
    terms.append(term("departement-93", "Seine-Saint-Denis (93)", "Seine-Saint-Denis (93)", None, insee="93"))
    for dep, file in (("57", "geo/communes-57-centroids.csv"), ("93", "geo/communes-93-centroids.csv")):
        for row in read_csv(file):
            # A commune merged since 2018 has no 2023 name: it keeps its 2018 one.
            name = row["nom_cog"] or row["nom_ign2018"]
            t = term(f"{row['code_insee']}-{slug(name)}", name, name, f"departement-{dep}", insee=row["code_insee"])
            t["Latitude"], t["Longitude"] = float(row["lat"]), float(row["lon"])
            terms.append(t)
    return vocabulary("territories", "Territoires", "Gebiete", "IGN Admin Express COG 2018, INSEE COG 2023, NUTS 2021", terms,
                      "Communes de la Seine-Saint-Denis et de la Moselle (code INSEE, centroïde) et territoires de la Grande Région.")

def languages():
    terms = [term("fr", "Français", "Französisch"), term("de", "Allemand", "Deutsch"), term("lb", "Luxembourgeois", "Luxemburgisch"),
             term("en", "Anglais", "Englisch"), term("lsf", "Langue des signes française (LSF)", "Französische Gebärdensprache (LSF)"),
             term("dgs", "Langue des signes allemande (DGS)", "Deutsche Gebärdensprache (DGS)"), term("falc", "Facile à lire et à comprendre (FALC)", "Leichte Sprache")]
    return vocabulary("languages", "Langues", "Sprachen", "portal", terms)

def main():
    recipe = {
        "name": "vocabularies",
        "displayName": "Portal – vocabularies",
        "description": "The controlled vocabularies of the directory, generated by tools/generate_vocabularies.py from data/domain. Do not edit by hand.",
        "steps": [{"name": "Taxonomies", "Vocabularies": [
            structure_types(), domains(), disability_types(), audiences(), support_types(),
            vocabulary("cared-for", "Personnes aidées", "Gepflegte Personen", "portal", [term(*t) for t in CARED_FOR]),
            accessibility(), fees(), reception_modes(), languages(), territories(),
        ]}],
    }
    path = os.path.join(ROOT, "recipes", "vocabularies.recipe.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(recipe, f, ensure_ascii=False, indent=1)
        f.write("\n")
    counts = ", ".join(f"{v['Name']} {len(v['Terms'])}" for v in recipe["steps"][0]["Vocabularies"])
    print(f"wrote {os.path.relpath(path, ROOT)}: {counts}")

if __name__ == "__main__":
    main()
