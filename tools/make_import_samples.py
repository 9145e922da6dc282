#!/usr/bin/env python3
"""Writes the sample census spreadsheets of samples/import/ (and the test fixtures of
tests/Portal.Tests/ImportExport/Fixtures/): a CSV of actions and an Excel workbook of actors for the
Grande Région sample site, each with deliberate errors and a corrected copy. Deterministic: rerun after edits."""
import os
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(__file__), "..")
SAMPLES = os.path.join(ROOT, "samples", "import")
FIXTURES = os.path.join(ROOT, "tests", "Portal.Tests", "ImportExport", "Fixtures")


def luhn_siret(prefix13):
    for last in range(10):
        digits = prefix13 + str(last)
        total = 0
        for i, c in enumerate(digits):
            d = int(c)
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return digits
    raise ValueError(prefix13)


ACTION_HEADER = ["Identifiant", "Nom", "Structure", "Description", "Domaines", "Publics", "Handicaps accueillis", "Tarifs",
                 "Code postal", "Commune", "Latitude", "Longitude", "Courriel", "Site web", "Du", "Au"]

DESC = "Séances encadrées par un éducateur formé à l'accueil des personnes en situation de handicap ; matériel prêté."


def actions(fixed):
    rows = [
        ["ACT-57-001", "Marche nordique adaptée à Metz", "Centre communal d'action sociale de Metz", DESC, "Sport adapté et handisport; Activité physique des seniors",
         "Séniors; Personnes en situation de handicap", "Handicap moteur", "Gratuit", "57000", "Metz", "49,1193", "6,1757",
         "marche@ccas-metz.example", "https://ccas-metz.example/marche", "01/03/2027", "30/06/2027"],
        ["ACT-57-002", "Atelier mémoire et prévention", "Point d'information seniors de Hayange", "Ateliers de stimulation de la mémoire en petit groupe, dix séances.",
         "Mémoire et stimulation cognitive; " + ("Prévention et santé" if fixed else "Prevension et santé"), "Séniors", "", "Gratuit sous conditions",
         "57700", "Hayange", "49.3289", "6.0619", "seniors@hayange.example", "https://hayange.example/seniors", "", ""],
        ["ACT-57-003", "Café des aidants de Yutz", "Plateforme de répit de Yutz", "Un samedi par mois, un temps d'échange entre proches aidants, avec une psychologue.",
         "Lien social et participation", "Proches aidants", "", "Gratuit", "57970", "Yutz", "49.3575", "6.1897",
         "repit@yutz.example" if fixed else "repit@@yutz.example", "", "", ""],
        ["ACT-57-004", "Tennis de table pour tous", "Seniors actifs de Saint-Avold" if fixed else "Club des aînés de Metz",
         "Entraînements ouverts aux joueurs debout et en fauteuil.", "Sport adapté et handisport", "Tous publics", "Handicap moteur; Handicap mental (déficience intellectuelle)",
         "Adhésion", "57500", "Saint-Avold", "49.1047", "6.7069", "", "", "", ""],
        ["ACT-57-005", "Chorale intergénérationnelle", "Maison de quartier de Creutzwald", "Répétitions chaque mardi soir, ouvertes aux familles.",
         "Pratiques artistiques; Intergénérationnel", "Familles; Séniors", "", "Adhésion", "57150", "Creutzwald",
         "49.2053" if fixed else "43.2965", "6.6958" if fixed else "5.3698", "", "", "", ""],
        ["ACT-57-006" if fixed else "ACT-57-001", "Marche nordique adaptée à Woippy" if fixed else "Marche nordique adaptée à Metz",
         "Centre communal d'action sociale de Woippy" if fixed else "Centre communal d'action sociale de Metz", DESC, "Sport adapté et handisport", "Séniors",
         "Handicap moteur", "Gratuit", "57140", "Woippy" if fixed else "Metz", "49.1514", "6.1514", "", "", "", ""],
        ["ACT-57-007", "Visites tactiles du musée", "Maison de quartier de Thionville", "Visites guidées à toucher, pour les personnes aveugles et malvoyantes." if fixed else "",
         "Visites et spectacles accessibles", "Personnes en situation de handicap", "Handicap visuel (cécité / malvoyance)", "Payant", "57100", "Thionville",
         "49.3579", "6.1684", "", "", "", ""],
        ["ACT-57-008", "Initiation au numérique", "Espace prévention retraite de Florange", "Prendre en main une tablette : messages, photos, démarches en ligne.",
         "Inclusion numérique", "Séniors", "", "Gratuit", "57190", "Florange", "49.3217", "6.1197", "",
         "https://florange.example/numerique" if fixed else "=HYPERLINK(\"https://florange.example.evil\")", "", ""],
        ["ACT-57-009", "Stage de voile adaptée", "Sport santé seniors Sarreguemines", "Cinq demi-journées sur l'étang, bateaux adaptés.",
         "Sport adapté et handisport; Vacances et sorties", "Personnes en situation de handicap", "Tous types de handicap", "Payant; Aide financière possible (APA, PCH, caisse de retraite…)",
         "57200", "Sarreguemines", "49.1099", "7.0684", "", "", "31/05/2027" if not fixed else "01/05/2027", "01/05/2027" if not fixed else "31/05/2027"],
        ["ACT-LU-001", "Gymnastique douce à Remich", "Sport santé seniors Remich", "Gymnastique sur chaise, deux fois par semaine.",
         "Activité physique des seniors", "Séniors", "", "Adhésion", "", "", "", "", "", "", "", ""],
    ]
    return rows


def csv_cell(value):
    if any(c in value for c in ';"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_csv(path, header, rows):
    text = "\r\n".join(";".join(csv_cell(c) for c in row) for row in [header] + rows) + "\r\n"
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))


# ---------------------------------------------------------------- xlsx

def col_name(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def write_xlsx(path, sheet_name, rows, merges=(), formulas=None):
    """rows: lists of str/float/None; formulas: {(row, col): (formula, cached)} with 0-based indices."""
    formulas = formulas or {}
    sheet_rows = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            ref = f"{col_name(c)}{r + 1}"
            if (r, c) in formulas:
                formula, cached = formulas[(r, c)]
                cells.append(f'<c r="{ref}" t="str"><f>{escape(formula)}</f><v>{escape(cached)}</v></c>')
            elif value is None or value == "":
                continue
            elif isinstance(value, float):
                cells.append(f'<c r="{ref}"><v>{value!r}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>')
        sheet_rows.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
    merge_xml = ""
    if merges:
        merge_xml = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(sheet_rows)}</sheetData>{merge_xml}</worksheet>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 24, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)


ACTOR_HEADER = ["Identifiant", "Nom", "Type de structure", "Présentation", "SIRET", "Adresse", "Code postal", "Commune", "Code INSEE",
                "Téléphone", "Courriel", "Site web", "Latitude", "Longitude"]


def actors(fixed):
    siret1 = luhn_siret("7821039580001")
    siret2 = luhn_siret("4471902630002")
    return [
        ["STR-57-001", "Association Handisport Lorraine Nord", "Associations", "Club omnisport ouvert aux sportifs en situation de handicap moteur ou sensoriel.",
         siret1, "12 rue de la Paix", "57100", "Thionville", "57672", "03 82 00 00 01", "contact@handisport-ln.example", "https://handisport-ln.example", 49.3571, 6.1682],
        ["STR-57-002", "Centre communal d'action sociale de Metz", "Centres communaux d'action sociale (CCAS)",
         "Accueil, information et accompagnement des Messins âgés ou en situation de handicap.", "", "22-24 rue du Wad Billy", "57000", "Metz", "57463",
         "03 87 00 00 02", "ccas@metz.example", "https://metz.example/ccas", 49.1163, 6.1797],
        ["STR-57-003", "Archers du Val de Fensch", "Clubs sportifs" if fixed else "Club handisport", "Tir à l'arc adapté, créneaux en fauteuil le mercredi.",
         siret2 if fixed else "12345678900000", "Stade municipal", "57700", "Hayange", "57306", "", "archers@fensch.example", "", 49.3289, 6.0619],
        ["STR-57-004", "GEM La Passerelle", "Groupes d'entraide mutuelle (GEM)", "Lieu d'accueil et d'entraide entre personnes vivant avec un handicap psychique.",
         "", "", "57200", "Sarreguemines", "57631", "03 87 00 00 04", "", "", None, None],
        ["STR-57-005", "Maison des aidants de Forbach", "Plateformes d'accompagnement et de répit", "Écoute, information et solutions de répit pour les proches aidants.",
         "", "3 avenue Saint-Rémy", "57600" if fixed else "75001", "Forbach", "57227", "03 87 00 00 05", "aidants@forbach.example", "", 49.1887, 6.8968],
        ["STR-57-006", "Médiathèque accessible de Bitche", "Bibliothèques et médiathèques", "Livres en gros caractères, livres audio et liseuses en prêt.",
         "", "1 place de l'Hôtel de Ville", "57230", "Bitche", "57089", "03 87 00 00 06", "", "", 49.0524, 7.4286],
    ]


def main():
    os.makedirs(SAMPLES, exist_ok=True)
    os.makedirs(FIXTURES, exist_ok=True)
    write_csv(os.path.join(SAMPLES, "actions-moselle.csv"), ACTION_HEADER, actions(False))
    write_csv(os.path.join(SAMPLES, "actions-moselle-corrige.csv"), ACTION_HEADER, actions(True))
    formula = {(6, 9): ('CONCATENATE("03 87 ","00 00 06")', "03 87 00 00 06")}
    write_xlsx(os.path.join(SAMPLES, "structures-moselle.xlsx"), "Structures", [ACTOR_HEADER] + actors(False), formulas=formula)
    write_xlsx(os.path.join(SAMPLES, "structures-moselle-corrige.xlsx"), "Structures", [ACTOR_HEADER] + actors(True))
    # Bad files for the tests.
    write_xlsx(os.path.join(FIXTURES, "merged-header.xlsx"), "Feuil1",
               [["Nom", "Adresse", "", "Commune"], ["Club", "1 rue", "bis", "Metz"]], merges=["B1:C1"])
    with open(os.path.join(FIXTURES, "text-named-xlsx.xlsx"), "w", encoding="utf-8") as f:
        f.write("Nom;Commune\r\nClub;Metz\r\n")


if __name__ == "__main__":
    main()
