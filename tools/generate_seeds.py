#!/usr/bin/env python3
"""Writes the sample seed recipes recipes/seine-saint-denis.recipe.json and recipes/grande-region.recipe.json.

Run from the repository root: python3 tools/generate_seeds.py
Every item is SAMPLE DATA (DirectoryEntryPart.Sample = true): plausible offers placed around real commune centroids
(data/domain/geo), but no item describes a real organisation. E-mail addresses use the reserved example.org domain,
phone numbers the ranges ARCEP keeps for fiction (01 99 00 …, 03 53 01 …), postcodes are the communes' real ones
(src/Modules/Portal.Directory/Search/Data/places.csv), opening hours are in OpenStreetMap syntax. Steps the generator
does not write (events, resources…) are kept from the recipe file as they are. The output is deterministic.
"""
import csv, json, os, random, re, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEO = os.path.join(ROOT, "data", "domain", "geo")

def slug(text):
    text = unicodedata.normalize("NFD", text.replace("ß", "ss").replace("œ", "oe").replace("’", "-").replace("'", "-"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")

def communes(file):
    with open(os.path.join(GEO, file), encoding="utf-8", newline="") as f:
        return [{"insee": r["code_insee"], "name": r["nom_cog"] or r["nom_ign2018"], "lat": float(r["lat"]), "lon": float(r["lon"]),
                 "term": f"{r['code_insee']}-{slug(r['nom_cog'] or r['nom_ign2018'])}"} for r in csv.DictReader(f)]

def postcodes():
    """INSEE code → first postcode, from the gazetteer's rows keyed by INSEE code."""
    path = os.path.join(ROOT, "src", "Modules", "Portal.Directory", "Search", "Data", "places.csv")
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split(";") for line in f if not line.startswith("#")]
    return {r[0]: r[7].split("|")[0] for r in rows[1:] if len(r) > 7 and r[0][:2].isdigit() and r[7]}

POSTCODES = postcodes()

def de_commune(name):
    """French "de" before a commune's name, with elision and contraction: du Bourget, des Lilas, d'Aubervilliers, de La Courneuve."""
    if name.startswith("Le "): return "du " + name[3:]
    if name.startswith("Les "): return "des " + name[4:]
    if unicodedata.normalize("NFD", name[0])[0] in "AEIOUaeiou": return "d'" + name
    return "de " + name

def a_commune(name):
    """French "à" before a commune's name: au Bourget, aux Lilas, à La Courneuve."""
    if name.startswith("Le "): return "au " + name[3:]
    if name.startswith("Les "): return "aux " + name[4:]
    return "à " + name

STREETS = ["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "place de la Mairie", "rue Pasteur", "boulevard Gambetta",
           "rue Jean Moulin", "allée des Sports", "rue de la Paix", "avenue du Général de Gaulle", "rue des Écoles", "chemin du Parc"]
DAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
DAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
HOURS = ["9 h à 11 h", "10 h à 12 h", "14 h à 16 h", "14 h 30 à 16 h 30", "17 h à 19 h", "18 h à 20 h"]
HOURS_DE = ["9 bis 11 Uhr", "10 bis 12 Uhr", "14 bis 16 Uhr", "14:30 bis 16:30 Uhr", "17 bis 19 Uhr", "18 bis 20 Uhr"]
OPENING = ["Mo-Fr 09:00-12:00,14:00-17:00", "Mo-Fr 08:30-17:30", "Tu-Sa 10:00-18:00", "Mo,We,Fr 14:00-18:00", "Mo-Th 09:00-17:00; Fr 09:00-12:00"]
# The days and hours of DAYS_FR and HOURS as OpenStreetMap opening_hours.
DAYS_OSM = ["Mo", "Tu", "We", "Th", "Fr", "Sa"]
HOURS_OSM = ["09:00-11:00", "10:00-12:00", "14:00-16:00", "14:30-16:30", "17:00-19:00", "18:00-20:00"]
SUPPORT_HOURS = ["Mo,We,Fr 14:00-18:00; PH off", "Tu,Th 14:00-17:00 \"sur rendez-vous\"", "Mo-Fr 09:00-17:00; PH off", "We 14:00-18:00; PH off",
                 "Mo-Fr 09:00-12:00,14:00-17:00; PH off", "Sa 10:00-12:00", "Tu 18:00-20:00", "\"sur rendez-vous\""]
REGISTRATION_FR = ["Appeler le secrétariat le matin pour convenir d'un premier rendez-vous.", "Venir à la première séance : l'inscription se fait sur place.",
                   "Écrire un courriel en indiquant vos disponibilités ; une réponse est donnée sous une semaine."]
REGISTRATION_DE = ["Vormittags im Sekretariat anrufen, um einen ersten Termin zu vereinbaren.", "Zur ersten Stunde kommen: die Anmeldung erfolgt vor Ort.",
                   "Eine E-Mail mit Ihren verfügbaren Zeiten schreiben; Sie erhalten innerhalb einer Woche eine Antwort."]

def phone(prefix, n):
    """A number in a range ARCEP reserves for fiction: never a real line."""
    return f"{prefix} {n // 100 % 100:02d} {n % 100:02d}"

class Builder:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.items = []

    def pick(self, seq, k=None):
        return self.rng.choice(seq) if k is None else self.rng.sample(seq, min(k, len(seq)))

    def jitter(self, lat, lon, spread=0.008):
        return round(lat + self.rng.uniform(-spread, spread), 5), round(lon + self.rng.uniform(-spread, spread) * 1.5, 5)

    def verified(self):
        return f"2026-{self.rng.randint(1, 10):02d}-{self.rng.randint(1, 28):02d}"

def entry(b):
    return {"LastVerified": {"Value": b.verified()}, "Sample": {"Value": True}, "VerifiedBy": {"Text": "editorial"}}

def terms(*slugs):
    return {"Terms": list(dict.fromkeys(slugs))}

def item(id_, type_, culture, title, own, address=None, contact=None, entry_part=None, set_=None):
    data = {"ContentItemId": id_, "ContentType": type_, "Published": True, "TitlePart": {"Title": {"Text": title}}, type_: own,
            "LocalizationPart": {"Culture": {"Text": culture}}}
    if set_: data["LocalizationSet"] = set_
    if address: data["AddressPart"] = address
    if contact: data["ContactPart"] = contact
    if entry_part: data["DirectoryEntryPart"] = entry_part
    return data

# ---------- Seine-Saint-Denis: accessible sport, leisure and culture, and aidant support ----------

ACTOR_KINDS_93 = [
    # typology, weight, name templates, description, accessibility pool
    ("club-sportif", 40, ["Handisport {c}", "Sport adapté {c}", "Club omnisport {de_c}", "Cercle nautique {de_c}", "Judo club {de_c}", "Tennis de table {de_c}", "Basket fauteuil {c}"],
     "Club sportif qui ouvre ses sections aux personnes en situation de handicap, avec des éducateurs formés au sport adapté et au handisport."),
    ("equipement-sportif", 12, ["Piscine municipale {de_c}", "Gymnase des Sports {de_c}", "Complexe sportif {de_c}"],
     "Équipement sportif municipal accessible, avec vestiaires et sanitaires adaptés et des créneaux réservés aux clubs et aux associations."),
    ("lieu-culturel", 18, ["Théâtre {de_c}", "Médiathèque {de_c}", "Cinéma municipal {de_c}", "Conservatoire {de_c}", "Musée d'histoire locale {de_c}"],
     "Lieu culturel qui propose des séances, visites et ateliers accessibles : audiodescription, boucle magnétique, documents en FALC."),
    ("association-personnes-handicapees", 15, ["Association Loisirs pour tous {c}", "Les Copains d'abord – {c}", "Handi'Loisirs {c}"],
     "Association de personnes handicapées et de leurs proches qui organise des loisirs, des sorties et des séjours adaptés."),
    ("association-aidants", 12, ["Aidants {de_c}", "Le Relais des aidants – {c}", "Entr'aidants {c}"],
     "Association d'aidants familiaux : accueil, écoute, groupes de parole et informations sur les solutions de répit."),
    ("ccas", 8, ["CCAS {de_c}"], "Centre communal d'action sociale : information, orientation et accompagnement des personnes âgées, handicapées et de leurs aidants."),
    ("centre-social", 8, ["Centre social Nord {de_c}", "Centre social des Tilleuls – {c}"], "Centre social de quartier : activités pour tous les âges, permanences d'accès aux droits, sorties familiales."),
    ("plateforme-repit", 4, ["Plateforme de répit {de_c}"], "Plateforme d'accompagnement et de répit pour les proches aidants : information, soutien, solutions de relais."),
    ("gem", 3, ["GEM L'Escale – {c}"], "Groupe d'entraide mutuelle animé par et pour des personnes vivant avec des troubles psychiques."),
]

ACTIONS_93 = [
    # title, domains, disabilities, audiences, fees, accessibility, fit typologies
    ("Cécifoot", ["sport-adapte"], ["visuel"], ["personnes-en-situation-de-handicap", "jeunes"], ["gratuit"], ["personnel-forme"], ["club-sportif"]),
    ("Basket fauteuil", ["sport-adapte"], ["moteur"], ["personnes-en-situation-de-handicap"], ["adhesion"], ["entree-plain-pied", "sanitaires-adaptes"], ["club-sportif", "equipement-sportif"]),
    ("Natation adaptée", ["sport-adapte"], ["moteur", "mental", "cognitif"], ["personnes-en-situation-de-handicap", "enfants"], ["payant"], ["sanitaires-adaptes", "personnel-forme"], ["club-sportif", "equipement-sportif"]),
    ("Boccia", ["sport-adapte"], ["moteur", "polyhandicap"], ["personnes-en-situation-de-handicap", "seniors"], ["gratuit"], ["entree-plain-pied"], ["club-sportif", "association-personnes-handicapees"]),
    ("Tennis de table adapté", ["sport-adapte"], ["moteur", "mental"], ["personnes-en-situation-de-handicap"], ["adhesion"], ["entree-plain-pied"], ["club-sportif"]),
    ("Judo adapté", ["sport-adapte"], ["mental", "cognitif", "visuel"], ["personnes-en-situation-de-handicap", "enfants"], ["adhesion"], ["personnel-forme"], ["club-sportif"]),
    ("Escalade pour tous", ["sport-adapte"], ["auditif", "mental"], ["tous-publics"], ["payant"], ["personnel-forme"], ["club-sportif", "equipement-sportif"]),
    ("Aquagym douce", ["sport-adapte", "activite-physique-seniors"], ["moteur"], ["seniors", "personnes-en-situation-de-handicap"], ["payant"], ["sanitaires-adaptes"], ["equipement-sportif"]),
    ("Marche nordique accessible", ["sport-adapte", "activite-physique-seniors"], ["psychique", "cognitif"], ["seniors", "tous-publics"], ["gratuit-sous-conditions"], [], ["club-sportif", "centre-social"]),
    ("Danse inclusive", ["pratiques-artistiques"], ["moteur", "mental", "auditif"], ["tous-publics"], ["payant"], ["entree-plain-pied", "lsf"], ["lieu-culturel", "association-personnes-handicapees", "centre-social"]),
    ("Atelier théâtre", ["pratiques-artistiques"], ["mental", "psychique"], ["personnes-en-situation-de-handicap", "jeunes"], ["adhesion"], ["entree-plain-pied"], ["lieu-culturel", "gem", "centre-social"]),
    ("Séance de cinéma en audiodescription", ["visites-spectacles"], ["visuel"], ["tous-publics"], ["payant"], ["audiodescription", "entree-plain-pied"], ["lieu-culturel"]),
    ("Spectacle en langue des signes", ["visites-spectacles"], ["auditif"], ["tous-publics"], ["payant"], ["lsf", "boucle-magnetique"], ["lieu-culturel"]),
    ("Visite tactile", ["visites-spectacles"], ["visuel"], ["tous-publics"], ["gratuit"], ["audiodescription", "bande-guidage"], ["lieu-culturel"]),
    ("Club lecture FALC", ["pratiques-artistiques"], ["mental", "cognitif"], ["personnes-en-situation-de-handicap"], ["gratuit"], ["falc"], ["lieu-culturel", "gem"]),
    ("Chorale inclusive", ["pratiques-artistiques"], ["visuel", "mental"], ["tous-publics"], ["adhesion"], ["entree-plain-pied"], ["lieu-culturel", "association-personnes-handicapees", "centre-social"]),
    ("Sorties culturelles accompagnées", ["vacances-sorties", "culture"], ["mental", "psychique", "polyhandicap"], ["personnes-en-situation-de-handicap"], ["payant", "aide-financiere-possible"], [], ["association-personnes-handicapees", "gem", "centre-social"]),
    ("Séjour de vacances adaptées", ["vacances-sorties"], ["mental", "moteur"], ["personnes-en-situation-de-handicap"], ["payant", "aide-financiere-possible"], [], ["association-personnes-handicapees"]),
    ("Atelier arts plastiques", ["pratiques-artistiques"], ["cognitif", "mental"], ["enfants", "familles"], ["gratuit-sous-conditions"], ["entree-plain-pied"], ["lieu-culturel", "centre-social"]),
    ("Jeux de société et ludothèque", ["loisirs"], ["cognitif", "mental"], ["familles", "tous-publics"], ["gratuit"], ["entree-plain-pied"], ["centre-social", "lieu-culturel", "gem"]),
]

SUPPORTS = [
    # fr, de, support types, cared for, reception modes, fees
    ("Groupe de parole des aidants", "Gesprächskreis für pflegende Angehörige", ["groupe-de-parole"], ["personne-agee", "adulte-handicape"], ["en-presentiel"], ["gratuit"]),
    ("Formation des proches aidants", "Pflegekurs für Angehörige", ["formation-aidants"], ["personne-agee", "maladie-neuro-evolutive"], ["en-presentiel", "a-distance"], ["gratuit"]),
    ("Soutien psychologique pour les aidants", "Psychologische Beratung für pflegende Angehörige", ["soutien-psychologique"], ["personne-agee", "adulte-handicape", "enfant-handicape"], ["en-presentiel", "a-distance"], ["gratuit-sous-conditions"]),
    ("Permanence d'information des aidants", "Beratungssprechstunde für pflegende Angehörige", ["information-orientation"], ["personne-agee", "adulte-handicape"], ["en-presentiel", "a-distance"], ["gratuit"]),
    ("Halte-répit Alzheimer", "Betreuungsgruppe für Menschen mit Demenz", ["halte-repit", "repit"], ["maladie-neuro-evolutive"], ["en-presentiel"], ["payant", "aide-financiere-possible"]),
    ("Accueil de jour", "Tagespflege", ["accueil-de-jour", "repit"], ["personne-agee", "maladie-neuro-evolutive"], ["en-presentiel"], ["payant", "aide-financiere-possible"]),
    ("Relais à domicile", "Entlastung zu Hause", ["relayage-domicile", "repit"], ["personne-agee", "adulte-handicape"], ["a-domicile"], ["payant", "aide-financiere-possible"]),
    ("Séjour de répit aidant-aidé", "Entlastungsurlaub für Angehörige und Gepflegte", ["sejour-repit", "repit"], ["personne-agee", "adulte-handicape"], ["en-presentiel"], ["payant", "aide-financiere-possible"]),
    ("Café des aidants", "Angehörigencafé", ["groupe-de-parole", "information-orientation"], ["personne-agee", "maladie-chronique"], ["en-presentiel"], ["gratuit"]),
    ("Hébergement temporaire", "Kurzzeitpflege", ["hebergement-temporaire", "repit"], ["personne-agee", "adulte-handicape"], ["en-presentiel"], ["payant", "aide-financiere-possible"]),
]
SUPPORT_FITS = ["association-aidants", "ccas", "plateforme-repit", "centre-social", "accueil-de-jour", "clic", "residence-autonomie", "caisse-retraite", "organisme-etranger", "association"]

def seine_saint_denis():
    b = Builder(93)
    places = communes("communes-93-centroids.csv")
    kinds = [k for k in ACTOR_KINDS_93 for _ in range(k[1])]
    actors = []
    for n in range(120):
        commune = places[n % len(places)]
        typology, _, names, description = b.pick(kinds)
        name = b.pick(names).format(c=commune["name"], de_c=de_commune(commune["name"]))
        lat, lon = b.jitter(commune["lat"], commune["lon"])
        id_ = f"ssd-actor-{n + 1:03d}"
        access = b.pick(["entree-plain-pied", "stationnement-pmr", "sanitaires-adaptes", "ascenseur", "personnel-forme", "boucle-magnetique"], b.rng.randint(1, 4))
        own = {"Description": {"Markdown": description}, "Typology": terms(typology), "Territory": terms(commune["term"]),
               "Location": {"Latitude": lat, "Longitude": lon}, "OpeningHours": {"Text": b.pick(OPENING)}, "Accessibility": terms(*access)}
        address = {"Street": {"Text": f"{b.rng.randint(1, 120)} {b.pick(STREETS)}"}, "Postcode": {"Text": POSTCODES[commune["insee"]]}, "Commune": {"Text": commune["name"]},
                   "InseeCode": {"Text": commune["insee"]}, "Country": {"Text": "FR"}}
        contact = {"Phone": {"Phone": phone("01 99 00", n + 1)}, "Email": {"Email": f"contact@{slug(name)[:40].strip('-')}.example.org"},
                   "Website": {"Url": f"https://{slug(name)[:40].strip('-')}.example.org/"}}
        b.items.append(item(id_, "Actor", "fr", name, own, address, contact, entry(b)))
        actors.append((id_, typology, commune))

    for n in range(250):
        title, domains, disabilities, audiences, fees, access, fits = ACTIONS_93[n % len(ACTIONS_93)]
        candidates = [a for a in actors if a[1] in fits] or actors
        actor_id, _, commune = candidates[(n * 31) % len(candidates)]
        day, hours = b.pick(DAYS_FR), b.pick(HOURS)
        recurrence = b.pick(["hebdomadaire", "hebdomadaire", "mensuel", "permanent", "ponctuel"])
        own = {"Description": {"Markdown": f"{title} à {commune['name']}, encadré par des intervenants formés. Ouvert à tous les niveaux ; le matériel adapté est prêté."},
               "Actor": {"ContentItemIds": [actor_id]}, "Domains": terms(*domains), "DisabilityTypes": terms(*disabilities), "Audiences": terms(*audiences),
               "Schedule": {"Text": f"Le {day} de {hours}" if recurrence != "ponctuel" else f"Le {day} {b.rng.randint(1, 28)} {b.pick(['mars', 'mai', 'juin', 'octobre'])} 2027, de {hours}"},
               "Recurrence": {"Text": recurrence}, "Fees": terms(*fees), "OnSite": {"Value": b.rng.random() < 0.6},
               "Languages": terms("fr", *(["lsf"] if "auditif" in disabilities else [])), "Accessibility": terms(*access), "EligibilityZone": terms("departement-93")}
        if "payant" in fees or "adhesion" in fees: own["FeeDetails"] = {"Text": f"{b.pick([20, 35, 50, 80, 120])} € par an, tarif réduit sur justificatif"}
        # Added after the random draws above, without any of their own: the rest of the sample stays as it was.
        if recurrence != "ponctuel": own["OpeningHours"] = {"Text": f"{DAYS_OSM[DAYS_FR.index(day)]} {HOURS_OSM[HOURS.index(hours)]}" + ("; PH off" if n % 2 else "")}
        own["RegistrationMode"] = {"Text": "sans-inscription" if n % 4 == 0 else "sur-inscription"}
        if n % 3 == 1: own["RegistrationDetails"] = {"Text": REGISTRATION_FR[n % len(REGISTRATION_FR)]}
        own["Description"]["Markdown"] = own["Description"]["Markdown"].replace(f" à {commune['name']},", f" {a_commune(commune['name'])},")
        contact = {"Phone": {"Phone": phone("01 99 00", 2000 + n)}} if n % 2 == 0 else None
        if contact and n % 3 == 0: contact["Email"] = {"Email": f"inscriptions-{n + 1:03d}@{slug(commune['name'])}.example.org"}
        b.items.append(item(f"ssd-action-{n + 1:03d}", "Action", "fr", f"{title} – {commune['name']}", own, contact=contact, entry_part=entry(b)))

    # Each aidant offer in its own commune: the first ten keep their organisation's, the others go to a commune that has not
    # that offer yet (placed there, still run by the organisation). French and German, one localization set each.
    helpers = [h for h in actors if h[1] in SUPPORT_FITS]
    spread = random.Random(930)
    used = set()
    for n in range(60):
        fr, de_title, types, cared, modes, fees = SUPPORTS[n % len(SUPPORTS)]
        actor_id, _, commune = helpers[(n * 7) % len(helpers)]
        home = commune
        if (fr, commune["name"]) in used:
            commune = next(c for c in places[(n * 7) % len(places):] + places if (fr, c["name"]) not in used)
        used.add((fr, commune["name"]))
        base = f"ssd-support-{n + 1:03d}"
        verified = entry(b)
        hours = SUPPORT_HOURS[n % len(SUPPORT_HOURS)] if n % 7 != 6 else None
        mode = "sans-inscription" if "groupe-de-parole" in types and "information-orientation" in types else "sur-inscription"
        address = None
        location = None
        if commune is not home:
            address = {"Street": {"Text": f"{spread.randint(1, 120)} {spread.choice(STREETS)}"}, "Postcode": {"Text": POSTCODES[commune["insee"]]},
                       "Commune": {"Text": commune["name"]}, "InseeCode": {"Text": commune["insee"]}, "Country": {"Text": "FR"}}
            lat, lon = commune["lat"] + spread.uniform(-0.006, 0.006), commune["lon"] + spread.uniform(-0.009, 0.009)
            location = {"Latitude": round(lat, 5), "Longitude": round(lon, 5)}
        contact = {}
        if n % 3 == 0: contact["Phone"] = {"Phone": phone("01 99 00", 4000 + n)}
        if n % 2 == 0: contact["Email"] = {"Email": f"aidants-{n + 1:03d}@{slug(commune['name'])}.example.org"}
        for culture in ("fr", "de"):
            german = culture == "de"
            description = (f"{de_title} in {commune['name']}: ein Angebot für pflegende Angehörige"
                           + (", ohne Anmeldung. " if mode == "sans-inscription" else ", nach Anmeldung. ")
                           + "Die gepflegte Person kann währenddessen auf Wunsch betreut werden.") if german else \
                          (f"{fr} {a_commune(commune['name'])} : un temps pour les proches aidants"
                           + (", sans inscription. " if mode == "sans-inscription" else ", sur inscription. ")
                           + "Les personnes aidées peuvent être accueillies pendant ce temps sur demande.")
            own = {"Description": {"Markdown": description},
                   "Actor": {"ContentItemIds": [actor_id]}, "SupportTypes": terms(*types), "CaredFor": terms(*cared), "ReceptionModes": terms(*modes),
                   "Fees": terms(*fees), "EligibilityZone": terms("departement-93"), "RegistrationMode": {"Text": mode}}
            # Culture-neutral: one value per localization set, its remark shown as given.
            if hours: own["OpeningHours"] = {"Text": hours}
            if n % 2 == 1: own["RegistrationDetails"] = {"Text": (REGISTRATION_DE if german else REGISTRATION_FR)[n % len(REGISTRATION_FR)]}
            if location: own["Location"] = location
            id_ = base if culture == "fr" else f"{base}-de"
            b.items.append(item(id_, "AidantSupport", culture, f"{de_title if german else fr} – {commune['name']}", own, address, contact or None, verified, set_=base))

    return {"name": "seine-saint-denis", "displayName": "Seine-Saint-Denis – sample directory",
            "description": "SAMPLE DATA generated by tools/generate_seeds.py: accessible sport, leisure and culture and aidant support across the 40 communes of the 93. No item describes a real organisation.",
            "steps": [{"name": "Recipes", "Values": [{"name": "portal-base"}, {"name": "synonyms"}]},
                      {"name": "Settings", "SiteName": {"fr": "Seine-Saint-Denis – sport, loisirs, culture et aidants", "de": "Seine-Saint-Denis – Sport, Freizeit, Kultur und pflegende Angehörige"},
                       "Tagline": {"fr": "Le recensement des activités accessibles et des soutiens aux aidants en Seine-Saint-Denis (données d'exemple).", "de": "Barrierefreie Angebote und Unterstützung für pflegende Angehörige in Seine-Saint-Denis (Beispieldaten)."},
                       "SearchExamples": {"fr": "répit, natation adaptée, Saint-Denis", "de": "Tagespflege, Gesprächskreis, Bondy"},
                       "MapCenter": [48.91, 2.45, 11]},
                      {"name": "Content", "data": b.items + respite_pages_93() + news("ssd", NEWS_93)},
                      demo_accounts("ssd-actor-001", "ssd-actor-002")]}

# ---------- Grande Région: SENIOR ACTIV', well-ageing across borders ----------

MOSELLE_TOWNS = ["Metz", "Thionville", "Forbach", "Sarreguemines", "Saint-Avold", "Montigny-lès-Metz", "Yutz", "Hayange", "Sarrebourg", "Creutzwald",
                 "Woippy", "Bitche", "Hagondange", "Florange", "Fameck", "Freyming-Merlebach", "Stiring-Wendel", "Amnéville", "Boulay-Moselle", "Dieuze",
                 "Château-Salins", "Morhange", "Faulquemont", "Rombas", "Marly"]
# Towns outside France: name in French and in German, country, territory term, approximate centre.
FOREIGN_TOWNS = [
    ("Luxembourg", "Luxemburg", "LU", "luxembourg", 49.6116, 6.1319, True), ("Esch-sur-Alzette", "Esch an der Alzette", "LU", "luxembourg", 49.4958, 5.9806, True),
    ("Differdange", "Differdingen", "LU", "luxembourg", 49.5242, 5.8914, True), ("Dudelange", "Düdelingen", "LU", "luxembourg", 49.4806, 6.0875, True),
    ("Ettelbruck", "Ettelbrück", "LU", "luxembourg", 49.8475, 6.1042, True), ("Diekirch", "Diekirch", "LU", "luxembourg", 49.8672, 6.1597, True),
    ("Remich", "Remich", "LU", "luxembourg", 49.5450, 6.3670, True),
    ("Sarrebruck", "Saarbrücken", "DE", "sarre", 49.2402, 6.9969, True), ("Sarrelouis", "Saarlouis", "DE", "sarre", 49.3135, 6.7523, True),
    ("Neunkirchen", "Neunkirchen", "DE", "sarre", 49.3497, 7.1797, True), ("Hombourg", "Homburg", "DE", "sarre", 49.3262, 7.3386, True),
    ("Merzig", "Merzig", "DE", "sarre", 49.4432, 6.6376, True), ("Völklingen", "Völklingen", "DE", "sarre", 49.2500, 6.8500, True),
    ("Sankt Wendel", "St. Wendel", "DE", "sarre", 49.4667, 7.1667, True),
    ("Trèves", "Trier", "DE", "rhenanie-palatinat", 49.7499, 6.6371, True), ("Kaiserslautern", "Kaiserslautern", "DE", "rhenanie-palatinat", 49.4447, 7.7690, True),
    ("Deux-Ponts", "Zweibrücken", "DE", "rhenanie-palatinat", 49.2465, 7.3697, True), ("Pirmasens", "Pirmasens", "DE", "rhenanie-palatinat", 49.2010, 7.6050, True),
    ("Bitbourg", "Bitburg", "DE", "rhenanie-palatinat", 49.9747, 6.5253, True), ("Sarrebourg (Saarburg)", "Saarburg", "DE", "rhenanie-palatinat", 49.6086, 6.5497, True),
    ("Arlon", "Arel", "BE", "wallonie", 49.6833, 5.8167, False), ("Liège", "Lüttich", "BE", "wallonie", 50.6326, 5.5797, False),
    ("Namur", "Namür", "BE", "wallonie", 50.4674, 4.8720, False), ("Bastogne", "Bastnach", "BE", "wallonie", 50.0000, 5.7167, False),
    ("Virton", "Virton", "BE", "wallonie", 49.5667, 5.5333, False), ("Eupen", "Eupen", "BE", "wallonie", 50.6286, 6.0364, True),
]
ACTOR_KINDS_GR = [
    ("ccas", "Centre communal d'action sociale {de_fr}", "Kommunaler Sozialdienst {de}", "Information, orientation et accompagnement des seniors et de leurs proches.", "Information, Beratung und Begleitung für Seniorinnen, Senioren und ihre Angehörigen."),
    ("clic", "Point d'information seniors {de_fr}", "Seniorenberatungsstelle {de}", "Lieu d'information et de coordination pour bien vieillir à domicile.", "Informations- und Koordinierungsstelle für ein selbstbestimmtes Leben zu Hause im Alter."),
    ("association", "Seniors actifs {de_fr}", "Aktive Senioren {de}", "Association qui organise des activités physiques, culturelles et conviviales pour les seniors.", "Verein mit Bewegungs-, Kultur- und Begegnungsangeboten für Seniorinnen und Senioren."),
    ("club-sportif", "Sport santé seniors {fr}", "Seniorensport {de}", "Club qui propose des activités physiques adaptées à l'avancée en âge.", "Verein mit an das Alter angepassten Bewegungsangeboten."),
    ("maison-sport-sante", "Maison sport-santé {de_fr}", "Haus für Sport und Gesundheit {de}", "Accompagnement vers une activité physique régulière, sur prescription ou non.", "Begleitung zu regelmäßiger Bewegung, mit oder ohne ärztliche Verordnung."),
    ("accueil-de-jour", "Accueil de jour Les Glycines – {fr}", "Tagespflege Glyzinien – {de}", "Accueil à la journée de personnes âgées vivant à domicile, et soutien de leurs aidants.", "Tagesbetreuung für zu Hause lebende ältere Menschen und Unterstützung ihrer Angehörigen."),
    ("residence-autonomie", "Résidence autonomie Les Tilleuls – {fr}", "Betreutes Wohnen Lindenhof – {de}", "Résidence pour seniors autonomes, ouverte sur le quartier avec des activités de prévention.", "Wohnanlage für selbstständige Seniorinnen und Senioren mit offenen Präventionsangeboten."),
    ("centre-social", "Maison de quartier {de_fr}", "Stadtteilhaus {de}", "Lieu de rencontre intergénérationnel : ateliers, sorties, accès au numérique.", "Generationenübergreifender Treffpunkt: Kurse, Ausflüge, digitale Teilhabe."),
    ("plateforme-repit", "Plateforme de répit {de_fr}", "Entlastungsstelle für Angehörige {de}", "Information, soutien et solutions de relais pour les proches aidants.", "Information, Unterstützung und Entlastung für pflegende Angehörige."),
    ("caisse-retraite", "Espace prévention retraite {de_fr}", "Präventionsstelle der Rentenversicherung {de}", "Ateliers de prévention et d'information pour les jeunes retraités.", "Präventions- und Informationskurse für Menschen im Ruhestand."),
]
ACTIONS_GR = [
    ("Gymnastique douce", "Sanfte Gymnastik", ["activite-physique-seniors", "prevention-sante"]),
    ("Marche nordique", "Nordic Walking", ["activite-physique-seniors"]),
    ("Atelier mémoire", "Gedächtnistraining", ["memoire", "prevention-sante"]),
    ("Atelier numérique", "Digitalkurs für Seniorinnen und Senioren", ["inclusion-numerique"]),
    ("Prévention des chutes", "Sturzprävention", ["prevention-sante", "activite-physique-seniors"]),
    ("Café des seniors", "Seniorencafé", ["lien-social"]),
    ("Atelier nutrition", "Ernährungsworkshop", ["nutrition", "prevention-sante"]),
    ("Aquagym seniors", "Wassergymnastik", ["activite-physique-seniors"]),
    ("Chorale intergénérationnelle", "Generationenchor", ["intergenerationnel", "pratiques-artistiques"]),
    ("Conduite sûre après 65 ans", "Fahrsicherheitstraining ab 65", ["mobilite"]),
    ("Conseils pour adapter son logement", "Wohnberatung: Wohnung anpassen", ["habitat"]),
    ("Sorties culturelles en groupe", "Kulturausflüge in der Gruppe", ["vacances-sorties", "lien-social"]),
    ("Yoga sur chaise", "Stuhlyoga", ["activite-physique-seniors"]),
    ("Danse seniors", "Seniorentanz", ["activite-physique-seniors", "lien-social"]),
    ("Permanence retraite et droits", "Sprechstunde Rente und Leistungen", ["acces-aux-droits"]),
]

def grande_region():
    b = Builder(57)
    moselle = {c["name"]: c for c in communes("communes-57-centroids.csv")}
    missing = [t for t in MOSELLE_TOWNS if t not in moselle]
    if missing: raise SystemExit(f"communes not found in the 57 list: {missing}")
    places = [(moselle[t]["name"], moselle[t]["name"], "FR", moselle[t]["term"], moselle[t]["lat"], moselle[t]["lon"], False, moselle[t]["insee"]) for t in MOSELLE_TOWNS]
    places += [(fr, de, country, territory, lat, lon, german, None) for fr, de, country, territory, lat, lon, german in FOREIGN_TOWNS]

    actors = []
    for n in range(80):
        fr_town, de_town, country, territory, lat0, lon0, german, insee = places[n % len(places)]
        typology, fr_name, de_name, fr_desc, de_desc = ACTOR_KINDS_GR[(n * 3 + n // len(places)) % len(ACTOR_KINDS_GR)]
        if country != "FR" and typology in ("ccas", "clic") and n % 2: typology = "organisme-etranger"
        lat, lon = b.jitter(lat0, lon0, 0.01)
        base = f"gr-actor-{n + 1:03d}"
        translated = german or b.rng.random() < 0.5
        access = b.pick(["entree-plain-pied", "stationnement-pmr", "sanitaires-adaptes", "ascenseur", "personnel-forme"], b.rng.randint(1, 3))
        street = f"{b.rng.randint(1, 80)} {b.pick(STREETS)}" if country in ("FR", "BE") else f"{b.pick(['Hauptstraße', 'Bahnhofstraße', 'Kirchstraße', 'Rue de la Gare', 'Marktplatz'])} {b.rng.randint(1, 60)}"
        for culture in (["fr", "de"] if translated else ["fr"]):
            town = fr_town if culture == "fr" else de_town
            name = (fr_name if culture == "fr" else de_name).format(fr=fr_town, de=de_town, de_fr=de_commune(fr_town))
            own = {"Description": {"Markdown": fr_desc if culture == "fr" else de_desc}, "Typology": terms(typology), "Territory": terms(territory),
                   "Location": {"Latitude": lat, "Longitude": lon}, "OpeningHours": {"Text": b.pick(OPENING)}, "Accessibility": terms(*access)}
            # Opening hours are culture-neutral (one value per localization set): the German version keeps the French one's,
            # drawn all the same so that the rest of the sample stays as it was.
            if culture == "fr": opening = own["OpeningHours"]
            else: own["OpeningHours"] = opening
            address = {"Street": {"Text": street}, "Commune": {"Text": town}, "Country": {"Text": country}}
            if insee:
                address["InseeCode"] = {"Text": insee}
                if insee in POSTCODES: address["Postcode"] = {"Text": POSTCODES[insee]}
            contact = {"Email": {"Email": f"kontakt@{slug(de_name.format(de=de_town))[:40].strip('-')}.example.org" if german else f"contact@{slug(fr_name.format(fr=fr_town, de_fr=de_commune(fr_town)))[:40].strip('-')}.example.org"}}
            if country == "FR": contact["Phone"] = {"Phone": phone("03 53 01", n + 1)}
            b.items.append(item(f"{base}-{culture}", "Actor", culture, name, own, address, contact, entry(b), set_=base))
        actors.append((base, typology, fr_town, de_town, translated, territory))

    for n in range(150):
        fr_title, de_title, domains = ACTIONS_GR[n % len(ACTIONS_GR)]
        base_actor, _, fr_town, de_town, translated, territory = actors[(n * 13) % len(actors)]
        day = b.rng.randrange(6)
        hours = b.rng.randrange(len(HOURS))
        recurrence = b.pick(["hebdomadaire", "hebdomadaire", "mensuel", "permanent"])
        fees = b.pick([["gratuit"], ["payant"], ["gratuit-sous-conditions"], ["adhesion"]])
        base = f"gr-action-{n + 1:03d}"
        for culture in (["fr", "de"] if translated else ["fr"]):
            de = culture == "de"
            own = {"Description": {"Markdown": (f"{de_title} in {de_town}: in kleinen Gruppen, mit geschulten Übungsleitungen, für alle Niveaus." if de
                                                else f"{fr_title} à {fr_town} : en petits groupes, avec des animateurs formés, pour tous les niveaux.")},
                   "Actor": {"ContentItemIds": [f"{base_actor}-{culture}"]}, "Domains": terms(*domains), "Audiences": terms("seniors", *(["aidants"] if n % 5 == 0 else [])),
                   "Schedule": {"Text": f"{DAYS_DE[day]}, {HOURS_DE[hours]}" if de else f"Le {DAYS_FR[day]} de {HOURS[hours]}"},
                   "Recurrence": {"Text": recurrence}, "Fees": terms(*fees), "OnSite": {"Value": n % 3 != 0},
                   "Languages": terms("fr", "de") if translated else terms("fr"), "EligibilityZone": terms(territory)}
            own["OpeningHours"] = {"Text": f"{DAYS_OSM[day]} {HOURS_OSM[hours]}; PH off"}
            own["RegistrationMode"] = {"Text": "sans-inscription" if n % 3 else "sur-inscription"}
            b.items.append(item(f"{base}-{culture}", "Action", culture, f"{de_title} – {de_town}" if de else f"{fr_title} – {fr_town}", own, entry_part=entry(b), set_=base))

    helpers = [a for a in actors if a[1] in SUPPORT_FITS]
    for n in range(40):
        fr, de_title, types, cared, modes, fees = SUPPORTS[n % len(SUPPORTS)]
        base_actor, _, fr_town, de_town, translated, territory = helpers[(n * 5) % len(helpers)]
        base = f"gr-support-{n + 1:03d}"
        for culture in (["fr", "de"] if translated else ["fr"]):
            de = culture == "de"
            own = {"Description": {"Markdown": (f"{de_title} in {de_town}: ein Angebot für pflegende Angehörige, nach Anmeldung." if de
                                                else f"{fr} à {fr_town} : un temps pour les proches aidants, sur inscription.")},
                   "Actor": {"ContentItemIds": [f"{base_actor}-{culture}"]}, "SupportTypes": terms(*types), "CaredFor": terms(*cared),
                   "ReceptionModes": terms(*modes), "Fees": terms(*fees), "EligibilityZone": terms(territory)}
            if n % 7 != 6: own["OpeningHours"] = {"Text": SUPPORT_HOURS[n % len(SUPPORT_HOURS)]}
            own["RegistrationMode"] = {"Text": "sur-inscription"}
            b.items.append(item(f"{base}-{culture}", "AidantSupport", culture, f"{de_title} – {de_town}" if de else f"{fr} – {fr_town}", own, entry_part=entry(b), set_=base))

    return {"name": "grande-region", "displayName": "SENIOR ACTIV' – Grande Région sample directory",
            "description": "SAMPLE DATA generated by tools/generate_seeds.py: well-ageing actors, actions and aidant support across Lorraine, Luxembourg, Wallonie, Saarland and Rheinland-Pfalz, in French and German. No item describes a real organisation.",
            "steps": [{"name": "Recipes", "Values": [{"name": "portal-base"}, {"name": "synonyms"}]},
                      {"name": "Settings", "SiteName": {"fr": "SENIOR ACTIV' – Bien vieillir en Grande Région", "de": "SENIOR ACTIV' – Gut älter werden in der Großregion"},
                       "Tagline": {"fr": "Activités, services et soutiens aux aidants pour bien vieillir, de part et d'autre des frontières (données d'exemple).", "de": "Angebote, Dienste und Unterstützung für pflegende Angehörige für ein gutes Älterwerden, über Grenzen hinweg (Beispieldaten)."},
                       "MapCenter": [49.35, 6.4, 8]},
                      {"name": "Content", "data": b.items + respite_pages() + news("gr", NEWS_GR)},
                      demo_accounts("gr-actor-001-fr", "gr-actor-002-fr")]}

def demo_accounts(actor1, actor2):
    """Sample accounts, created only when Portal:Setup:DemoPassword is set (see the DemoAccounts step)."""
    return {"name": "DemoAccounts", "Accounts": [
        {"Email": "editor@portal.example", "Name": "Éditrice de démonstration", "Role": "Editor"},
        {"Email": "moderator@portal.example", "Name": "Modérateur de démonstration", "Role": "Moderator"},
        {"Email": "partner1@portal.example", "Name": "Partenaire 1", "Role": "Partner", "Actors": [actor1]},
        {"Email": "partner2@portal.example", "Name": "Partner 2", "Role": "Partner", "Actors": [actor2], "Culture": "de"}]}


def news(prefix, entries):
    """Sample news: (id, culture, set, date, title, summary, body, tags)."""
    return [{"ContentItemId": f"{prefix}-{id_}", "ContentType": "News", "Published": True, "LocalizationSet": f"{prefix}-{set_}",
             "TitlePart": {"Title": {"Text": title}},
             "News": {"Summary": {"Text": summary}, "PublicationDate": {"Value": date}, "Tags": {"Text": tags}},
             "HtmlBodyPart": {"Body": {"Html": body}}, "LocalizationPart": {"Culture": {"Text": culture}}}
            for id_, culture, set_, date, title, summary, body, tags in entries]

NEWS_93 = [
    ("news-1-fr", "fr", "news-1", "2026-11-02", "Le recensement des activités accessibles est en ligne",
     "Clubs, lieux culturels et associations de la Seine-Saint-Denis : retrouvez les activités ouvertes aux personnes en situation de handicap (données d'exemple).",
     "<p>Le département publie le recensement des activités sportives, de loisirs et culturelles accessibles. Chaque fiche indique les handicaps accueillis, les tarifs et la façon de s'inscrire.</p>", "sport, culture, handicap"),
    ("news-2-fr", "fr", "news-2", "2026-10-06", "Journée nationale des aidants : des rencontres dans tout le département",
     "Cafés des aidants, ateliers et permanences d'information autour du 6 octobre (données d'exemple).",
     "<p>Autour de la Journée nationale des aidants, les associations et les CCAS proposent des temps d'échange et d'information. Consultez l'annuaire pour trouver le plus proche.</p>", "aidants, répit"),
    ("news-3-fr", "fr", "news-3", "2026-09-15", "Partenaires : mettez à jour vos fiches",
     "Les organisations recensées peuvent signaler un changement d'horaires, de tarifs ou de contact (données d'exemple).",
     "<p>Une fiche à jour, c'est une famille bien orientée. Écrivez-nous pour corriger une information.</p>", "partenaires"),
]
NEWS_93 += [
    ("news-1-de", "de", "news-1", "2026-11-02", "Das Verzeichnis der barrierefreien Angebote ist online",
     "Vereine, Kultureinrichtungen und Verbände in Seine-Saint-Denis: Angebote für Menschen mit Behinderung und ihre Angehörigen (Beispieldaten).",
     "<p>Das Département veröffentlicht sein Verzeichnis der barrierefreien Sport-, Freizeit- und Kulturangebote und der Unterstützung für pflegende Angehörige. Jeder Eintrag nennt Kontakt, Öffnungszeiten und Anmeldung.</p>", "Angehörige, Behinderung"),
    ("news-2-de", "de", "news-2", "2026-10-06", "Tag der pflegenden Angehörigen: Treffen im ganzen Département",
     "Angehörigencafés, Kurse und Beratungssprechstunden rund um den 6. Oktober (Beispieldaten).",
     "<p>Rund um den Tag der pflegenden Angehörigen laden Vereine und Sozialdienste zu Austausch und Information ein. Im Verzeichnis finden Sie das nächstgelegene Angebot.</p>", "Angehörige, Entlastung"),
]
NEWS_GR = [
    ("news-1-fr", "fr", "news-1", "2026-11-05", "SENIOR ACTIV' : bien vieillir des deux côtés de la frontière",
     "Activités, services et soutiens aux aidants en Moselle, au Luxembourg, en Sarre, en Rhénanie-Palatinat et en Wallonie (données d'exemple).",
     "<p>Le portail réunit les offres pour bien vieillir dans la Grande Région, en français et en allemand.</p>", "bien vieillir, Grande Région"),
    ("news-1-de", "de", "news-1", "2026-11-05", "SENIOR ACTIV': gut älter werden auf beiden Seiten der Grenze",
     "Angebote, Dienste und Unterstützung für pflegende Angehörige in der Mosel, in Luxemburg, im Saarland, in Rheinland-Pfalz und in Wallonien (Beispieldaten).",
     "<p>Das Portal bündelt die Angebote für ein gutes Älterwerden in der Großregion, auf Französisch und auf Deutsch.</p>", "gut älter werden, Großregion"),
    ("news-2-fr", "fr", "news-2", "2026-10-06", "Journée des aidants : souffler un peu",
     "Haltes-répit, accueils de jour et cafés des aidants près de chez vous (données d'exemple).",
     "<p>Le 6 octobre, les structures de répit ouvrent leurs portes. La carte des solutions de répit en Moselle est sur ce site.</p>", "aidants, répit"),
    ("news-2-de", "de", "news-2", "2026-10-06", "Tag der pflegenden Angehörigen: einmal durchatmen",
     "Tagespflege, Betreuungsgruppen und Angehörigencafés in Ihrer Nähe (Beispieldaten).",
     "<p>Am 6. Oktober öffnen die Entlastungsangebote ihre Türen. Die Karte der Angebote finden Sie auf dieser Website.</p>", "Angehörige, Entlastung"),
    ("news-3-fr", "fr", "news-3", "2026-09-20", "Prévention des chutes : des ateliers gratuits cet automne",
     "Équilibre, marche et confiance en soi : les ateliers reprennent dans plusieurs communes (données d'exemple).",
     "<p>Les ateliers de prévention des chutes reprennent. Ils sont gratuits pour les personnes de plus de 60 ans.</p>", "prévention, seniors"),
]

def respite_pages_93():
    """The respite offers of the 93 on a page with a map widget, in French and in German."""
    query = "f.supportType=repit&f.supportType=halte-repit&f.supportType=sejour-repit&f.supportType=accueil-de-jour&f.territory=departement-93"
    return [
        {"ContentItemId": "ssd-page-repit-fr", "ContentType": "Page", "Published": True, "LocalizationSet": "ssd-page-repit",
         "TitlePart": {"Title": {"Text": "Solutions de répit en Seine-Saint-Denis"}},
         "Page": {"Summary": {"Text": "Accueils de jour, haltes-répit et séjours pour souffler quand on accompagne un proche (données d'exemple)."}, "Map": {"Query": query}},
         "HtmlBodyPart": {"Body": {"Html": "<p>Prendre du temps pour soi aide à tenir dans la durée. Voici les solutions de répit recensées en Seine-Saint-Denis, avec leurs horaires et la façon de s'inscrire.</p>"}},
         "LocalizationPart": {"Culture": {"Text": "fr"}}},
        {"ContentItemId": "ssd-page-repit-de", "ContentType": "Page", "Published": True, "LocalizationSet": "ssd-page-repit",
         "TitlePart": {"Title": {"Text": "Entlastungsangebote in Seine-Saint-Denis"}},
         "Page": {"Summary": {"Text": "Tagespflege, Betreuungsgruppen und Erholungsaufenthalte für pflegende Angehörige (Beispieldaten)."}, "Map": {"Query": query}},
         "HtmlBodyPart": {"Body": {"Html": "<p>Sich Zeit für sich selbst zu nehmen, hilft, auf Dauer durchzuhalten. Hier sind die Entlastungsangebote in Seine-Saint-Denis, mit Öffnungszeiten und Anmeldung.</p>"}},
         "LocalizationPart": {"Culture": {"Text": "de"}}},
    ]

def respite_pages():
    """Two pages with a map widget: the respite offers in Moselle, in French and in German."""
    query = "f.supportType=repit&f.supportType=halte-repit&f.supportType=sejour-repit&f.supportType=accueil-de-jour&f.territory=departement-57"
    return [
        {"ContentItemId": "gr-page-repit-fr", "ContentType": "Page", "Published": True, "LocalizationSet": "gr-page-repit",
         "TitlePart": {"Title": {"Text": "Solutions de répit en Moselle"}},
         "Page": {"Summary": {"Text": "Accueils de jour, haltes-répit et séjours pour souffler quand on accompagne un proche (données d'exemple)."},
                  "Map": {"Query": query}},
         "HtmlBodyPart": {"Body": {"Html": "<p>Prendre du temps pour soi aide à tenir dans la durée. Voici les solutions de répit recensées en Moselle ; la carte et la liste se mettent à jour à chaque nouvelle fiche.</p>"}},
         "LocalizationPart": {"Culture": {"Text": "fr"}}},
        {"ContentItemId": "gr-page-repit-de", "ContentType": "Page", "Published": True, "LocalizationSet": "gr-page-repit",
         "TitlePart": {"Title": {"Text": "Entlastungsangebote in der Mosel"}},
         "Page": {"Summary": {"Text": "Tagespflege, Betreuungsgruppen und Erholungsaufenthalte für pflegende Angehörige (Beispieldaten)."},
                  "Map": {"Query": query}},
         "HtmlBodyPart": {"Body": {"Html": "<p>Sich Zeit für sich selbst zu nehmen, hilft, auf Dauer durchzuhalten. Hier sind die Entlastungsangebote im Département Mosel; Karte und Liste werden mit jedem neuen Eintrag aktuell.</p>"}},
         "LocalizationPart": {"Culture": {"Text": "de"}}},
    ]

def main():
    for recipe in (seine_saint_denis(), grande_region()):
        path = os.path.join(ROOT, "recipes", recipe["name"] + ".recipe.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                written = [json.dumps(step, sort_keys=True) for step in recipe["steps"]]
                names = {step["name"] for step in recipe["steps"]}
                kept = json.load(f)["steps"]
                # Steps the generator does not write are kept, and so is a later step of a name it writes (a second "Recipes").
                recipe["steps"] += [step for i, step in enumerate(kept) if step["name"] not in names
                                    or (i > 0 and step["name"] == "Recipes" and json.dumps(step, sort_keys=True) not in written)]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(recipe, f, ensure_ascii=False, indent=1)
            f.write("\n")
        items = next(s for s in recipe["steps"] if s["name"] == "Content")["data"]
        counts = {f"{t}/{c}": sum(1 for i in items if i["ContentType"] == t and i["LocalizationPart"]["Culture"]["Text"] == c) for t in ("Actor", "Action", "AidantSupport") for c in ("fr", "de")}
        print(f"wrote {os.path.relpath(path, ROOT)}: {counts}")

if __name__ == "__main__":
    main()
